package cn.baomi.server.carrier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.organization.UnitDirectory;
import cn.baomi.server.organization.UnitSummary;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;

/** Registering carriers and reading the ledger; every registration and every detail view is audited. */
@Service
class CarrierService {

    /** A carrier with the copies the viewer may see, their history and the scope. */
    record CarrierView(Carrier carrier, List<Copy> copies, List<CopyEvent> events, List<CarrierScopes.Entry> scope,
                       boolean keeper, List<ClassificationChange> classification) {
    }

    private final Carriers carriers;
    private final Copies copies;
    private final CopyEvents events;
    private final CarrierScopes scopes;
    private final LedgerNumbers numbers;
    private final Ledger ledger;
    private final Places places;
    private final CarrierAccess access;
    private final UnitDirectory units;
    private final AuditTrail audit;
    private final ClassificationChanges classification;
    private final ScopeParts scopeParts;

    CarrierService(Carriers carriers, Copies copies, CopyEvents events, CarrierScopes scopes, LedgerNumbers numbers,
                   Ledger ledger, Places places, CarrierAccess access, UnitDirectory units, AuditTrail audit,
                   ClassificationChanges classification, ScopeParts scopeParts) {
        this.scopeParts = scopeParts;
        this.classification = classification;
        this.carriers = carriers;
        this.copies = copies;
        this.events = events;
        this.scopes = scopes;
        this.numbers = numbers;
        this.ledger = ledger;
        this.places = places;
        this.access = access;
        this.units = units;
        this.audit = audit;
    }

    @Transactional
    long register(CarrierForm form) {
        CurrentUser user = CurrentUser.require();
        access.requireKeeper(user);
        long unitId = form.getUnitId() != null ? form.getUnitId() : user.unitId();
        UnitSummary unit = units.find(unitId).filter(u -> u.active() && units.isInScope(user, u.id()))
                .orElseThrow(() -> new BusinessRuleViolation("unitId", "carrier.unit.outOfScope"));
        LocalDate today = LocalDate.now();
        SecrecyDuration duration = SecrecyDuration.of(form.getDurationKind(), form.getDurationAmount(),
                form.getDurationUntil(), form.getDurationCondition(), form.getLevel(), today);
        List<BusinessRuleViolation> incomplete = form.incomplete();
        if (!incomplete.isEmpty()) {
            throw incomplete.get(0);
        }
        List<CarrierScopes.Entry> scope = form.scope();
        scopeParts.requireKnown(scope, unitId);
        Places.Place place = places.resolve(form.getSafeId(), form.getPlace(), unitId);
        Carrier carrier = new Carrier(0, unitId, form.getType(), form.getTitle().strip(), blankToNull(form.getDocumentNumber()),
                form.getLevel(), duration, form.getOrigin(), blankToNull(form.getOriginName()), form.getCopies(),
                user.username(), Instant.now(), 0, null);
        long id = carriers.insert(carrier);
        scopes.add(id, scope);
        access.requireEligibleHolder("custodianId", form.getCustodianId(), id, unitId, form.getLevel());
        EventType type = form.getOrigin() == Origin.RECEIVED ? EventType.RECEIVED : EventType.REGISTERED;
        for (int n = 1; n <= form.getCopies(); n++) {
            String number = numbers.next(unitId, unit.code(), form.getLevel(), today.getYear());
            long copyId = copies.insert(new Copy(0, id, unitId, n, number, form.getCustodianId(), null, null, null,
                    place.safeId(), null, place.text(), CopyStatus.LIVE, 0, form.getLevel()));
            events.append(CopyEvent.of(copyId, type, user.username()).custody(null, form.getCustodianId())
                    .at(place.safeId(), place.text())
                    .travel(type == EventType.RECEIVED ? form.getChannel() : null, carrier.originName()));
        }
        audit.record(AuditRecord.success("CARRIER_REGISTERED", "carrier", id)
                .withDetail("level=" + form.getLevel() + " copies=" + form.getCopies()));
        return id;
    }

    @Transactional(readOnly = true)
    LedgerPage<LedgerEntry> search(LedgerQuery query) {
        return ledger.search(query, access.viewer(CurrentUser.require()));
    }

    /** The detail of a carrier: 404 unless the viewer may see at least one of its copies. Audited. */
    @Transactional
    CarrierView view(long id) {
        CurrentUser user = CurrentUser.require();
        Viewer viewer = access.viewer(user);
        Carrier carrier = carriers.find(id).orElseThrow(() -> new NotFound("carrier", id));
        List<Copy> visible = copies.visibleOf(id, viewer);
        if (visible.isEmpty()) {
            throw new NotFound("carrier", id);
        }
        Set<Long> copyIds = visible.stream().map(Copy::id).collect(java.util.stream.Collectors.toSet());
        List<CopyEvent> history = events.ofCarrier(id).stream().filter(e -> copyIds.contains(e.copyId())).toList();
        audit.record(AuditRecord.success("CARRIER_VIEWED", "carrier", id));
        return new CarrierView(carrier, visible, history, scopes.of(id), viewer.keeps(carrier.unitId()),
                classification.ofCarrier(id));
    }

    /**
     * The history of the copies of a carrier the viewer may see (of one of them when {@code copyId} is given),
     * oldest first: 404 unless the viewer may see at least one. Audited as a view of the carrier, like the detail.
     */
    @Transactional
    List<CopyEvent> history(long id, Long copyId) {
        Viewer viewer = access.viewer(CurrentUser.require());
        List<Long> visible = copies.visibleOf(id, viewer).stream().map(Copy::id)
                .filter(c -> copyId == null || c.equals(copyId)).toList();
        if (visible.isEmpty()) {
            throw copyId == null ? new NotFound("carrier", id) : new NotFound("copy", copyId);
        }
        audit.record(AuditRecord.success("CARRIER_VIEWED", "carrier", id));
        return events.ofCopies(visible);
    }

    /** A copy the viewer may see, as the destruction list shows it. */
    @Transactional(readOnly = true)
    java.util.Optional<Copy> copy(long copyId, Viewer viewer) {
        return copies.findVisible(copyId, viewer);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
