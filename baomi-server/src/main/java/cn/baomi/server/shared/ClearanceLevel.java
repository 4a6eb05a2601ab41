package cn.baomi.server.shared;

/**
 * A person's clearance (涉密人员等级) and the highest secret level it usually allows: core up to 绝密,
 * important up to 机密, general up to 秘密 (domain.md §3).
 */
public enum ClearanceLevel {
    NONE, GENERAL, IMPORTANT, CORE;

    public boolean covers(ClearanceLevel required) {
        return compareTo(required) >= 0;
    }
}
