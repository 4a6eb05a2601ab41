package cn.baomi.server.carrier;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/carriers}: the ledger rows the caller may see (filters, paging), a carrier's detail and its
 * history (both audited as views), registering, and events on a copy. What the caller may not see is 404.
 */
@RestController
@RequestMapping("/api/carriers")
class CarrierApi {

    record EntryJson(long copyId, long carrierId, String ledgerNumber, int copyNumber, String title,
                     String documentNumber, SecretLevel level, CarrierType type, CopyStatus status, long custodianId,
                     Long pendingCustodianId, Long borrowerId, LocalDate dueDate, Long safeId, String safeNumber,
                     String place) {

        static EntryJson of(LedgerEntry e) {
            Copy c = e.copy();
            return new EntryJson(c.id(), c.carrierId(), c.ledgerNumber(), c.copyNumber(), e.title(), e.documentNumber(),
                    e.level(), e.type(), c.status(), c.custodianId(), c.pendingCustodianId(), c.borrowerId(), c.dueDate(),
                    c.safeId(), c.safeNumber(), c.place());
        }
    }

    record CarrierJson(long id, long unitId, CarrierType type, String title, String documentNumber, SecretLevel level,
                       SecrecyDuration duration, Integer durationYears, Origin origin, String originName, int copyCount,
                       List<CarrierScopes.Entry> scope, List<Copy> copies, LocalDate declassifiedOn,
                       List<ClassificationChange> classificationHistory) {
    }

    record EventJson(long id, long copyId, EventType type, Instant at, String actor, Long fromCustodianId,
                     Long toCustodianId, Long safeId, String place, Channel channel, String counterpart,
                     LocalDate dueDate, String note, String mode) {

        static EventJson of(CopyEvent e) {
            return new EventJson(e.id(), e.copyId(), e.type(), e.at(), e.actor(), e.fromCustodianId(), e.toCustodianId(),
                    e.safeId(), e.place(), e.channel(), e.counterpart(), e.dueDate(), e.note(), e.mode());
        }
    }

    private final CarrierService carriers;
    private final CopyEventRouter router;

    CarrierApi(CarrierService carriers, CopyEventRouter router) {
        this.carriers = carriers;
        this.router = router;
    }

    @GetMapping
    LedgerPage<EntryJson> list(@RequestParam(required = false) SecretLevel level,
                               @RequestParam(required = false) CarrierType type,
                               @RequestParam(required = false) CopyStatus status,
                               @RequestParam(required = false) Long custodianId,
                               @RequestParam(required = false) String q,
                               @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        LedgerPage<LedgerEntry> found = carriers.search(LedgerQuery.of(level, type, status, custodianId, q, page, size));
        return new LedgerPage<>(found.items().stream().map(EntryJson::of).toList(), found.page(), found.size(),
                found.total(), found.more());
    }

    @PostMapping
    ResponseEntity<Map<String, Long>> register(@Valid @RequestBody CarrierForm form) {
        long id = carriers.register(form);
        return ResponseEntity.created(URI.create("/api/carriers/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/{id}")
    CarrierJson get(@PathVariable long id) {
        CarrierService.CarrierView view = carriers.view(id);
        Carrier c = view.carrier();
        return new CarrierJson(c.id(), c.unitId(), c.type(), c.title(), c.documentNumber(), c.level(), c.duration(),
                c.duration().effectiveYears(c.level()), c.origin(), c.originName(), c.copyCount(), view.scope(),
                view.copies(), c.declassifiedOn(), view.classification());
    }

    @GetMapping("/{id}/events")
    List<EventJson> events(@PathVariable long id, @RequestParam(required = false) Long copyId) {
        return carriers.history(id, copyId).stream().map(EventJson::of).toList();
    }

    /**
     * Answers only what the event appended (docs/decisions/ledger-performance.md): the new history row, one per
     * open copy for a change or declassification, none for a request that opens an approval. {@code Location} is
     * the history of the copy (of the carrier for a change of the carrier).
     */
    @PostMapping("/{id}/events")
    ResponseEntity<List<EventJson>> addEvent(@PathVariable long id, @RequestBody CopyAction action) {
        List<CopyEvent> appended = router.apply(id, action);
        boolean ofCarrier = action.getType() == EventType.RECLASSIFIED || action.getType() == EventType.DECLASSIFIED
                || action.getCopyId() == null;
        URI history = URI.create("/api/carriers/" + id + "/events" + (ofCarrier ? "" : "?copyId=" + action.getCopyId()));
        return ResponseEntity.created(history).body(appended.stream().map(EventJson::of).toList());
    }

    /**
     * Several events, on copies of any carriers, in one transaction: all are appended or none (201 with the rows
     * appended, in order; a broken rule 422 naming the event, {@code events[i].field}). For a client that records
     * many events at once, such as a batch of hand-overs: one request, one commit.
     */
    @PostMapping("/events")
    ResponseEntity<List<EventJson>> addEvents(@RequestBody List<CarrierEvent> events) {
        List<CopyEvent> appended = router.applyAll(events);
        return ResponseEntity.status(HttpStatus.CREATED).body(appended.stream().map(EventJson::of).toList());
    }
}
