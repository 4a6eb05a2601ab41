package cn.baomi.server.approval;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;

/** What a user reads: the two boxes, one approval (audited) and the number waiting for them. */
@Service
class ApprovalInbox {

    private final Approvals approvals;
    private final ApprovalAccess access;
    private final AuditTrail audit;

    ApprovalInbox(Approvals approvals, ApprovalAccess access, AuditTrail audit) {
        this.approvals = approvals;
        this.access = access;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    ApprovalPage<Approval> box(Box box, Integer page, Integer size) {
        Decider d = access.decider();
        int p = ApprovalPage.page(page);
        int s = ApprovalPage.size(size);
        if (d.user().isAdministrator()) {
            return new ApprovalPage<>(List.of(), p, s, 0);
        }
        if (box == Box.MINE) {
            long accountId = d.user().accountId();
            Long personId = d.user().personId();
            return new ApprovalPage<>(approvals.ofRequester(accountId, personId, s, p * s), p, s,
                    approvals.countOfRequester(accountId, personId));
        }
        if (!d.approves()) {
            return new ApprovalPage<>(List.of(), p, s, 0);
        }
        return new ApprovalPage<>(approvals.pendingFor(d, s, p * s), p, s, approvals.countPendingFor(d));
    }

    /** One approval with its steps, if the user may see it; the view is audited. */
    @Transactional
    Approval view(long id) {
        Decider d = access.decider();
        Approval approval = access.visible(d, approvals.find(id).orElseThrow(() -> new NotFound("approval", id)));
        audit.record(AuditRecord.success("APPROVAL_VIEWED", "approval", id));
        return approval;
    }

    /** The approval as it stands after the user's own change, which is audited already: not a view of its own. */
    @Transactional(readOnly = true)
    Approval afterChange(long id) {
        Decider d = access.decider();
        return access.visible(d, approvals.find(id).orElseThrow(() -> new NotFound("approval", id)));
    }

    /** Whether the signed-in user may decide the current step now (to show the forms). */
    boolean mayDecideNow(Approval approval) {
        Decider d = access.decider();
        return approval.isPending() && !ApprovalRoute.isRequester(d.user(), approval)
                && ApprovalRoute.mayDecide(d.user(), d.departmentId(), approval.step());
    }

    boolean mayWithdraw(Approval approval) {
        return approval.isPending() && ApprovalRoute.isRequester(CurrentUser.require(), approval);
    }

    long pendingCount(CurrentUser user) {
        Decider d = access.decider(user);
        return d.approves() ? approvals.countPendingFor(d) : 0;
    }
}
