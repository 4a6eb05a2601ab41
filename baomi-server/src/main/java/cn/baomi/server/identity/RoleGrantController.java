package cn.baomi.server.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.Role;

/** The security administrator grants roles, within the separation of the three administrators. */
@Controller
@RequestMapping("/security-admin/accounts")
class RoleGrantController {

    private final AccountService service;
    private final AccountQueries queries;

    RoleGrantController(AccountService service, AccountQueries queries) {
        this.service = service;
        this.queries = queries;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("result", queries.search(q, page));
        model.addAttribute("allRoles", List.of(Role.values()));
        return "identity/roles";
    }

    @PostMapping("/{id}/roles")
    String grant(@PathVariable long id, @RequestParam(required = false) List<Role> roles, RedirectAttributes redirect) {
        Set<Role> wanted = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        try {
            service.assignRoles(id, wanted);
            redirect.addFlashAttribute("notice", "account.roles.saved");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorAccount", id);
        }
        return "redirect:/security-admin/accounts";
    }
}
