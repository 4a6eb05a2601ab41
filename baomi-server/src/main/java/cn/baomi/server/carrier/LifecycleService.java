package cn.baomi.server.carrier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.shared.BusinessRuleViolation;

/**
 * Repair of media (维修, domain.md §4 rule 7), return to the issuing unit (清退, rule 9), archiving (归档) and taking a
 * copy back out of the archive (调档/出档). The custodian or the secrecy office records them; each is one conditional
 * update, its event and its audit record (see {@link CopyChanges}). A returned copy is closed: it takes no further
 * event.
 */
@Service
class LifecycleService {

    private final CopyChanges changes;
    private final Places places;

    LifecycleService(CopyChanges changes, Places places) {
        this.changes = changes;
        this.places = places;
    }

    /**
     * A repair of a medium, recorded after it was done: paper is not repaired; an outsider is named; a medium
     * sent out for repair leaves with its storage parts removed, which stay with the custodian.
     */
    @Transactional
    void repair(long copyId, RepairMode mode, String repairer, Boolean storageRemoved, String note) {
        Copy copy = changes.actionable(copyId, CopyStatus.LIVE);
        changes.requireCustodianOrKeeper(copy);
        if (changes.carrierOf(copy).type() == CarrierType.PAPER) {
            throw new BusinessRuleViolation("mode", "carrier.repair.paper");
        }
        if (mode == null) {
            throw new BusinessRuleViolation("mode", "carrier.repair.modeRequired");
        }
        if (mode == RepairMode.SENT_OUT && !Boolean.TRUE.equals(storageRemoved)) {
            throw new BusinessRuleViolation("storageRemoved", "carrier.repair.storageNotRemoved");
        }
        String who = mode == RepairMode.IN_HOUSE && (repairer == null || repairer.isBlank()) ? null
                : CopyChanges.text("counterpart", repairer, 100, "carrier.repair.repairerRequired");
        String text = mode == RepairMode.SENT_OUT ? join("存储部件已拆除留存", note) : note;
        changes.commit(copy, copy, CopyChanges.event(copy, EventType.REPAIRED).travel(null, who).mode(mode.name())
                .note(text));
    }

    /** Returned (清退) to the unit that issued it, by default the carrier's sending unit; closes the copy. */
    @Transactional
    void returnToIssuer(long copyId, String issuer, String note) {
        Copy copy = changes.actionable(copyId, CopyStatus.LIVE);
        changes.requireNotListedForDestruction(copy);
        changes.requireCustodianOrKeeper(copy);
        String to = issuer == null || issuer.isBlank() ? changes.carrierOf(copy).originName() : issuer;
        to = CopyChanges.text("counterpart", to, 100, "carrier.return.issuerRequired");
        changes.commit(copy, copy.with(CopyStatus.RETURNED),
                CopyChanges.event(copy, EventType.RETURNED_TO_ISSUER).custody(copy.custodianId(), null).travel(null, to)
                        .note(note));
    }

    /**
     * Archived (归档), optionally moved to the archive's safe or room and handed to its keeper (who must be an
     * eligible holder). An archived copy takes only a change or declassification afterwards.
     */
    @Transactional
    void archive(long copyId, Long archivistId, Long safeId, String place, String note) {
        Copy copy = changes.actionable(copyId, CopyStatus.LIVE);
        changes.requireNotListedForDestruction(copy);
        changes.requireCustodianOrKeeper(copy);
        Copy next = copy.with(CopyStatus.ARCHIVED);
        if (archivistId != null && archivistId != copy.custodianId()) {
            Carrier carrier = changes.carrierOf(copy);
            changes.requireEligibleHolder("personId", archivistId, carrier);
            next = next.withCustody(archivistId, null);
        }
        if (safeId != null || (place != null && !place.isBlank())) {
            Places.Place p = places.resolve(safeId, place, copy.unitId());
            next = next.withPlace(p.safeId(), p.text());
        }
        changes.commit(copy, next, CopyChanges.event(copy, EventType.ARCHIVED)
                .custody(copy.custodianId(), next.custodianId()).at(next.safeId(), next.place()).note(note));
    }

    /**
     * Taken back out of the archive (调档/出档) by the archive keeper (its custodian) or the secrecy office: the copy is
     * LIVE again with a named custodian, who must be allowed to hold it, at a named safe or place. A copy listed for
     * destruction stays in the archive until the list is done.
     */
    @Transactional
    void retrieveFromArchive(long copyId, Long custodianId, Long safeId, String place, String note) {
        Copy copy = changes.actionable(copyId, CopyStatus.ARCHIVED);
        changes.requireNotListedForDestruction(copy);
        changes.requireCustodianOrKeeper(copy);
        if (custodianId == null) {
            throw new BusinessRuleViolation("personId", "carrier.archive.custodianRequired");
        }
        changes.requireEligibleHolder("personId", custodianId, changes.carrierOf(copy));
        Places.Place p = places.resolve(safeId, place, copy.unitId());
        Copy next = copy.with(CopyStatus.LIVE).withCustody(custodianId, null).withPlace(p.safeId(), p.text());
        changes.commit(copy, next, CopyChanges.event(copy, EventType.RETRIEVED_FROM_ARCHIVE)
                .custody(copy.custodianId(), custodianId).at(p.safeId(), p.text()).note(note));
    }

    private static String join(String fixed, String note) {
        return note == null ? fixed : fixed + "；" + note;
    }
}
