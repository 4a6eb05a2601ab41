package cn.baomi.scan.keyword;

import cn.baomi.scan.text.NormalizedText;
import cn.baomi.scan.text.Normalizer;
import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Matches all dictionary terms in one pass (double-array Aho–Corasick) over normalised text,
 * reporting overlapping hits: a term that is a prefix of another does not hide it. Terms are
 * normalised like the text, so 機密 in a dictionary finds 机密 and "机 密" alike. Immutable and
 * thread-safe once built.
 */
public final class KeywordMatcher {

    /** Receives a hit: normalised start (inclusive), end (exclusive) and the matching term. */
    @FunctionalInterface
    public interface HitConsumer {
        void hit(int start, int end, Term term);
    }

    private final AhoCorasickDoubleArrayTrie<Integer> trie;
    private final Term[][] groups;
    private final int size;

    private KeywordMatcher(AhoCorasickDoubleArrayTrie<Integer> trie, Term[][] groups, int size) {
        this.trie = trie;
        this.groups = groups;
        this.size = size;
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
        TreeMap<String, Integer> ids = new TreeMap<>();
        Term[][] groups = new Term[byKey.size()][];
        int i = 0;
        for (Map.Entry<String, List<Term>> e : byKey.entrySet()) {
            groups[i] = e.getValue().toArray(new Term[0]);
            ids.put(e.getKey(), i++);
        }
        AhoCorasickDoubleArrayTrie<Integer> trie = new AhoCorasickDoubleArrayTrie<>();
        if (!ids.isEmpty()) {
            trie.build(ids);
        }
        return new KeywordMatcher(trie, groups, groups.length);
    }

    /** Number of distinct normalised terms. */
    public int size() {
        return size;
    }

    public void match(NormalizedText text, HitConsumer consumer) {
        if (size == 0) {
            return;
        }
        int limit = text.length();
        trie.parseText(text.chars(), (int begin, int end, Integer id) -> {
            if (end <= limit) {
                for (Term t : groups[id]) {
                    consumer.hit(begin, end, t);
                }
            }
        });
    }
}
