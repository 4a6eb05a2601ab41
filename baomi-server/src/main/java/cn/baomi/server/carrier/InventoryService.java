package cn.baomi.server.carrier;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;

/**
 * The yearly inventory (清查, domain.md §4; docs/decisions/carrier-inventory.md). The secrecy office opens it for a
 * unit it keeps, with a snapshot of the unit's held copies (archived, lent and carried out ones included); each
 * custodian — for an archived copy the archive keeper — confirms the copies they hold, ticking them or typing or
 * scanning their ledger numbers; the office may confirm a copy on a custodian's behalf, which is recorded as a
 * mismatch. A copy lent or carried out with approval and not confirmed is away, not missing. Closing reports every
 * copy that should be at its custodian's but was not confirmed as lost, in one transaction with the closing.
 */
@Service
class InventoryService {

    /** Confirmed now, or confirmed before (a scanner read the label twice). */
    enum Outcome { CONFIRMED, ALREADY_CONFIRMED }

    record Confirmation(Outcome outcome, String ledgerNumber, InventoryItem.Mismatch mismatch) {
    }

    /**
     * The result: matching confirmations, mismatched ones, missing copies, copies away (lent or carried out, with
     * their reference) and copies that left the ledger.
     */
    record Result(Inventory inventory, List<InventoryItem> confirmed, List<InventoryItem> mismatched,
                  List<InventoryItem> missing, List<InventoryItem> away, List<InventoryItem> leftLedger) {
    }

    static final int MAX_PLACE = 100;

    private final Inventories inventories;
    private final Copies copies;
    private final CarrierAccess access;
    private final LossService loss;
    private final AuditTrail audit;

    InventoryService(Inventories inventories, Copies copies, CarrierAccess access, LossService loss, AuditTrail audit) {
        this.inventories = inventories;
        this.copies = copies;
        this.access = access;
        this.loss = loss;
        this.audit = audit;
    }

    /** Opens an inventory of a unit the secrecy office keeps (its own by default); one open at a time per unit. */
    @Transactional
    long open(Long unitId) {
        CurrentUser user = CurrentUser.require();
        access.requireKeeper(user);
        long unit = unitId != null ? unitId : Objects.requireNonNullElse(user.unitId(), -1L);
        if (!access.viewer(user).keeps(unit)) {
            throw new BusinessRuleViolation("unitId", "carrier.inventory.unitOutOfScope");
        }
        if (inventories.hasOpen(unit)) {
            throw new BusinessRuleViolation("unitId", "carrier.inventory.alreadyOpen");
        }
        long id = inventories.open(unit, user.username(), now());
        int size = inventories.items(id).size();
        if (size == 0) {
            throw new BusinessRuleViolation("unitId", "carrier.inventory.nothingToCount");
        }
        audit.record(AuditRecord.success("INVENTORY_OPENED", "inventory", id).withDetail("unit=" + unit + " copies=" + size));
        return id;
    }

    @Transactional(readOnly = true)
    List<Inventory> list() {
        CurrentUser user = CurrentUser.require();
        access.requireKeeper(user);
        return inventories.ofUnits(access.viewer(user).keeperUnits());
    }

    /** The result, for the secrecy office of the unit; audited as a view of the ledger. */
    @Transactional
    Result result(long id) {
        CurrentUser user = CurrentUser.require();
        access.requireKeeper(user);
        Inventory inventory = kept(id, user);
        audit.record(AuditRecord.success("INVENTORY_VIEWED", "inventory", id));
        return resultOf(inventory);
    }

    private Result resultOf(Inventory inventory) {
        List<InventoryItem> items = inventories.items(inventory.id());
        return new Result(inventory,
                items.stream().filter(i -> i.confirmed() && i.mismatch() == null).toList(),
                items.stream().filter(i -> i.confirmed() && i.mismatch() != null).toList(),
                items.stream().filter(InventoryItem::missing).toList(),
                items.stream().filter(InventoryItem::away).toList(),
                items.stream().filter(i -> !i.confirmed() && !i.missing() && !i.away()).toList());
    }

    /** The copies of the inventory that the signed-in person holds now, confirmed or not. */
    @Transactional(readOnly = true)
    List<InventoryItem> mine(long id) {
        CurrentUser user = CurrentUser.require();
        Inventory inventory = participating(id, user);
        return user.personId() == null ? List.of() : inventories.itemsHeldBy(inventory.id(), user.personId());
    }

    Inventory inventory(long id) {
        return participating(id, CurrentUser.require());
    }

    /** Confirms the copy with this ledger number (typed, or scanned from its label or QR code). */
    @Transactional
    Confirmation confirmByLedgerNumber(long id, String ledgerNumber, String foundPlace) {
        String number = ledgerNumber == null ? "" : ledgerNumber.strip();
        if (number.isEmpty()) {
            throw new BusinessRuleViolation("ledgerNumber", "carrier.inventory.ledgerNumberRequired");
        }
        Inventory inventory = lockOpen(id);
        InventoryItem item = inventories.itemByLedgerNumber(inventory.id(), number)
                .orElseThrow(() -> new BusinessRuleViolation("ledgerNumber", "carrier.inventory.notFound", number));
        return confirm(inventory, item, foundPlace);
    }

