package cn.baomi.server.organization;

import cn.baomi.server.shared.ClearanceLevel;

/**
 * The organisation's write facade for a person's clearance (涉密等级). The personnel module calls it when a
 * level change has been approved (or a clearance is revoked on leaving the post); it does not check the
 * signed-in user, because the approval that leads here already did. Audited as {@code PERSON_CLEARANCE_CHANGED}.
 */
public interface PersonClearances {

    /** Sets the clearance of an existing person; the reason goes to the audit trail (short, never classified). */
    void changeClearance(long personId, ClearanceLevel clearance, String reason);
}
