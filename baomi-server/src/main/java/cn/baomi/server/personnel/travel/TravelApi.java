package cn.baomi.server.personnel.travel;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/personnel/travel}: trips abroad and the register of travel documents. */
@RestController
@RequestMapping("/api/personnel/travel")
class TravelApi {

    record TravelJson(long id, long personId, String destination, String purpose, LocalDate departOn, LocalDate returnOn,
                      Travel.State state, boolean duringCoolOff, Long approvalId, String opinion, String requestedBy,
                      String endedBy, Instant endedAt) {

        static TravelJson of(Travel t) {
            return new TravelJson(t.id(), t.personId(), t.destination(), t.purpose(), t.departOn(), t.returnOn(),
                    t.state(), t.duringCoolOff(), t.approvalId(), t.opinion(), t.requestedBy().username(), t.endedBy(),
                    t.endedAt());
        }
    }

    /** A document as listed: the number is always the masked copy. */
    record DocumentJson(long id, long personId, String holder, TravelDocument.Kind kind, String number,
                        LocalDate expiresOn, TravelDocument.Status status, LocalDate dueOn) {

        static DocumentJson of(TravelDocumentService.Row r) {
            TravelDocument d = r.document();
            return new DocumentJson(d.id(), d.personId(), r.holder(), d.kind(), d.maskedNumber(), d.expiresOn(),
                    d.status(), d.dueOn());
        }
    }

    record DocumentDetailJson(DocumentJson document, List<TravelDocuments.Loan> loans) {
    }

    record NewDocument(Long personId, TravelDocument.Kind kind, String number, LocalDate expiresOn) {
    }

    record Issue(Long travelId, LocalDate issuedOn, LocalDate dueOn) {
    }

    record GiveBack(LocalDate returnedOn) {
    }

    record Cancelled(boolean documentOut) {
    }

    private final TravelService travels;
    private final TravelChanges changes;
    private final TravelDocumentService documents;

    TravelApi(TravelService travels, TravelChanges changes, TravelDocumentService documents) {
        this.travels = travels;
        this.changes = changes;
        this.documents = documents;
    }

    @GetMapping
    List<TravelJson> list() {
        return travels.list().stream().map(TravelJson::of).toList();
    }

    @PostMapping
    ResponseEntity<Map<String, Long>> request(@RequestBody TravelForm form) {
        long id = travels.request(form);
        return ResponseEntity.created(URI.create("/api/personnel/travel/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/{id}")
    TravelJson get(@PathVariable long id) {
        return TravelJson.of(travels.view(id));
    }

    /** New details of a trip not yet approved (the person in the body is ignored: a trip keeps its traveller). */
    @PutMapping("/{id}")
    ResponseEntity<Void> edit(@PathVariable long id, @RequestBody TravelForm form) {
        changes.edit(id, form);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/withdraw")
    ResponseEntity<Void> withdraw(@PathVariable long id) {
        changes.withdraw(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/cancel")
    Cancelled cancel(@PathVariable long id) {
        return new Cancelled(changes.cancel(id));
    }

    @GetMapping("/documents")
    List<DocumentJson> documents() {
        return documents.register().stream().map(DocumentJson::of).toList();
    }

    @PostMapping("/documents")
    ResponseEntity<Map<String, Long>> register(@RequestBody NewDocument body) {
        long id = documents.register(body.personId(), body.kind(), body.number(), body.expiresOn());
        return ResponseEntity.created(URI.create("/api/personnel/travel/documents/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/documents/{id}")
    DocumentDetailJson document(@PathVariable long id) {
        TravelDocumentService.Detail detail = documents.view(id);
        return new DocumentDetailJson(DocumentJson.of(detail.row()), detail.loans());
    }

    @GetMapping("/documents/{id}/number")
    Map<String, String> number(@PathVariable long id) {
        return Map.of("number", documents.revealNumber(id));
    }

    @PostMapping("/documents/{id}/issue")
    ResponseEntity<Void> issue(@PathVariable long id, @RequestBody Issue body) {
        documents.issue(id, body.travelId(), body.issuedOn(), body.dueOn());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/documents/{id}/return")
    ResponseEntity<Void> giveBack(@PathVariable long id, @RequestBody GiveBack body) {
        documents.giveBack(id, body.returnedOn());
        return ResponseEntity.noContent().build();
    }
}
