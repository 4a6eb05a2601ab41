package cn.baomi.server.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.baomi.server.organization.UnitDirectory;
import cn.baomi.server.organization.UnitSummary;
import cn.baomi.server.shared.BusinessRuleViolation;

/** The system administrator's accounts: create, reset a password, enable or disable, unlock. */
@Controller
@RequestMapping("/admin/accounts")
class AccountAdminController {

    private final AccountService service;
    private final AccountQueries queries;
    private final UnitDirectory units;

    AccountAdminController(AccountService service, AccountQueries queries, UnitDirectory units) {
        this.service = service;
        this.queries = queries;
        this.units = units;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("result", queries.search(q, page));
        model.addAttribute("units", units.activeUnits());
        model.addAttribute("unitNames", units.activeUnits().stream()
                .collect(java.util.stream.Collectors.toMap(UnitSummary::id, UnitSummary::name)));
        return "identity/accounts";
    }

    @PostMapping
    String create(@RequestParam String username, @RequestParam String displayName,
                  @RequestParam(required = false) Long unitId, Model model) {
        try {
            if (unitId != null && units.find(unitId).filter(UnitSummary::active).isEmpty()) {
                throw new BusinessRuleViolation("unitId", "account.unit.unknown");
            }
            AccountService.Created created = service.create(username, displayName, unitId);
            model.addAttribute("oneTimeFor", username.trim());
            model.addAttribute("oneTimePassword", created.oneTimePassword());
        } catch (BusinessRuleViolation e) {
            model.addAttribute("fieldError", e.field());
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.arguments());
            model.addAttribute("username", username);
            model.addAttribute("displayName", displayName);
            // the unit chosen stays chosen, rather than the first of the list (the city bureau above the unit)
            model.addAttribute("enteredUnitId", unitId);
        }
        return list("", 1, model);
    }

    @PostMapping("/{id}/reset-password")
    String reset(@PathVariable long id, Model model, RedirectAttributes redirect) {
        AccountService.Created reset;
        try {
            reset = service.resetPassword(id);
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            return "redirect:/admin/accounts";
        }
        model.addAttribute("oneTimeFor", queries.username(id));
        model.addAttribute("oneTimePassword", reset.oneTimePassword());
        return list("", 1, model);
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id) {
        service.setEnabled(id, true);
        return "redirect:/admin/accounts";
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        try {
            service.setEnabled(id, false);
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        }
        return "redirect:/admin/accounts";
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id) {
        service.unlock(id);
        return "redirect:/admin/accounts";
    }
}
