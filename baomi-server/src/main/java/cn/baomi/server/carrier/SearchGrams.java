package cn.baomi.server.carrier;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code carrier_search_grams}, the index of the ledger's text search (docs/decisions/ledger-performance.md): every
 * piece of two characters of {@code lower(title)} and {@code lower(document_number)} of a carrier and of
 * {@code lower(ledger_number)} of each of its copies, once per carrier, with the carrier's unit. The pieces are cut
 * by the database from the very expressions the search's {@code like} tests, so a text that the {@code like} finds
 * always has all the pieces of the searched text here, whatever {@code lower} does with case, width or other
 * scripts. Written in the transaction that inserts the carrier or the copy ({@link Carriers#insert},
 * {@link Copies#insert}, {@link Copies#insertCopyOf}); titles, document numbers and ledger numbers are never
 * changed afterwards.
 */
@Repository
class SearchGrams {

    /** Grams whose carriers are counted to find the rarest; a longer text is narrowed by these and the like. */
    static final int PROBED = 12;

    /** A piece held by at most this many carriers of the viewer's units narrows the search by their ids. */
    static final int LISTED = 5_000;

    /** Further pieces read to intersect the carriers of the rarest, while more than {@link #NARROWED} remain. */
    static final int INTERSECTED = 3;

    /**
     * Carriers few enough to read all their copies: no further piece is read to narrow them, and a page of more
     * matches than the count limit is sorted from their copies rather than walked (TextSearch).
     */
    static final int NARROWED = 1_000;

    private static final String POSTINGS =
            "select carrier_id from carrier_search_grams where gram = :gram and unit_id in (:units)";

    /**
     * The gram cut at every position of the text {@code t.s}: 600 is three times the longest column searched
     * (title, 200), as {@code lower} may lengthen a character (a test checks the columns' lengths).
     */
    private static final String INSERT = """
            insert into carrier_search_grams (gram, unit_id, carrier_id)
            select distinct substring(t.s, n.i, 2), t.unit_id, t.carrier_id
            from (%s) t join generate_series(1, 600) as n(i) on n.i < char_length(t.s)
            on conflict do nothing""";

    private final JdbcClient jdbc;
    private final int listed;

    @Autowired
    SearchGrams(JdbcClient jdbc) {
        this(jdbc, LISTED);
    }

    /** With another bound than {@link #LISTED}, for a test of the search without the index on little data. */
    SearchGrams(JdbcClient jdbc, int listed) {
        this.jdbc = jdbc;
        this.listed = listed;
    }

    /** Indexes the title and document number of a carrier just inserted. */
    void carrierInserted(long carrierId) {
        jdbc.sql(INSERT.formatted("""
                        select lower(title) as s, unit_id, id as carrier_id from carriers where id = :id
                        union all
                        select lower(document_number), unit_id, id from carriers
                        where id = :id and document_number is not null"""))
                .param("id", carrierId).update();
    }

    /** Indexes the ledger number of a copy just inserted, under its carrier. */
    void copyInserted(long copyId) {
        jdbc.sql(INSERT.formatted("select lower(ledger_number) as s, unit_id, carrier_id from carrier_copies where id = :id"))
                .param("id", copyId).update();
    }

    /**
     * The grams of an already lowered search text that the index can hold: pairs of neighbouring characters, both
     * outside the surrogate range (PostgreSQL cuts by code point, H2 by UTF-16 unit; for other characters the two
     * agree). Empty for a text of one character, which the search answers with the like alone.
     */
    static List<String> of(String lowered) {
        LinkedHashSet<String> grams = new LinkedHashSet<>();
        for (int i = 0; i + 1 < lowered.length(); i++) {
            char a = lowered.charAt(i);
            char b = lowered.charAt(i + 1);
            if (!Character.isSurrogate(a) && !Character.isSurrogate(b)) {
                grams.add(String.valueOf(new char[] {a, b}));
            }
        }
        return List.copyOf(grams);
    }

    /**
     * The carriers of the units that hold the rarest pieces of the text, sorted; {@code null} when every piece is held
     * by more than {@link #LISTED} of them, for the caller to search without the index. Each statement reads one
     * piece's range of the primary key and nothing else, so that no plan depends on the table's statistics: the
     * pieces are counted (up to {@link #LISTED} + 1, at most {@link #PROBED} pieces spread over the text), the rarest
     * one's carriers are read, and while more than {@link #NARROWED} remain, those of the next pieces (up to
     * {@link #INTERSECTED} of them, each if at most 2 × {@link #LISTED}) are read and intersected here.
     */
    List<Long> carriers(List<String> grams, Collection<Long> units) {
        List<String> probed = grams.size() <= PROBED ? grams
                : IntStream.range(0, PROBED).mapToObj(i -> grams.get(i * (grams.size() - 1) / (PROBED - 1))).toList();
        List<Long> unitList = List.copyOf(units);
        long[] counts = probed.size() == 1 ? new long[] {0} : counts(probed, unitList);
        List<String> ranked = IntStream.range(0, probed.size()).boxed().sorted(Comparator.comparingLong(i -> counts[i]))
                .map(probed::get).toList();
        List<Long> rarest = postings(ranked.get(0), unitList, listed);
        if (rarest == null) {
            return null;
        }
        Set<Long> carriers = new TreeSet<>(rarest);
        for (String gram : ranked.subList(1, Math.min(ranked.size(), 1 + INTERSECTED))) {
            if (carriers.size() <= NARROWED) {
                break;
            }
            List<Long> holding = postings(gram, unitList, 2 * listed);
            if (holding != null) {
                carriers.retainAll(new HashSet<>(holding));
            }
        }
        return List.copyOf(carriers);
    }

    /** The carriers of the units holding the gram; {@code null} when more than {@code limit}. */
    private List<Long> postings(String gram, List<Long> units, int limit) {
        List<Long> carriers = jdbc.sql(POSTINGS + " limit " + (limit + 1)).param("gram", gram).param("units", units)
                .query(Long.class).list();
        return carriers.size() > limit ? null : carriers;
    }

    /** How many carriers of the units hold each gram, each counted up to {@link #LISTED} + 1, in one statement. */
    private long[] counts(List<String> grams, List<Long> units) {
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < grams.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(select count(*) from (select 1 from carrier_search_grams where gram = :p")
                    .append(i).append(" and unit_id in (:units) limit ").append(listed + 1).append(") t").append(i).append(')');
        }
        var statement = jdbc.sql(sql.toString()).param("units", units);
        for (int i = 0; i < grams.size(); i++) {
            statement = statement.param("p" + i, grams.get(i));
        }
        return statement.query((rs, n) -> {
            long[] values = new long[grams.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rs.getLong(i + 1);
            }
            return values;
        }).single();
    }
}
