package cn.baomi.server.personnel.travel;

import java.time.LocalDate;

/**
 * A passport or travel document kept centrally by the unit (证照集中保管): KEPT in the secrecy office, or ISSUED to
 * the person with the date it is due back. Its number is stored SM4-encrypted (docs/decisions/0005); the record
 * carries only the masked copy made at registration (the last three characters), which every list shows.
 */
record TravelDocument(long id, long unitId, long personId, Kind kind, String maskedNumber, LocalDate expiresOn,
                      Status status, LocalDate dueOn, int version) {

    enum Kind { PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT, OTHER }

    enum Status { KEPT, ISSUED }

    public boolean overdueOn(LocalDate day) {
        return status == Status.ISSUED && dueOn != null && dueOn.isBefore(day);
    }

    /** The last three characters, asterisks before them; the same as the V67 migration made for existing numbers. */
    static String mask(String number) {
        return number.length() <= 3 ? "***" : "*".repeat(number.length() - 3) + number.substring(number.length() - 3);
    }
}
