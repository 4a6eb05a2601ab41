package cn.baomi.server.carrier;

import java.time.LocalDate;
import java.util.Objects;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;

/**
 * The custody events of a copy: hand-over with the receiver's confirmation, lending and return, sending and
 * receiving back. Each checks the copy's state, changes it with one conditional update, appends the event and
 * writes the audit record, all in one transaction. No event is taken on a destroyed or returned copy.
 */
@Service
class CustodyService {

    private final CopyChanges changes;
    private final Places places;
    private final CarrierAccess access;
    private final LossService loss;

    CustodyService(CopyChanges changes, Places places, CarrierAccess access, LossService loss) {
        this.loss = loss;
        this.changes = changes;
        this.places = places;
        this.access = access;
    }

    /**
     * Dispatches an event on a copy of the carrier, asked for by the API or a page through {@link CopyEventRouter},
     * which has checked that the copy belongs to the carrier.
     */
    @Transactional
    void apply(long carrierId, CopyAction a) {
        if (a.getCopyId() == null || a.getType() == null) {
            throw new BusinessRuleViolation(a.getCopyId() == null ? "copyId" : "type", "carrier.event.incomplete");
        }
        long id = a.getCopyId();
        switch (a.getType()) {
            case HANDOVER_REQUESTED -> handOver(id, a.getPersonId(), a.noteOrNull());
            case HANDOVER_CONFIRMED -> confirmHandOver(id, a.getSafeId(), a.getPlace());
            case HANDOVER_REFUSED -> refuseHandOver(id, a.noteOrNull());
            case HANDOVER_WITHDRAWN -> withdrawHandOver(id, a.noteOrNull());
            case LENT -> lend(id, a.getPersonId(), a.getDueDate());
            case LOAN_RETURNED -> returnCopy(id);
            case SENT -> send(id, a.getChannel(), a.getCounterpart());
            case RECEIVED_BACK -> receive(id, a.getChannel(), a.getCounterpart(), a.getSafeId(), a.getPlace());
            case LOST_REPORTED -> loss.reportLost(id, a.getNote());
            case FOUND -> loss.found(id, a.getSafeId(), a.getPlace(), a.noteOrNull());
            default -> throw new BusinessRuleViolation("type", "carrier.event.notHere");
        }
    }

    /** The sender stays custodian until the receiver confirms. */
    @Transactional
    void handOver(long copyId, Long toPersonId, String note) {
        Copy copy = actionable(copyId, CopyStatus.LIVE);
        requireCustodianOrKeeper(copy);
        if (Objects.equals(toPersonId, copy.custodianId())) {
            throw new BusinessRuleViolation("personId", "carrier.handover.toSelf");
        }
        access.requireEligibleHolder("personId", toPersonId, copy.carrierId(), copy.unitId(), copy.level());
        changes.commitUnlisted(copy, copy.with(CopyStatus.HANDOVER_PENDING).withCustody(copy.custodianId(), toPersonId),
                event(copy, EventType.HANDOVER_REQUESTED).custody(copy.custodianId(), toPersonId).note(note));
    }

    @Transactional
    void confirmHandOver(long copyId, Long safeId, String place) {
        Copy copy = actionable(copyId, CopyStatus.HANDOVER_PENDING);
        requireReceiver(copy);
        Copy next = copy.with(CopyStatus.LIVE).withCustody(copy.pendingCustodianId(), null);
        if (safeId != null || (place != null && !place.isBlank())) {
            Places.Place p = places.resolve(safeId, place, copy.unitId());
            next = next.withPlace(p.safeId(), p.text());
        }
        commit(copy, next, event(copy, EventType.HANDOVER_CONFIRMED).custody(copy.custodianId(), copy.pendingCustodianId())
                .at(next.safeId(), next.place()));
    }

    @Transactional
    void refuseHandOver(long copyId, String note) {
        Copy copy = actionable(copyId, CopyStatus.HANDOVER_PENDING);
        requireReceiver(copy);
        commit(copy, copy.with(CopyStatus.LIVE).withCustody(copy.custodianId(), null),
                event(copy, EventType.HANDOVER_REFUSED).custody(copy.custodianId(), copy.pendingCustodianId()).note(note));
    }

