package cn.baomi.server.personnel;

/** The home page's figures: people by level, re-reviews overdue and due soon, commitments out of date, files incomplete. */
record RosterCounts(long core, long important, long general, long reviewsOverdue, long reviewsDueSoon,
                    long commitmentsOutOfDate, long incomplete) {

    public long total() {
        return core + important + general;
    }
}
