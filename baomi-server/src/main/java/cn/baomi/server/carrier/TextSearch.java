package cn.baomi.server.carrier;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger list filtered by a text {@code q} of two characters or more: which copies match, how many (up to the
 * count limit) and which of them are on the page. A copy matches when its carrier's title or document number or
 * its ledger number contains the text, ignoring case as {@code lower} does ({@link #MATCHES}, the same condition as
 * always); {@link SearchGrams} narrows the rows the condition is tested on to the carriers holding all of the
 * text's rarest pieces, so the answer is exactly what the condition alone gives (docs/decisions/ledger-performance.md).
 */
@Repository
class TextSearch {

    /** Whether copy {@code cp} of carrier {@code c} contains the text {@code :q} (a like pattern). */
    static final String MATCHES =
            "(lower(c.title) like :q or lower(c.document_number) like :q or lower(cp.ledger_number) like :q)";

    /**
     * Candidates up to this many have all their matching copies read at once (up to {@link #MATCHES_READ}), which
     * gives the count and the page; with more, the matches are read up to the count limit, and a page of more
     * matches than that is walked ({@link #walk}): frequent text.
     */
    static final int SORTED = 2_000;

    /** Matching copies read at most to count and cut the page from in the application. */
    static final int MATCHES_READ = 20_000;

    /** The newest copies a walk reads at most before sorting instead. */
    static final int WINDOW = 50_000;

    private static final String FROM = "select cp.id from carrier_copies cp join carriers c on c.id = cp.carrier_id";

    /** The copy ids of one page, how many copies match (up to the limit) and whether there are more. */
    record Found(List<Long> ids, long total, boolean more) {

        static final Found NONE = new Found(List.of(), 0, false);
    }

    private final JdbcClient jdbc;
    private final SearchGrams grams;
    private final int sorted;
    private final int matchesRead;

    @Autowired
    TextSearch(JdbcClient jdbc, SearchGrams grams) {
        this(jdbc, grams, SORTED, MATCHES_READ);
    }

    /** With other bounds than {@link #SORTED} and {@link #MATCHES_READ}, for tests of every way on little data. */
    TextSearch(JdbcClient jdbc, SearchGrams grams, int sorted, int matchesRead) {
        this.jdbc = jdbc;
        this.grams = grams;
        this.sorted = sorted;
        this.matchesRead = matchesRead;
    }

    /** The like pattern of an already lowered text: the text anywhere, {@code \ % _} in it taken literally. */
    static String pattern(String lowered) {
        return "%" + lowered.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * The page of copies matching {@code where} (the viewer's condition and the other filters, with its parameters
     * and the pattern {@code :q} in {@code params}) and the text of the given grams, whose carriers are all in
     * {@code units}; {@code countLimit} 0 counts exactly. Empty when the caller should scan as without the index:
     * every piece of the text is held by more than {@link SearchGrams#LISTED} carriers and the newest copies do not
     * already hold more matches than the count limit.
     */
    Optional<Found> find(String where, Map<String, Object> params, List<String> textGrams, Collection<Long> units,
                         LedgerQuery query, int countLimit) {
        if (units.isEmpty()) {
            return Optional.of(Found.NONE);
        }
        long offset = (long) query.page() * query.size();
        List<Long> carriers = grams.carriers(textGrams, units);
        if (carriers == null) {
            return broad(where, params, query.size(), offset, countLimit);
        }
        if (carriers.isEmpty()) {
            return Optional.of(Found.NONE);
        }
        params.put("searchCarriers", carriers.toArray(Long[]::new));
        String narrowed = where + " and c.id = any(:searchCarriers) and " + MATCHES;
        // the matching copies themselves, unordered: all of them from few candidates, else up to the count limit
        int read = carriers.size() <= sorted || countLimit == 0 ? matchesRead : countLimit;
        List<Long> matching = jdbc.sql(FROM + narrowed + " limit " + (read + 1)).params(params).query(Long.class).list();
        if (matching.size() <= read) {
            boolean more = countLimit > 0 && matching.size() > countLimit;
            return Optional.of(new Found(matching.stream().sorted(Comparator.reverseOrder()).skip(offset)
                    .limit(query.size()).toList(), more ? countLimit : matching.size(), more));
        }
        long counted = countLimit > 0 && read >= countLimit ? countLimit + 1
                : jdbc.sql("select count(*) from (" + FROM + narrowed + (countLimit > 0 ? " limit " + (countLimit + 1) : "")
                        + ") matches").params(params).query(Long.class).single();
        boolean more = countLimit > 0 && counted > countLimit;
        List<Long> page = more && carriers.size() > sorted ? page(walk(where), params, query.size(), offset) : List.of();
        if (page.size() < query.size()) {
            page = page(narrowed + " order by cp.id desc", params, query.size(), offset);
        }
        return Optional.of(new Found(page, more ? countLimit : counted, more));
    }

    /** A text of frequent pieces only: the newest matches, when the window holds more than the count limit. */
    private Optional<Found> broad(String where, Map<String, Object> params, int size, long offset, int countLimit) {
        if (countLimit == 0 || offset + size > countLimit) {
            return Optional.empty();
        }
        List<Long> newest = page(walk(where), params, countLimit + 1, 0);
        if (newest.size() <= countLimit) {
            return Optional.empty();
        }
        return Optional.of(new Found(newest.subList((int) offset, (int) offset + size), countLimit, true));
    }

    private List<Long> page(String condition, Map<String, Object> params, int limit, long offset) {
        return jdbc.sql(FROM + condition + " limit :searchLimit offset :searchOffset").params(params)
                .param("searchLimit", limit).param("searchOffset", offset).query(Long.class).list();
    }

    /**
     * Matches among the newest {@link #WINDOW} copies, newest first: frequent matches fill a page after a few
     * hundred rows. The like inside {@code case} (the same rows) keeps PostgreSQL from guessing that few rows match,
     * which makes it read and sort every match instead of walking the primary key backwards. Without the candidates:
     * as an array parameter they lead PostgreSQL's generic plan of a prepared statement (from the fifth execution
     * on) to read and sort all of them again.
     */
    private static String walk(String where) {
        return where + " and case when " + MATCHES + " then true else false end"
                + " and cp.id > (select max(id) from carrier_copies) - " + WINDOW + " order by cp.id desc";
    }
}