    /** The sender (still the custodian) or the secrecy office takes back a hand-over not yet confirmed. */
    @Transactional
    void withdrawHandOver(long copyId, String note) {
        Copy copy = actionable(copyId, CopyStatus.HANDOVER_PENDING);
        requireCustodianOrKeeper(copy);
        commit(copy, copy.with(CopyStatus.LIVE).withCustody(copy.custodianId(), null),
                event(copy, EventType.HANDOVER_WITHDRAWN).custody(copy.custodianId(), copy.pendingCustodianId()).note(note));
    }

    /** The custodian stays responsible while the borrower holds the copy until the due date. */
    @Transactional
    void lend(long copyId, Long borrowerId, LocalDate dueDate) {
        Copy copy = actionable(copyId, CopyStatus.LIVE);
        requireCustodianOrKeeper(copy);
        if (dueDate == null || dueDate.isBefore(LocalDate.now())) {
            throw new BusinessRuleViolation("dueDate", "carrier.lend.dueDate");
        }
        access.requireEligibleHolder("personId", borrowerId, copy.carrierId(), copy.unitId(), copy.level());
        changes.commitUnlisted(copy, copy.with(CopyStatus.LENT).withLoan(borrowerId, dueDate),
                event(copy, EventType.LENT).custody(copy.custodianId(), borrowerId).due(dueDate));
    }

    @Transactional
    void returnCopy(long copyId) {
        Copy copy = actionable(copyId, CopyStatus.LENT);
        requireCustodianOrKeeper(copy);
        commit(copy, copy.with(CopyStatus.LIVE).withLoan(null, null),
                event(copy, EventType.LOAN_RETURNED).custody(copy.borrowerId(), copy.custodianId()));
    }

    /** Sent out by an approved channel to a named receiver. */
    @Transactional
    void send(long copyId, Channel channel, String receiver) {
        Copy copy = actionable(copyId, CopyStatus.LIVE);
        requireCustodianOrKeeper(copy);
        String to = requireCounterpart(channel, receiver);
        changes.commitUnlisted(copy, copy.with(CopyStatus.SENT), event(copy, EventType.SENT).travel(channel, to));
    }

    /** Received back and signed for, and put in a place again. */
    @Transactional
    void receive(long copyId, Channel channel, String sender, Long safeId, String place) {
        Copy copy = actionable(copyId, CopyStatus.SENT);
        requireCustodianOrKeeper(copy);
        String from = requireCounterpart(channel, sender);
        Places.Place p = places.resolve(safeId, place, copy.unitId());
        Copy next = copy.with(CopyStatus.LIVE).withPlace(p.safeId(), p.text());
        commit(copy, next, event(copy, EventType.RECEIVED_BACK).travel(channel, from).at(p.safeId(), p.text()));
    }

    private Copy actionable(long copyId, CopyStatus expected) {
        return changes.actionable(copyId, expected);
    }

    private void commit(Copy read, Copy next, CopyEvent event) {
        changes.commit(read, next, event);
    }

    private void requireCustodianOrKeeper(Copy copy) {
        changes.requireCustodianOrKeeper(copy);
    }

    private void requireReceiver(Copy copy) {
        if (!Objects.equals(CurrentUser.require().personId(), copy.pendingCustodianId())) {
            throw new AccessDeniedException("only the receiver confirms or refuses a hand-over");
        }
    }

    private static String requireCounterpart(Channel channel, String who) {
        if (channel == null) {
            throw new BusinessRuleViolation("channel", "carrier.send.channelRequired");
        }
        if (who == null || who.isBlank() || who.strip().length() > 100) {
            throw new BusinessRuleViolation("counterpart", "carrier.send.counterpartRequired");
        }
        return who.strip();
    }

    private static CopyEvent event(Copy copy, EventType type) {
        return CopyChanges.event(copy, type);
    }
}
