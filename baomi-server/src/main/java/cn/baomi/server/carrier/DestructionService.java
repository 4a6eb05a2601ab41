package cn.baomi.server.carrier;

import java.util.ArrayList;
import java.util.Comparator;
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
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;

/**
 * Destruction through a batch list (domain.md §4 rule 10, §16). The secrecy office lists live or archived copies of
 * one of its units (copies lent out, sent or waiting for a hand-over must come back first), the list is approved, and
 * then the hand-over to the destruction body is recorded once, with the certificate, the destroyer and a
 * witness: every listed copy becomes DESTROYED with its event, and the list is read-only from then on.
 */
@Service
class DestructionService {

    static final String KIND = "carrier.destroy";
    static final String SUBJECT = "carrierDestructionList";
    static final int MAX_COPIES = 500;

    private final DestructionLists lists;
    private final Copies copies;
    private final Carriers carriers;
    private final CopyEvents events;
    private final CarrierAccess access;
    private final ApprovalService approvals;
    private final AuditTrail audit;

    DestructionService(DestructionLists lists, Copies copies, Carriers carriers, CopyEvents events, CarrierAccess access,
                       ApprovalService approvals, AuditTrail audit) {
        this.lists = lists;
        this.copies = copies;
        this.carriers = carriers;
        this.events = events;
        this.access = access;
        this.approvals = approvals;
        this.audit = audit;
    }

    /** Builds a destruction list of live or archived copies of one kept unit and asks for its approval; returns its id. */
    @Transactional
    long listForDestruction(DestructionForm form) {
        CurrentUser user = CurrentUser.require();
        access.requireKeeper(user);
        Viewer viewer = access.viewer(user);
        Set<Long> ids = new LinkedHashSet<>(form.getCopyIds());
        ids.remove(null);
        if (ids.isEmpty() || ids.size() > MAX_COPIES) {
            throw new BusinessRuleViolation("copyIds", "carrier.destruction.copiesRequired", MAX_COPIES);
        }
        String reason = form.getReason() == null ? "" : form.getReason().strip();
        if (reason.isEmpty() || reason.length() > 500) {
            throw new BusinessRuleViolation("reason", "carrier.destruction.reasonRequired");
        }
        List<Copy> listed = new ArrayList<>();
        for (long id : ids) {
            Copy copy = copies.find(id).filter(c -> viewer.keeps(c.unitId()))
                    .orElseThrow(() -> new NotFound("copy", id));
            if (!destroyable(copy)) {
                throw new BusinessRuleViolation("copyIds", copy.status().closed() ? "carrier.copy.closed"
                        : "carrier.destruction.notLive", copy.ledgerNumber());
            }
            listed.add(copy);
        }
        long unitId = listed.get(0).unitId();
        if (listed.stream().anyMatch(c -> c.unitId() != unitId)) {
            throw new BusinessRuleViolation("copyIds", "carrier.destruction.oneUnit");
        }
        if (!lists.alreadyListed(ids).isEmpty()) {
            throw new BusinessRuleViolation("copyIds", "carrier.destruction.alreadyListed");
        }
        SecretLevel level = listed.stream().map(c -> carriers.find(c.carrierId()).orElseThrow().level())
                .min(Comparator.naturalOrder()).orElseThrow();
        long id = lists.insert(unitId, reason, level, user.username(), ids);
        long approvalId = approvals.request(new NewApproval(KIND, SUBJECT, String.valueOf(id),
                "销毁清单 第" + id + "号，" + ids.size() + " 份", level.name(), false));
        lists.linkApproval(id, approvalId);
        audit.record(AuditRecord.success("DESTRUCTION_LISTED", "destructionList", id)
                .withDetail("approval=" + approvalId + " copies=" + ids));
        return id;
    }

    @Transactional(readOnly = true)
    List<DestructionList> lists() {
        Viewer viewer = access.viewer(CurrentUser.require());
        return lists.ofUnits(viewer.keeperUnits());
    }

    /** A list of a unit the secrecy office keeps; 404 otherwise. */
    @Transactional(readOnly = true)
    DestructionList list(long id) {
        Viewer viewer = access.viewer(CurrentUser.require());
        return lists.find(id).filter(l -> viewer.keeps(l.unitId())).orElseThrow(() -> new NotFound("destructionList", id));
    }

