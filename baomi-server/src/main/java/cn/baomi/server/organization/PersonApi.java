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

import cn.baomi.server.shared.ClearanceLevel;

/** {@code /api/persons}: persons in the caller's scope. ID numbers only ever leave masked. */
@RestController
@RequestMapping("/api/persons")
class PersonApi {

    record PersonJson(long id, long unitId, String unitName, Long departmentId, String departmentName, Long positionId,
                      String positionName, String name, String idNumberMasked, EmploymentType employmentType,
                      ClearanceLevel clearance, boolean active) {

        static PersonJson of(Person p) {
            return new PersonJson(p.id(), p.unitId(), p.unitName(), p.departmentId(), p.departmentName(), p.positionId(),
                    p.positionName(), p.name(), p.idNumberMasked(), p.employmentType(), p.clearance(), p.active());
        }
    }

    private final PersonService persons;

    PersonApi(PersonService persons) {
        this.persons = persons;
    }

    @GetMapping
    PageResult<PersonJson> list(@RequestParam(required = false) String q, @RequestParam(required = false) Long unitId,
                                @RequestParam(required = false) Long departmentId,
                                @RequestParam(required = false) ClearanceLevel clearance,
                                @RequestParam(required = false) EmploymentType employmentType,
                                @RequestParam(required = false) Boolean active,
                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageResult<Person> found = persons.search(new PersonQuery(q, unitId, departmentId, clearance, employmentType,
                active, PageResult.page(page), PageResult.size(size)));
        return found.map(PersonJson::of);
    }

    @GetMapping("/{id}")
    PersonJson get(@PathVariable long id) {
        return PersonJson.of(persons.view(id));
    }

    @PostMapping
    ResponseEntity<PersonJson> create(@Valid @RequestBody PersonForm form) {
        long id = persons.create(form);
        return ResponseEntity.created(URI.create("/api/persons/" + id)).body(PersonJson.of(persons.forEdit(id)));
    }

    @PutMapping("/{id}")
    PersonJson update(@PathVariable long id, @Valid @RequestBody PersonForm form) {
        persons.update(id, form);
        return PersonJson.of(persons.forEdit(id));
    }

    @PostMapping("/{id}/deactivate")
    PersonJson deactivate(@PathVariable long id) {
        persons.deactivate(id);
        return PersonJson.of(persons.forEdit(id));
    }
}
