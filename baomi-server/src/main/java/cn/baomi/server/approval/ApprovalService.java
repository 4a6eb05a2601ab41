package cn.baomi.server.approval;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;
import cn.baomi.server.organization.PersonDirectory;
import cn.baomi.server.organization.PersonSummary;
import cn.baomi.server.organization.UnitDirectory;
import cn.baomi.server.shared.BusinessRuleViolation;
import cn.baomi.server.shared.CurrentUser;
import cn.baomi.server.shared.NotFound;
import cn.baomi.server.shared.PersonRoles;
import cn.baomi.server.shared.Role;

/**
 * The approval use cases. {@link #request} is for other modules; the decisions come from the pages and
 * the API. Each change is audited in its own transaction, and the final decision is published as
 * {@link ApprovalGranted} or {@link ApprovalRefused}, a withdrawal as {@link ApprovalWithdrawn}, in that same
 * transaction.
 */
@Service
public class ApprovalService {

    static final int MAX_OPINION = 500;
    private final Approvals approvals;
    private final ApprovalAccess access;
    private final PersonDirectory persons;
    private final UnitDirectory units;
    private final PersonRoles roles;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    ApprovalService(Approvals approvals, ApprovalAccess access, PersonDirectory persons, UnitDirectory units,
                    PersonRoles roles, AuditTrail audit, ApplicationEventPublisher events) {
        this.approvals = approvals;
        this.access = access;
        this.persons = persons;
        this.units = units;
        this.roles = roles;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Requests an approval for the signed-in user, routed by {@link ApprovalRoute}; returns its id. A request filed
     * on behalf of a person ({@link NewApproval#onBehalfOf}) is routed from that person's unit and department, and
     * only the secrecy office of that person's unit (or of a unit above) may file it.
     */
    @Transactional
    public long request(NewApproval request) {
        CurrentUser user = CurrentUser.require();
        NewApprovalCheck.validate(request);
        if (user.isAdministrator() || user.personId() == null) {
            throw BusinessRuleViolation.of("approval.rule.noPerson");
        }
        PersonSummary requester = persons.find(user.personId())
                .orElseThrow(() -> BusinessRuleViolation.of("approval.rule.noPerson"));
        PersonSummary applicant = requester;
        boolean headsADepartment = user.has(Role.DEPARTMENT_HEAD);
        if (request.applicantPersonId() != null && request.applicantPersonId() != requester.id()) {
            applicant = persons.find(request.applicantPersonId())
                    .filter(p -> user.has(Role.SECRECY_OFFICER) && units.isInScope(user, p.unitId()))
                    .orElseThrow(() -> new BusinessRuleViolation("applicantPersonId", "approval.rule.onBehalf"));
            headsADepartment = roles.holds(applicant.id(), Role.DEPARTMENT_HEAD);
        }
        boolean onBehalf = applicant != requester;
        List<ApprovalStep> steps = ApprovalRoute.of(applicant, headsADepartment, request.level(), request.abroad());
        Approval approval = new Approval(0, request.kind(), request.subjectType(), request.subjectId(),
                request.summary().strip(), request.level(), request.abroad(), user.accountId(), user.displayName(),
                requester.id(), onBehalf ? applicant.id() : null, onBehalf ? applicant.name() : null, applicant.unitId(),
                applicant.departmentId(), ApprovalState.PENDING, 1, now(), null, steps);
        long id = approvals.insert(approval);
        audit.record(AuditRecord.success("APPROVAL_REQUESTED", "approval", id).withDetail(detail(approval)
                + (onBehalf ? " onBehalfOf=person:" + applicant.id() : "")
                + " steps=" + steps.stream().map(s -> s.role().name()).toList()));
        return id;
    }

    @Transactional
    public void approve(long id, String opinion) {
        decide(id, true, opinion);
    }

    @Transactional
    public void reject(long id, String opinion) {
        decide(id, false, opinion);
    }

    /** The requester takes back a request that nobody has finished deciding; the requesting module hears of it. */
    @Transactional
    public void withdraw(long id) {
        Decider d = access.decider();
        Approval approval = access.visible(d, find(id));
        if (!ApprovalRoute.isRequester(d.user(), approval)) {
            throw new AccessDeniedException("only the requester withdraws an approval");
        }
        if (!approval.isPending()
                || !approvals.move(id, approval.currentStep(), ApprovalState.WITHDRAWN, approval.currentStep(), now())) {
            throw BusinessRuleViolation.of("approval.rule.decided");
        }
        audit.record(AuditRecord.success("APPROVAL_WITHDRAWN", "approval", id).withDetail(detail(approval)));
        events.publishEvent(new ApprovalWithdrawn(id, approval.kind(), approval.subjectType(), approval.subjectId()));
    }

    private void decide(long id, boolean approve, String opinion) {
        String text = opinion == null || opinion.isBlank() ? null : opinion.strip();
        Decider d = access.decider();
        Approval approval = access.visible(d, find(id));
        if (!approval.isPending()) {
            throw BusinessRuleViolation.of("approval.rule.decided");
        }
        if (ApprovalRoute.isRequester(d.user(), approval)) {
            throw BusinessRuleViolation.of("approval.rule.ownRequest");
        }
        ApprovalStep step = approval.step();
        if (!ApprovalRoute.mayDecide(d.user(), d.departmentId(), step)) {
            throw new AccessDeniedException("not an approver of step " + step.stepNo());
        }
        if (!approve && text == null) {
            throw new BusinessRuleViolation("opinion", "approval.rule.opinionRequired");
        }
        if (text != null && text.length() > MAX_OPINION) {
            throw new BusinessRuleViolation("opinion", "approval.rule.opinionTooLong", MAX_OPINION);
        }
        ApprovalState next = !approve ? ApprovalState.REFUSED
                : approval.isLastStep() ? ApprovalState.GRANTED : ApprovalState.PENDING;
        int nextStep = next == ApprovalState.PENDING ? step.stepNo() + 1 : step.stepNo();
        Instant now = now();
        if (!approvals.move(id, step.stepNo(), next, nextStep, now)) {
            throw BusinessRuleViolation.of("approval.rule.decided");
        }
        approvals.decideStep(id, step.stepNo(), approve ? StepState.APPROVED : StepState.REJECTED,
                d.user().accountId(), d.user().displayName(), text, now);
        if (next == ApprovalState.PENDING) {
            approvals.openStep(id, nextStep);
        }
        audit.record(AuditRecord.success(approve ? "APPROVAL_APPROVED" : "APPROVAL_REJECTED", "approval", id)
                .withDetail(detail(approval) + " step=" + step.stepNo() + " " + step.role() + " -> " + next));
        if (next == ApprovalState.GRANTED) {
            events.publishEvent(new ApprovalGranted(id, approval.kind(), approval.subjectType(), approval.subjectId()));
        } else if (next == ApprovalState.REFUSED) {
            events.publishEvent(new ApprovalRefused(id, approval.kind(), approval.subjectType(), approval.subjectId(), text));
        }
    }

    private Approval find(long id) {
        return approvals.find(id).orElseThrow(() -> new NotFound("approval", id));
    }

    private static String detail(Approval a) {
        return a.kind() + " " + a.subjectType() + ":" + a.subjectId();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
