package cn.baomi.server.carrier;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;

/**
 * Reporting a copy lost (报告丢失) and finding it again (docs/decisions/carrier-inventory.md). A lost copy keeps its
 * last custodian and place and takes no custody event; only the secrecy office may record it found, which puts it
 * back in a place. Each report publishes {@link CopyReportedLost}, from which the incident module opens an incident
 * in the same transaction.
 */
@Service
class LossService {

    static final int MAX_DESCRIPTION = 500;

    private final Copies copies;
    private final Carriers carriers;
    private final CopyChanges changes;
    private final Places places;
    private final CarrierAccess access;
    private final ApplicationEventPublisher publisher;

    LossService(Copies copies, Carriers carriers, CopyChanges changes, Places places, CarrierAccess access,
                ApplicationEventPublisher publisher) {
        this.copies = copies;
        this.carriers = carriers;
        this.changes = changes;
        this.places = places;
        this.access = access;
        this.publisher = publisher;
    }

    /** Reported by the custodian, the borrower of a lent copy, or the secrecy office; the description is required. */
    @Transactional
    void reportLost(long copyId, String description) {
        CurrentUser user = CurrentUser.require();
        Copy copy = copies.findVisible(copyId, access.viewer(user)).orElseThrow(() -> new NotFound("copy", copyId));
        boolean holder = user.personId() != null && (Objects.equals(user.personId(), copy.custodianId())
                || (copy.status() == CopyStatus.LENT && Objects.equals(user.personId(), copy.borrowerId())));
        if (!holder && !access.viewer(user).keeps(copy.unitId())) {
            throw new AccessDeniedException("only the holder or the secrecy office reports a copy lost");
        }
        requireReportable(copy);
        String text = description == null ? "" : description.strip();
        if (text.isEmpty() || text.length() > MAX_DESCRIPTION) {
            throw new BusinessRuleViolation("note", "carrier.lost.descriptionRequired", MAX_DESCRIPTION);
        }
        markLost(copy, text, null, user);
    }

    /**
     * Marks a copy lost as the result of a closed inventory that did not find it; called inside the closing
     * transaction. The caller has checked that the user keeps the copy's unit.
     */
    void reportMissing(Copy copy, long inventoryId, String description, CurrentUser user) {
        requireReportable(copy);
        markLost(copy, description, inventoryId, user);
    }

    /** Only the secrecy office records a lost copy found, and where it is kept now. */
    @Transactional
    void found(long copyId, Long safeId, String place, String note) {
        CurrentUser user = CurrentUser.require();
        Copy copy = copies.findVisible(copyId, access.viewer(user)).orElseThrow(() -> new NotFound("copy", copyId));
        if (!access.viewer(user).keeps(copy.unitId())) {
            throw new AccessDeniedException("only the secrecy office records a lost copy found");
        }
        if (copy.status() != CopyStatus.LOST) {
            throw new BusinessRuleViolation("copyId", "carrier.found.notLost");
        }
        Places.Place p = places.resolve(safeId, place, copy.unitId());
        Copy next = copy.with(CopyStatus.LIVE).withLoan(null, null).withPlace(p.safeId(), p.text());
        commit(copy, next, CopyEvent.of(copy.id(), EventType.FOUND, user.username()).at(p.safeId(), p.text()).note(note));
    }

    private void markLost(Copy copy, String description, Long inventoryId, CurrentUser user) {
        Copy next = copy.with(CopyStatus.LOST).withCustody(copy.custodianId(), null);
        commit(copy, next, CopyEvent.of(copy.id(), EventType.LOST_REPORTED, user.username())
                .custody(copy.custodianId(), null).note(description));
        SecretLevel level = carriers.find(copy.carrierId()).orElseThrow().level();
        publisher.publishEvent(new CopyReportedLost(copy.id(), copy.carrierId(), copy.unitId(), copy.ledgerNumber(),
                level.name(), copy.custodianId(), user.username(), user.personId(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), description, inventoryId));
    }

    private static void requireReportable(Copy copy) {
        if (copy.status().closed()) {
            throw new BusinessRuleViolation("copyId", "carrier.copy.closed");
        }
        if (copy.status() == CopyStatus.LOST) {
            throw new BusinessRuleViolation("copyId", "carrier.copy.lost", copy.ledgerNumber());
        }
    }

    private void commit(Copy read, Copy next, CopyEvent event) {
        changes.commit(read, next, event);
    }
}
