package cn.baomi.server.personnel;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.baomi.server.shared.ClearanceLevel;

/** Reads {@link FileFacts} for many persons at once, a handful of grouped queries instead of one per person. */
@Repository
class FileSummaries {

    private final JdbcClient jdbc;

    FileSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    FileFacts of(long personId) {
        return of(List.of(personId)).get(personId);
    }

    Map<Long, FileFacts> of(Collection<Long> personIds) {
        Map<Long, FileFacts> facts = new HashMap<>();
        if (personIds.isEmpty()) {
            return facts;
        }
        Map<Long, LocalDate> reviews = dates("select person_id, max(reviewed_on) from personnel_reviews "
                + "where outcome = 'PASSED' and person_id in (:ids) group by person_id", personIds);
        Set<Long> trained = ids("select distinct person_id from personnel_trainings where kind = 'PRE_POST' "
                + "and test_passed = true and person_id in (:ids)", personIds);
        Set<Long> prePost = ids("select distinct person_id from personnel_commitments where kind = 'PRE_POST' "
                + "and person_id in (:ids)", personIds);
        Map<Long, LocalDate> signed = dates("select person_id, max(signed_on) from personnel_commitments "
                + "where kind in ('PRE_POST', 'ANNUAL') and person_id in (:ids) group by person_id", personIds);
        Map<Long, LocalDate> postChanges = dates("select person_id, max(changed_on) from personnel_post_changes "
                + "where person_id in (:ids) group by person_id", personIds);
        Map<Long, BigDecimal> hours = new HashMap<>();
        jdbc.sql("select person_id, sum(hours) from personnel_trainings where trained_on >= :from and person_id in (:ids) "
                        + "group by person_id")
                .param("from", Date.valueOf(LocalDate.now().withDayOfYear(1))).param("ids", personIds)
                .query(rs -> {
                    hours.put(rs.getLong(1), rs.getBigDecimal(2));
                });
        Map<Long, String[]> granted = new HashMap<>();
        jdbc.sql("select person_id, to_level, exception_reason from personnel_levels where state = 'GRANTED' "
                        + "and person_id in (:ids) order by decided_at, id")
                .param("ids", personIds)
                .query(rs -> {
                    granted.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                });
        for (Long id : personIds) {
            String[] level = granted.get(id);
            facts.put(id, new FileFacts(id, reviews.get(id), trained.contains(id), prePost.contains(id), signed.get(id),
                    level == null ? null : ClearanceLevel.valueOf(level[0]), level != null && level[1] != null,
                    hours.getOrDefault(id, BigDecimal.ZERO), postChanges.get(id)));
        }
        return facts;
    }

    private Map<Long, LocalDate> dates(String sql, Collection<Long> personIds) {
        Map<Long, LocalDate> dates = new HashMap<>();
        jdbc.sql(sql).param("ids", personIds).query(rs -> {
            dates.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
        });
        return dates;
    }

    private Set<Long> ids(String sql, Collection<Long> personIds) {
        return new HashSet<>(jdbc.sql(sql).param("ids", personIds).query(Long.class).list());
    }
}
