package cn.baomi.server.approval;

import java.time.Instant;

import cn.baomi.server.shared.Role;

/** One step of the route: who may decide it (role, unit, for a department head the department) and the decision. */
record ApprovalStep(int stepNo, Role role, long unitId, Long departmentId, StepState state, Long deciderAccountId,
                    String deciderName, String opinion, Instant decidedAt) {

    static ApprovalStep open(int stepNo, Role role, long unitId, Long departmentId) {
        return new ApprovalStep(stepNo, role, unitId, departmentId, stepNo == 1 ? StepState.PENDING : StepState.WAITING,
                null, null, null, null);
    }
}
