package cn.baomi.server.carrier;

import java.util.Objects;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;

/**
 * What every event on a copy shares: reading the copy the user may see in the state the event needs (never a
 * destroyed or returned one), checking who acts, and committing the new state with one conditional update on
 * status and version, the appended event and the audit record, in the caller's transaction.
 */
@Component
class CopyChanges {

    private final Copies copies;
    private final Carriers carriers;
    private final CopyEvents events;
    private final CarrierAccess access;
    private final AuditTrail audit;
    private final DestructionLists destructionLists;

    CopyChanges(Copies copies, Carriers carriers, CopyEvents events, CarrierAccess access, AuditTrail audit,
                DestructionLists destructionLists) {
        this.destructionLists = destructionLists;
        this.copies = copies;
        this.carriers = carriers;
        this.events = events;
        this.access = access;
        this.audit = audit;
    }

    /**
     * The copy an event names, as the user may see it, read once per event (docs/decisions/ledger-performance.md):
     * {@link CopyEventRouter} reads it to check that it belongs to the carrier of the request, and the first
     * {@link #actionable} on this thread takes it instead of reading it again. Nothing writes in between: the router
     * hands the event straight to the service that owns it, which starts by asking for the copy.
     */
    private static final ThreadLocal<Copy> READ_FOR_EVENT = new ThreadLocal<>();

    /** The copy, if the user may see it, kept for the event's {@link #actionable}; {@link #forgetReadForEvent} after. */
    Optional<Copy> readForEvent(long copyId) {
        Optional<Copy> copy = copies.findVisible(copyId, access.viewer(CurrentUser.require()));
        copy.ifPresentOrElse(READ_FOR_EVENT::set, READ_FOR_EVENT::remove);
        return copy;
    }

    void forgetReadForEvent() {
        READ_FOR_EVENT.remove();
    }

    /** The copy, visible to the user, open (not destroyed or returned) and in the expected state. */
    Copy actionable(long copyId, CopyStatus expected) {
        Copy read = READ_FOR_EVENT.get();
        READ_FOR_EVENT.remove();
        Copy copy = read != null && read.id() == copyId ? read
                : copies.findVisible(copyId, access.viewer(CurrentUser.require()))
                .orElseThrow(() -> new NotFound("copy", copyId));
        if (copy.status().closed()) {
            throw new BusinessRuleViolation("copyId", "carrier.copy.closed");
        }
        if (copy.status() == CopyStatus.LOST) {
            throw new BusinessRuleViolation("copyId", "carrier.copy.lost", copy.ledgerNumber());
        }
        if (copy.status() != expected) {
            throw new BusinessRuleViolation("copyId", "carrier.copy.wrongStatus");
        }
        return copy;
    }

    /** Moves the copy from the state it was read in; the loser of two simultaneous changes gets a rule violation. */
    void commit(Copy read, Copy next, CopyEvent event) {
        if (!copies.change(read, next)) {
            throw new BusinessRuleViolation("copyId", "carrier.copy.changedMeanwhile");
        }
        append(read, event);
    }

    /**
     * {@link #commit} for an event that moves a copy out of its place (hand-over, lending, sending), which a pending or
     * approved destruction list forbids ({@link #requireNotListedForDestruction}): the conditional update checks the
     * lists too, saving the statement of a check of its own. When it changes nothing, the list is named if there is
     * one, and otherwise another change came first.
     */
    void commitUnlisted(Copy read, Copy next, CopyEvent event) {
        if (!copies.changeUnlisted(read, next)) {
            requireNotListedForDestruction(read);
            throw new BusinessRuleViolation("copyId", "carrier.copy.changedMeanwhile");
        }
        append(read, event);
    }

    private void append(Copy read, CopyEvent event) {
        events.append(event);
        audit.record(AuditRecord.success("COPY_" + event.type().name(), "carrierCopy", read.id())
                .withDetail("carrier=" + read.carrierId() + " copy=" + read.copyNumber()));
    }

    /**
     * A copy on a destruction list that is pending or approved stays where it is until the list is done: it is not
     * handed over, lent, sent, carried out, returned or archived.
     */
    void requireNotListedForDestruction(Copy copy) {
        destructionLists.openListOf(copy.id()).ifPresent(list -> {
            throw new BusinessRuleViolation("copyId", "carrier.destruction.listedCopyStays", list);
        });
    }

    void requireCustodianOrKeeper(Copy copy) {
        CurrentUser user = CurrentUser.require();
        if (!Objects.equals(user.personId(), copy.custodianId()) && !access.viewer(user).keeps(copy.unitId())) {
            throw new AccessDeniedException("only the custodian or the secrecy office acts on this copy");
        }
    }

    void requireEligibleHolder(String field, Long personId, Carrier carrier) {
        access.requireEligibleHolder(field, personId, carrier.id(), carrier.unitId(), carrier.level());
    }

    /** Whether the user keeps the carrier's ledger; 404 when they may see none of its copies. */
    boolean keeperOfVisible(long carrierId) {
        Viewer viewer = access.viewer(CurrentUser.require());
        Carrier carrier = carriers.find(carrierId).orElseThrow(() -> new NotFound("carrier", carrierId));
        if (copies.visibleOf(carrierId, viewer).isEmpty()) {
            throw new NotFound("carrier", carrierId);
        }
        return viewer.keeps(carrier.unitId());
    }

    Carrier carrierOf(Copy copy) {
        return carriers.find(copy.carrierId()).orElseThrow();
    }

    static CopyEvent event(Copy copy, EventType type) {
        return CopyEvent.of(copy.id(), type, CurrentUser.require().username());
    }

    static String text(String field, String value, int max, String messageKey) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw new BusinessRuleViolation(field, messageKey, max);
        }
        return value.strip();
    }
}
