package cn.baomi.server.approval;

import java.time.Instant;
import java.util.List;

/**
 * A request with its route. {@code currentStep} counts from 1; it is the step to decide while pending. When the
 * secrecy office filed it on someone's behalf, {@code applicantPersonId}/{@code applicantName} name that person, and
 * {@code unitId}/{@code departmentId} are theirs; otherwise both are null and the unit is the requester's.
 */
record Approval(long id, String kind, String subjectType, String subjectId, String summary, String level,
                boolean abroad, long requesterAccountId, String requesterName, long requesterPersonId,
                Long applicantPersonId, String applicantName, long unitId, Long departmentId, ApprovalState state,
                int currentStep, Instant requestedAt, Instant closedAt, List<ApprovalStep> steps) {

    boolean isPending() {
        return state == ApprovalState.PENDING;
    }

    ApprovalStep step() {
        return steps.get(currentStep - 1);
    }

    boolean isLastStep() {
        return currentStep == steps.size();
    }

    Approval withSteps(List<ApprovalStep> newSteps) {
        return new Approval(id, kind, subjectType, subjectId, summary, level, abroad, requesterAccountId, requesterName,
                requesterPersonId, applicantPersonId, applicantName, unitId, departmentId, state, currentStep, requestedAt,
                closedAt, newSteps);
    }
}
