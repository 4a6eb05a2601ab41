package cn.baomi.server.personnel;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.baomi.server.organization.EmploymentType;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.shared.ClearanceLevel;

/**
 * The roster in SQL: active persons with a clearance ({@code person_directory}, the organisation's read-only view)
 * within a {@link RosterScope}, with the facts of their file read by correlated sub-queries (each an index look-up
 * by person), filtered — the status filters too, as conditions equal to {@link FileStatuses} with the day
 * thresholds of {@link StatusThresholds}, a change of post not reviewed since making a re-review overdue — then
 * counted and paged, or streamed for an export. Ordered by level
 * (core first), unit, department, name.
 */
@Repository
class RosterEntries {

    /** A row: the person and the facts of their file, from which {@link FileStatuses} computes the status shown. */
    record Entry(PersonSummary person, FileFacts facts) {
    }

    private static final String FACTS = """
            select p.id, p.unit_id, p.department_id, p.position_id, p.name, p.clearance, p.employment_type, p.active,
                (select max(r.reviewed_on) from personnel_reviews r
                    where r.person_id = p.id and r.outcome = 'PASSED') as last_review,
                case when exists (select 1 from personnel_trainings t where t.person_id = p.id and t.kind = 'PRE_POST'
                    and t.test_passed = true) then true else false end as pre_training,
                case when exists (select 1 from personnel_commitments c where c.person_id = p.id and c.kind = 'PRE_POST')
                    then true else false end as pre_commitment,
                (select max(c.signed_on) from personnel_commitments c
                    where c.person_id = p.id and c.kind in ('PRE_POST', 'ANNUAL')) as last_commitment,
                (select l.to_level from personnel_levels l where l.person_id = p.id and l.state = 'GRANTED'
                    order by l.decided_at desc, l.id desc limit 1) as granted_level,
                (select case when l.exception_reason is null then false else true end from personnel_levels l
                    where l.person_id = p.id and l.state = 'GRANTED'
                    order by l.decided_at desc, l.id desc limit 1) as granted_exception,
                (select coalesce(sum(t.hours), 0) from personnel_trainings t
                    where t.person_id = p.id and t.trained_on >= :yearStart) as hours,
                (select max(pc.changed_on) from personnel_post_changes pc where pc.person_id = p.id) as last_post_change,
                case when p.employment_type in (:exceptionTypes) then true else false end as exception_needed
            from person_directory p
            """;

    /** On the derived row {@code f}: every checklist item done (never null: a missing grant is false). */
    static final String CLEARED = "(f.last_review is not null and f.pre_training and f.pre_commitment"
            + " and f.granted_level is not null and f.granted_level = f.clearance"
            + " and (not f.exception_needed or f.granted_exception))";
    static final String OVERDUE = "(f.last_review is null"
            + " or (f.last_post_change is not null and f.last_review < f.last_post_change)"
            + " or (f.clearance = 'CORE' and f.last_review <= :overdueCore)"
            + " or (f.clearance = 'IMPORTANT' and f.last_review <= :overdueImportant)"
            + " or (f.clearance = 'GENERAL' and f.last_review <= :overdueGeneral))";
    static final String DUE_SOON = "(f.last_review is not null and not " + OVERDUE
            + " and ((f.clearance = 'CORE' and f.last_review <= :soonCore)"
            + " or (f.clearance = 'IMPORTANT' and f.last_review <= :soonImportant)"
            + " or (f.clearance = 'GENERAL' and f.last_review <= :soonGeneral)))";
    static final String OUT_OF_DATE = "(f.last_commitment is null or f.last_commitment <= :commitmentStale)";
    private static final String ORDER = " order by case f.clearance when 'CORE' then 0 when 'IMPORTANT' then 1 else 2 end,"
            + " f.unit_id, f.department_id nulls first, f.name, f.id";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;

    RosterEntries(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(500);
        this.streaming = new NamedParameterJdbcTemplate(template);
    }

    /** One page ({@code page} from 0) and the number of all matches. */
    RosterPage<Entry> page(RosterScope scope, RosterQuery query, StatusThresholds thresholds, int page, int size) {
        if (scope.isEmpty()) {
            return new RosterPage<>(List.of(), page, size, 0);
        }
        Map<String, Object> params = new HashMap<>();
        String matches = matches(scope, query, thresholds, params);
        long total = jdbc.sql("select count(*) from (" + matches + ") m").params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Entry> items = jdbc.sql(matches + ORDER + " limit :limit offset :offset").params(params)
                .query(RosterEntries::entry).list();
        return new RosterPage<>(items, page, size, total);
    }

