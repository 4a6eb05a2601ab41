package cn.baomi.server.carrier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One recorded decision changing (变更) or ending (解密) a carrier's classification: who decided, when, on what
 * basis (decision number), and the level, duration and scope before and after.
 */
record ClassificationChange(long id, long carrierId, Kind kind, String decidedBy, LocalDate decidedOn, String basis,
                            SecretLevel oldLevel, SecrecyDuration oldDuration, String oldScope, SecretLevel newLevel,
                            SecrecyDuration newDuration, String newScope, String recordedBy, Instant recordedAt) {

    enum Kind { CHANGED, DECLASSIFIED }

    /** The marking before the decision, for the pages. */
    public String before() {
        return marking(oldLevel, oldDuration);
    }

    public String after() {
        return kind == Kind.DECLASSIFIED ? "解密" : marking(newLevel, newDuration);
    }

    /** The marking of a level and duration, as in domain.md §2: 机密★5年, 秘密★6个月, 绝密★长期, 机密 (level alone). */
    static String marking(SecretLevel level, SecrecyDuration d) {
        String name = switch (level) {
            case TOP_SECRET -> "绝密";
            case SECRET -> "机密";
            case CONFIDENTIAL -> "秘密";
        };
        return name + switch (d.kind()) {
            case YEARS -> "★" + d.amount() + "年";
            case MONTHS -> "★" + d.amount() + "个月";
            case UNTIL_DATE -> "★" + d.until();
            case UNTIL_CONDITION -> "★" + d.condition();
            case LONG_TERM -> "★长期";
            case DEFAULT -> "";
        };
    }
}
