package cn.baomi.scan.keyword;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A compact character trie: a direct table for the first character, then sorted child arrays
 * searched by bisection. Node 0 is the root; 0 as a child means "none".
 */
final class Trie {

    private final int[] rootChildren;
    private final int[] firstEdge;
    private final int[] edgeCount;
    private final char[] edgeChar;
    private final int[] edgeNode;
    private final int[] termId;

    private Trie(int[] rootChildren, int[] firstEdge, int[] edgeCount, char[] edgeChar, int[] edgeNode, int[] termId) {
        this.rootChildren = rootChildren;
        this.firstEdge = firstEdge;
        this.edgeCount = edgeCount;
        this.edgeChar = edgeChar;
        this.edgeNode = edgeNode;
        this.termId = termId;
    }

    int root(char c) {
        return rootChildren[c];
    }

    int term(int node) {
        return termId[node];
    }

    int child(int node, char c) {
        int lo = firstEdge[node];
        int hi = lo + edgeCount[node] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char m = edgeChar[mid];
            if (m < c) {
                lo = mid + 1;
            } else if (m > c) {
                hi = mid - 1;
            } else {
                return edgeNode[mid];
            }
        }
        return 0;
    }

    /** Collects terms, then flattens them into arrays. */
    static final class Builder {
        private final List<TreeMap<Character, Integer>> children = new ArrayList<>();
        private final List<Integer> terms = new ArrayList<>();

        Builder() {
            newNode();
        }

        private int newNode() {
            children.add(null);
            terms.add(-1);
            return children.size() - 1;
        }

        void add(String key, int id) {
            int node = 0;
            for (int i = 0; i < key.length(); i++) {
                TreeMap<Character, Integer> map = children.get(node);
                if (map == null) {
                    map = new TreeMap<>();
                    children.set(node, map);
                }
                Integer next = map.get(key.charAt(i));
                if (next == null) {
                    next = newNode();
                    children.get(node).put(key.charAt(i), next);
                }
                node = next;
            }
            terms.set(node, id);
        }

        Trie build() {
            int nodes = children.size();
            int[] root = new int[65536];
            int[] first = new int[nodes];
            int[] count = new int[nodes];
            int[] termId = new int[nodes];
            int edges = 0;
            for (TreeMap<Character, Integer> m : children) {
                edges += m == null ? 0 : m.size();
            }
            char[] edgeChar = new char[edges];
            int[] edgeNode = new int[edges];
            int e = 0;
            for (int n = 0; n < nodes; n++) {
                termId[n] = terms.get(n);
                TreeMap<Character, Integer> m = children.get(n);
                first[n] = e;
                if (m == null) {
                    continue;
                }
                count[n] = m.size();
                for (var entry : m.entrySet()) {
                    edgeChar[e] = entry.getKey();
                    edgeNode[e] = entry.getValue();
                    if (n == 0) {
                        root[entry.getKey()] = entry.getValue();
                    }
                    e++;
                }
            }
            return new Trie(root, first, count, Arrays.copyOf(edgeChar, e), Arrays.copyOf(edgeNode, e), termId);
        }
    }
}
