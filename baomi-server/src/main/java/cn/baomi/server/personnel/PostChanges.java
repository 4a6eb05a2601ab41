package cn.baomi.server.personnel;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.baomi.server.organization.PersonPostChanged;

/** Changes of post (岗位变动) of cleared persons, each calling for a re-review. Rows are added, never changed. */
@Repository
class PostChanges {

    private final JdbcClient jdbc;

    PostChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(PersonPostChanged c, String level) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into personnel_post_changes (person_id, changed_on, clearance, from_unit_id, to_unit_id, "
                        + "from_department_id, to_department_id, from_position_id, to_position_id, recorded_at) "
                        + "values (?,?,?,?,?,?,?,?,?,?)")
                .params(c.personId(), Date.valueOf(c.changedOn()), level, c.fromUnitId(), c.toUnitId(),
                        c.fromDepartmentId(), c.toDepartmentId(), c.fromPositionId(), c.toPositionId(),
                        Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The days the person's post changed while cleared, newest first. */
    List<LocalDate> daysOf(long personId) {
        return jdbc.sql("select changed_on from personnel_post_changes where person_id = ? order by changed_on desc, id desc")
                .param(personId).query((rs, n) -> rs.getObject(1, LocalDate.class)).list();
    }
}
