package cn.baomi.server.carrier;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;

/** The register of safes, for the secrecy office. */
@Controller
@RequestMapping("/safes")
class SafePages {

    private final SafeService safes;
    private final CarrierAccess access;
    private final MessageSource messages;

    SafePages(SafeService safes, CarrierAccess access, MessageSource messages) {
        this.safes = safes;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        var list = safes.list();
        model.addAttribute("safes", list);
        model.addAttribute("names", access.names(list.stream().map(Safe::responsiblePersonId).toList()));
        model.addAttribute("persons", access.activePersonsOf(CurrentUser.require().unitId()));
        return "carrier/safes";
    }

    @PostMapping
    String register(@RequestParam(required = false) String number, @RequestParam(required = false) String place,
                    @RequestParam(required = false) Long responsiblePersonId, RedirectAttributes redirect) {
        try {
            safes.register(null, number, place, responsiblePersonId);
            redirect.addFlashAttribute("notice", "carrier.notice.safeRegistered");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.text(messages));
        }
        return "redirect:/safes";
    }
}
