package cn.baomi.server.approval;

/**
 * The requester took back a pending request, on the approvals page, through the API or through the requesting
 * module. Published in the transaction of the withdrawal, so the requesting module's record leaves "pending" with it.
 */
public record ApprovalWithdrawn(long approvalId, String kind, String subjectType, String subjectId) {
}
