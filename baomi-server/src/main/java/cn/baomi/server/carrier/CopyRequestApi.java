package cn.baomi.server.carrier;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/carriers/{id}/copy-requests}: asking for more copies of a carrier, and the requests' states. */
@RestController
@RequestMapping("/api/carriers/{id}/copy-requests")
class CopyRequestApi {

    record RequestJson(long id, long carrierId, long sourceCopyId, int count, String reason, long requesterPersonId,
                       Long approvalId, CopyRequestState state, String opinion, Instant createdAt, Instant decidedAt) {

        static RequestJson of(CopyRequest r) {
            return new RequestJson(r.id(), r.carrierId(), r.sourceCopyId(), r.count(), r.reason(), r.requesterPersonId(),
                    r.approvalId(), r.state(), r.opinion(), r.createdAt(), r.decidedAt());
        }
    }

    private final CopyingService copying;

    CopyRequestApi(CopyingService copying) {
        this.copying = copying;
    }

    @PostMapping
    ResponseEntity<RequestJson> requestCopies(@PathVariable long id, @RequestBody CopyRequestForm form) {
        long requestId = copying.requestCopies(id, form);
        RequestJson body = copying.requestsOf(id).stream().filter(r -> r.id() == requestId).findFirst()
                .map(RequestJson::of).orElseThrow();
        return ResponseEntity.created(URI.create("/api/carriers/" + id + "/copy-requests")).body(body);
    }

    @GetMapping
    List<RequestJson> list(@PathVariable long id) {
        return copying.requestsOf(id).stream().map(RequestJson::of).toList();
    }
}
