package cn.baomi.server.carrier;

import java.util.EnumSet;
import java.util.Set;

import cn.baomi.server.shared.ClearanceLevel;

/** The levels of state secrets a carrier may have, the clearance each needs and its legal maximum duration. */
enum SecretLevel {
    TOP_SECRET(ClearanceLevel.CORE, 30, "JM"),
    SECRET(ClearanceLevel.IMPORTANT, 20, "JIM"),
    CONFIDENTIAL(ClearanceLevel.GENERAL, 10, "MM");

    private final ClearanceLevel requiredClearance;
    private final int maximumYears;
    private final String code;

    SecretLevel(ClearanceLevel requiredClearance, int maximumYears, String code) {
        this.requiredClearance = requiredClearance;
        this.maximumYears = maximumYears;
        this.code = code;
    }

    ClearanceLevel requiredClearance() {
        return requiredClearance;
    }

    public int maximumYears() {
        return maximumYears;
    }

    /** The short code used in ledger numbers. */
    String code() {
        return code;
    }

    boolean readableWith(ClearanceLevel clearance) {
        return clearance != null && clearance.covers(requiredClearance);
    }

    static Set<SecretLevel> allReadableWith(ClearanceLevel clearance) {
        Set<SecretLevel> levels = EnumSet.noneOf(SecretLevel.class);
        for (SecretLevel level : values()) {
            if (level.readableWith(clearance)) {
                levels.add(level);
            }
        }
        return levels;
    }
}
