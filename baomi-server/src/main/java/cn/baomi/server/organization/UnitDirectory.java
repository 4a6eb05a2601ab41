package cn.baomi.server.organization;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.baomi.server.shared.CurrentUser;

/**
 * The units and a user's data scope, for every module that keeps records per unit. The scope is for
 * business records: secrecy officers and supervisors see their unit and all units below it, other
 * business roles their own unit, the three administrators none.
 */
public interface UnitDirectory {

    /** The units whose business records the user may see; empty for administrators. */
    Set<Long> visibleUnitIds(CurrentUser user);

    boolean isInScope(CurrentUser user, long unitId);

    /**
     * Whether {@link #visibleUnitIds} holds every unit there is (the user is at the top of the only tree), so that a
     * query of the user's records needs no list of units. Decided from the cached unit tree.
     */
    boolean seesEveryUnit(CurrentUser user);

    /** Active units for pickers, ordered as a tree (parents before their children). */
    List<UnitSummary> activeUnits();

    Optional<UnitSummary> find(long id);

    /** A department's name (also when deactivated), for records that name it; no scope check. */
    Optional<String> departmentName(long id);

    /** A position's name (also when deactivated), for records that name it; no scope check. */
    Optional<String> positionName(long id);

    /** The active departments of a unit, by name: for pickers and for naming one in a record; no scope check. */
    List<PartSummary> activeDepartments(long unitId);

    /** The active positions of a unit, by name: for pickers and for naming one in a record; no scope check. */
    List<PartSummary> activePositions(long unitId);
}
