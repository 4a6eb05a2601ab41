package cn.baomi.scan;

/** Marking levels (密级), highest first; {@link #INTERNAL} is a work secret (工作秘密), not a state secret. */
public enum Level {
    TOP_SECRET("绝密"),
    SECRET("机密"),
    CONFIDENTIAL("秘密"),
    INTERNAL("内部");

    private final String chinese;

    Level(String chinese) {
        this.chinese = chinese;
    }

    /** The Chinese name as it appears in a marking. */
    public String chinese() {
        return chinese;
    }

    /** True when this level is higher than {@code other} (null counts as lowest). */
    public boolean higherThan(Level other) {
        return other == null || ordinal() < other.ordinal();
    }
}
