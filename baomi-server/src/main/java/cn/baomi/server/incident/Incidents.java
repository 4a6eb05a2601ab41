package cn.baomi.server.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The incident register, newest first. */
@Repository
class Incidents {

    private static final String SELECT = "select id, unit_id, kind, status, reported_by, reporter_person_id, reported_at, "
            + "description, carrier_id, copy_id, ledger_number, secret_level, last_custodian_id, inventory_id from incidents ";

    private final JdbcClient jdbc;

    Incidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Incident i) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into incidents (unit_id, kind, status, reported_by, reporter_person_id, reported_at, description, "
                        + "carrier_id, copy_id, ledger_number, secret_level, last_custodian_id, inventory_id) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(i.unitId(), i.kind().name(), i.status().name(), i.reportedBy(), i.reporterPersonId(),
                        Timestamp.from(i.reportedAt()), i.description(), i.carrierId(), i.copyId(), i.ledgerNumber(),
                        i.level(), i.lastCustodianId(), i.inventoryId())
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<Incident> find(long id) {
        return jdbc.sql(SELECT + "where id = ?").param(id).query(Incidents::map).optional();
    }

    List<Incident> ofUnits(Set<Long> unitIds, int limit) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + "where unit_id in (:units) order by id desc limit :limit")
                .param("units", List.copyOf(unitIds)).param("limit", limit).query(Incidents::map).list();
    }

    private static Incident map(ResultSet rs, int row) throws SQLException {
        return new Incident(rs.getLong("id"), rs.getLong("unit_id"), IncidentKind.valueOf(rs.getString("kind")),
                IncidentStatus.valueOf(rs.getString("status")), rs.getString("reported_by"),
                rs.getObject("reporter_person_id", Long.class), rs.getTimestamp("reported_at").toInstant(),
                rs.getString("description"), rs.getObject("carrier_id", Long.class), rs.getObject("copy_id", Long.class),
                rs.getString("ledger_number"),
                rs.getString("secret_level"), rs.getObject("last_custodian_id", Long.class),
                rs.getObject("inventory_id", Long.class));
    }
}
