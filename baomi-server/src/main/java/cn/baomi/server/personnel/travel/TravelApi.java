package cn.baomi.server.personnel.travel;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/personnel/travel}: trips abroad and the register of travel documents. */
@RestController
@RequestMapping("/api/personnel/travel")
class TravelApi {

    record TravelJson(long id, long personId, String destination, String purpose, LocalDate departOn, LocalDate returnOn,
                      Travel.State state, boolean duringCoolOff, Long approvalId, String opinion) {

        static TravelJson of(Travel t) {
            return new TravelJson(t.id(), t.personId(), t.destination(), t.purpose(), t.departOn(), t.returnOn(),
                    t.state(), t.duringCoolOff(), t.approvalId(), t.opinion());
        }
    }

    record DocumentJson(long id, long personId, String holder, TravelDocument.Kind kind, String number,
                        LocalDate expiresOn, TravelDocument.Status status, LocalDate dueOn) {
    }

    record NewDocument(Long personId, TravelDocument.Kind kind, String number, LocalDate expiresOn) {
    }

    record Issue(Long travelId, LocalDate issuedOn, LocalDate dueOn) {
    }

    record GiveBack(LocalDate returnedOn) {
    }

    private final TravelService travels;
    private final TravelDocumentService documents;

    TravelApi(TravelService travels, TravelDocumentService documents) {
        this.travels = travels;
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

    @GetMapping("/documents")
    List<DocumentJson> documents() {
        return documents.register().stream().map(r -> new DocumentJson(r.document().id(), r.document().personId(),
                r.holder(), r.document().kind(), r.number(), r.document().expiresOn(), r.document().status(),
                r.document().dueOn())).toList();
    }

    @PostMapping("/documents")
    ResponseEntity<Map<String, Long>> register(@RequestBody NewDocument body) {
        long id = documents.register(body.personId(), body.kind(), body.number(), body.expiresOn());
        return ResponseEntity.status(201).body(Map.of("id", id));
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
