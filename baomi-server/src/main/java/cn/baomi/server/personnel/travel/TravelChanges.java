package cn.baomi.server.personnel.travel;

import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.approval.ApprovalService;
import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;

/**
 * Changing one's mind about a trip (docs/decisions/personnel-exit.md): new details or taking it back while it is not
 * approved yet, calling it off once approved but before departure. The person and the secrecy office of their unit
 * may do so, like filing it. A pending trip's approval follows through the approval module's own withdrawal, which
 * only the approval's requester may use — whoever filed it, or the person it was filed for: so a pending trip is
 * edited or withdrawn by the traveller or by the officer who filed it (anyone else is told who that is; an approver
 * can still refuse it). Every change is audited.
 */
@Service
class TravelChanges {

    /** Edit, withdraw, cancel; and whether a pending trip is someone else's request (only its requester withdraws). */
    record Actions(boolean edit, boolean withdraw, boolean cancel, boolean otherRequester) {
    }

    private final TravelService travels;
    private final Travels trips;
    private final TravelDocuments documents;
    private final ApprovalService approvals;
    private final AuditTrail audit;

    TravelChanges(TravelService travels, Travels trips, TravelDocuments documents, ApprovalService approvals,
                  AuditTrail audit) {
        this.travels = travels;
        this.trips = trips;
        this.documents = documents;
        this.approvals = approvals;
        this.audit = audit;
    }

    /**
     * New details for a trip not yet approved (pending, or recorded and not under way). For a pending trip a new
     * approval is requested for the new details — or none when they no longer need one —, the trip points at it, and
     * then the old approval is withdrawn. A recorded trip becomes pending when the new dates need an approval (the
     * cool-off), as the editor's request.
     */
    @Transactional
    void edit(long id, TravelForm form) {
        CurrentUser user = CurrentUser.require();
        Travel travel = travels.readable(user, id);
        PersonSummary person = travels.requireActor(user, travel);
        if (!travel.editableOn(LocalDate.now())) {
            throw BusinessRuleViolation.of("travel.rule.notEditable");
        }
        requireRequesterOfApproval(user, travel);
        TravelDetails details = TravelDetails.of(form);
        TravelService.Need need = travels.need(person, details.departOn());
        Travel.State state = need.approval() ? Travel.State.PENDING : Travel.State.RECORDED;
        Long approval = need.approval() ? travels.requestApproval(user, id, person, details, need) : null;
        Travel.Requester requestedBy = need.approval() ? Travel.Requester.of(user) : travel.requestedBy();
        if (!trips.edit(travel, details.destination(), details.purpose(), details.departOn(), details.returnOn(), state,
                need.coolOff(), approval, requestedBy)) {
            throw BusinessRuleViolation.of("travel.rule.notEditable");
        }
        if (travel.approvalId() != null) {
            approvals.withdraw(travel.approvalId());
        }
        audit.record(AuditRecord.success("TRAVEL_EDITED", "travel", id).withDetail("person=" + travel.personId() + " "
                + travel.state() + " -> " + state + (travel.approvalId() == null ? "" : " withdrawn=" + travel.approvalId())
                + (approval == null ? "" : " approval=" + approval)));
    }

    /** Takes back a trip not yet approved; a pending one's approval is withdrawn with it. */
    @Transactional
    void withdraw(long id) {
        CurrentUser user = CurrentUser.require();
        Travel travel = travels.readable(user, id);
        travels.requireActor(user, travel);
        if (!travel.withdrawableOn(LocalDate.now())) {
            throw BusinessRuleViolation.of("travel.rule.notWithdrawable");
        }
        requireRequesterOfApproval(user, travel);
        if (!trips.end(travel, Travel.State.WITHDRAWN, user.username(), TravelService.now())) {
            throw BusinessRuleViolation.of("travel.rule.notWithdrawable");
        }
        if (travel.approvalId() != null && travel.state() == Travel.State.PENDING) {
            approvals.withdraw(travel.approvalId());
        }
        audit.record(AuditRecord.success("TRAVEL_WITHDRAWN", "travel", id).withDetail("person=" + travel.personId()
                + " was " + travel.state() + (travel.approvalId() == null ? "" : " approval=" + travel.approvalId())));
    }

    /**
     * Calls off an approved trip before departure (the day of departure included). The approval stays granted, as
     * it was; a travel document issued for the trip stays out until the secrecy office takes it back — the answer
     * says whether one is out.
     */
    @Transactional
    boolean cancel(long id) {
        CurrentUser user = CurrentUser.require();
        Travel travel = travels.readable(user, id);
        travels.requireActor(user, travel);
        if (!travel.cancellableOn(LocalDate.now())
                || !trips.end(travel, Travel.State.CANCELLED, user.username(), TravelService.now())) {
            throw BusinessRuleViolation.of("travel.rule.notCancellable");
        }
        boolean documentOut = documents.outForTravel(id);
        audit.record(AuditRecord.success("TRAVEL_CANCELLED", "travel", id).withDetail("person=" + travel.personId()
                + (documentOut ? " documentOut" : "")));
        return documentOut;
    }

    /** What the signed-in user may do with a trip they may read, for its page. */
    @Transactional(readOnly = true)
    Actions actions(Travel travel) {
        CurrentUser user = CurrentUser.require();
        LocalDate today = LocalDate.now();
        boolean actor = travels.person(travel.personId()).filter(p -> travels.mayAct(user, p)).isPresent();
        boolean requester = !pendingApproval(travel) || mayWithdrawApproval(user, travel);
        return new Actions(actor && requester && travel.editableOn(today),
                actor && requester && travel.withdrawableOn(today), actor && travel.cancellableOn(today),
                actor && !requester);
    }

    /**
     * The approval module lets only an approval's requester withdraw it — the account or person that filed it, or the
     * person it was filed for: here whoever filed the trip's approval, or the traveller. Say who rather than a bare 403.
     */
    private static void requireRequesterOfApproval(CurrentUser user, Travel travel) {
        if (pendingApproval(travel) && !mayWithdrawApproval(user, travel)) {
            throw BusinessRuleViolation.of("travel.rule.onlyRequester", travel.requestedBy().username());
        }
    }

    private static boolean mayWithdrawApproval(CurrentUser user, Travel travel) {
        return travel.requestedBy().is(user) || (user.personId() != null && user.personId() == travel.personId());
    }

    private static boolean pendingApproval(Travel travel) {
        return travel.state() == Travel.State.PENDING && travel.approvalId() != null;
    }
}
