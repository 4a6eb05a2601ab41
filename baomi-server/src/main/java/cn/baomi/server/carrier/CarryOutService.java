package cn.baomi.server.carrier;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.approval.ApprovalGranted;
import cn.baomi.server.approval.ApprovalRefused;
import cn.baomi.server.approval.ApprovalWithdrawn;
import cn.baomi.server.approval.ApprovalService;
import cn.baomi.server.approval.NewApproval;
import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;

/**
 * Carrying a copy out (携带外出, domain.md §4 rule 8): asked for by the custodian or the secrecy office with the
 * destination, the day it is due back and whether it goes abroad; approved through {@link ApprovalService} (abroad
 * adds the unit leader); then taken out once (the requester carries it, the custodian stays responsible) and
 * recorded back. A carry-out past its due day is a reminder, like an overdue borrowing.
 */
@Service
class CarryOutService {

    static final String KIND = "carrier.carryOut";
    static final String SUBJECT = "carrierCarryOut";

    private final CarryOutRequests requests;
    private final CopyChanges changes;
    private final Places places;
    private final ApprovalService approvals;
    private final AuditTrail audit;

    CarryOutService(CarryOutRequests requests, CopyChanges changes, Places places, ApprovalService approvals,
                    AuditTrail audit) {
        this.requests = requests;
        this.changes = changes;
        this.places = places;
        this.approvals = approvals;
        this.audit = audit;
    }

    /** Asks for the approval to carry a live copy out; the requester must be allowed to hold it. */
    @Transactional
    long request(long copyId, String destination, LocalDate dueBack, Boolean abroad, String reason) {
        CurrentUser user = CurrentUser.require();
        Copy copy = changes.actionable(copyId, CopyStatus.LIVE);
        changes.requireCustodianOrKeeper(copy);
        String where = CopyChanges.text("counterpart", destination, 100, "carrier.carryOut.destinationRequired");
        if (dueBack == null || dueBack.isBefore(LocalDate.now())) {
            throw new BusinessRuleViolation("dueDate", "carrier.carryOut.dueBack");
        }
        String why = CopyChanges.text("note", reason, 500, "carrier.carryOut.reasonRequired");
        if (user.personId() == null) {
            throw new BusinessRuleViolation("copyId", "carrier.request.noPerson");
        }
        Carrier carrier = changes.carrierOf(copy);
        changes.requireEligibleHolder("copyId", user.personId(), carrier);
        if (requests.openFor(copyId)) {
            throw new BusinessRuleViolation("copyId", "carrier.carryOut.alreadyAsked");
        }
        boolean out = Boolean.TRUE.equals(abroad);
        long id = requests.insert(new CarryOutRequest(0, carrier.id(), copyId, copy.unitId(), where, out, dueBack, why,
                user.personId(), user.username(), null, RequestState.PENDING, null, null, null));
        long approvalId = approvals.request(new NewApproval(KIND, SUBJECT, String.valueOf(id),
                "携带载体 " + copy.ledgerNumber() + " 外出" + (out ? "（出境）" : "") + "，" + dueBack + " 前带回",
                carrier.level().name(), out));
        requests.linkApproval(id, approvalId);
        audit.record(AuditRecord.success("COPY_CARRY_OUT_REQUESTED", "carrierCopy", copyId)
                .withDetail("request=" + id + " approval=" + approvalId + " abroad=" + out));
        return id;
    }

    /** Taken out under the granted request: the requester carries it until the day it is due back. */
    @Transactional
    void carryOut(long copyId) {
        Copy copy = changes.actionable(copyId, CopyStatus.LIVE);
        changes.requireNotListedForDestruction(copy);
        changes.requireCustodianOrKeeper(copy);
        CarryOutRequest granted = requests.grantedFor(copyId)
                .orElseThrow(() -> new BusinessRuleViolation("copyId", "carrier.carryOut.notApproved"));
        if (granted.dueBack().isBefore(LocalDate.now())) {
            throw new BusinessRuleViolation("copyId", "carrier.carryOut.dueBack");
        }
        if (!requests.use(granted.id())) {
            throw new BusinessRuleViolation("copyId", "carrier.copy.changedMeanwhile");
        }
        changes.commit(copy, copy.with(CopyStatus.CARRIED_OUT).withLoan(granted.requesterPersonId(), granted.dueBack()),
                CopyChanges.event(copy, EventType.CARRIED_OUT).custody(copy.custodianId(), granted.requesterPersonId())
                        .travel(null, granted.destination()).due(granted.dueBack())
                        .mode(granted.abroad() ? "ABROAD" : null).note("审批单 " + granted.approvalId()));
    }

    /** Back from outside and put in a place again (the old place when none is given). */
    @Transactional
    void carryBack(long copyId, Long safeId, String place) {
        Copy copy = changes.actionable(copyId, CopyStatus.CARRIED_OUT);
        changes.requireCustodianOrKeeper(copy);
        Copy next = copy.with(CopyStatus.LIVE).withLoan(null, null);
        if (safeId != null || (place != null && !place.isBlank())) {
            Places.Place p = places.resolve(safeId, place, copy.unitId());
            next = next.withPlace(p.safeId(), p.text());
        }
        changes.commit(copy, next, CopyChanges.event(copy, EventType.CARRIED_BACK)
                .custody(copy.borrowerId(), copy.custodianId()).at(next.safeId(), next.place()));
    }

    /** The carry-out requests of a carrier the user may see: all for its secrecy office, else the user's own. */
    @Transactional(readOnly = true)
    List<CarryOutRequest> requestsOf(long carrierId) {
        boolean keeper = changes.keeperOfVisible(carrierId);
        Long me = CurrentUser.require().personId();
        return requests.ofCarrier(carrierId).stream()
                .filter(r -> keeper || Objects.equals(r.requesterPersonId(), me)).toList();
    }

    @EventListener
    void granted(ApprovalGranted granted) {
        if (KIND.equals(granted.kind())) {
            decide(granted.approvalId(), granted.subjectId(), RequestState.GRANTED, null);
        }
    }

    @EventListener
    void refused(ApprovalRefused refused) {
        if (KIND.equals(refused.kind())) {
            decide(refused.approvalId(), refused.subjectId(), RequestState.REFUSED, refused.opinion());
        }
    }

    /** Withdrawn by the requester: the copy is free for a new request. */
    @EventListener
    void withdrawn(ApprovalWithdrawn withdrawn) {
        if (KIND.equals(withdrawn.kind())) {
            decide(withdrawn.approvalId(), withdrawn.subjectId(), RequestState.WITHDRAWN, null);
        }
    }

    private void decide(long approvalId, String subjectId, RequestState state, String opinion) {
        long id = Long.parseLong(subjectId);
        CarryOutRequest request = requests.find(id).orElseThrow(() -> new NotFound("carryOutRequest", id));
        if (!requests.decide(id, approvalId, state, opinion)) {
            throw BusinessRuleViolation.of("carrier.request.decided");
        }
        audit.record(AuditRecord.success("CARRY_OUT_" + state.name(), "carrierCopy", request.copyId())
                .withDetail("request=" + id + " approval=" + approvalId));
    }
}
