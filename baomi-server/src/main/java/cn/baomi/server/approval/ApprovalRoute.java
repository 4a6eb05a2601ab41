package cn.baomi.server.approval;

import java.util.ArrayList;
import java.util.List;

import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.Role;

/**
 * Who decides, in order: the head of the applicant's department (unless the applicant is a department head or has
 * no department), the secrecy office of the applicant's unit, and for 绝密 or abroad also the unit leader. The
 * applicant is the requester, or the person the secrecy office filed the request for.
 */
final class ApprovalRoute {

    private ApprovalRoute() {
    }

    static List<ApprovalStep> of(PersonSummary person, boolean headsADepartment, String level, boolean abroad) {
        List<Role> roles = new ArrayList<>();
        if (person.departmentId() != null && !headsADepartment) {
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

    /**
     * The requester's account or person, or the person it was filed for: they see it, may withdraw it and never
     * decide it.
     */
    static boolean isRequester(CurrentUser user, Approval approval) {
        return user.accountId() == approval.requesterAccountId()
                || (user.personId() != null && (user.personId() == approval.requesterPersonId()
                        || user.personId().equals(approval.applicantPersonId())));
    }
}
