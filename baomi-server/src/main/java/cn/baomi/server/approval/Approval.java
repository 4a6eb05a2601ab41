package cn.baomi.server.approval;

import java.time.Instant;
import java.util.List;

/** A request with its route. {@code currentStep} counts from 1; it is the step to decide while pending. */
record Approval(long id, String kind, String subjectType, String subjectId, String summary, String level,
                boolean abroad, long requesterAccountId, String requesterName, long requesterPersonId, long unitId,
                Long departmentId, ApprovalState state, int currentStep, Instant requestedAt, Instant closedAt,
                List<ApprovalStep> steps) {

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
                requesterPersonId, unitId, departmentId, state, currentStep, requestedAt, closedAt, newSteps);
    }
}
