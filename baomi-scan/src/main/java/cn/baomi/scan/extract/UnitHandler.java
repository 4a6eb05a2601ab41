package cn.baomi.scan.extract;

import cn.baomi.scan.text.TextUnit;
import cn.baomi.scan.text.Zone;
import cn.baomi.scan.text.ZoneSpan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the XHTML that Tika emits for one document into plain text: one paragraph per line,
 * table cells separated by tabs, one row per line. Records zones: div classes header, footer and
 * textbox, the first table cell, and the first and last lines of each PDF page. Every character is
 * charged to the budget, so a huge document stops at the output limit.
 */
final class UnitHandler extends DefaultHandler {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr",
            "br", "table", "dt", "dd", "blockquote", "pre", "section", "article", "title", "td", "th");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head");
    private static final int PAGE_EDGE_LINES = 2;

    private final Budget budget;
    private final StringBuilder text = new StringBuilder();
    private final List<ZoneSpan> zones = new ArrayList<>();
    private final Deque<Object[]> divs = new ArrayDeque<>();
    private int skipped;
    private boolean firstCellDone;
    private int cellStart = -1;
    private boolean rowStart;
    private int bodyEnd = -1;

    UnitHandler(Budget budget) {
        this.budget = budget;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        String name = localName.isEmpty() ? qName : localName;
        if (SKIPPED.contains(name)) {
            skipped++;
            return;
        }
        switch (name) {
            case "div" -> divs.push(new Object[] {atts.getValue("class"), text.length()});
            case "tr" -> rowStart = true;
            case "td", "th" -> {
                if (!rowStart) {
                    append('\t');
                }
                rowStart = false;
                if (!firstCellDone) {
                    cellStart = text.length();
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = localName.isEmpty() ? qName : localName;
        if (SKIPPED.contains(name)) {
            skipped--;
            return;
        }
        if (name.equals("td") || name.equals("th")) {
            if (!firstCellDone && cellStart >= 0) {
                if (text.length() > cellStart) {
                    zones.add(new ZoneSpan(Zone.FIRST_CELL, cellStart, text.length()));
                    firstCellDone = true;
                }
                cellStart = -1;
            }
            return;
        }
        if (BLOCKS.contains(name)) {
            newline();
        }
        if (name.equals("div") && !divs.isEmpty()) {
            Object[] div = divs.pop();
            closeDiv((String) div[0], (Integer) div[1]);
        }
    }

    private void closeDiv(String cls, int start) {
        if (cls == null || text.length() <= start) {
            return;
        }
        switch (cls) {
            case "header", "slide-header" -> zones.add(new ZoneSpan(Zone.HEADER, start, text.length()));
            case "footer", "slide-footer" -> zones.add(new ZoneSpan(Zone.FOOTER, start, text.length()));
            case "textbox" -> zones.add(new ZoneSpan(Zone.TEXT_BOX, start, text.length()));
            case "page" -> pageEdges(start, text.length());
            default -> {
            }
        }
    }

    /** The first and last lines of a page stand where running headers and footers stand. */
    private void pageEdges(int start, int end) {
        List<int[]> lines = new ArrayList<>();
        int i = start;
        while (i < end) {
            int nl = text.indexOf("\n", i);
            int e = nl < 0 || nl > end ? end : nl;
            if (e > i && !text.substring(i, e).isBlank()) {
                lines.add(new int[] {i, e});
            }
            i = e + 1;
        }
        for (int k = 0; k < lines.size(); k++) {
            if (k < PAGE_EDGE_LINES) {
                zones.add(new ZoneSpan(Zone.HEADER, lines.get(k)[0], lines.get(k)[1]));
            } else if (k >= lines.size() - PAGE_EDGE_LINES) {
                zones.add(new ZoneSpan(Zone.FOOTER, lines.get(k)[0], lines.get(k)[1]));
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (skipped > 0 || length == 0) {
            return;
        }
        long left = budget.charsLeft();
        text.append(ch, start, (int) Math.min(length, Math.max(0, left)));
        budget.chars(length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        // layout whitespace between elements; only its line breaks matter (PDF lines come this way)
        if (skipped == 0) {
            for (int i = start; i < start + length; i++) {
                if (ch[i] == '\n') {
                    newline();
                    return;
                }
            }
        }
    }

    private void append(char c) {
        text.append(c);
        budget.chars(1);
    }

    private void newline() {
        int n = text.length();
        if (n > 0 && text.charAt(n - 1) != '\n') {
            append('\n');
        }
    }

    /**
     * Appends text recognised by OCR, one line per line, charged to the budget; a PDF page's first
     * and last lines count as page edges like those of a text page.
     */
    void recognised(String ocrText, boolean page) {
        newline();
        int start = text.length();
        for (String line : ocrText.split("[\\n\\f]")) {
            String clean = line.strip();
            if (!clean.isEmpty()) {
                characters(clean.toCharArray(), 0, clean.length());
                newline();
            }
        }
        if (page) {
            pageEdges(start, text.length());
        }
    }

    /**
     * Marks where text-box paragraphs stand in the text collected so far (the first unmarked
     * occurrence of each); one not found is appended as a line of its own.
     */
    void textBoxes(List<String> paragraphs) {
        int from = 0;
        for (String p : paragraphs) {
            String t = p.strip();
            if (t.isEmpty()) {
                continue;
            }
            int at = text.indexOf(t, from);
            if (at < 0) {
                newline();
                at = text.length();
                characters(t.toCharArray(), 0, t.length());
                newline();
            }
            zones.add(new ZoneSpan(Zone.TEXT_BOX, at, at + t.length()));
            from = at + t.length();
        }
    }

    /** Adds document properties as lines of their own in a property zone. */
    void properties(List<String> lines) {
        newline();
        bodyEnd = text.length();
        for (String line : lines) {
            int start = text.length();
            String clean = line.replace('\n', ' ').replace('\r', ' ');
            text.append(clean);
            zones.add(new ZoneSpan(Zone.PROPERTY, start, text.length()));
            text.append('\n');
        }
    }

    /** The collected text as a unit; the last two lines count as footer (where Tika puts docx footers). */
    TextUnit toUnit(String innerPath, String fileName) {
        String s = text.toString();
        List<ZoneSpan> all = new ArrayList<>(zones);
        int end = bodyEnd >= 0 ? bodyEnd : s.length();
        for (int k = 0; k < PAGE_EDGE_LINES && end > 0; k++) {
            int e = end;
            while (e > 0 && Character.isWhitespace(s.charAt(e - 1))) {
                e--;
            }
            int b = s.lastIndexOf('\n', e - 1) + 1;
            if (e > b) {
                all.add(new ZoneSpan(Zone.FOOTER, b, e));
            }
            end = b;
        }
        return new TextUnit(innerPath, fileName, s, all);
    }
}
