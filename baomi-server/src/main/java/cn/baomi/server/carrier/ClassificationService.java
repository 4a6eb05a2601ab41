package cn.baomi.server.carrier;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;

/**
 * Change (变更) and declassification (解密) of a carrier (domain.md §2): the secrecy office records a decision
 * taken by a classification authority — who, when, on what basis — and the new level, duration and scope. This is
 * the only way they change: the carrier is updated on the version read, the old and new values go to the
 * classification history, and each open copy gets the event in its history, all in one transaction.
 */
@Service
class ClassificationService {

    private final Carriers carriers;
    private final Copies copies;
    private final CopyEvents events;
    private final CarrierScopes scopes;
    private final ClassificationChanges history;
    private final CarrierAccess access;
    private final AuditTrail audit;
    private final ScopeParts scopeParts;

    ClassificationService(Carriers carriers, Copies copies, CopyEvents events, CarrierScopes scopes,
                          ClassificationChanges history, CarrierAccess access, AuditTrail audit, ScopeParts scopeParts) {
        this.scopeParts = scopeParts;
        this.carriers = carriers;
        this.copies = copies;
        this.events = events;
        this.scopes = scopes;
        this.history = history;
        this.access = access;
        this.audit = audit;
    }

    @Transactional
    void change(long carrierId, CopyAction a) {
        record(carrierId, a, ClassificationChange.Kind.CHANGED);
    }

    @Transactional
    void declassify(long carrierId, CopyAction a) {
        record(carrierId, a, ClassificationChange.Kind.DECLASSIFIED);
    }

    private void record(long carrierId, CopyAction a, ClassificationChange.Kind kind) {
        CurrentUser user = CurrentUser.require();
        Viewer viewer = access.viewer(user);
        Carrier carrier = carriers.find(carrierId).orElseThrow(() -> new NotFound("carrier", carrierId));
        if (copies.visibleOf(carrierId, viewer).isEmpty()) {
            throw new NotFound("carrier", carrierId);
        }
        access.requireKeeper(user);
        if (!viewer.keeps(carrier.unitId())) {
            throw new org.springframework.security.access.AccessDeniedException("only the secrecy office records a change");
        }
        if (carrier.declassified()) {
            throw new BusinessRuleViolation("type", "carrier.classification.declassified");
        }
        String decidedBy = CopyChanges.text("decidedBy", a.getDecidedBy(), 50, "carrier.classification.decidedBy");
        LocalDate today = LocalDate.now();
        if (a.getDecidedOn() == null || a.getDecidedOn().isAfter(today)) {
            throw new BusinessRuleViolation("decidedOn", "carrier.classification.decidedOn");
        }
        String basis = CopyChanges.text("basis", a.getBasis(), 200, "carrier.classification.basis");
        List<CarrierScopes.Entry> oldScope = scopes.of(carrierId);
        SecretLevel level = carrier.level();
        SecrecyDuration duration = carrier.duration();
        List<CarrierScopes.Entry> scope = oldScope;
        if (kind == ClassificationChange.Kind.CHANGED) {
            level = a.getLevel() != null ? a.getLevel() : carrier.level();
            SecrecyDuration d = carrier.duration();
            if (a.getDurationKind() != null) {
                duration = SecrecyDuration.of(a.getDurationKind(), a.getDurationAmount(), a.getDurationUntil(),
                        a.getDurationCondition(), level, today);
            } else if (level != carrier.level()) {
                duration = SecrecyDuration.of(d.kind(), d.amount(), d.until(), d.condition(), level, today);
            }
            scope = a.scope().isEmpty() ? oldScope : a.scope();
            if (scope != oldScope) {
                scopeParts.requireKnown(scope, carrier.unitId());
            }
            if (level == carrier.level() && duration.equals(carrier.duration())
                    && CarrierScopes.text(scope).equals(CarrierScopes.text(oldScope))) {
                throw new BusinessRuleViolation("level", "carrier.classification.nothingChanged");
            }
        }
        List<Copy> open = copies.ofCarrier(carrierId).stream().filter(c -> !c.status().closed()).toList();
        if (open.isEmpty()) {
            throw new BusinessRuleViolation("type", "carrier.copy.closed");
        }
        LocalDate declassifiedOn = kind == ClassificationChange.Kind.DECLASSIFIED ? a.getDecidedOn() : null;
        if (!carriers.reclassify(carrier, level, duration, declassifiedOn)) {
            throw new BusinessRuleViolation("type", "carrier.copy.changedMeanwhile");
        }
        if (scope != oldScope) {
            scopes.replace(carrierId, scope);
        }
        history.append(new ClassificationChange(0, carrierId, kind, decidedBy, a.getDecidedOn(), basis, carrier.level(),
                carrier.duration(), CarrierScopes.text(oldScope), level, duration, CarrierScopes.text(scope),
                user.username(), null));
        String note = (kind == ClassificationChange.Kind.DECLASSIFIED ? "解密"
                : ClassificationChange.marking(carrier.level(), carrier.duration()) + " → "
                        + ClassificationChange.marking(level, duration))
                + "；" + decidedBy + " " + a.getDecidedOn() + " 决定，依据 " + basis;
        EventType type = kind == ClassificationChange.Kind.DECLASSIFIED ? EventType.DECLASSIFIED : EventType.RECLASSIFIED;
        for (Copy c : open) {
            events.append(CopyEvent.of(c.id(), type, user.username()).note(note));
        }
        audit.record(AuditRecord.success("CARRIER_" + type.name(), "carrier", carrierId)
                .withDetail("from=" + carrier.level() + " to=" + level + " copies=" + open.size()));
    }
}
