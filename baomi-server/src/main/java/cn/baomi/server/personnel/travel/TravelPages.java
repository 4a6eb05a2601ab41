package cn.baomi.server.personnel.travel;

import java.time.LocalDate;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.web.EnteredValues;

/**
 * {@code /personnel/travel}: trips abroad, requesting, changing, withdrawing and cancelling one, and the register of
 * travel documents with each document's page. A broken rule comes back as a message naming the field.
 */
@Controller
@RequestMapping("/personnel/travel")
class TravelPages {

    private final TravelService travels;
    private final TravelChanges changes;
    private final TravelDocumentService documents;
    private final TravelPeople people;
    private final MessageSource messages;

    TravelPages(TravelService travels, TravelChanges changes, TravelDocumentService documents, TravelPeople people,
                MessageSource messages) {
        this.travels = travels;
        this.changes = changes;
        this.documents = documents;
        this.people = people;
        this.messages = messages;
    }

    @GetMapping
    String travel(Model model) {
        List<Travel> list = travels.list();
        List<PersonSummary> kept = people.keptByMe();
        model.addAttribute("travels", list);
        model.addAttribute("names", (java.util.function.Function<Long, String>) travels::name);
        model.addAttribute("persons", kept);
        model.addAttribute("keeper", people.keeper());
        model.addAttribute("documents", documents.register());
        model.addAttribute("approved", list.stream().filter(Travel::cleared).toList());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("kinds", TravelDocument.Kind.values());
        return "personnel/travel";
    }

    @GetMapping("/{id}")
    String trip(@PathVariable long id, Model model) {
        Travel travel = travels.view(id);
        model.addAttribute("travel", travel);
        model.addAttribute("name", travels.name(travel.personId()));
        model.addAttribute("actions", changes.actions(travel));
        model.addAttribute("today", LocalDate.now());
        return "personnel/trip";
    }

    @PostMapping
    String request(@ModelAttribute TravelForm form, RedirectAttributes redirect) {
        return act(redirect, "travel.notice.requested", () -> travels.request(form));
    }

    @PostMapping("/{id}")
    String edit(@PathVariable long id, @ModelAttribute TravelForm form, RedirectAttributes redirect) {
        return act(redirect, "travel.notice.edited", "redirect:/personnel/travel/" + id, () -> {
            changes.edit(id, form);
            return 0L;
        });
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(@PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "travel.notice.withdrawn", "redirect:/personnel/travel/" + id, () -> {
            changes.withdraw(id);
            return 0L;
        });
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        boolean[] documentOut = {false};
        String view = act(redirect, "travel.notice.cancelled", "redirect:/personnel/travel/" + id, () -> {
            documentOut[0] = changes.cancel(id);
            return 0L;
        });
        if (documentOut[0]) {
            redirect.addFlashAttribute("notice", "travel.notice.cancelledDocumentOut");
        }
        return view;
    }

    @GetMapping("/documents/{id}")
    String document(@PathVariable long id, Model model) {
        model.addAttribute("detail", documents.view(id));
        model.addAttribute("today", LocalDate.now());
        return "personnel/travel-document";
    }

    /** The full number, shown once on the document's page; a POST so that it is never prefetched or cached. */
    @PostMapping("/documents/{id}/number")
    String revealNumber(@PathVariable long id, Model model) {
        model.addAttribute("fullNumber", documents.revealNumber(id));
        return document(id, model);
    }

    @PostMapping("/documents")
    String register(@RequestParam(required = false) Long personId, @RequestParam(required = false) TravelDocument.Kind kind,
                    @RequestParam(required = false) String number,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
                    RedirectAttributes redirect) {
        return act(redirect, "travel.notice.registered", () -> documents.register(personId, kind, number, expiresOn));
    }

    @PostMapping("/documents/{id}/issue")
    String issue(@PathVariable long id, @RequestParam(required = false) Long travelId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
                 RedirectAttributes redirect) {
        return act(redirect, "travel.notice.issued", () -> {
            documents.issue(id, travelId, issuedOn, dueOn);
            return 0L;
        });
    }

    @PostMapping("/documents/{id}/return")
    String giveBack(@PathVariable long id,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate returnedOn,
                    RedirectAttributes redirect) {
        return act(redirect, "travel.notice.returned", () -> {
            documents.giveBack(id, returnedOn);
            return 0L;
        });
    }

    private String act(RedirectAttributes redirect, String notice, java.util.function.Supplier<Long> action) {
        return act(redirect, notice, "redirect:/personnel/travel", action);
    }

    private String act(RedirectAttributes redirect, String notice, String target, java.util.function.Supplier<Long> action) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.labelledText(messages, "travel.field."));
            EnteredValues.keep(redirect);
        }
        return target;
    }
}
