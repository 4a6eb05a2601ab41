package cn.baomi.server.personnel;

/**
 * The roster's figures, for the home card and the roster's header: people by level, re-reviews overdue and due soon,
 * commitments out of date, files incomplete, and people in their cool-off period (脱密期) today.
 */
record RosterCounts(long core, long important, long general, long reviewsOverdue, long reviewsDueSoon,
                    long commitmentsOutOfDate, long incomplete, long inCoolOff) {

    public long total() {
        return core + important + general;
    }
}
