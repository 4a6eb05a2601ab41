package cn.baomi.server.personnel.travel;

import java.time.LocalDate;

/**
 * A passport or travel document kept centrally by the unit (证照集中保管): KEPT in the secrecy office, or ISSUED to
 * the person with the date it is due back.
 */
record TravelDocument(long id, long unitId, long personId, Kind kind, String number, LocalDate expiresOn, Status status,
                      LocalDate dueOn, int version) {

    enum Kind { PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT, OTHER }

    enum Status { KEPT, ISSUED }

    public boolean overdueOn(LocalDate day) {
        return status == Status.ISSUED && dueOn != null && dueOn.isBefore(day);
    }

    /** The number as shown to everyone but the secrecy office: the last three characters. */
    String maskedNumber() {
        return number.length() <= 3 ? "***" : "*".repeat(number.length() - 3) + number.substring(number.length() - 3);
    }
}
