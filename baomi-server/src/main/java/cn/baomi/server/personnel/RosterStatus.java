package cn.baomi.server.personnel;

/** Roster filters by status: cleared (checklist complete), file incomplete, re-review overdue or due soon, commitment out of date. */
enum RosterStatus {
    CLEARED, INCOMPLETE, REVIEW_OVERDUE, REVIEW_DUE_SOON, COMMITMENT_OUT_OF_DATE;

    boolean matches(PersonStatus s) {
        return switch (this) {
            case CLEARED -> s.cleared();
            case INCOMPLETE -> !s.cleared();
            case REVIEW_OVERDUE -> s.reviewOverdue();
            case REVIEW_DUE_SOON -> s.reviewDueSoon();
            case COMMITMENT_OUT_OF_DATE -> s.commitmentOutOfDate();
        };
    }
}
