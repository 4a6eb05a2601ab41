package cn.baomi.server.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The units. There are few of them (hundreds at most), so the tree is walked in memory. Every write
 * tells {@link OrganizationChanges}. */
@Repository
class Units {

    private static final String COLUMNS = "select id, parent_id, code, name, supervising, active from units ";
    private final JdbcClient jdbc;
    private final OrganizationChanges changes;

    Units(JdbcClient jdbc, OrganizationChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    List<Unit> all() {
        return jdbc.sql(COLUMNS + "order by code, id").query(Units::map).list();
    }

    Optional<Unit> find(long id) {
        return jdbc.sql(COLUMNS + "where id = ?").param(id).query(Units::map).optional();
    }

    boolean codeTaken(String code, Long exceptId) {
        return jdbc.sql("select count(*) from units where code = ? and id <> ?")
                .params(code, exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    long insert(Long parentId, String code, String name, boolean supervising) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into units (parent_id, code, name, supervising, active, created_at) values (?,?,?,?,?,?)")
                .params(parentId, code, name, supervising, true, Timestamp.from(Instant.now()))
                .update(keys, "id");
        changes.changed();
        return keys.getKey().longValue();
    }

    void update(long id, Long parentId, String code, String name, boolean supervising) {
        jdbc.sql("update units set parent_id = ?, code = ?, name = ?, supervising = ? where id = ?")
                .params(parentId, code, name, supervising, id).update();
        changes.changed();
    }

    void deactivate(long id) {
        jdbc.sql("update units set active = false where id = ?").param(id).update();
        changes.changed();
    }

    private static Unit map(ResultSet rs, int row) throws SQLException {
        return new Unit(rs.getLong("id"), rs.getObject("parent_id", Long.class), rs.getString("code"),
                rs.getString("name"), rs.getBoolean("supervising"), rs.getBoolean("active"));
    }
}
