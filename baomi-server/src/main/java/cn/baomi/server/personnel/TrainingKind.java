package cn.baomi.server.personnel;

/** Pre-post training (岗前培训, with its test), the yearly training on the post, or other sessions. */
enum TrainingKind {
    PRE_POST, ANNUAL, OTHER
}
