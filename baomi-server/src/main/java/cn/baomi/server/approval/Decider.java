package cn.baomi.server.approval;

import java.util.List;
import java.util.Map;

import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;

/** The signed-in user as an approver: their unit, their person's department and the approving roles they hold. */
record Decider(CurrentUser user, Long departmentId) {

    private static final List<Role> APPROVING = List.of(Role.DEPARTMENT_HEAD, Role.SECRECY_OFFICER, Role.UNIT_LEADER);

    List<String> roles() {
        return APPROVING.stream().filter(user::has).map(Role::name).toList();
    }

    /** Whether this user could decide any step at all. */
    boolean approves() {
        return !user.isAdministrator() && user.unitId() != null && !roles().isEmpty();
    }

    Map<String, Object> params() {
        return Map.of("unitId", user.unitId(), "roles", roles(), "departmentId", departmentId == null ? -1L : departmentId,
                "accountId", user.accountId(), "personId", user.personId() == null ? -1L : user.personId());
    }
}
