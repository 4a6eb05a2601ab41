package cn.baomi.server.carrier;

import java.time.Instant;
import java.time.LocalDate;

/** One row of a copy's append-only history. */
record CopyEvent(long id, long copyId, EventType type, Instant at, String actor, Long fromCustodianId,
                 Long toCustodianId, Long safeId, String place, Channel channel, String counterpart, LocalDate dueDate,
                 String note, String mode) {

    static CopyEvent of(long copyId, EventType type, String actor) {
        return new CopyEvent(0, copyId, type, null, actor, null, null, null, null, null, null, null, null, null);
    }

    CopyEvent custody(Long from, Long to) {
        return new CopyEvent(id, copyId, type, at, actor, from, to, safeId, place, channel, counterpart, dueDate, note, mode);
    }

    CopyEvent at(Long safe, String newPlace) {
        return new CopyEvent(id, copyId, type, at, actor, fromCustodianId, toCustodianId, safe, newPlace, channel,
                counterpart, dueDate, note, mode);
    }

    CopyEvent travel(Channel how, String who) {
        return new CopyEvent(id, copyId, type, at, actor, fromCustodianId, toCustodianId, safeId, place, how, who,
                dueDate, note, mode);
    }

    CopyEvent due(LocalDate date) {
        return new CopyEvent(id, copyId, type, at, actor, fromCustodianId, toCustodianId, safeId, place, channel,
                counterpart, date, note, mode);
    }

    CopyEvent mode(String how) {
        return new CopyEvent(id, copyId, type, at, actor, fromCustodianId, toCustodianId, safeId, place, channel,
                counterpart, dueDate, note, how);
    }

    CopyEvent note(String text) {
        return new CopyEvent(id, copyId, type, at, actor, fromCustodianId, toCustodianId, safeId, place, channel,
                counterpart, dueDate, text, mode);
    }
}
