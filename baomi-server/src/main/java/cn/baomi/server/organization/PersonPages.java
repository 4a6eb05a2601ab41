package cn.baomi.server.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.baomi.server.shared.web.PageLinks;
import cn.baomi.server.shared.ClearanceLevel;
import cn.baomi.server.shared.CurrentUser;

/** The person pages: the list with filters, the detail (audited), and the form of the secrecy office. */
@Controller
@RequestMapping("/persons")
class PersonPages {

    private final PersonService persons;
    private final UnitService units;
    private final PartService parts;
    private final ObjectProvider<PersonPageLinks> links;

    PersonPages(PersonService persons, UnitService units, PartService parts, ObjectProvider<PersonPageLinks> links) {
        this.persons = persons;
        this.units = units;
        this.parts = parts;
        this.links = links;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long unitId,
                @RequestParam(required = false) Long departmentId, @RequestParam(required = false) ClearanceLevel clearance,
                @RequestParam(required = false) EmploymentType employmentType,
                @RequestParam(defaultValue = "active") String status, @RequestParam(required = false) Integer page,
                HttpServletRequest request, Model model) {
        Boolean active = switch (status) {
            case "inactive" -> false;
            case "all" -> null;
            default -> true;
        };
        PageResult<Person> result = persons.search(new PersonQuery(q, unitId, departmentId, clearance, employmentType,
                active, PageResult.page(page), PageResult.DEFAULT_SIZE));
        model.addAttribute("result", result);
        Optional<String> last = PageLinks.pastTheEnd(request, result.page(), result.pages(), result.items().isEmpty());
        if (last.isPresent()) {
            return "redirect:" + last.get();
        }
        model.addAttribute("links", PageLinks.of(request, result.page(), result.hasPrevious(), result.hasNext()));
        model.addAttribute("filter", new PersonQuery(q, unitId, departmentId, clearance, employmentType, active, 0, 0));
        model.addAttribute("status", status);
        model.addAttribute("departments", parts.choices(PartKind.DEPARTMENTS, null));
        return choices(model, "organization/persons");
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) Long unitId, Model model) {
        persons.requireWriter();
        PersonForm form = new PersonForm();
        form.setUnitId(unitId != null ? unitId : CurrentUser.require().unitId());
        form.setClearance(ClearanceLevel.NONE);
        form.setEmploymentType(EmploymentType.REGULAR);
        model.addAttribute("form", form);
        return formChoices(model, form.getUnitId(), null);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") PersonForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        return FormErrors.save(result, redirect, () -> "redirect:/persons/" + persons.create(form))
                .orElseGet(() -> formChoices(model, form.getUnitId(), null));
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("person", persons.view(id));
        model.addAttribute("canWrite", persons.mayWrite());
        CurrentUser viewer = CurrentUser.require();
        model.addAttribute("recordLinks", links.orderedStream().map(l -> l.linkFor(viewer, id)).flatMap(Optional::stream)
                .toList());
        return "organization/person";
    }

    /** The full ID number, shown once on the detail page; a POST so that it is never prefetched or cached. */
    @PostMapping("/{id}/id-number")
    String revealIdNumber(@PathVariable long id, Model model) {
        model.addAttribute("fullIdNumber", persons.revealIdNumber(id));
        return detail(id, model);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Person person = persons.forEdit(id);
        model.addAttribute("person", person);
        model.addAttribute("form", PersonForm.of(person));
        return formChoices(model, person.unitId(), person);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") PersonForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        Person person = persons.forEdit(id);
        return FormErrors.save(result, redirect, () -> {
            persons.update(id, form);
            return "redirect:/persons/" + id;
        }).orElseGet(() -> {
            model.addAttribute("person", person);
            return formChoices(model, form.getUnitId(), person);
        });
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) {
        persons.deactivate(id);
        return AfterPost.redirect("/persons/" + id, "org.notice.deactivated", request, response);
    }

    /**
     * The person form offers the active departments and positions of the chosen unit (htmx reloads them
     * when the unit changes), plus those the edited person already has, even if since deactivated.
     */
    private String formChoices(Model model, Long unitId, Person current) {
        List<Part> departments = new ArrayList<>(unitId == null ? List.of() : parts.choices(PartKind.DEPARTMENTS, unitId));
        List<Part> positions = new ArrayList<>(unitId == null ? List.of() : parts.choices(PartKind.POSITIONS, unitId));
        if (current != null && Objects.equals(unitId, current.unitId())) {
            keep(departments, current.departmentId(), current.departmentName(), current);
            keep(positions, current.positionId(), current.positionName(), current);
        }
        model.addAttribute("departments", departments);
        model.addAttribute("positions", positions);
        String view = choices(model, "organization/person-form");
        if (current != null) {
            // a clearance changes only through an approved level change in the personnel module
            model.addAttribute("clearances", List.of(current.clearance()));
        }
        return view;
    }

    private static void keep(List<Part> offered, Long id, String name, Person current) {
        if (id != null && offered.stream().noneMatch(p -> p.id() == id)) {
            offered.add(new Part(id, current.unitId(), current.unitName(), name, false));
        }
    }

    private String choices(Model model, String view) {
        model.addAttribute("units", units.choices());
        model.addAttribute("employmentTypes", EmploymentType.values());
        model.addAttribute("clearances", ClearanceLevel.values());
        model.addAttribute("canWrite", persons.mayWrite());
        return view;
    }
}
