package cn.baomi.server.carrier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ledger use cases for the demo module: registering a paper carrier of a unit and opening an inventory, as the
 * signed-in secrecy office and through the same rules and audit as the pages.
 */
@Component
public class CarrierSetup {

    private final CarrierService carriers;
    private final InventoryService inventories;

    CarrierSetup(CarrierService carriers, InventoryService inventories) {
        this.carriers = carriers;
        this.inventories = inventories;
    }

    /**
     * A paper carrier of the unit in {@code copies} copies, held by the custodian at the place, known to one
     * department; {@code level} is TOP_SECRET, SECRET or CONFIDENTIAL, the duration the level's maximum. Returns its id.
     */
    @Transactional
    public long registerPaper(long unitId, String title, String documentNumber, String level, int copies,
                              long custodianId, String place, long departmentId) {
        CarrierForm form = new CarrierForm();
        form.setUnitId(unitId);
        form.setType(CarrierType.PAPER);
        form.setTitle(title);
        form.setDocumentNumber(documentNumber);
        form.setLevel(SecretLevel.valueOf(level));
        form.setDurationKind(SecrecyDuration.Kind.DEFAULT);
        form.setCopies(copies);
        form.setCustodianId(custodianId);
        form.setPlace(place);
        form.getScopeDepartmentIds().add(departmentId);
        return carriers.register(form);
    }

    /** Opens an inventory of the unit; returns its id. */
    @Transactional
    public long openInventory(long unitId) {
        return inventories.open(unitId);
    }
}
