package cn.baomi.server.organization;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

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

/** The department and position pages: a list per unit with a form to add one, and the rename form. */
@Controller
@RequestMapping("/{kind:departments|positions}")
class PartPages {

    private final PartService parts;
    private final UnitService units;

    PartPages(PartService parts, UnitService units) {
        this.parts = parts;
        this.units = units;
    }

    @ModelAttribute("kind")
    PartKind kind(@PathVariable String kind) {
        return PartKind.ofPath(kind);
    }

    @GetMapping
    String list(@PathVariable String kind, @RequestParam(required = false) Long unitId,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean includeInactive,
                @RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
        PartForm form = new PartForm();
        form.setUnitId(unitId);
        model.addAttribute("form", form);
        return list(PartKind.ofPath(kind), unitId, q, includeInactive, page, request, model);
    }

    @PostMapping
    String create(@PathVariable String kind, @Valid @ModelAttribute("form") PartForm form, BindingResult result,
                  HttpServletRequest request, Model model, RedirectAttributes redirect) {
        PartKind which = PartKind.ofPath(kind);
        return FormErrors.save(result, redirect, () -> {
            parts.create(which, form);
            return "redirect:/" + kind + "?unitId=" + form.getUnitId();
        }).orElseGet(() -> list(which, form.getUnitId(), null, false, 0, request, model));
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable String kind, @PathVariable long id, Model model) {
        units.requireWriter();
        model.addAttribute("part", parts.get(PartKind.ofPath(kind), id));
        model.addAttribute("form", PartForm.of(parts.get(PartKind.ofPath(kind), id)));
        return "organization/part-form";
    }

    @PostMapping("/{id}")
    String rename(@PathVariable String kind, @PathVariable long id, @Valid @ModelAttribute("form") PartForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        PartKind which = PartKind.ofPath(kind);
        Part part = parts.get(which, id);
        return FormErrors.save(result, redirect, () -> {
            parts.rename(which, id, form);
            return "redirect:/" + kind + "?unitId=" + part.unitId();
        }).orElseGet(() -> {
            model.addAttribute("part", part);
            return "organization/part-form";
        });
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable String kind, @PathVariable long id, HttpServletRequest request,
                      HttpServletResponse response) {
        PartKind which = PartKind.ofPath(kind);
        parts.deactivate(which, id);
        return AfterPost.redirect("/" + kind + "?includeInactive=true&unitId=" + parts.get(which, id).unitId(),
                "org.notice.deactivated", request, response);
    }

    private String list(PartKind kind, Long unitId, String q, boolean includeInactive, Integer page,
                        HttpServletRequest request, Model model) {
        PageResult<Part> result = parts.search(kind, unitId, q, includeInactive, PageResult.page(page),
                PageResult.DEFAULT_SIZE);
        model.addAttribute("result", result);
        Optional<String> last = PageLinks.pastTheEnd(request, result.page(), result.pages(), result.items().isEmpty());
        if (last.isPresent()) {
            return "redirect:" + last.get();
        }
        model.addAttribute("links", PageLinks.of(request, result.page(), result.hasPrevious(), result.hasNext()));
        model.addAttribute("unitId", unitId);
        model.addAttribute("q", q);
        model.addAttribute("includeInactive", includeInactive);
        model.addAttribute("units", units.choices());
        model.addAttribute("canWrite", units.mayWrite());
        return "organization/parts";
    }
}
