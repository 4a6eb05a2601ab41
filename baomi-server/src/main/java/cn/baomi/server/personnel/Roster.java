package cn.baomi.server.personnel;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.organization.PersonDirectory;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.organization.UnitDirectory;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;

/**
 * The roster of cleared people (涉密人员名册): active persons with a level, within what the user may see — the
 * secrecy office its units and those below, a unit leader their unit, a department head their department. Nobody
 * else sees anyone here (they read their own file). Filtered, counted and paged in the database
 * ({@link RosterEntries}); an export streams every filtered row. Views and exports are audited; counts are not
 * (figures only).
 */
@Service
class Roster {

    private final PersonnelAccess access;
    private final PersonDirectory persons;
    private final UnitDirectory units;
    private final RosterEntries entries;
    private final FileStatuses statuses;
    private final PersonnelSettings settings;
    private final AuditTrail audit;

    Roster(PersonnelAccess access, PersonDirectory persons, UnitDirectory units, RosterEntries entries,
           FileStatuses statuses, PersonnelSettings settings, AuditTrail audit) {
        this.access = access;
        this.persons = persons;
        this.units = units;
        this.entries = entries;
        this.statuses = statuses;
        this.settings = settings;
        this.audit = audit;
    }

    /** One page ({@code page} from 0, at most {@link RosterPage#MAX_SIZE} rows); audited with the rows shown. */
    @Transactional
    RosterPage<PersonStatus> page(RosterQuery query, int page, int size) {
        CurrentUser user = CurrentUser.require();
        RosterPage<RosterEntries.Entry> found = entries.page(scope(user), query, thresholds(), Math.max(0, page),
                Math.min(Math.max(1, size), RosterPage.MAX_SIZE));
        Names names = names(user);
        audit.record(AuditRecord.success("PERSONNEL_ROSTER_VIEWED", "personnel", null)
                .withDetail("rows=" + found.items().size() + " of " + found.total()));
        return found.map(e -> status(e, names));
    }

    /** Every filtered row, in roster order, handed to {@code rows} as read from the database; audited with the count. */
    @Transactional
    long export(RosterQuery query, Consumer<PersonStatus> rows) {
        CurrentUser user = CurrentUser.require();
        Names names = names(user);
        long[] count = {0};
        try (Stream<RosterEntries.Entry> all = entries.stream(scope(user), query, thresholds())) {
            all.forEach(e -> {
                rows.accept(status(e, names));
                count[0]++;
            });
        }
        audit.record(AuditRecord.success("PERSONNEL_ROSTER_EXPORTED", "personnel", null).withDetail("rows=" + count[0]));
        return count[0];
    }

    @Transactional(readOnly = true)
    RosterCounts counts(CurrentUser user) {
        return entries.counts(scope(user), thresholds());
    }

    /** Whether the user sees anyone on the roster (the menu and the page show it only then). */
    boolean seesRoster(CurrentUser user) {
        return access.isKeeper(user) || user.hasAny(Role.UNIT_LEADER, Role.DEPARTMENT_HEAD);
    }

    /** The units the roster may be filtered by, with their names. */
    Map<Long, String> unitNames(CurrentUser user) {
        Map<Long, String> names = new LinkedHashMap<>();
        Set<Long> visible = rosterUnits(user);
        units.activeUnits().stream().filter(u -> visible.contains(u.id())).forEach(u -> names.put(u.id(), u.name()));
        return names;
    }

    Map<Long, String> departmentNames(CurrentUser user) {
        return persons.departmentNames(rosterUnits(user));
    }

    /** Whom the user sees, as {@link PersonnelAccess} decides it person by person. */
    RosterScope scope(CurrentUser user) {
        if (user.isAdministrator() || user.unitId() == null) {
            return RosterScope.NOBODY;
        }
        Set<Long> office = access.isKeeper(user) ? Set.copyOf(units.visibleUnitIds(user)) : Set.of();
        Long leaderUnit = user.has(Role.UNIT_LEADER) ? user.unitId() : null;
        Long headDepartment = !user.has(Role.DEPARTMENT_HEAD) || user.personId() == null ? null
                : persons.find(user.personId()).filter(PersonSummary::active).map(PersonSummary::departmentId).orElse(null);
        return new RosterScope(office, leaderUnit, headDepartment == null ? null : user.unitId(), headDepartment);
    }

    private StatusThresholds thresholds() {
        return StatusThresholds.of(settings, LocalDate.now());
    }

    private PersonStatus status(RosterEntries.Entry e, Names names) {
        PersonSummary p = e.person();
        return statuses.status(p, e.facts(), names.units().get(p.unitId()),
                p.departmentId() == null ? null : names.departments().get(p.departmentId()), LocalDate.now());
    }

    private record Names(Map<Long, String> units, Map<Long, String> departments) {
    }

    private Names names(CurrentUser user) {
        return new Names(unitNames(user), departmentNames(user));
    }

    private Set<Long> rosterUnits(CurrentUser user) {
        Set<Long> ids = new TreeSet<>();
        if (user.isAdministrator() || user.unitId() == null) {
            return ids;
        }
        if (access.isKeeper(user)) {
            ids.addAll(units.visibleUnitIds(user));
        }
        if (user.hasAny(Role.UNIT_LEADER, Role.DEPARTMENT_HEAD)) {
            ids.add(user.unitId());
        }
        return ids;
    }
}
