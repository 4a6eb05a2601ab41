package cn.baomi.server.personnel;

/** The result of a background review: passed (通过) or not passed (未通过). */
enum ReviewOutcome {
    PASSED, FAILED
}
