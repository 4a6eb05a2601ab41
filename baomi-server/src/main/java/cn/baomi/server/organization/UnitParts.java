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

/** The SQL shared by {@link Departments} and {@link Positions}, which differ only in their table. Every write
 * tells {@link OrganizationChanges}. */
abstract class UnitParts {

    private final JdbcClient jdbc;
    private final OrganizationChanges changes;
    private final String table;
    private final String select;

    UnitParts(JdbcClient jdbc, OrganizationChanges changes, String table) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.table = table;
        this.select = "select p.id, p.unit_id, u.name as unit_name, p.name, p.active from " + table
                + " p join units u on u.id = p.unit_id ";
    }

    Optional<Part> find(long id) {
        return jdbc.sql(select + "where p.id = ?").param(id).query(UnitParts::map).optional();
    }

    List<Part> search(Collection<Long> unitIds, String query, boolean includeInactive, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(unitIds, query, includeInactive, params);
        return jdbc.sql(select + where + " order by u.code, p.name, p.id limit :limit offset :offset")
                .params(params).param("limit", limit).param("offset", offset).query(UnitParts::map).list();
    }

    long count(Collection<Long> unitIds, String query, boolean includeInactive) {
        Map<String, Object> params = new HashMap<>();
        String where = where(unitIds, query, includeInactive, params);
        return jdbc.sql("select count(*) from " + table + " p join units u on u.id = p.unit_id " + where)
                .params(params).query(Long.class).single();
    }

    boolean nameTaken(long unitId, String name, Long exceptId) {
        return jdbc.sql("select count(*) from " + table + " where unit_id = ? and name = ? and id <> ?")
                .params(unitId, name, exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    long insert(long unitId, String name) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into " + table + " (unit_id, name, active, created_at) values (?,?,?,?)")
                .params(unitId, name, true, Timestamp.from(Instant.now())).update(keys, "id");
        changes.changed();
        return keys.getKey().longValue();
    }

    void rename(long id, String name) {
        jdbc.sql("update " + table + " set name = ? where id = ?").params(name, id).update();
        changes.changed();
    }

    void deactivate(long id) {
        jdbc.sql("update " + table + " set active = false where id = ?").param(id).update();
        changes.changed();
    }

    private static String where(Collection<Long> unitIds, String query, boolean includeInactive,
                                Map<String, Object> params) {
        params.put("units", unitIds);
        StringBuilder where = new StringBuilder("where p.unit_id in (:units)");
        if (!includeInactive) {
            where.append(" and p.active = true");
        }
        if (query != null && !query.isBlank()) {
            where.append(" and lower(p.name) like :q");
            params.put("q", "%" + query.trim().toLowerCase() + "%");
        }
        return where.toString();
    }

    private static Part map(ResultSet rs, int row) throws SQLException {
        return new Part(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("name"),
                rs.getBoolean("active"));
    }
}
