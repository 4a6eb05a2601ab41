/**
 * Approvals (审批): a generic request that another module's record may be copied, carried out,
 * destroyed …, routed to the requester's department head, the unit's secrecy office and, for 绝密
 * or abroad, the unit leader. Other modules call {@link cn.baomi.server.approval.ApprovalService#request}
 * and listen for {@link cn.baomi.server.approval.ApprovalGranted},
 * {@link cn.baomi.server.approval.ApprovalRefused} and {@link cn.baomi.server.approval.ApprovalWithdrawn}; they may
 * implement {@link cn.baomi.server.approval.ApprovalSubjects} to name their records on the approval page. Everything
 * else is internal.
 */
package cn.baomi.server.approval;
