package cn.baomi.server.approval;

import java.beans.PropertyEditorSupport;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/approvals}: the caller's boxes, one approval, and the decisions. */
@RestController
@RequestMapping("/api/approvals")
class ApprovalApi {

    record StepJson(int step, String role, String state, String decider, String opinion, Instant decidedAt) {
    }

    /**
     * {@code applicant} is the person the request was filed for by the secrecy office, null for the requester's own;
     * {@code subject} the readable subject and its link, as the caller may see it (only for one approval).
     */
    record ApprovalJson(long id, String kind, String subjectType, String subjectId, String summary, String level,
                        boolean abroad, String requester, String applicant, String state, int currentStep,
                        Instant requestedAt, Instant closedAt, List<StepJson> steps, ApprovalSubject subject) {

        static ApprovalJson of(Approval a) {
            return of(a, null);
        }

        static ApprovalJson of(Approval a, ApprovalSubject subject) {
            return new ApprovalJson(a.id(), a.kind(), a.subjectType(), a.subjectId(), a.summary(), a.level(), a.abroad(),
                    a.requesterName(), a.applicantName(), a.state().name(), a.currentStep(), a.requestedAt(), a.closedAt(),
                    a.steps().stream().map(s -> new StepJson(s.stepNo(), s.role().name(), s.state().name(),
                            s.deciderName(), s.opinion(), s.decidedAt())).toList(), subject);
        }
    }

    record Decision(String opinion) {
    }

    private final ApprovalInbox inbox;
    private final ApprovalService service;
    private final ApprovalSubjectNames subjects;

    ApprovalApi(ApprovalInbox inbox, ApprovalService service, ApprovalSubjectNames subjects) {
        this.inbox = inbox;
        this.service = service;
        this.subjects = subjects;
    }

    /** {@code box=pending} or {@code mine}, in any case; anything else is a 400 naming the parameter. */
    @InitBinder
    void boxes(WebDataBinder binder) {
        binder.registerCustomEditor(Box.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(Box.valueOf(text.strip().toUpperCase(Locale.ROOT)));
            }
        });
    }

    @GetMapping
    ApprovalPage<ApprovalJson> list(@RequestParam(defaultValue = "pending") Box box,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        ApprovalPage<Approval> found = inbox.box(box, page, size);
        return new ApprovalPage<>(found.items().stream().map(ApprovalJson::of).toList(), found.page(), found.size(),
                found.total());
    }

    @GetMapping("/{id}")
    ApprovalJson get(@PathVariable long id) {
        Approval approval = inbox.view(id);
        return ApprovalJson.of(approval, subjects.of(approval));
    }

    @PostMapping("/{id}/approve")
    ApprovalJson approve(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        service.approve(id, decision == null ? null : decision.opinion());
        return ApprovalJson.of(inbox.afterChange(id));
    }

    @PostMapping("/{id}/reject")
    ApprovalJson reject(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        service.reject(id, decision == null ? null : decision.opinion());
        return ApprovalJson.of(inbox.afterChange(id));
    }

    @PostMapping("/{id}/withdraw")
    ApprovalJson withdraw(@PathVariable long id) {
        service.withdraw(id);
        return ApprovalJson.of(inbox.afterChange(id));
    }
}
