package cn.baomi.server.carrier;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.baomi.server.approval.ApprovalService;
import cn.baomi.server.shared.Role;
import cn.baomi.server.support.TestUsers;

/**
 * Decides the steps of an approval as the people its route names in a {@link CarrierFixtures.Org}: the department's
 * head (a person of the department other than the requester), the unit's secrecy office and the unit leader.
 */
record Approvers(ApprovalService approvals, JdbcClient jdbc, CarrierFixtures.Org org) {

    /** The roles of the approval's steps, in order. */
    List<String> route(long approvalId) {
        return jdbc.sql("select role from approval_steps where approval_id = ? order by step_no").param(approvalId)
                .query(String.class).list();
    }

    String state(long approvalId) {
        return jdbc.sql("select state from approvals where id = ?").param(approvalId).query(String.class).single();
    }

    /** Approves the current step; false when the approval is no longer pending. */
    boolean approveStep(long approvalId) {
        if (!"PENDING".equals(state(approvalId))) {
            return false;
        }
        signInForCurrentStep(approvalId);
        try {
            approvals.approve(approvalId, null);
        } finally {
            TestUsers.signOut();
        }
        return true;
    }

    private void signInForCurrentStep(long approvalId) {
        int step = jdbc.sql("select current_step from approvals where id = ?").param(approvalId).query(Integer.class).single();
        String role = jdbc.sql("select role from approval_steps where approval_id = ? and step_no = ?")
                .params(approvalId, step).query(String.class).single();
        long requester = jdbc.sql("select requester_person_id from approvals where id = ?").param(approvalId)
                .query(Long.class).single();
        TestUsers.signIn(switch (Role.valueOf(role)) {
            case DEPARTMENT_HEAD -> org.as(requester == org.colleague() ? org.custodian() : org.colleague(),
                    Role.DEPARTMENT_HEAD);
            case UNIT_LEADER -> org.as(org.siblingPerson(), Role.UNIT_LEADER);
            default -> org.officer();
        });
    }

    void approveAll(long approvalId) {
        while (approveStep(approvalId)) {
            // next step
        }
    }

    void reject(long approvalId, String opinion) {
        signInForCurrentStep(approvalId);
        try {
            approvals.reject(approvalId, opinion);
        } finally {
            TestUsers.signOut();
        }
    }
}
