package cn.baomi.server.carrier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
 * Excerpts (摘抄) and compilations (汇编) into a new carrier, with approval (domain.md §4 rule 5). A person who may
 * see the live source copies asks; nothing is made before the grant. On the grant, in the deciding transaction,
 * {@link CompiledCarriers} registers the new carrier.
 */
@Service
class CompilationService {

    static final String KIND = "carrier.compile";
    static final String SUBJECT = "carrierCompilation";
    static final int MAX_COUNT = 50;
    static final int MAX_SOURCES = 50;

    private final CompilationRequests requests;
    private final CompiledCarriers maker;
    private final Carriers carriers;
    private final Copies copies;
    private final CarrierAccess access;
    private final ApprovalService approvals;
    private final AuditTrail audit;

    CompilationService(CompilationRequests requests, CompiledCarriers maker, Carriers carriers, Copies copies,
                       CarrierAccess access, ApprovalService approvals, AuditTrail audit) {
        this.requests = requests;
        this.maker = maker;
        this.carriers = carriers;
        this.copies = copies;
        this.access = access;
        this.approvals = approvals;
        this.audit = audit;
    }

    /** Asks to excerpt one source copy, or compile several of different carriers; returns the request's id. */
    @Transactional
    long request(long firstCopyId, CopyAction a) {
        CurrentUser user = CurrentUser.require();
        Viewer viewer = access.viewer(user);
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(firstCopyId);
        a.getSourceCopyIds().stream().filter(java.util.Objects::nonNull).forEach(ids::add);
        if (a.getSourceLedgerNumbers() != null) {
            long unit = copies.find(firstCopyId).orElseThrow().unitId();
            for (String number : a.getSourceLedgerNumbers().split("[,，;；\\s]+")) {
                if (!number.isBlank()) {
                    ids.add(copies.findVisible(unit, number.strip(), viewer).map(Copy::id).orElseThrow(() ->
                            new BusinessRuleViolation("sourceLedgerNumbers", "carrier.compilation.unknownSource", number)));
                }
            }
        }
        CompilationKind kind = a.getCompilationKind() == null ? CompilationKind.EXCERPT : a.getCompilationKind();
        List<Copy> sources = new ArrayList<>();
        for (long id : ids) {
            Copy copy = copies.findVisible(id, viewer).orElseThrow(() -> new NotFound("copy", id));
            if (copy.status().closed()) {
                throw new BusinessRuleViolation("sourceCopyIds", "carrier.copy.closed");
            }
            if (copy.status() != CopyStatus.LIVE) {
                throw new BusinessRuleViolation("sourceCopyIds", "carrier.copy.wrongStatus");
            }
            sources.add(copy);
        }
        long carriersCount = sources.stream().map(Copy::carrierId).distinct().count();
        if (kind == CompilationKind.EXCERPT ? ids.size() != 1 : carriersCount < 2 || carriersCount != ids.size()
                || ids.size() > MAX_SOURCES) {
            throw new BusinessRuleViolation("sourceCopyIds", "carrier.compilation.sources." + kind, MAX_SOURCES);
        }
        long unitId = sources.get(0).unitId();
        if (sources.stream().anyMatch(c -> c.unitId() != unitId)) {
            throw new BusinessRuleViolation("sourceCopyIds", "carrier.compilation.oneUnit");
        }
        String title = CopyChanges.text("title", a.getTitle(), 200, "carrier.compilation.title");
        int count = a.getCount() == null ? 1 : a.getCount();
        if (count < 1 || count > MAX_COUNT) {
            throw new BusinessRuleViolation("count", "carrier.copyRequest.count", MAX_COUNT);
        }
        String reason = CopyChanges.text("note", a.getNote(), 500, "carrier.compilation.reason");
        if (user.personId() == null) {
            throw new BusinessRuleViolation("copyId", "carrier.request.noPerson");
        }
        CompiledCarriers.Target target = maker.target(sources, LocalDate.now());
        maker.requireEligible(user.personId(), unitId, target);
        CarrierType type = a.getCarrierType() != null ? a.getCarrierType()
                : carriers.find(sources.get(0).carrierId()).orElseThrow().type();
        long id = requests.insert(new CompilationRequest(0, unitId, kind, title, type, count, reason, user.personId(),
                user.username(), null, RequestState.PENDING, null, null, null, List.copyOf(ids)));
        long approvalId = approvals.request(new NewApproval(KIND, SUBJECT, String.valueOf(id),
                kind.stampWord() + "载体 " + String.join("、", sources.stream().map(Copy::ledgerNumber).toList())
                        + "，" + count + " 份", target.level().name(), false));
        requests.linkApproval(id, approvalId);
        for (Copy source : sources) {
            audit.record(AuditRecord.success("COPY_COMPILATION_REQUESTED", "carrierCopy", source.id())
                    .withDetail("request=" + id + " approval=" + approvalId + " kind=" + kind));
        }
        return id;
    }

    /** The requests naming a copy of this carrier, which the user may see: all for its secrecy office, else their own. */
    @Transactional(readOnly = true)
    List<CompilationRequest> requestsOf(long carrierId) {
        Viewer viewer = access.viewer(CurrentUser.require());
        Carrier carrier = carriers.find(carrierId).orElseThrow(() -> new NotFound("carrier", carrierId));
        if (copies.visibleOf(carrierId, viewer).isEmpty()) {
            throw new NotFound("carrier", carrierId);
        }
        boolean keeper = viewer.keeps(carrier.unitId());
        Long me = CurrentUser.require().personId();
        return requests.ofSourceCarrier(carrierId).stream()
                .filter(r -> keeper || java.util.Objects.equals(r.requesterPersonId(), me)).toList();
    }

    /** Registers the new carrier and its copies, in the transaction that granted the approval. */
    @EventListener
    void granted(ApprovalGranted granted) {
        if (!KIND.equals(granted.kind())) {
            return;
        }
        long requestId = Long.parseLong(granted.subjectId());
        CompilationRequest r = requests.find(requestId).orElseThrow(() -> new NotFound("compilationRequest", requestId));
        long carrierId = maker.make(r, granted.approvalId());
        if (!requests.decide(requestId, granted.approvalId(), RequestState.GRANTED, null, carrierId)) {
            throw BusinessRuleViolation.of("carrier.request.decided");
        }
    }

    @EventListener
    void refused(ApprovalRefused refused) {
        if (KIND.equals(refused.kind())) {
            long id = Long.parseLong(refused.subjectId());
            if (!requests.decide(id, refused.approvalId(), RequestState.REFUSED, refused.opinion(), null)) {
                throw BusinessRuleViolation.of("carrier.request.decided");
            }
            audit.record(AuditRecord.success("COMPILATION_REFUSED", "compilationRequest", id)
                    .withDetail("approval=" + refused.approvalId()));
        }
    }

    /** Withdrawn by the requester: nothing is compiled. */
    @EventListener
    void withdrawn(ApprovalWithdrawn withdrawn) {
        if (KIND.equals(withdrawn.kind())) {
            long id = Long.parseLong(withdrawn.subjectId());
            if (!requests.decide(id, withdrawn.approvalId(), RequestState.WITHDRAWN, null, null)) {
                throw BusinessRuleViolation.of("carrier.request.decided");
            }
            audit.record(AuditRecord.success("COMPILATION_WITHDRAWN", "compilationRequest", id)
                    .withDetail("approval=" + withdrawn.approvalId()));
        }
    }
}
