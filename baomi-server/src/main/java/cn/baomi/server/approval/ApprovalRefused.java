package cn.baomi.server.approval;

/** A step rejected, with the approver's opinion. Published in the transaction of the decision. */
public record ApprovalRefused(long approvalId, String kind, String subjectType, String subjectId, String opinion) {
}
