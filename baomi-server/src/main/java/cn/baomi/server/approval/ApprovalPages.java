package cn.baomi.server.approval;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.baomi.server.shared.BusinessRuleViolation;

/** The approvals pages: the two boxes, the detail with its steps, and the decision forms. */
@Controller
@RequestMapping("/approvals")
class ApprovalPages {

    private final ApprovalInbox inbox;
    private final ApprovalService service;

    ApprovalPages(ApprovalInbox inbox, ApprovalService service) {
        this.inbox = inbox;
        this.service = service;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "pending") String box, @RequestParam(required = false) Integer page,
                Model model) {
        Box chosen = Box.of(box);
        model.addAttribute("box", chosen.code());
        model.addAttribute("result", inbox.box(chosen, page, null));
        return "approval/list";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        Approval approval = inbox.view(id);
        model.addAttribute("approval", approval);
        model.addAttribute("mayDecide", inbox.mayDecideNow(approval));
        model.addAttribute("mayWithdraw", inbox.mayWithdraw(approval));
        model.addAttribute("maxOpinion", ApprovalService.MAX_OPINION);
        return "approval/detail";
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String opinion, RedirectAttributes redirect) {
        return act(id, redirect, opinion, () -> service.approve(id, opinion), "approval.notice.approved");
    }

    @PostMapping("/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String opinion, RedirectAttributes redirect) {
        return act(id, redirect, opinion, () -> service.reject(id, opinion), "approval.notice.rejected");
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, null, () -> service.withdraw(id), "approval.notice.withdrawn");
    }

    /** Runs a decision; a broken rule goes back to the detail page with its message and the opinion typed. */
    private static String act(long id, RedirectAttributes redirect, String opinion, Runnable decision, String notice) {
        try {
            decision.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArguments", e.arguments());
            redirect.addFlashAttribute("opinion", opinion);
        }
        return "redirect:/approvals/" + id;
    }
}
