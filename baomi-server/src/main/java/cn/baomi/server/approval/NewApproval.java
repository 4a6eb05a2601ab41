package cn.baomi.server.approval;

import java.util.Set;

/**
 * What a module asks to have approved. {@code kind} is a code owned by the requesting module
 * ({@code carrier.copy}); {@code subjectType}/{@code subjectId} name its record; {@code summary} is a
 * short, non-classified description shown to the approvers. {@code level} is the secret level code of
 * the subject: {@code TOP_SECRET} (绝密), {@code SECRET} (机密), {@code CONFIDENTIAL} (秘密) or
 * {@code INTERNAL} (内部/非密) — a plain code, because no shared level type exists yet.
 * {@code applicantPersonId}, when set, is the person the secrecy office files the request for (代为申请): the
 * route then starts from that person's unit and department, not from the signed-in requester's.
 */
public record NewApproval(String kind, String subjectType, String subjectId, String summary, String level,
                          boolean abroad, Long applicantPersonId) {

    public static final String TOP_SECRET = "TOP_SECRET";
    static final Set<String> LEVELS = Set.of(TOP_SECRET, "SECRET", "CONFIDENTIAL", "INTERNAL");

    /** A request for the signed-in requester themself. */
    public NewApproval(String kind, String subjectType, String subjectId, String summary, String level, boolean abroad) {
        this(kind, subjectType, subjectId, summary, level, abroad, null);
    }

    /** The same request, filed by the secrecy office on behalf of the person. */
    public NewApproval onBehalfOf(long personId) {
        return new NewApproval(kind, subjectType, subjectId, summary, level, abroad, personId);
    }
}
