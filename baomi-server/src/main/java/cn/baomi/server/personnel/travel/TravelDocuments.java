package cn.baomi.server.personnel.travel;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The register of travel documents and the history of each issue and return. Issuing and returning are one
 * conditional update on status and version each, so a document is never issued twice at once. Numbers are stored as
 * SM4 ciphertext with a keyed digest (unique per kind) and a masked copy; only {@link #numberCipher} reads the cipher.
 */
@Repository
class TravelDocuments {

    /** One time a document was out: when issued, for which trip, when due, when returned. */
    record Loan(long id, long documentId, Long travelId, LocalDate issuedOn, LocalDate dueOn, String issuedBy,
                LocalDate returnedOn, String returnedBy) {
    }

    private static final String SELECT = "select id, unit_id, person_id, kind, number_masked, expires_on, status, due_on,"
            + " version from travel_documents";

    private final JdbcClient jdbc;

    TravelDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The number as stored: ciphertext, keyed digest, masked copy. */
    record StoredNumber(String cipher, String digest, String masked) {
    }

    long insert(long unitId, long personId, TravelDocument.Kind kind, StoredNumber number, LocalDate expiresOn, String by,
                Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into travel_documents (unit_id, person_id, kind, number_cipher, number_digest, number_masked,
                            expires_on, status, registered_by, registered_at) values (?, ?, ?, ?, ?, ?, ?, 'KEPT', ?, ?)""")
                .params(unitId, personId, kind.name(), number.cipher(), number.digest(), number.masked(),
                        expiresOn == null ? null : Date.valueOf(expiresOn), by, Timestamp.from(at))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    boolean numberTaken(TravelDocument.Kind kind, String digest) {
        return jdbc.sql("select count(*) from travel_documents where kind = ? and number_digest = ?")
                .params(kind.name(), digest).query(Long.class).single() > 0;
    }

    String numberCipher(long id) {
        return jdbc.sql("select number_cipher from travel_documents where id = ?").param(id).query(String.class).single();
    }

    /** Whether a document issued for the trip is still out. */
    boolean outForTravel(long travelId) {
        return jdbc.sql("select count(*) from travel_document_loans where travel_id = ? and returned_on is null")
                .param(travelId).query(Long.class).single() > 0;
    }

    Optional<TravelDocument> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(TravelDocuments::map).optional();
    }

    List<TravelDocument> inUnits(Set<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where unit_id in (:units) order by person_id, id").param("units", List.copyOf(unitIds))
                .query(TravelDocuments::map).list();
    }

    List<TravelDocument> ofPerson(long personId) {
        return jdbc.sql(SELECT + " where person_id = ? order by id").param(personId).query(TravelDocuments::map).list();
    }

    List<TravelDocument> overdue(Set<Long> unitIds, LocalDate day) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where unit_id in (:units) and status = 'ISSUED' and due_on < :day order by due_on")
                .param("units", List.copyOf(unitIds)).param("day", Date.valueOf(day)).query(TravelDocuments::map).list();
    }

    boolean issue(TravelDocument d, Long travelId, LocalDate issuedOn, LocalDate dueOn, String by) {
        boolean moved = jdbc.sql("update travel_documents set status = 'ISSUED', due_on = ?, version = version + 1"
                        + " where id = ? and status = 'KEPT' and version = ?")
                .params(Date.valueOf(dueOn), d.id(), d.version()).update() == 1;
        if (moved) {
            jdbc.sql("insert into travel_document_loans (document_id, travel_id, issued_on, due_on, issued_by) values (?, ?, ?, ?, ?)")
                    .params(d.id(), travelId, Date.valueOf(issuedOn), Date.valueOf(dueOn), by).update();
        }
        return moved;
    }

    boolean giveBack(TravelDocument d, LocalDate returnedOn, String by) {
        boolean moved = jdbc.sql("update travel_documents set status = 'KEPT', due_on = null, version = version + 1"
                        + " where id = ? and status = 'ISSUED' and version = ?")
                .params(d.id(), d.version()).update() == 1;
        if (moved) {
            jdbc.sql("update travel_document_loans set returned_on = ?, returned_by = ? where document_id = ? and returned_on is null")
                    .params(Date.valueOf(returnedOn), by, d.id()).update();
        }
        return moved;
    }

    Optional<Loan> openLoan(long documentId) {
        return jdbc.sql("select id, document_id, travel_id, issued_on, due_on, issued_by, returned_on, returned_by"
                        + " from travel_document_loans where document_id = ? and returned_on is null")
                .param(documentId).query(TravelDocuments::loan).optional();
    }

    List<Loan> loans(long documentId) {
        return jdbc.sql("select id, document_id, travel_id, issued_on, due_on, issued_by, returned_on, returned_by"
                        + " from travel_document_loans where document_id = ? order by id")
                .param(documentId).query(TravelDocuments::loan).list();
    }

    private static TravelDocument map(ResultSet rs, int n) throws SQLException {
        Date expires = rs.getDate("expires_on");
        Date due = rs.getDate("due_on");
        return new TravelDocument(rs.getLong("id"), rs.getLong("unit_id"), rs.getLong("person_id"),
                TravelDocument.Kind.valueOf(rs.getString("kind")), rs.getString("number_masked"),
                expires == null ? null : expires.toLocalDate(), TravelDocument.Status.valueOf(rs.getString("status")),
                due == null ? null : due.toLocalDate(), rs.getInt("version"));
    }

    private static Loan loan(ResultSet rs, int n) throws SQLException {
        Date returned = rs.getDate("returned_on");
        return new Loan(rs.getLong("id"), rs.getLong("document_id"), rs.getObject("travel_id", Long.class),
                rs.getDate("issued_on").toLocalDate(), rs.getDate("due_on").toLocalDate(), rs.getString("issued_by"),
                returned == null ? null : returned.toLocalDate(), rs.getString("returned_by"));
    }
}
