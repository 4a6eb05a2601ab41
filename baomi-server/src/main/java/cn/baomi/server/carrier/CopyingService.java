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
import cn.baomi.server.organization.UnitDirectory;
import cn.baomi.server.organization.UnitSummary;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;

/**
 * Copying with approval (domain.md §4 rule 5). A person who may see a carrier, or its secrecy office, asks for
 * more copies; nothing is made until the approval is granted. On the grant, in the deciding transaction, each
 * new copy is registered as a copy of the same carrier (so it keeps its level, duration and scope), held by the
 * requester, naming the copy it was made from and carrying the copy stamp (复制戳记).
 */
@Service
class CopyingService {

    static final String KIND = "carrier.copy";
    static final String SUBJECT = "carrierCopyRequest";

    private final CopyRequests requests;
    private final Carriers carriers;
    private final Copies copies;
    private final CopyEvents events;
    private final LedgerNumbers numbers;
    private final CarrierAccess access;
    private final UnitDirectory units;
    private final ApprovalService approvals;
    private final AuditTrail audit;

    CopyingService(CopyRequests requests, Carriers carriers, Copies copies, CopyEvents events, LedgerNumbers numbers,
                   CarrierAccess access, UnitDirectory units, ApprovalService approvals, AuditTrail audit) {
        this.requests = requests;
        this.carriers = carriers;
        this.copies = copies;
        this.events = events;
        this.numbers = numbers;
        this.access = access;
        this.units = units;
        this.approvals = approvals;
        this.audit = audit;
    }

    /** Asks for {@code count} more copies of a carrier the user may see; returns the request's id. */
    @Transactional
    long requestCopies(long carrierId, CopyRequestForm form) {
        CurrentUser user = CurrentUser.require();
        Viewer viewer = access.viewer(user);
        Carrier carrier = carriers.find(carrierId).orElseThrow(() -> new NotFound("carrier", carrierId));
        List<Copy> visible = copies.visibleOf(carrierId, viewer);
        if (visible.isEmpty()) {
            throw new NotFound("carrier", carrierId);
        }
        int count = form.getCount() == null ? 0 : form.getCount();
        if (count < 1 || count > CopyRequestForm.MAX_COUNT || carrier.copyCount() + count > 500) {
            throw new BusinessRuleViolation("count", "carrier.copyRequest.count", CopyRequestForm.MAX_COUNT);
        }
        String reason = form.getReason() == null ? "" : form.getReason().strip();
        if (reason.isEmpty() || reason.length() > CopyRequestForm.MAX_REASON) {
            throw new BusinessRuleViolation("reason", "carrier.copyRequest.reason", CopyRequestForm.MAX_REASON);
        }
        Copy source = visible.stream().filter(c -> c.status() == CopyStatus.LIVE).findFirst()
                .orElseThrow(() -> new BusinessRuleViolation("count", "carrier.copyRequest.noLiveCopy"));
        if (user.personId() == null) {
            throw new BusinessRuleViolation("count", "carrier.copyRequest.noPerson");
        }
        access.requireEligibleHolder("count", user.personId(), carrierId, carrier.unitId(), carrier.level());
        long id = requests.insert(new CopyRequest(0, carrierId, source.id(), carrier.unitId(), count, reason,
                user.personId(), user.username(), null, CopyRequestState.PENDING, null, null, null));
        long approvalId = approvals.request(new NewApproval(KIND, SUBJECT, String.valueOf(id),
                "复制载体 " + source.ledgerNumber() + "，" + count + " 份", carrier.level().name(), false));
        requests.linkApproval(id, approvalId);
        audit.record(AuditRecord.success("COPY_REQUESTED", "carrier", carrierId)
                .withDetail("request=" + id + " approval=" + approvalId + " count=" + count));
        return id;
    }

