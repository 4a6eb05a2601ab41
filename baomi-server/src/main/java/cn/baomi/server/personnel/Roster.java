package cn.baomi.server.personnel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.organization.PersonDirectory;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.organization.UnitDirectory;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;

/**
 * The roster of cleared people (涉密人员名册): active persons with a level, within what the user may see — the
 * secrecy office its units and those below, a unit leader their unit, a department head their department. Nobody
 * else sees anyone here (they read their own file). Views and exports are audited; counts are not (figures only).
 */
@Service
class Roster {

    private final PersonnelAccess access;
    private final PersonDirectory persons;
    private final UnitDirectory units;
    private final FileStatuses statuses;
    private final AuditTrail audit;

    Roster(PersonnelAccess access, PersonDirectory persons, UnitDirectory units, FileStatuses statuses, AuditTrail audit) {
        this.access = access;
        this.persons = persons;
        this.units = units;
        this.statuses = statuses;
        this.audit = audit;
    }

    @Transactional
    List<PersonStatus> list(RosterQuery query) {
        List<PersonStatus> rows = filtered(CurrentUser.require(), query);
        audit.record(AuditRecord.success("PERSONNEL_ROSTER_VIEWED", "personnel", null).withDetail("rows=" + rows.size()));
        return rows;
    }

    @Transactional
    List<PersonStatus> export(RosterQuery query) {
        List<PersonStatus> rows = filtered(CurrentUser.require(), query);
        audit.record(AuditRecord.success("PERSONNEL_ROSTER_EXPORTED", "personnel", null).withDetail("rows=" + rows.size()));
        return rows;
    }

    @Transactional(readOnly = true)
    RosterCounts counts(CurrentUser user) {
        List<PersonStatus> all = filtered(user, RosterQuery.all());
        return new RosterCounts(level(all, ClearanceLevel.CORE), level(all, ClearanceLevel.IMPORTANT),
                level(all, ClearanceLevel.GENERAL), all.stream().filter(PersonStatus::reviewOverdue).count(),
                all.stream().filter(PersonStatus::reviewDueSoon).count(),
                all.stream().filter(PersonStatus::commitmentOutOfDate).count(),
                all.stream().filter(s -> !s.cleared()).count());
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

    private List<PersonStatus> filtered(CurrentUser user, RosterQuery query) {
        List<PersonSummary> candidates = new ArrayList<>();
        for (Long unitId : rosterUnits(user)) {
            for (PersonSummary p : persons.activeInUnit(unitId)) {
                if (p.clearance() != ClearanceLevel.NONE && sees(user, p) && matches(p, query)) {
                    candidates.add(p);
                }
            }
        }
        Map<Long, String> unitNames = unitNames(user);
        Map<Long, String> departments = departmentNames(user);
        return statuses.of(candidates, unitNames, departments).stream()
                .filter(s -> query.status() == null || query.status().matches(s))
                .sorted(Comparator.comparing((PersonStatus s) -> s.person().clearance()).reversed()
                        .thenComparing(s -> Objects.toString(s.unitName(), ""))
                        .thenComparing(s -> Objects.toString(s.departmentName(), ""))
                        .thenComparing(s -> s.person().name()))
                .toList();
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

    private boolean sees(CurrentUser user, PersonSummary p) {
        return access.isSecrecyOffice(user, p.unitId()) || access.isLeaderOf(user, p);
    }

    private static boolean matches(PersonSummary p, RosterQuery q) {
        return (q.level() == null || p.clearance() == q.level())
                && (q.unitId() == null || p.unitId() == q.unitId())
                && (q.departmentId() == null || q.departmentId().equals(p.departmentId()))
                && (q.q() == null || q.q().isBlank() || p.name().contains(q.q().strip()));
    }

    private static long level(List<PersonStatus> all, ClearanceLevel level) {
        return all.stream().filter(s -> s.person().clearance() == level).count();
    }
}