    /**
     * Every match in roster order, fetched from the database a few hundred rows at a time (on PostgreSQL inside the
     * caller's transaction, which keeps the cursor); the caller closes the stream.
     */
    Stream<Entry> stream(RosterScope scope, RosterQuery query, StatusThresholds thresholds) {
        if (scope.isEmpty()) {
            return Stream.empty();
        }
        Map<String, Object> params = new HashMap<>();
        String matches = matches(scope, query, thresholds, params);
        return streaming.queryForStream(matches + ORDER, params, RosterEntries::entry);
    }

    /**
     * The figures of the home card and the roster's header, over everyone in the scope; with the persons of the scope
     * whose cool-off (from a completed exit, {@code personnel_exits} of the exit sub-package) covers today.
     */
    RosterCounts counts(RosterScope scope, StatusThresholds thresholds) {
        if (scope.isEmpty()) {
            return new RosterCounts(0, 0, 0, 0, 0, 0, 0, 0);
        }
        Map<String, Object> params = new HashMap<>();
        String all = matches(scope, RosterQuery.all(), thresholds, params);
        Map<String, Object> coolOffParams = new HashMap<>();
        coolOffParams.put("today", Date.valueOf(thresholds.today()));
        long inCoolOff = jdbc.sql("select count(distinct e.person_id) from personnel_exits e"
                        + " join person_directory p on p.id = e.person_id where e.state = 'COMPLETED'"
                        + " and e.cool_off_start <= :today and e.cool_off_end >= :today and "
                        + scope.condition(coolOffParams))
                .params(coolOffParams).query(Long.class).single();
        return jdbc.sql("select"
                        + " coalesce(sum(case when f.clearance = 'CORE' then 1 else 0 end), 0),"
                        + " coalesce(sum(case when f.clearance = 'IMPORTANT' then 1 else 0 end), 0),"
                        + " coalesce(sum(case when f.clearance = 'GENERAL' then 1 else 0 end), 0),"
                        + " coalesce(sum(case when " + OVERDUE + " then 1 else 0 end), 0),"
                        + " coalesce(sum(case when " + DUE_SOON + " then 1 else 0 end), 0),"
                        + " coalesce(sum(case when " + OUT_OF_DATE + " then 1 else 0 end), 0),"
                        + " coalesce(sum(case when not " + CLEARED + " then 1 else 0 end), 0)"
                        + " from (" + all + ") f")
                .params(params)
                .query((rs, n) -> new RosterCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), inCoolOff))
                .single();
    }

    /** {@code select f.* from (facts of the persons in scope, plain filters) f where (status filter)}. */
    private static String matches(RosterScope scope, RosterQuery query, StatusThresholds t, Map<String, Object> params) {
        List<String> where = new ArrayList<>(List.of("p.active = true", "p.clearance <> 'NONE'"));
        where.add(scope.condition(params));
        if (query.level() != null) {
            where.add("p.clearance = :level");
            params.put("level", query.level().name());
        }
        if (query.unitId() != null) {
            where.add("p.unit_id = :unitId");
            params.put("unitId", query.unitId());
        }
        if (query.departmentId() != null) {
            where.add("p.department_id = :departmentId");
            params.put("departmentId", query.departmentId());
        }
        if (query.q() != null && !query.q().isBlank()) {
            where.add("p.name like :q");
            params.put("q", "%" + query.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        params.put("yearStart", Date.valueOf(t.today().withDayOfYear(1)));
        params.put("exceptionTypes", java.util.Arrays.stream(EmploymentType.values())
                .filter(EmploymentType::needsApprovedExceptionForClearance).map(Enum::name).toList());
        t.putInto(params);
        String status = query.status() == null ? "" : " where " + switch (query.status()) {
            case CLEARED -> CLEARED;
            case INCOMPLETE -> "not " + CLEARED;
            case REVIEW_OVERDUE -> OVERDUE;
            case REVIEW_DUE_SOON -> DUE_SOON;
            case COMMITMENT_OUT_OF_DATE -> OUT_OF_DATE;
        };
        return "select f.* from (" + FACTS + " where " + String.join(" and ", where) + ") f" + status;
    }

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        String granted = rs.getString("granted_level");
        BigDecimal hours = rs.getBigDecimal("hours");
        PersonSummary person = new PersonSummary(id, rs.getLong("unit_id"), rs.getObject("department_id", Long.class),
                rs.getString("name"), ClearanceLevel.valueOf(rs.getString("clearance")),
                EmploymentType.valueOf(rs.getString("employment_type")), rs.getBoolean("active"),
                rs.getObject("position_id", Long.class));
        FileFacts facts = new FileFacts(id, date(rs, "last_review"), rs.getBoolean("pre_training"),
                rs.getBoolean("pre_commitment"), date(rs, "last_commitment"),
                granted == null ? null : ClearanceLevel.valueOf(granted), rs.getBoolean("granted_exception"),
                hours == null ? BigDecimal.ZERO : hours, date(rs, "last_post_change"));
        return new Entry(person, facts);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
