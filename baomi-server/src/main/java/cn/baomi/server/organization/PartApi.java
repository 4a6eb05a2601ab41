package cn.baomi.server.organization;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/departments} and {@code /api/positions}: the named parts of the units in the caller's scope. */
@RestController
@RequestMapping("/api/{kind:departments|positions}")
class PartApi {

    record PartJson(long id, long unitId, String unitName, String name, boolean active) {

        static PartJson of(Part p) {
            return new PartJson(p.id(), p.unitId(), p.unitName(), p.name(), p.active());
        }
    }

    private final PartService parts;

    PartApi(PartService parts) {
        this.parts = parts;
    }

    @GetMapping
    PageResult<PartJson> list(@PathVariable String kind, @RequestParam(required = false) Long unitId,
                              @RequestParam(required = false) String q,
                              @RequestParam(defaultValue = "false") boolean includeInactive,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageResult<Part> found = parts.search(PartKind.ofPath(kind), unitId, q, includeInactive, PageResult.page(page),
                PageResult.size(size));
        return found.map(PartJson::of);
    }

    @GetMapping("/{id}")
    PartJson get(@PathVariable String kind, @PathVariable long id) {
        return PartJson.of(parts.get(PartKind.ofPath(kind), id));
    }

    @PostMapping
    ResponseEntity<PartJson> create(@PathVariable String kind, @Valid @RequestBody PartForm form) {
        PartKind which = PartKind.ofPath(kind);
        long id = parts.create(which, form);
        return ResponseEntity.created(URI.create("/api/" + kind + "/" + id)).body(PartJson.of(parts.get(which, id)));
    }

    @PutMapping("/{id}")
    PartJson rename(@PathVariable String kind, @PathVariable long id, @Valid @RequestBody PartForm form) {
        parts.rename(PartKind.ofPath(kind), id, form);
        return PartJson.of(parts.get(PartKind.ofPath(kind), id));
    }

    @PostMapping("/{id}/deactivate")
    PartJson deactivate(@PathVariable String kind, @PathVariable long id) {
        parts.deactivate(PartKind.ofPath(kind), id);
        return PartJson.of(parts.get(PartKind.ofPath(kind), id));
    }
}