    /** The copy requests of a carrier the user may see: all of them for its secrecy office, else their own. */
    @Transactional(readOnly = true)
    List<CopyRequest> requestsOf(long carrierId) {
        CurrentUser user = CurrentUser.require();
        Viewer viewer = access.viewer(user);
        Carrier carrier = carriers.find(carrierId).orElseThrow(() -> new NotFound("carrier", carrierId));
        if (copies.visibleOf(carrierId, viewer).isEmpty()) {
            throw new NotFound("carrier", carrierId);
        }
        boolean keeper = viewer.keeps(carrier.unitId());
        return requests.ofCarrier(carrierId).stream()
                .filter(r -> keeper || Objects.equals(r.requesterPersonId(), user.personId())).toList();
    }

    /** Makes the copies, in the transaction that granted the approval. */
    @EventListener
    void granted(ApprovalGranted granted) {
        if (!KIND.equals(granted.kind())) {
            return;
        }
        CopyRequest request = decided(granted.approvalId(), granted.subjectId(), CopyRequestState.GRANTED, null);
        Carrier carrier = carriers.find(request.carrierId()).orElseThrow();
        access.requireEligibleHolder("count", request.requesterPersonId(), carrier.id(), carrier.unitId(),
                carrier.level());
        Copy source = copies.find(request.sourceCopyId()).orElseThrow();
        if (source.status().closed() || source.status() == CopyStatus.LOST) {
            throw new BusinessRuleViolation("count", source.status() == CopyStatus.LOST ? "carrier.copy.lost"
                    : "carrier.copy.closed", source.ledgerNumber());
        }
        UnitSummary unit = units.find(carrier.unitId()).orElseThrow();
        LocalDate today = LocalDate.now();
        int first = copies.nextCopyNumber(carrier.id());
        for (int n = first; n < first + request.count(); n++) {
            String number = numbers.next(unit.id(), unit.code(), carrier.level(), today.getYear());
            String stamp = stamp(unit.name(), today, n);
            long copyId = copies.insertCopyOf(new Copy(0, carrier.id(), carrier.unitId(), n, number,
                    request.requesterPersonId(), null, null, null, source.safeId(), null, source.place(), CopyStatus.LIVE,
                    0, carrier.level()), source.id(), stamp);
            events.append(CopyEvent.of(copyId, EventType.COPIED, request.requestedBy())
                    .custody(null, request.requesterPersonId()).at(source.safeId(), source.place()).note(stamp));
            audit.record(AuditRecord.success("COPY_COPIED", "carrierCopy", copyId)
                    .withDetail("carrier=" + carrier.id() + " copy=" + n + " source=" + source.id()
                            + " approval=" + granted.approvalId()));
        }
        carriers.addCopies(carrier.id(), request.count());
    }

    /** Marks the request refused; nothing is made. */
    @EventListener
    void refused(ApprovalRefused refused) {
        if (KIND.equals(refused.kind())) {
            CopyRequest request = decided(refused.approvalId(), refused.subjectId(), CopyRequestState.REFUSED,
                    refused.opinion());
            audit.record(AuditRecord.success("COPY_REQUEST_REFUSED", "carrier", request.carrierId())
                    .withDetail("request=" + request.id() + " approval=" + refused.approvalId()));
        }
    }

    /** Withdrawn by the requester on the approvals page: nothing is made. */
    @EventListener
    void withdrawn(ApprovalWithdrawn withdrawn) {
        if (KIND.equals(withdrawn.kind())) {
            CopyRequest request = decided(withdrawn.approvalId(), withdrawn.subjectId(), CopyRequestState.WITHDRAWN, null);
            audit.record(AuditRecord.success("COPY_REQUEST_WITHDRAWN", "carrier", request.carrierId())
                    .withDetail("request=" + request.id() + " approval=" + withdrawn.approvalId()));
        }
    }

    /** The copy stamp: "临川县发展和改革局 复制 2026-11-23 第3份". */
    static String stamp(String unitName, LocalDate date, int copyNumber) {
        return unitName + " 复制 " + date + " 第" + copyNumber + "份";
    }

    private CopyRequest decided(long approvalId, String subjectId, CopyRequestState state, String opinion) {
        long id = Long.parseLong(subjectId);
        CopyRequest request = requests.find(id).orElseThrow(() -> new NotFound("copyRequest", id));
        if (!requests.decide(id, approvalId, state, opinion)) {
            throw BusinessRuleViolation.of("carrier.copyRequest.decided");
        }
        return request;
    }
}
