package cn.baomi.server.personnel;

/**
 * Published when a cleared person's exit (离岗离职) is completed: every carrier is back, the exit commitment is
 * signed and the cool-off period (脱密期) has begun. Identity disables the person's account in the same transaction.
 */
public record PersonLeftPost(long personId, long exitId) {
}
