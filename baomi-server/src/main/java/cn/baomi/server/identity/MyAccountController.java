package cn.baomi.server.identity;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.baomi.server.shared.BusinessRuleViolation;

/** The signed-in user's own account: change the password, manage personal API tokens. */
@Controller
class MyAccountController {

    private final AccountService accounts;
    private final ApiTokenService tokens;

    MyAccountController(AccountService accounts, ApiTokenService tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping("/account/password")
    String passwordForm() {
        return "identity/password";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
                          @RequestParam String confirmPassword, HttpSession session, Model model,
                          RedirectAttributes redirect) {
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("fieldError", "confirmPassword");
            model.addAttribute("errorKey", "password.mismatch");
            return "identity/password";
        }
        try {
            accounts.changeOwnPassword(currentPassword, newPassword);
        } catch (BusinessRuleViolation e) {
            model.addAttribute("fieldError", e.field());
            model.addAttribute("errorKey", e.messageKey());
            return "identity/password";
        }
        session.removeAttribute(SignInEvents.MUST_CHANGE_PASSWORD);
        redirect.addFlashAttribute("notice", "password.changed");
        return "redirect:/";
    }

    @GetMapping("/account/tokens")
    String tokens(Model model) {
        model.addAttribute("tokens", tokens.mine());
        return "identity/tokens";
    }

    @PostMapping("/account/tokens")
    String issue(@RequestParam String name, Model model) {
        try {
            model.addAttribute("newToken", tokens.issue(name));
        } catch (BusinessRuleViolation e) {
            model.addAttribute("errorKey", e.messageKey());
        }
        model.addAttribute("tokens", tokens.mine());
        return "identity/tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id) {
        tokens.revoke(id);
        return "redirect:/account/tokens";
    }
}