    /** Confirms ticked copies, all or none. */
    @Transactional
    List<Confirmation> confirmCopies(long id, List<Long> copyIds, String foundPlace) {
        if (copyIds == null || copyIds.stream().noneMatch(Objects::nonNull)) {
            throw new BusinessRuleViolation("copyIds", "carrier.inventory.copiesRequired");
        }
        Inventory inventory = lockOpen(id);
        return copyIds.stream().filter(Objects::nonNull).distinct().map(copyId -> confirm(inventory,
                inventories.item(inventory.id(), copyId).orElseThrow(() ->
                        new BusinessRuleViolation("copyIds", "carrier.inventory.notFound", "#" + copyId)), foundPlace))
                .toList();
    }

    /**
     * Closes the inventory; every copy that should be at its custodian's (live, waiting for a receiver, archived) but
     * was not confirmed is reported lost. Copies away on a loan or an approved carry-out are not.
     */
    @Transactional
    Result close(long id) {
        CurrentUser user = CurrentUser.require();
        access.requireKeeper(user);
        kept(id, user);
        if (!inventories.close(id, user.username(), now())) {
            throw BusinessRuleViolation.of("carrier.inventory.closed");
        }
        List<InventoryItem> missing = inventories.items(id).stream().filter(i -> !i.confirmed() && i.atHome()).toList();
        for (InventoryItem item : missing) {
            Copy copy = copies.find(item.copyId()).orElseThrow();
            loss.reportMissing(copy, id, "清查（编号 " + id + "）未找到此载体，关闭清查时报告丢失", user);
            inventories.markReportedLost(id, item.copyId());
        }
        audit.record(AuditRecord.success("INVENTORY_CLOSED", "inventory", id).withDetail("missing=" + missing.size()));
        return resultOf(inventories.find(id).orElseThrow());
    }

    private Confirmation confirm(Inventory inventory, InventoryItem item, String foundPlace) {
        CurrentUser user = CurrentUser.require();
        if (!item.held()) {
            throw new BusinessRuleViolation("ledgerNumber", "carrier.inventory.notFound", item.ledgerNumber());
        }
        boolean custodian = Objects.equals(user.personId(), item.currentCustodianId());
        Viewer viewer = access.viewer(user);
        if (!custodian && !viewer.keeps(inventory.unitId())) {
            // someone who may not see the copy is not told that it exists (rule 4): the same answer as a wrong number
            boolean visible = copies.findVisible(item.copyId(), viewer).isPresent();
            throw new BusinessRuleViolation("ledgerNumber", visible ? "carrier.inventory.notYours"
                    : "carrier.inventory.notFound", item.ledgerNumber());
        }
        String place = foundPlace == null || foundPlace.isBlank() ? null : foundPlace.strip();
        if (place != null && place.length() > MAX_PLACE) {
            throw new BusinessRuleViolation("place", "carrier.inventory.placeTooLong", MAX_PLACE);
        }
        InventoryItem.Mismatch mismatch = !custodian ? InventoryItem.Mismatch.OTHER_PERSON
                : place != null ? InventoryItem.Mismatch.OTHER_PLACE : null;
        if (!inventories.confirm(inventory.id(), item.copyId(), user.personId(), user.username(), now(), place, mismatch)) {
            return new Confirmation(Outcome.ALREADY_CONFIRMED, item.ledgerNumber(), item.mismatch());
        }
        audit.record(AuditRecord.success("INVENTORY_CONFIRMED", "carrierCopy", item.copyId())
                .withDetail("inventory=" + inventory.id() + (mismatch == null ? "" : " mismatch=" + mismatch)));
        return new Confirmation(Outcome.CONFIRMED, item.ledgerNumber(), mismatch);
    }

    /** The open inventory, locked so that a closing waits; only for those taking part. */
    private Inventory lockOpen(long id) {
        Inventory inventory = participating(id, CurrentUser.require());
        inventory = inventories.lock(inventory.id()).orElseThrow();
        if (!inventory.open()) {
            throw BusinessRuleViolation.of("carrier.inventory.closed");
        }
        return inventory;
    }

    /** An inventory of a unit the user keeps or works in; 404 otherwise. */
    private Inventory participating(long id, CurrentUser user) {
        Viewer viewer = access.viewer(user);
        return inventories.find(id).filter(i -> viewer.keeps(i.unitId())
                        || (viewer.unitId() != null && viewer.unitId() == i.unitId()))
                .orElseThrow(() -> new NotFound("inventory", id));
    }

    private Inventory kept(long id, CurrentUser user) {
        return inventories.find(id).filter(i -> access.viewer(user).keeps(i.unitId()))
                .orElseThrow(() -> new NotFound("inventory", id));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
