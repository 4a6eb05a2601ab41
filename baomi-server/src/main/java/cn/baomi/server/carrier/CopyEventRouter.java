package cn.baomi.server.carrier;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.NotFound;

/**
 * Takes an event asked for on a copy of a carrier ({@code POST /api/carriers/{id}/events} or a page) to the service
 * that owns it. A change or declassification concerns the carrier and needs no copy; every other event names a copy
 * of this carrier.
 */
@Service
class CopyEventRouter {

    private final CopyChanges changes;
    private final CustodyService custody;
    private final LifecycleService lifecycle;
    private final CarryOutService carryOuts;
    private final CompilationService compilations;
    private final ClassificationService classification;

    CopyEventRouter(CopyChanges changes, CustodyService custody, LifecycleService lifecycle, CarryOutService carryOuts,
                    CompilationService compilations, ClassificationService classification) {
        this.changes = changes;
        this.custody = custody;
        this.lifecycle = lifecycle;
        this.carryOuts = carryOuts;
        this.compilations = compilations;
        this.classification = classification;
    }

    /**
     * Applies the event and answers the history rows it appended: one for a custody or lifecycle event, one per open
     * copy for a change or declassification, none for a request that only opens an approval.
     */
    @Transactional
    List<CopyEvent> apply(long carrierId, CopyAction a) {
        try (CopyEvents.Recording appended = CopyEvents.recording()) {
            dispatch(carrierId, a);
            return appended.events();
        }
    }

    /**
     * Applies several events in one transaction, all or nothing (docs/decisions/ledger-performance.md): each exactly
     * as {@link #apply} would, in the order given, so a later one sees what an earlier one changed; their audit
     * records are chained together at the commit. A broken rule names the event: {@code events[2].personId}.
     */
    @Transactional
    List<CopyEvent> applyAll(List<CarrierEvent> batch) {
        if (batch == null || batch.isEmpty() || batch.size() > CarrierEvent.MOST) {
            throw new BusinessRuleViolation("events", "carrier.events.batchSize", CarrierEvent.MOST);
        }
        try (CopyEvents.Recording appended = CopyEvents.recording()) {
            for (int i = 0; i < batch.size(); i++) {
                CarrierEvent a = batch.get(i);
                if (a == null || a.getCarrierId() == null) {
                    throw new BusinessRuleViolation("events[" + i + "].carrierId", "carrier.event.incomplete");
                }
                try {
                    dispatch(a.getCarrierId(), a);
                } catch (BusinessRuleViolation e) {
                    throw new BusinessRuleViolation("events[" + i + "]" + (e.field() == null ? "" : "." + e.field()),
                            e.messageKey(), e.arguments());
                }
            }
            return appended.events();
        }
    }

    private void dispatch(long carrierId, CopyAction a) {
        if (a.getType() == EventType.RECLASSIFIED) {
            classification.change(carrierId, a);
            return;
        }
        if (a.getType() == EventType.DECLASSIFIED) {
            classification.declassify(carrierId, a);
            return;
        }
        if (a.getCopyId() == null || a.getType() == null) {
            throw new BusinessRuleViolation(a.getCopyId() == null ? "copyId" : "type", "carrier.event.incomplete");
        }
        long id = a.getCopyId();
        try {
            if (changes.readForEvent(id).filter(c -> c.carrierId() == carrierId).isEmpty()) {
                throw new NotFound("copy", id);
            }
            route(carrierId, id, a);
        } finally {
            changes.forgetReadForEvent();
        }
    }

    private void route(long carrierId, long id, CopyAction a) {
        switch (a.getType()) {
            case COMPILATION_REQUESTED -> compilations.request(id, a);
            case CARRY_OUT_REQUESTED -> carryOuts.request(id, a.getCounterpart(), a.getDueDate(), a.getAbroad(), a.getNote());
            case CARRIED_OUT -> carryOuts.carryOut(id);
            case CARRIED_BACK -> carryOuts.carryBack(id, a.getSafeId(), a.getPlace());
            case REPAIRED -> lifecycle.repair(id, a.getMode(), a.getCounterpart(), a.getStorageRemoved(), a.noteOrNull());
            case RETURNED_TO_ISSUER -> lifecycle.returnToIssuer(id, a.getCounterpart(), a.noteOrNull());
            case ARCHIVED -> lifecycle.archive(id, a.getPersonId(), a.getSafeId(), a.getPlace(), a.noteOrNull());
            case RETRIEVED_FROM_ARCHIVE -> lifecycle.retrieveFromArchive(id, a.getPersonId(), a.getSafeId(), a.getPlace(),
                    a.noteOrNull());
            default -> custody.apply(carrierId, a);
        }
    }
}
