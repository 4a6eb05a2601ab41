package cn.baomi.server.personnel.exit;

import java.io.IOException;
import java.time.LocalDate;
import java.util.function.Supplier;

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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.web.EnteredValues;
import cn.baomi.server.shared.CurrentUser;

/** {@code /personnel/exits}: the exits list, opening one, and the exit page with its steps. */
@Controller
@RequestMapping("/personnel/exits")
class ExitPages {

    private final ExitService exits;
    private final ResignationService resignations;
    private final MessageSource messages;

    ExitPages(ExitService exits, ResignationService resignations, MessageSource messages) {
        this.exits = exits;
        this.resignations = resignations;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("exits", exits.list());
        model.addAttribute("names", (java.util.function.Function<Long, String>) exits::name);
        model.addAttribute("candidates", exits.clearedPersonsOf(CurrentUser.require()));
        model.addAttribute("today", LocalDate.now());
        return "personnel/exits";
    }

    @PostMapping
    String open(@ModelAttribute ExitForm form, RedirectAttributes redirect) {
        try {
            long id = exits.open(form);
            redirect.addFlashAttribute("notice", "exit.notice.opened");
            return "redirect:/personnel/exits/" + id;
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.labelledText(messages, "exit.field."));
            EnteredValues.keep(redirect);
            return "redirect:/personnel/exits";
        }
    }

    @GetMapping("/{id}")
    String exit(@PathVariable long id, Model model) {
        ExitService.ExitView view = exits.view(id);
        model.addAttribute("view", view);
        model.addAttribute("exit", view.exit());
        model.addAttribute("resignations", resignations.ofPerson(view.exit().personId()));
        model.addAttribute("today", LocalDate.now());
        return "personnel/exit";
    }

    @PostMapping("/{id}/commitment")
    String commitment(@PathVariable long id, @RequestParam(required = false)
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
                      @RequestParam(required = false) MultipartFile scan, RedirectAttributes redirect) {
        return act(id, redirect, "exit.notice.commitment", () -> {
            try {
                exits.recordCommitment(id, signedOn, scan == null ? new byte[0] : scan.getBytes(),
                        scan == null ? null : scan.getOriginalFilename());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
    }

    @PostMapping("/{id}/completion")
    String complete(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "exit.notice.completed", () -> {
            exits.complete(id);
            return null;
        });
    }

    @PostMapping("/{id}/entrustment")
    String entrust(@PathVariable long id, @RequestParam(required = false) String entrustedTo,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate entrustedOn,
                   RedirectAttributes redirect) {
        return act(id, redirect, "exit.notice.entrusted", () -> {
            exits.entrust(id, entrustedTo, entrustedOn);
            return null;
        });
    }

    @PostMapping("/{id}/cool-off-closure")
    String closeCoolOff(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "exit.notice.coolOffClosed", () -> {
            exits.closeCoolOff(id);
            return null;
        });
    }

    @PostMapping("/{id}/resignations")
    String fileResignation(@PathVariable long id, @RequestParam(required = false)
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate filedOn,
                           @RequestParam(required = false) String note, RedirectAttributes redirect) {
        long person = exits.personOf(id);
        return act(id, redirect, "exit.notice.resignationFiled", () -> resignations.file(person, filedOn, note));
    }

    @PostMapping("/{id}/resignations/{resignation}/approval")
    String approveResignation(@PathVariable long id, @PathVariable long resignation,
                              @RequestParam(required = false) String opinion, RedirectAttributes redirect) {
        return act(id, redirect, "exit.notice.resignationApproved", () -> {
            resignations.approve(resignation, opinion);
            return null;
        });
    }

    @PostMapping("/{id}/resignations/{resignation}/refusal")
    String refuseResignation(@PathVariable long id, @PathVariable long resignation,
                             @RequestParam(required = false) String opinion, RedirectAttributes redirect) {
        return act(id, redirect, "exit.notice.resignationRefused", () -> {
            resignations.refuse(resignation, opinion);
            return null;
        });
    }

    private String act(long id, RedirectAttributes redirect, String notice, Supplier<Object> action) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.text(messages));
            EnteredValues.keep(redirect);
        }
        return "redirect:/personnel/exits/" + id;
    }
}