    /**
     * Records the hand-over of an approved list to the destruction body; every listed copy becomes DESTROYED.
     * Refused unless approved, with two different persons of the unit as destroyer and witness; only once.
     */
    @Transactional
    void destroy(long listId, DestructionForm form) {
        CurrentUser user = CurrentUser.require();
        access.requireKeeper(user);
        DestructionList list = list(listId);
        if (list.state() == DestructionState.COMPLETED) {
            throw BusinessRuleViolation.of("carrier.destruction.readOnly");
        }
        if (list.state() != DestructionState.APPROVED) {
            throw BusinessRuleViolation.of("carrier.destruction.notApproved");
        }
        String body = required("body", form.getBody(), 100);
        String certificate = required("certificateNumber", form.getCertificateNumber(), 100);
        if (form.getCertificateDate() == null || form.getCertificateDate().isAfter(java.time.LocalDate.now())) {
            throw new BusinessRuleViolation("certificateDate", "carrier.destruction.certificateDate");
        }
        PersonSummary destroyer = personOf("destroyerId", form.getDestroyerId(), list.unitId());
        PersonSummary witness = personOf("witnessId", form.getWitnessId(), list.unitId());
        if (destroyer.id() == witness.id()) {
            throw new BusinessRuleViolation("witnessId", "carrier.destruction.witnessIsDestroyer");
        }
        if (!lists.complete(listId, body, certificate, form.getCertificateDate(), destroyer.id(), witness.id(),
                user.username())) {
            throw BusinessRuleViolation.of("carrier.destruction.readOnly");
        }
        String note = "销毁证明 " + certificate + "（" + form.getCertificateDate() + "），销毁人 " + destroyer.name()
                + "，监销人 " + witness.name();
        for (long copyId : list.copyIds()) {
            Copy copy = copies.find(copyId).orElseThrow();
            if (!destroyable(copy)) {
                throw new BusinessRuleViolation("copyIds", copy.status().closed() ? "carrier.copy.closed"
                        : "carrier.destruction.notLive", copy.ledgerNumber());
            }
            if (!copies.change(copy, copy.with(CopyStatus.DESTROYED))) {
                throw new BusinessRuleViolation("copyIds", "carrier.copy.changedMeanwhile");
            }
            events.append(CopyEvent.of(copyId, EventType.DESTROYED, user.username())
                    .custody(copy.custodianId(), null).travel(null, body).note(note));
            audit.record(AuditRecord.success("COPY_DESTROYED", "carrierCopy", copyId)
                    .withDetail("carrier=" + copy.carrierId() + " copy=" + copy.copyNumber() + " list=" + listId));
        }
        audit.record(AuditRecord.success("DESTRUCTION_COMPLETED", "destructionList", listId)
                .withDetail("certificate=" + certificate + " destroyer=" + destroyer.id() + " witness=" + witness.id()));
    }

    /** The list may be completed, in the transaction that granted the approval. */
    @EventListener
    void granted(ApprovalGranted granted) {
        if (KIND.equals(granted.kind())) {
            decide(granted.approvalId(), granted.subjectId(), DestructionState.APPROVED, null);
        }
    }

    @EventListener
    void refused(ApprovalRefused refused) {
        if (KIND.equals(refused.kind())) {
            decide(refused.approvalId(), refused.subjectId(), DestructionState.REFUSED, refused.opinion());
        }
    }

    /** Withdrawn by the requester: the list is closed and its copies may be listed again. */
    @EventListener
    void withdrawn(ApprovalWithdrawn withdrawn) {
        if (KIND.equals(withdrawn.kind())) {
            decide(withdrawn.approvalId(), withdrawn.subjectId(), DestructionState.WITHDRAWN, null);
        }
    }

    private void decide(long approvalId, String subjectId, DestructionState state, String opinion) {
        long id = Long.parseLong(subjectId);
        if (!lists.decide(id, approvalId, state, opinion)) {
            throw BusinessRuleViolation.of("carrier.destruction.decided");
        }
        audit.record(AuditRecord.success("DESTRUCTION_" + state.name(), "destructionList", id)
                .withDetail("approval=" + approvalId));
    }

    /** A copy in the unit's hands and at rest: live, or archived (its archive keeper hands it over). */
    static boolean destroyable(Copy copy) {
        return copy.status() == CopyStatus.LIVE || copy.status() == CopyStatus.ARCHIVED;
    }

    private PersonSummary personOf(String field, Long personId, long unitId) {
        return access.person(personId).filter(p -> p.active() && p.unitId() == unitId)
                .orElseThrow(() -> new BusinessRuleViolation(field, "carrier.destruction.personOfUnit"));
    }

    private static String required(String field, String text, int max) {
        if (text == null || text.isBlank() || text.strip().length() > max) {
            throw new BusinessRuleViolation(field, "carrier.destruction." + field + "Required", max);
        }
        return text.strip();
    }
}
