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

/** {@code /api/units}: the unit tree in the caller's scope. */
@RestController
@RequestMapping("/api/units")
class UnitApi {

    record UnitJson(long id, Long parentId, String code, String name, boolean supervising, boolean active) {

        static UnitJson of(Unit u) {
            return new UnitJson(u.id(), u.parentId(), u.code(), u.name(), u.supervising(), u.active());
        }
    }

    private final UnitService units;

    UnitApi(UnitService units) {
        this.units = units;
    }

    @GetMapping
    PageResult<UnitJson> list(@RequestParam(required = false) String q,
                              @RequestParam(defaultValue = "false") boolean includeInactive,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageResult<UnitTree.Node> found = units.search(q, includeInactive, PageResult.page(page), PageResult.size(size));
        return found.map(n -> UnitJson.of(n.unit()));
    }

    @GetMapping("/{id}")
    UnitJson get(@PathVariable long id) {
        return UnitJson.of(units.get(id));
    }

    @PostMapping
    ResponseEntity<UnitJson> create(@Valid @RequestBody UnitForm form) {
        long id = units.create(form);
        return ResponseEntity.created(URI.create("/api/units/" + id)).body(UnitJson.of(units.get(id)));
    }

    @PutMapping("/{id}")
    UnitJson update(@PathVariable long id, @Valid @RequestBody UnitForm form) {
        units.update(id, form);
        return UnitJson.of(units.get(id));
    }

    @PostMapping("/{id}/deactivate")
    UnitJson deactivate(@PathVariable long id) {
        units.deactivate(id);
        return UnitJson.of(units.get(id));
    }
}
