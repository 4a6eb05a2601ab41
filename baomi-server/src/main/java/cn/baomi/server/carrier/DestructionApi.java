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
 * {@code /api/carriers/destruction-lists}, for the secrecy office: building a destruction list (it goes for
 * approval at once), reading lists, and completing an approved list ({@code /{id}/completion}).
 */
@RestController
@RequestMapping("/api/carriers/destruction-lists")
class DestructionApi {

    private final DestructionService destruction;

    DestructionApi(DestructionService destruction) {
        this.destruction = destruction;
    }

    @GetMapping
    List<DestructionList> lists() {
        return destruction.lists();
    }

    @PostMapping
    ResponseEntity<DestructionList> listForDestruction(@RequestBody DestructionForm form) {
        long id = destruction.listForDestruction(form);
        return ResponseEntity.created(URI.create("/api/carriers/destruction-lists/" + id)).body(destruction.list(id));
    }

    @GetMapping("/{id}")
    DestructionList list(@PathVariable long id) {
        return destruction.list(id);
    }

    @PostMapping("/{id}/completion")
    DestructionList destroy(@PathVariable long id, @RequestBody DestructionForm form) {
        destruction.destroy(id, form);
        return destruction.list(id);
    }
}
