package cn.baomi.server.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.baomi.server.shared.BusinessRuleViolation;

/** {@code /account-links}: the secrecy office's list of accounts and the persons they belong to. */
@Controller
class AccountLinkController {

    private final AccountLinks links;

    AccountLinkController(AccountLinks links) {
        this.links = links;
    }

    @GetMapping("/account-links")
    String list(Model model) {
        model.addAttribute("rows", links.inScope());
        return "identity/account-links";
    }

    @PostMapping("/account-links/{accountId}")
    String link(@PathVariable long accountId, @RequestParam(required = false) Long personId, RedirectAttributes redirect) {
        try {
            if (personId == null) {
                throw new BusinessRuleViolation("personId", "account.link.unknownPerson");
            }
            links.link(accountId, personId);
            redirect.addFlashAttribute("notice", "account.link.saved");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        }
        return "redirect:/account-links";
    }
}
