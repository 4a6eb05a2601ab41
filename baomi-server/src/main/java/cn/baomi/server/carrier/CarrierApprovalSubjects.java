package cn.baomi.server.carrier;

import java.util.List;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.approval.ApprovalSubject;
import cn.baomi.server.approval.ApprovalSubjects;
import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.shared.CurrentUser;

/**
 * Names the carrier records behind approvals on the approval page (docs/decisions/approval-routing.md): a copy
 * request, a carry-out or a compilation names its copy — with the carrier's title and a link only for someone who
 * may see that copy (audited as a view of the carrier), else by its ledger number alone, which the request's
 * summary already shows —, and a destruction list names itself, linked for the secrecy office that keeps it.
 */
@Component
class CarrierApprovalSubjects implements ApprovalSubjects {

    private final CopyRequests copyRequests;
    private final CarryOutRequests carryOuts;
    private final CompilationRequests compilations;
    private final DestructionLists destructionLists;
    private final Copies copies;
    private final Carriers carriers;
    private final CarrierAccess access;
    private final AuditTrail audit;
    private final MessageSource messages;

    CarrierApprovalSubjects(CopyRequests copyRequests, CarryOutRequests carryOuts, CompilationRequests compilations,
                            DestructionLists destructionLists, Copies copies, Carriers carriers, CarrierAccess access,
                            AuditTrail audit, MessageSource messages) {
        this.copyRequests = copyRequests;
        this.carryOuts = carryOuts;
        this.compilations = compilations;
        this.destructionLists = destructionLists;
        this.copies = copies;
        this.carriers = carriers;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
    }

    @Override
    @Transactional
    public Optional<ApprovalSubject> describe(String subjectType, String subjectId) {
        long id;
        try {
            id = Long.parseLong(subjectId);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return switch (subjectType) {
            case CopyingService.SUBJECT -> copyRequests.find(id).map(r -> copies("carrier.approvalSubject.copy",
                    List.of(r.sourceCopyId())));
            case CarryOutService.SUBJECT -> carryOuts.find(id).map(r -> copies("carrier.approvalSubject.carryOut",
                    List.of(r.copyId())));
            case CompilationService.SUBJECT -> compilations.find(id)
                    .map(r -> copies("carrier.approvalSubject.compilation", r.sourceCopyIds()));
            case DestructionService.SUBJECT -> destructionLists.find(id).map(this::destructionList);
            default -> Optional.empty();
        };
    }

    /**
     * The copies named by ledger number; the carrier's title and the link are added for the copies the user may see.
     * The link goes to the first copy the user may see.
     */
    private ApprovalSubject copies(String key, List<Long> copyIds) {
        Viewer viewer = access.viewer(CurrentUser.require());
        StringBuilder text = new StringBuilder();
        String link = null;
        for (long copyId : copyIds) {
            Optional<Copy> copy = copies.find(copyId);
            if (copy.isEmpty()) {
                continue;
            }
            Copy c = copy.get();
            if (!text.isEmpty()) {
                text.append("；");
            }
            if (copies.findVisible(copyId, viewer).isPresent()) {
                Carrier carrier = carriers.find(c.carrierId()).orElseThrow();
                text.append(text("carrier.approvalSubject.visible", carrier.title(),
                        String.format("%06d", c.copyNumber()), c.ledgerNumber()));
                audit.record(AuditRecord.success("CARRIER_VIEWED", "carrier", carrier.id())
                        .withDetail("approval subject, copy=" + c.copyNumber()));
                link = link != null ? link : "/carriers/" + carrier.id();
            } else {
                text.append(text("carrier.approvalSubject.hidden", c.ledgerNumber()));
            }
        }
        return new ApprovalSubject(text(key, text.toString()), link);
    }

    private ApprovalSubject destructionList(DestructionList list) {
        boolean keeps = access.viewer(CurrentUser.require()).keeps(list.unitId());
        return new ApprovalSubject(text("carrier.approvalSubject.destructionList", String.valueOf(list.id()),
                list.copyIds().size()),
                keeps ? "/carriers/destruction/" + list.id() : null);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
