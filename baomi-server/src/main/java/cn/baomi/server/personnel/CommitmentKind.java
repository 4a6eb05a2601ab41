package cn.baomi.server.personnel;

/** The commitments (保密承诺书) a cleared person signs: before the post, every year on it, and on leaving it. */
public enum CommitmentKind {
    PRE_POST, ANNUAL, EXIT
}
