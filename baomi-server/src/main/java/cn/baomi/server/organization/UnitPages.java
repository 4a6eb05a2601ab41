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

/** The unit pages: the tree in scope, and the form to create or edit a unit. */
@Controller
@RequestMapping("/units")
class UnitPages {

    private final UnitService units;

    UnitPages(UnitService units) {
        this.units = units;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean includeInactive,
                @RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
        PageResult<UnitTree.Node> result = units.search(q, includeInactive, PageResult.page(page), PageResult.DEFAULT_SIZE);
        model.addAttribute("result", result);
        Optional<String> last = PageLinks.pastTheEnd(request, result.page(), result.pages(), result.items().isEmpty());
        if (last.isPresent()) {
            return "redirect:" + last.get();
        }
        model.addAttribute("links", PageLinks.of(request, result.page(), result.hasPrevious(), result.hasNext()));
        model.addAttribute("q", q);
        model.addAttribute("includeInactive", includeInactive);
        model.addAttribute("canWrite", units.mayWrite());
        return "organization/units";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) Long parentId, Model model) {
        units.requireWriter();
        UnitForm form = new UnitForm();
        form.setParentId(parentId);
        return form(model.addAttribute("form", form), null);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") UnitForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        return FormErrors.save(result, redirect, () -> {
            units.create(form);
            return "redirect:/units";
        }).orElseGet(() -> form(model, null));
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        units.requireWriter();
        return form(model.addAttribute("form", UnitForm.of(units.get(id))), id);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") UnitForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        return FormErrors.save(result, redirect, () -> {
            units.update(id, form);
            return "redirect:/units";
        }).orElseGet(() -> form(model, id));
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) {
        units.deactivate(id);
        return AfterPost.redirect("/units?includeInactive=true", "org.notice.deactivated", request, response);
    }

    private String form(Model model, Long id) {
        model.addAttribute("unitId", id);
        model.addAttribute("parents", units.parentChoices(id));
        // a top unit stays one when someone who may not make top units edits it
        model.addAttribute("mayBeTop", units.mayCreateTopUnits() || (id != null && units.get(id).parentId() == null));
        return "organization/unit-form";
    }
}
