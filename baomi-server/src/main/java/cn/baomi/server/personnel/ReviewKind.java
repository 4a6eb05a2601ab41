package cn.baomi.server.personnel;

/** Why a background review (政审/背景审查) was made: before the post, the periodic re-review, or a change of post. */
enum ReviewKind {
    PRE_POST, PERIODIC, POST_CHANGE
}
