package cn.baomi.server.approval;

import java.util.ArrayList;
import java.util.List;

import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;

/**
 * Who decides, in order: the head of the requester's department (unless the requester heads it or has
 * no department), the secrecy office of the requester's unit, and for 绝密 or abroad also the unit leader.
 */
final class ApprovalRoute {

    private ApprovalRoute() {
    }

    static List<ApprovalStep> of(CurrentUser requester, PersonSummary person, String level, boolean abroad) {
        List<Role> roles = new ArrayList<>();
        if (person.departmentId() != null && !requester.has(Role.DEPARTMENT_HEAD)) {
            roles.add(Role.DEPARTMENT_HEAD);
        }
        roles.add(Role.SECRECY_OFFICER);
        if (NewApproval.TOP_SECRET.equals(level) || abroad) {
            roles.add(Role.UNIT_LEADER);
        }
        List<ApprovalStep> steps = new ArrayList<>();
        for (Role role : roles) {
            Long department = role == Role.DEPARTMENT_HEAD ? person.departmentId() : null;
            steps.add(ApprovalStep.open(steps.size() + 1, role, person.unitId(), department));
        }
        return steps;
    }

    /** Whether the user holds the step's role in its unit (and, for a department head, its department). */
    static boolean mayDecide(CurrentUser user, Long userDepartmentId, ApprovalStep step) {
        if (user.isAdministrator() || !user.has(step.role()) || user.unitId() == null
                || user.unitId() != step.unitId()) {
            return false;
        }
        return step.departmentId() == null || step.departmentId().equals(userDepartmentId);
    }

    static boolean isRequester(CurrentUser user, Approval approval) {
        return user.accountId() == approval.requesterAccountId()
                || (user.personId() != null && user.personId() == approval.requesterPersonId());
    }
}
