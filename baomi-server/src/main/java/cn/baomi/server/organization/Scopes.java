package cn.baomi.server.organization;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;

/**
 * Who sees and changes what (docs/decisions/organization-scope.md). Secrecy officers and supervisors
 * see their unit's subtree, other business roles their own unit. The system administrator sees the
 * whole structure (units, departments, positions) but no person. Writing the structure is for the
 * system administrator and secrecy officers, writing persons for secrecy officers only.
 */
@Component
class Scopes implements UnitDirectory {

    private final Units units;
    private final UnitTreeCache trees;
    private final Departments departments;
    private final Positions positions;

    Scopes(Units units, UnitTreeCache trees, Departments departments, Positions positions) {
        this.units = units;
        this.trees = trees;
        this.departments = departments;
        this.positions = positions;
    }

    /** The unit tree, cached until a unit changes ({@link UnitTreeCache}). */
    UnitTree tree() {
        return trees.tree();
    }

    @Override
    public Set<Long> visibleUnitIds(CurrentUser user) {
        if (user.isAdministrator() || user.unitId() == null) {
            return Set.of();
        }
        return visibleUnitIds(user, trees.treeKnowing(user.unitId()));
    }

    private static Set<Long> visibleUnitIds(CurrentUser user, UnitTree tree) {
        if (user.hasAny(Role.SECRECY_OFFICER, Role.SUPERVISOR)) {
            return tree.subtree(user.unitId());
        }
        return Set.of(user.unitId());
    }

    @Override
    public boolean seesEveryUnit(CurrentUser user) {
        if (user.isAdministrator() || user.unitId() == null) {
            return false;
        }
        UnitTree tree = trees.treeKnowing(user.unitId());
        return visibleUnitIds(user, tree).size() == tree.all().size();
    }

    @Override
    public boolean isInScope(CurrentUser user, long unitId) {
        return visibleUnitIds(user).contains(unitId);
    }

    @Override
    public List<UnitSummary> activeUnits() {
        UnitTree tree = tree();
        Set<Long> all = tree.all().stream().filter(Unit::active).map(Unit::id).collect(Collectors.toSet());
        return tree.ordered(all).stream().map(n -> n.unit().summary()).toList();
    }

    @Override
    public Optional<UnitSummary> find(long id) {
        return units.find(id).map(Unit::summary);
    }

    @Override
    public Optional<String> departmentName(long id) {
        return departments.find(id).map(Part::name);
    }

    @Override
    public Optional<String> positionName(long id) {
        return positions.find(id).map(Part::name);
    }

    /** More departments or positions than a unit ever has; a picker lists them all. */
    private static final int MAX_PARTS = 1_000;

    @Override
    public List<PartSummary> activeDepartments(long unitId) {
        return summaries(departments.search(List.of(unitId), null, false, 0, MAX_PARTS));
    }

    @Override
    public List<PartSummary> activePositions(long unitId) {
        return summaries(positions.search(List.of(unitId), null, false, 0, MAX_PARTS));
    }

    private static List<PartSummary> summaries(List<Part> parts) {
        return parts.stream().map(p -> new PartSummary(p.id(), p.unitId(), p.name())).toList();
    }

    /** The units whose structure (the units themselves, departments, positions) the user may see. */
    Set<Long> structureScope(CurrentUser user) {
        if (user.has(Role.SYSTEM_ADMIN)) {
            return tree().all().stream().map(Unit::id).collect(Collectors.toSet());
        }
        return visibleUnitIds(user);
    }

    boolean mayWriteStructure(CurrentUser user) {
        return user.hasAny(Role.SYSTEM_ADMIN, Role.SECRECY_OFFICER);
    }

    boolean mayWritePersons(CurrentUser user) {
        return user.has(Role.SECRECY_OFFICER);
    }

    void requireStructureWriter(CurrentUser user) {
        if (!mayWriteStructure(user)) {
            throw new AccessDeniedException("organisation structure is read-only for " + user.username());
        }
    }

    void requirePersonReader(CurrentUser user) {
        if (user.isAdministrator()) {
            throw new AccessDeniedException("administrators do not see persons");
        }
    }

    void requirePersonWriter(CurrentUser user) {
        if (!mayWritePersons(user)) {
            throw new AccessDeniedException("only the secrecy office changes persons");
        }
    }
}
