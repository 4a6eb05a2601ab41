package cn.baomi.server.carrier;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.baomi.server.shared.web.PageLinks;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;

/** {@code /carriers/destruction}: the secrecy office's destruction lists, building one, and completing it. */
@Controller
@RequestMapping("/carriers/destruction")
class DestructionPages {

    private final DestructionService destruction;
    private final CarrierService carriers;
    private final CarrierAccess access;
    private final MessageSource messages;

    DestructionPages(DestructionService destruction, CarrierService carriers, CarrierAccess access,
                     MessageSource messages) {
        this.destruction = destruction;
        this.carriers = carriers;
        this.access = access;
        this.messages = messages;
    }

    /**
     * The lists, and one page of the copies to choose from (filtered by the ledger's search text): the live ones, or
     * with {@code status=ARCHIVED} the archived ones.
     */
    @GetMapping
    String lists(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                 @RequestParam(required = false) CopyStatus status, HttpServletRequest request, Model model) {
        CurrentUser user = CurrentUser.require();
        access.requireKeeper(user);
        Viewer viewer = access.viewer(user);
        CopyStatus shown = status == CopyStatus.ARCHIVED ? CopyStatus.ARCHIVED : CopyStatus.LIVE;
        LedgerQuery query = LedgerQuery.of(null, null, shown, null, q, page, null);
        LedgerPage<LedgerEntry> result = carriers.search(query);
        List<LedgerEntry> live = result.items().stream().filter(e -> viewer.keeps(e.copy().unitId())).toList();
        model.addAttribute("lists", destruction.lists());
        model.addAttribute("live", live);
        model.addAttribute("result", result);
        Optional<String> last = PageLinks.pastTheEnd(request, result.page(), result.pages(), result.items().isEmpty());
        if (last.isPresent()) {
            return "redirect:" + last.get();
        }
        model.addAttribute("links", PageLinks.of(request, result.page(), result.hasPrevious(), result.hasNext()));
        model.addAttribute("filter", query);
        model.addAttribute("names", access.names(live.stream().map(e -> e.copy().custodianId()).toList()));
        return "carrier/destruction";
    }

    @PostMapping
    String listForDestruction(@ModelAttribute DestructionForm form, RedirectAttributes redirect) {
        try {
            long id = destruction.listForDestruction(form);
            redirect.addFlashAttribute("notice", "carrier.notice.destructionListed");
            return "redirect:/carriers/destruction/" + id;
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.text(messages));
            return "redirect:/carriers/destruction";
        }
    }

    @GetMapping("/{id}")
    String list(@PathVariable long id, Model model) {
        DestructionList list = destruction.list(id);
        List<Copy> listed = new ArrayList<>();
        Viewer viewer = access.viewer(CurrentUser.require());
        list.copyIds().forEach(c -> carriers.copy(c, viewer).ifPresent(listed::add));
        List<Long> people = new ArrayList<>(listed.stream().map(Copy::custodianId).toList());
        people.add(list.destroyerId());
        people.add(list.witnessId());
        model.addAttribute("list", list);
        model.addAttribute("copies", listed);
        model.addAttribute("names", access.names(people));
        model.addAttribute("persons", access.activePersonsOf(list.unitId()));
        return "carrier/destruction-list";
    }

    @PostMapping("/{id}/completion")
    String destroy(@PathVariable long id, @ModelAttribute DestructionForm form, RedirectAttributes redirect) {
        try {
            destruction.destroy(id, form);
            redirect.addFlashAttribute("notice", "carrier.notice.destroyed");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.text(messages));
        }
        return "redirect:/carriers/destruction/" + id;
    }
}
