package cn.baomi.scan.keyword;

import cn.baomi.scan.text.TextDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A user keyword list: one term per line, optionally followed by a tab and a category and by
 * another tab and a weight. Lines starting with # and blank lines are ignored. UTF-8, GBK/GB18030
 * and UTF-16 files are all read.
 */
public final class Dictionary {

    private static final long MAX_BYTES = 256L * 1024 * 1024;
    private final List<Term> terms;

    private Dictionary(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    public static Dictionary of(List<Term> terms) {
        return new Dictionary(terms);
    }

    /** Reads a dictionary file; the default category is the file name without extension. */
    public static Dictionary load(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException("词典文件过大 (dictionary larger than 256 MB): " + file);
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String defaultCategory = dot > 0 ? name.substring(0, dot) : name;
        return parse(TextDecoder.decode(Files.readAllBytes(file)), defaultCategory);
    }

    /** Parses dictionary text. */
    public static Dictionary parse(String content, String defaultCategory) {
        List<Term> terms = new ArrayList<>();
        for (String line : content.split("\r?\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            String text = parts[0].strip();
            if (text.isEmpty()) {
                continue;
            }
            String category = parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : defaultCategory;
            double weight = 1.0;
            if (parts.length > 2) {
                try {
                    weight = Double.parseDouble(parts[2].strip());
                } catch (NumberFormatException e) {
                    weight = 1.0;
                }
            }
            terms.add(new Term(text, category, weight));
        }
        return new Dictionary(terms);
    }

    public List<Term> terms() {
        return terms;
    }
}
