package cn.baomi.server.approval;

/** Every step approved: the requesting module may go on. Published in the transaction of the last decision. */
public record ApprovalGranted(long approvalId, String kind, String subjectType, String subjectId) {
}
