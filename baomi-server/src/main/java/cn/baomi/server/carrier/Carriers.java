package cn.baomi.server.carrier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The carriers table. Level, duration and declassification are updated only by {@link #reclassify}, one
 * conditional update on the version read, in the transaction that records the change.
 */
@Repository
class Carriers {

    private static final String COLUMNS = "c.id, c.unit_id, c.carrier_type, c.title, c.document_number, c.secret_level, "
            + "c.duration_kind, c.duration_amount, c.duration_until, c.duration_condition, c.origin, c.origin_name, "
            + "c.copy_count, c.registered_by, c.created_at, c.version, c.declassified_on";

    private final JdbcClient jdbc;
    private final SearchGrams grams;

    Carriers(JdbcClient jdbc, SearchGrams grams) {
        this.jdbc = jdbc;
        this.grams = grams;
    }

    /** Inserts the carrier and indexes its title and document number for the text search. */
    long insert(Carrier c) {
        KeyHolder key = new GeneratedKeyHolder();
        SecrecyDuration d = c.duration();
        jdbc.sql("""
                insert into carriers (unit_id, carrier_type, title, document_number, secret_level, duration_kind,
                    duration_amount, duration_until, duration_condition, origin, origin_name, copy_count, registered_by,
                    created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.unitId(), c.type().name(), c.title(), c.documentNumber(), c.level().name(), d.kind().name(),
                        d.amount(), d.until(), d.condition(), c.origin().name(), c.originName(), c.copyCount(),
                        c.registeredBy(), Timestamp.from(c.createdAt()))
                .update(key, "id");
        long id = key.getKey().longValue();
        grams.carrierInserted(id);
        return id;
    }

    /** Counts copies made later with approval; level, duration and scope stay as registered. */
    void addCopies(long id, int count) {
        jdbc.sql("update carriers set copy_count = copy_count + ? where id = ?").params(count, id).update();
    }

    /** False when another change came first. */
    boolean reclassify(Carrier read, SecretLevel level, SecrecyDuration d, java.time.LocalDate declassifiedOn) {
        return jdbc.sql("""
                update carriers set secret_level = ?, duration_kind = ?, duration_amount = ?, duration_until = ?,
                    duration_condition = ?, declassified_on = ?, version = version + 1
                where id = ? and version = ?""")
                .params(level.name(), d.kind().name(), d.amount(), d.until(), d.condition(), declassifiedOn, read.id(),
                        read.version())
                .update() == 1;
    }

    Optional<Carrier> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from carriers c where c.id = ?").param(id).query(Carriers::map).optional();
    }

    static Carrier map(ResultSet rs, int row) throws SQLException {
        java.sql.Date until = rs.getDate("duration_until");
        Integer amount = (Integer) rs.getObject("duration_amount", Integer.class);
        SecrecyDuration duration = new SecrecyDuration(SecrecyDuration.Kind.valueOf(rs.getString("duration_kind")),
                amount, until == null ? null : until.toLocalDate(), rs.getString("duration_condition"));
        Timestamp created = rs.getTimestamp("created_at");
        return new Carrier(rs.getLong("id"), rs.getLong("unit_id"), CarrierType.valueOf(rs.getString("carrier_type")),
                rs.getString("title"), rs.getString("document_number"), SecretLevel.valueOf(rs.getString("secret_level")),
                duration, Origin.valueOf(rs.getString("origin")), rs.getString("origin_name"), rs.getInt("copy_count"),
                rs.getString("registered_by"), created == null ? Instant.EPOCH : created.toInstant(), rs.getInt("version"),
                rs.getDate("declassified_on") == null ? null : rs.getDate("declassified_on").toLocalDate());
    }
}
