package cn.baomi.server.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.baomi.server.shared.ClearanceLevel;

/**
 * The persons; every write tells {@link OrganizationChanges}. The ID number is stored encrypted, with a keyed digest
 * for uniqueness and a masked form for lists.
 */
@Repository
class Persons {

    /** What is written for a person; the ID number fields are null on an update that keeps the number. */
    record Data(long unitId, Long departmentId, Long positionId, String name, String idNumberCipher,
                String idNumberDigest, String idNumberMasked, EmploymentType employmentType, ClearanceLevel clearance) {
    }

    private static final String SELECT = "select p.id, p.unit_id, u.name as unit_name, p.department_id, "
            + "d.name as department_name, p.position_id, s.name as position_name, p.name, p.id_number_masked, "
            + "p.employment_type, p.clearance, p.active from persons p join units u on u.id = p.unit_id "
            + "left join departments d on d.id = p.department_id left join positions s on s.id = p.position_id ";
    private final JdbcClient jdbc;
    private final OrganizationChanges changes;

    Persons(JdbcClient jdbc, OrganizationChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    Optional<Person> find(long id) {
        return jdbc.sql(SELECT + "where p.id = ?").param(id).query(Persons::map).optional();
    }

    List<Person> activeInUnit(long unitId) {
        return jdbc.sql(SELECT + "where p.unit_id = ? and p.active = true order by p.name, p.id").param(unitId)
                .query(Persons::map).list();
    }

    List<Person> search(PersonQuery query, Collection<Long> unitIds) {
        Map<String, Object> params = new HashMap<>();
        String where = where(query, unitIds, params);
        return jdbc.sql(SELECT + where + " order by u.code, p.name, p.id limit :limit offset :offset").params(params)
                .param("limit", query.size()).param("offset", query.page() * query.size())
                .query(Persons::map).list();
    }

    long count(PersonQuery query, Collection<Long> unitIds) {
        Map<String, Object> params = new HashMap<>();
        String where = where(query, unitIds, params);
        return jdbc.sql("select count(*) from persons p join units u on u.id = p.unit_id " + where).params(params)
                .query(Long.class).single();
    }

    boolean idNumberTaken(String digest, Long exceptId) {
        return jdbc.sql("select count(*) from persons where id_number_digest = ? and id <> ?")
                .params(digest, exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    String idNumberCipher(long id) {
        return jdbc.sql("select id_number_cipher from persons where id = ?").param(id).query(String.class).single();
    }

    long insert(Data d) {
        Timestamp now = Timestamp.from(Instant.now());
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into persons (unit_id, department_id, position_id, name, id_number_cipher, id_number_digest, "
                        + "id_number_masked, employment_type, clearance, active, created_at, updated_at) "
                        + "values (?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(d.unitId(), d.departmentId(), d.positionId(), d.name(), d.idNumberCipher(), d.idNumberDigest(),
                        d.idNumberMasked(), d.employmentType().name(), d.clearance().name(), true, now, now)
                .update(keys, "id");
        changes.changed();
        return keys.getKey().longValue();
    }

    void update(long id, Data d) {
        jdbc.sql("update persons set unit_id = ?, department_id = ?, position_id = ?, name = ?, employment_type = ?, "
                        + "clearance = ?, updated_at = ? where id = ?")
                .params(d.unitId(), d.departmentId(), d.positionId(), d.name(), d.employmentType().name(),
                        d.clearance().name(), Timestamp.from(Instant.now()), id).update();
        if (d.idNumberCipher() != null) {
            jdbc.sql("update persons set id_number_cipher = ?, id_number_digest = ?, id_number_masked = ? where id = ?")
                    .params(d.idNumberCipher(), d.idNumberDigest(), d.idNumberMasked(), id).update();
        }
        changes.changed();
    }

    void updateClearance(long id, ClearanceLevel clearance) {
        jdbc.sql("update persons set clearance = ?, updated_at = ? where id = ?")
                .params(clearance.name(), Timestamp.from(Instant.now()), id).update();
        changes.changed();
    }

    void deactivate(long id) {
        jdbc.sql("update persons set active = false, updated_at = ? where id = ?")
                .params(Timestamp.from(Instant.now()), id).update();
        changes.changed();
    }

    private static String where(PersonQuery query, Collection<Long> unitIds, Map<String, Object> params) {
        params.put("units", unitIds);
        StringBuilder where = new StringBuilder("where p.unit_id in (:units)");
        if (query.q() != null && !query.q().isBlank()) {
            where.append(" and lower(p.name) like :q");
            params.put("q", "%" + query.q().trim().toLowerCase() + "%");
        }
        filter(where, params, "p.unit_id", "unit", query.unitId());
        filter(where, params, "p.department_id", "department", query.departmentId());
        filter(where, params, "p.clearance", "clearance", query.clearance() == null ? null : query.clearance().name());
        filter(where, params, "p.employment_type", "employment",
                query.employmentType() == null ? null : query.employmentType().name());
        filter(where, params, "p.active", "active", query.active());
        return where.toString();
    }

    private static void filter(StringBuilder where, Map<String, Object> params, String column, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }

    private static Person map(ResultSet rs, int row) throws SQLException {
        return new Person(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"),
                rs.getObject("department_id", Long.class), rs.getString("department_name"),
                rs.getObject("position_id", Long.class), rs.getString("position_name"), rs.getString("name"),
                rs.getString("id_number_masked"), EmploymentType.valueOf(rs.getString("employment_type")),
                ClearanceLevel.valueOf(rs.getString("clearance")), rs.getBoolean("active"));
    }
}
