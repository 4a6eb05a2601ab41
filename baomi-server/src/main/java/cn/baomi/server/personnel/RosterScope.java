package cn.baomi.server.personnel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whom a user sees on the roster, as SQL (docs/decisions/personnel.md): the persons of the units whose secrecy office
 * they are ({@code officeUnits}), everyone of their unit for a unit leader, their department for a department head —
 * the same as {@link PersonnelAccess#isSecrecyOffice} or {@link PersonnelAccess#isLeaderOf} person by person.
 */
record RosterScope(Set<Long> officeUnits, Long leaderUnit, Long headUnit, Long headDepartment) {

    static final RosterScope NOBODY = new RosterScope(Set.of(), null, null, null);

    boolean isEmpty() {
        return officeUnits.isEmpty() && leaderUnit == null && (headUnit == null || headDepartment == null);
    }

    /** A condition on {@code p} (person_directory) naming its parameters in {@code params}. */
    String condition(Map<String, Object> params) {
        List<String> any = new ArrayList<>();
        if (!officeUnits.isEmpty()) {
            any.add("p.unit_id in (:officeUnits)");
            params.put("officeUnits", List.copyOf(officeUnits));
        }
        if (leaderUnit != null) {
            any.add("p.unit_id = :leaderUnit");
            params.put("leaderUnit", leaderUnit);
        }
        if (headUnit != null && headDepartment != null) {
            any.add("(p.unit_id = :headUnit and p.department_id = :headDepartment)");
            params.put("headUnit", headUnit);
            params.put("headDepartment", headDepartment);
        }
        return any.isEmpty() ? "1 = 0" : "(" + String.join(" or ", any) + ")";
    }
}
