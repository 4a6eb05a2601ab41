package cn.baomi.server.personnel;

import java.time.LocalDate;
import java.util.List;

/** One dated event of a person's file; {@code type} is a code, {@code messageKey} and {@code arguments} its text. */
record TimelineEntry(LocalDate date, String type, String messageKey, List<Object> arguments) {
}
