package cn.baomi.scan.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Folds text for matching while keeping an offset map back into the original: full-width to
 * half-width, ASCII upper to lower case, traditional to simplified characters (one-to-one table),
 * every star-like sign to ★, and drops whitespace (except line breaks) and joining punctuation
 * (dashes, dots, commas, colons, slashes) so that "机 - 密" matches "机密". Every mapping is one
 * character to at most one character, so positions never shift inside a kept character.
 */
public final class Normalizer {

    private static final char DROP = 0;
    private static final char[] TABLE = buildTable();

    private Normalizer() {
    }

    /** Normalises the whole text. */
    public static NormalizedText normalize(CharSequence text) {
        int n = text.length();
        char[] out = new char[n];
        int[] map = new int[n + 1];
        int k = 0;
        for (int i = 0; i < n; i++) {
            char c = TABLE[text.charAt(i)];
            if (c != DROP) {
                out[k] = c;
                map[k] = i;
                k++;
            }
        }
        map[k] = n;
        return new NormalizedText(out, map, k, text);
    }

    /** Normalises a short string (a dictionary term, a file name) to a plain string. */
    public static String fold(CharSequence text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = TABLE[text.charAt(i)];
            if (c != DROP) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The folded form of one character, or 0 when the character is dropped. */
    public static char foldChar(char c) {
        return TABLE[c];
    }

    private static char[] buildTable() {
        char[] t = new char[65536];
        for (int c = 0; c < t.length; c++) {
            t[c] = (char) c;
        }
        t[0] = DROP;
        for (char c = 'A'; c <= 'Z'; c++) {
            t[c] = (char) (c + 32);
        }
        for (int c = 0xFF01; c <= 0xFF5E; c++) {
            char ascii = (char) (c - 0xFEE0);
            t[c] = t[ascii];
        }
        loadTraditional(t);
        for (char c : "\u2605\u2606\u2729\u272A\u272B\u272C\u272D\u272E\u272F\u2730\u2B50\u2217\u204E\u2731\u2732\u066D*".toCharArray()) {
            t[c] = '\u2605';
        }
        t['\uFF0A'] = '\u2605';
        t['\u000B'] = '\n';
        t['\u000C'] = '\n';
        t['\u2028'] = '\n';
        t['\u2029'] = '\n';
        String dropped = " \t\r\u00A0\u3000\u200B\u200C\u200D\u2060\uFEFF\u00AD"
                + "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63_\uFF3F"
                + "\u00B7\u30FB\uFF65\u2022\u2027\u2219.\u3002\uFF0E,\uFF0C\u3001\uFE50\uFE51"
                + ":\uFF1A;\uFF1B~\uFF5E\u301C|\uFF5C/\uFF0F\\\uFF3C\u2026";
        for (char c : dropped.toCharArray()) {
            t[c] = DROP;
        }
        for (int c = 0x2000; c <= 0x200A; c++) {
            t[c] = DROP;
        }
        for (int c = 1; c < 0x20; c++) {
            if (c != '\n' && c != '\u000B' && c != '\u000C') {
                t[c] = DROP;
            }
        }
        return t;
    }

    private static void loadTraditional(char[] t) {
        InputStream in = Normalizer.class.getResourceAsStream("t2s.txt");
        if (in == null) {
            throw new IllegalStateException("t2s.txt missing from the class path");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.length() == 3 && line.charAt(1) == '\t') {
                    t[line.charAt(0)] = line.charAt(2);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        t['\u7955'] = '\u79D8'; // 祕 -> 秘, also covered by the table; kept explicit for markings
    }
}
