package cn.baomi.server.carrier;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The register of safes (保密柜). */
@Repository
class Safes {

    private final JdbcClient jdbc;

    Safes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long unitId, String number, String place, long responsiblePersonId) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into safes (unit_id, number, place, responsible_person_id, created_at) values (?, ?, ?, ?, ?)")
                .params(unitId, number, place, responsiblePersonId, Timestamp.from(Instant.now()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<Safe> find(long id) {
        return jdbc.sql("select id, unit_id, number, place, responsible_person_id from safes where id = ?").param(id)
                .query(Safe.class).optional();
    }

    List<Safe> inUnits(Set<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, unit_id, number, place, responsible_person_id from safes where unit_id in (:units) "
                        + "order by unit_id, number")
                .param("units", List.copyOf(unitIds)).query(Safe.class).list();
    }
}
