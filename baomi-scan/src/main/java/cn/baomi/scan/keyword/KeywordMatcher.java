package cn.baomi.scan.keyword;

import cn.baomi.scan.text.NormalizedText;
import cn.baomi.scan.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches all dictionary terms in one pass over normalised text and reports every occurrence,
 * overlapping ones included: a term that is a prefix of another does not hide it. A bigram gate
 * (a bit per hashed pair of first characters) rejects almost every position with two array reads;
 * only positions where some term may start walk a compact trie, so the cost per position is bounded
 * by the longest term, not by the number of terms. Terms are normalised like the text, so 機密 in a
 * dictionary finds 机密 and "机 密" alike. Immutable and thread-safe once built.
 */
public final class KeywordMatcher {

    /** Receives a hit: normalised start (inclusive), end (exclusive) and the matching term. */
    @FunctionalInterface
    public interface HitConsumer {
        void hit(int start, int end, Term term);
    }

    private static final int GATE_BITS = 22;
    private final Term[][] groups;
    private final Trie trie;
    private final long[] gate;
    private final boolean[] single;

    private KeywordMatcher(Term[][] groups, Trie trie, long[] gate, boolean[] single) {
        this.groups = groups;
        this.trie = trie;
        this.gate = gate;
        this.single = single;
    }

    public static KeywordMatcher build(Collection<Dictionary> dictionaries) {
        Map<String, List<Term>> byKey = new LinkedHashMap<>();
        for (Dictionary d : dictionaries) {
            for (Term term : d.terms()) {
                String key = Normalizer.fold(term.text()).replace("\n", "");
                if (!key.isEmpty()) {
                    List<Term> list = byKey.computeIfAbsent(key, k -> new ArrayList<>(1));
                    if (!list.contains(term)) {
                        list.add(term);
                    }
                }
            }
        }
        Term[][] groups = new Term[byKey.size()][];
        Trie.Builder builder = new Trie.Builder();
        long[] gate = new long[1 << (GATE_BITS - 6)];
        boolean[] single = new boolean[65536];
        int id = 0;
        for (Map.Entry<String, List<Term>> e : byKey.entrySet()) {
            String key = e.getKey();
            groups[id] = e.getValue().toArray(new Term[0]);
            builder.add(key, id);
            if (key.length() == 1) {
                single[key.charAt(0)] = true;
            } else {
                int h = hash(key.charAt(0), key.charAt(1));
                gate[h >>> 6] |= 1L << h;
            }
            id++;
        }
        return new KeywordMatcher(groups, builder.build(), gate, single);
    }

    private static int hash(char a, char b) {
        int x = (a << 16 | b) * 0x9E3779B1;
        return x >>> (32 - GATE_BITS);
    }

    /** Number of distinct normalised terms. */
    public int size() {
        return groups.length;
    }

    public void match(NormalizedText text, HitConsumer consumer) {
        if (groups.length == 0) {
            return;
        }
        char[] chars = text.chars();
        int n = text.length();
        long[] g = gate;
        boolean[] s = single;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            boolean open = s[c];
            if (!open && i + 1 < n) {
                int h = hash(c, chars[i + 1]);
                open = (g[h >>> 6] & (1L << h)) != 0;
            }
            if (open) {
                walk(chars, i, n, consumer);
            }
        }
    }

    /** Reports every term that starts at {@code start}. */
    private void walk(char[] chars, int start, int n, HitConsumer consumer) {
        int node = trie.root(chars[start]);
        int pos = start + 1;
        while (node > 0) {
            int id = trie.term(node);
            if (id >= 0) {
                for (Term t : groups[id]) {
                    consumer.hit(start, pos, t);
                }
            }
            if (pos >= n) {
                return;
            }
            node = trie.child(node, chars[pos]);
            pos++;
        }
    }
}
