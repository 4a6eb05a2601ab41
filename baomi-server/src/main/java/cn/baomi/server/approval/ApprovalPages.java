package cn.baomi.server.approval;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

import cn.baomi.server.shared.BusinessRuleViolation;

/** The approvals pages: the two boxes, the detail with its steps, and the decision forms. */
@Controller
@RequestMapping("/approvals")
class ApprovalPages {

    private final ApprovalInbox inbox;
    private final ApprovalService service;
    private final ApprovalSubjectNames subjects;

    ApprovalPages(ApprovalInbox inbox, ApprovalService service, ApprovalSubjectNames subjects) {
        this.inbox = inbox;
        this.service = service;
        this.subjects = subjects;
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
        model.addAttribute("subject", subjects.of(approval));
        model.addAttribute("mayDecide", inbox.mayDecideNow(approval));
        model.addAttribute("mayWithdraw", inbox.mayWithdraw(approval));
        model.addAttribute("maxOpinion", ApprovalService.MAX_OPINION);
        return "approval/detail";
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String opinion, HttpServletRequest request,
                   HttpServletResponse response) {
        return act(id, opinion, () -> service.approve(id, opinion), "approval.notice.approved", request, response);
    }

    @PostMapping("/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String opinion, HttpServletRequest request,
                  HttpServletResponse response) {
        return act(id, opinion, () -> service.reject(id, opinion), "approval.notice.rejected", request, response);
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) {
        return act(id, null, () -> service.withdraw(id), "approval.notice.withdrawn", request, response);
    }

    /**
     * Runs a decision and goes back to the detail page: with a notice, or with the broken rule and the
     * opinion typed. A confirmed htmx request gets an {@code HX-Redirect}, so the whole page is reloaded.
     */
    private static String act(long id, String opinion, Runnable decision, String notice, HttpServletRequest request,
                              HttpServletResponse response) {
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        try {
            decision.run();
            flash.put("notice", notice);
        } catch (BusinessRuleViolation e) {
            flash.putAll(Map.of("error", e.messageKey(), "errorArguments", e.arguments()));
            if (opinion != null) {
                flash.put("opinion", opinion);
            }
        }
        String path = "/approvals/" + id;
        if ("true".equals(request.getHeader("HX-Request"))) {
            String target = request.getContextPath() + path;
            RequestContextUtils.saveOutputFlashMap(target, request, response);
            response.setHeader("HX-Redirect", target);
            return null;
        }
        return "redirect:" + path;
    }
}
