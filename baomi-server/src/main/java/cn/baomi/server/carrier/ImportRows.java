package cn.baomi.server.carrier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.baomi.server.organization.PartSummary;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.organization.UnitSummary;
import cn.baomi.server.shared.excel.XlsxReader;

/**
 * Turns the rows of an import sheet into registration forms: each cell is read against what its column allows
 * ({@link ImportColumn}), names are looked up in the organisation ({@link ImportNames}), and every cell that cannot
 * be read becomes a problem of its row. What registration itself checks (durations, scope, holders, places) is left
 * to {@link CarrierService#register}, so that there is one set of rules.
 */
final class ImportRows {

    /** A cell (or, without a column, a whole row or the file) that cannot be imported, as a message key. */
    record Problem(int row, ImportColumn column, String value, String key, Object... arguments) {
    }

    /** A row read into a form, or the problems that kept it from being read. */
    record Parsed(int row, CarrierForm form, List<Problem> problems) {
    }

    private static final Pattern YEARS = Pattern.compile("(\\d{1,3})\\s*年");
    private static final Pattern MONTHS = Pattern.compile("(\\d{1,4})\\s*个?月");
    private static final Pattern CONDITION = Pattern.compile("^(?:解密)?条件\\s*[:：]\\s*(.+)$");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("uuuu-M-d"),
            DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu.M.d"),
            DateTimeFormatter.ofPattern("uuuu年M月d日"));

    private final Map<String, Object> labels;
    private final long defaultUnit;
    private final Function<Long, List<Safe>> safesOf;
    private final ImportNames names;
    private Map<ImportColumn, Integer> positions;

    /**
     * @param labels    what a user may type for each enum value (its Chinese label, and the constant's name)
     * @param units     the units the importer keeps
     * @param personsOf the active persons of a unit
     * @param safesOf   the safes of a unit
     * @param departmentsOf the active departments of a unit
     * @param positionsOf   the active positions of a unit
     */
    ImportRows(Map<String, Object> labels, long defaultUnit, List<UnitSummary> units,
               Function<Long, List<PersonSummary>> personsOf, Function<Long, List<Safe>> safesOf,
               Function<Long, List<PartSummary>> departmentsOf, Function<Long, List<PartSummary>> positionsOf) {
        this.labels = labels;
        this.defaultUnit = defaultUnit;
        this.safesOf = safesOf;
        this.names = new ImportNames(units, personsOf, departmentsOf, positionsOf);
    }

    /** Finds the columns in the header row; problems name each required column that is missing. */
    List<Problem> header(XlsxReader.Row header) {
        positions = new EnumMap<>(ImportColumn.class);
        for (int i = 0; i < header.cells().size(); i++) {
            for (ImportColumn column : ImportColumn.values()) {
                if (column.matches(header.cell(i)) && !positions.containsKey(column)) {
                    positions.put(column, i);
                }
            }
        }
        List<Problem> missing = new ArrayList<>();
        for (ImportColumn column : ImportColumn.values()) {
            if (column.required() && !positions.containsKey(column)) {
                missing.add(new Problem(header.number(), column, "", "carrier.import.missingColumn", column.header()));
            }
        }
        return missing;
    }

    /** A problem found by registration for the column of {@code field}, with what the row says there. */
    Problem violation(XlsxReader.Row row, String field, String key, Object... arguments) {
        ImportColumn column = ImportColumn.ofField(field);
        Integer position = column == null ? null : positions.get(column);
        return new Problem(row.number(), column, position == null ? "" : row.cell(position), key, arguments);
    }

    Parsed parse(XlsxReader.Row row) {
        List<Problem> problems = new ArrayList<>();
        Cells cells = new Cells(row, problems);
        CarrierForm form = new CarrierForm();
        form.setTitle(cells.text(ImportColumn.TITLE, 200));
        form.setDocumentNumber(cells.text(ImportColumn.DOCUMENT_NUMBER, 100));
        form.setType(cells.choice(ImportColumn.TYPE, CarrierType.class));
        form.setLevel(cells.choice(ImportColumn.LEVEL, SecretLevel.class));
        duration(cells, form);
        form.setCopies(cells.number(ImportColumn.COPIES, 1, 100));
        Origin origin = cells.choice(ImportColumn.ORIGIN, Origin.class);
        form.setOrigin(origin == null ? Origin.OWN_UNIT : origin);
        form.setOriginName(cells.text(ImportColumn.ORIGIN_NAME, 100));
        form.setChannel(cells.choice(ImportColumn.CHANNEL, Channel.class));
        long unit = unit(cells);
        form.setUnitId(unit);
        form.setCustodianId(person(cells, ImportColumn.CUSTODIAN, cells.get(ImportColumn.CUSTODIAN), unit));
        form.setPlace(cells.text(ImportColumn.PLACE, 100));
        String safe = cells.get(ImportColumn.SAFE);
        if (!safe.isEmpty()) {
            safesOf.apply(unit).stream().filter(s -> s.number().equalsIgnoreCase(safe)).findFirst().ifPresentOrElse(
                    s -> form.setSafeId(s.id()),
                    () -> cells.problem(ImportColumn.SAFE, "carrier.import.unknownSafe", safe));
            if (form.getPlace() != null) {
                cells.problem(ImportColumn.PLACE, "carrier.import.safeAndPlace");
            }
        }
        scope(cells, form, unit);
        return new Parsed(row.number(), problems.isEmpty() ? form : null, problems);
    }

    private void duration(Cells cells, CarrierForm form) {
        String text = cells.get(ImportColumn.DURATION);
        Matcher years = YEARS.matcher(text);
        Matcher months = MONTHS.matcher(text);
        Matcher condition = CONDITION.matcher(text);
        if (text.isEmpty() || text.equals("默认")) {
            form.setDurationKind(SecrecyDuration.Kind.DEFAULT);
        } else if (text.equals("长期")) {
            form.setDurationKind(SecrecyDuration.Kind.LONG_TERM);
        } else if (years.matches()) {
            form.setDurationKind(SecrecyDuration.Kind.YEARS);
            form.setDurationAmount(Integer.parseInt(years.group(1)));
        } else if (months.matches()) {
            form.setDurationKind(SecrecyDuration.Kind.MONTHS);
            form.setDurationAmount(Integer.parseInt(months.group(1)));
        } else if (condition.matches()) {
            form.setDurationKind(SecrecyDuration.Kind.UNTIL_CONDITION);
            form.setDurationCondition(condition.group(1).strip());
        } else {
            LocalDate date = date(text);
            if (date == null) {
                cells.problem(ImportColumn.DURATION, "carrier.import.unreadable");
            } else {
                form.setDurationKind(SecrecyDuration.Kind.UNTIL_DATE);
                form.setDurationUntil(date);
            }
        }
    }

    private long unit(Cells cells) {
        String text = cells.get(ImportColumn.UNIT);
        if (text.isEmpty()) {
            return defaultUnit;
        }
        UnitSummary named = names.unit(text);
        if (named == null) {
            cells.problem(ImportColumn.UNIT, "carrier.import.unknownUnit", text);
            return defaultUnit;
        }
        return named.id();
    }

    /** The scope cell, read by {@link ImportNames#scope}. */
    private void scope(Cells cells, CarrierForm form, long unit) {
        names.scope(cells.get(ImportColumn.SCOPE), unit, form, (key, arguments) ->
                cells.problem(ImportColumn.SCOPE, key, arguments));
    }

    private Long person(Cells cells, ImportColumn column, String text, long unit) {
        return names.person(text, unit, (key, arguments) -> cells.problem(column, key, arguments));
    }

    private static LocalDate date(String text) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format.withResolverStyle(java.time.format.ResolverStyle.STRICT));
            } catch (DateTimeParseException e) {
                // try the next way of writing a date
            }
        }
        return null;
    }

    /** The cells of one row by column, noting a problem for each that cannot be read. */
    private final class Cells {

        private final XlsxReader.Row row;
        private final List<Problem> problems;

        Cells(XlsxReader.Row row, List<Problem> problems) {
            this.row = row;
            this.problems = problems;
        }

        String get(ImportColumn column) {
            Integer position = positions.get(column);
            String value = position == null ? "" : row.cell(position).strip();
            if (value.isEmpty() && column.required()) {
                problem(column, "carrier.import.required");
            }
            return value;
        }

        String text(ImportColumn column, int max) {
            String value = get(column);
            if (value.length() > max) {
                problem(column, "carrier.import.tooLong", max);
            }
            return value.isEmpty() ? null : value;
        }

        Integer number(ImportColumn column, int min, int max) {
            String value = get(column);
            if (value.isEmpty()) {
                return null;
            }
            int n;
            try {
                n = new java.math.BigDecimal(value).intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                problem(column, "carrier.import.unreadable");
                return null;
            }
            if (n < min || n > max) {
                problem(column, "carrier.import.outOfRange", min, max);
                return null;
            }
            return n;
        }

        <E extends Enum<E>> E choice(ImportColumn column, Class<E> type) {
            String value = get(column);
            if (value.isEmpty()) {
                return null;
            }
            Object found = labels.get(type.getSimpleName() + ":" + value.toUpperCase(Locale.ROOT));
            if (type.isInstance(found)) {
                return type.cast(found);
            }
            problem(column, "carrier.import.unreadable");
            return null;
        }

        void problem(ImportColumn column, String key, Object... arguments) {
            Integer position = column == null ? null : positions.get(column);
            String value = position == null ? "" : row.cell(position);
            problems.add(new Problem(row.number(), column, value, key, arguments));
        }
    }
}
