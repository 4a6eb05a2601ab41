package cn.baomi.server.approval;

import org.springframework.stereotype.Component;

import cn.baomi.server.organization.PersonDirectory;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;
import cn.baomi.server.shared.Role;

/**
 * Who may see an approval: its requester, whoever may decide one of its steps, and the secrecy office of
 * its unit. Everyone else is told it does not exist. Administrators never see business records.
 */
@Component
class ApprovalAccess {

    private final PersonDirectory persons;

    ApprovalAccess(PersonDirectory persons) {
        this.persons = persons;
    }

    Decider decider() {
        return decider(CurrentUser.require());
    }

    Decider decider(CurrentUser user) {
        Long department = user.personId() == null ? null
                : persons.find(user.personId()).map(PersonSummary::departmentId).orElse(null);
        return new Decider(user, department);
    }

    boolean maySee(Decider d, Approval approval) {
        CurrentUser user = d.user();
        if (user.isAdministrator()) {
            return false;
        }
        if (ApprovalRoute.isRequester(user, approval)) {
            return true;
        }
        if (user.has(Role.SECRECY_OFFICER) && user.unitId() != null && user.unitId() == approval.unitId()) {
            return true;
        }
        return approval.steps().stream().anyMatch(s -> ApprovalRoute.mayDecide(user, d.departmentId(), s));
    }

    Approval visible(Decider d, Approval approval) {
        if (!maySee(d, approval)) {
            throw new NotFound("approval", approval.id());
        }
        return approval;
    }
}
