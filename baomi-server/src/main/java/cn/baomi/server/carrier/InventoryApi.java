package cn.baomi.server.carrier;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/carriers/inventories}: the secrecy office opens an inventory, reads its result and closes it
 * ({@code /{id}/closing}, which reports the missing copies lost); a custodian reads the copies they hold in it
 * ({@code /{id}/mine}) and confirms them ({@code /{id}/confirmations}, by ledger number or by copy ids).
 */
@RestController
@RequestMapping("/api/carriers/inventories")
class InventoryApi {

    record OpenJson(Long unitId) {
    }

    record ConfirmJson(String ledgerNumber, List<Long> copyIds, String place) {
    }

    private final InventoryService inventories;

    InventoryApi(InventoryService inventories) {
        this.inventories = inventories;
    }

    @GetMapping
    List<Inventory> list() {
        return inventories.list();
    }

    @PostMapping
    ResponseEntity<InventoryService.Result> open(@RequestBody(required = false) OpenJson body) {
        long id = inventories.open(body == null ? null : body.unitId());
        return ResponseEntity.created(URI.create("/api/carriers/inventories/" + id)).body(inventories.result(id));
    }

    @GetMapping("/{id}")
    InventoryService.Result result(@PathVariable long id) {
        return inventories.result(id);
    }

    @GetMapping("/{id}/mine")
    List<InventoryItem> mine(@PathVariable long id) {
        return inventories.mine(id);
    }

    @PostMapping("/{id}/confirmations")
    List<InventoryService.Confirmation> confirm(@PathVariable long id, @RequestBody ConfirmJson body) {
        if (body.copyIds() != null && !body.copyIds().isEmpty()) {
            return inventories.confirmCopies(id, body.copyIds(), body.place());
        }
        return List.of(inventories.confirmByLedgerNumber(id, body.ledgerNumber(), body.place()));
    }

    @PostMapping("/{id}/closing")
    InventoryService.Result close(@PathVariable long id) {
        return inventories.close(id);
    }
}
