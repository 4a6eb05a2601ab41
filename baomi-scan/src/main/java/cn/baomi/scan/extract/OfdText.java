package cn.baomi.scan.extract;

import cn.baomi.scan.text.Zone;
import cn.baomi.scan.text.ZoneSpan;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * OFD (GB/T 33190), which Tika only sees as a zip: streams every Doc_N/Pages/Page_M/Content.xml in
 * page order with StAX and collects the TextCode elements, starting a new line whenever the
 * vertical position changes. Nothing is unpacked to disk; entries, expanded bytes and characters
 * are charged to the budget. The first and last lines of each page count as header and footer.
 */
final class OfdText {

    private static final Pattern CONTENT = Pattern.compile("(?i)Doc_(\\d+)/Pages/Page_(\\d+)/Content\\.xml");
    private static final XMLInputFactory XML = secureFactory();

    private OfdText() {
    }

    /** True when the zip holds an OFD.xml at its root. */
    static boolean isOfd(File zip) {
        try (ZipFile z = new ZipFile(zip)) {
            return z.getEntry("OFD.xml") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Appends the text of all pages to {@code text}; on a tripped limit what was read stays there. */
    static void read(File file, Budget budget, StringBuilder text, List<ZoneSpan> zones) throws IOException {
        try (ZipFile zip = new ZipFile(file)) {
            List<ZipEntry> pages = new ArrayList<>();
            for (var e = zip.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                if (CONTENT.matcher(entry.getName()).matches()) {
                    pages.add(entry);
                }
            }
            pages.sort(Comparator.comparingLong((ZipEntry e) -> number(e, 1)).thenComparingLong(e -> number(e, 2)));
            for (ZipEntry page : pages) {
                budget.entry();
                int start = text.length();
                try (InputStream in = new CountingInputStream(zip.getInputStream(page), budget)) {
                    page(in, text, budget);
                } catch (XMLStreamException e) {
                    throw new IOException("OFD 页面无法解析 (bad OFD page) " + page.getName() + ": " + e.getMessage(), e);
                }
                pageEdges(text, start, zones);
            }
        }
    }

    private static long number(ZipEntry e, int group) {
        Matcher m = CONTENT.matcher(e.getName());
        return m.matches() ? Long.parseLong(m.group(group).length() > 9 ? "999999999" : m.group(group)) : 0;
    }

    private static void page(InputStream in, StringBuilder text, Budget budget) throws XMLStreamException {
        XMLStreamReader r = XML.createXMLStreamReader(in);
        try {
            String lastY = null;
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("TextCode")) {
                    String y = r.getAttributeValue(null, "Y");
                    String s = r.getElementText();
                    if (lastY != null && !lastY.equals(y)) {
                        text.append('\n');
                    }
                    lastY = y;
                    long left = budget.charsLeft();
                    text.append(s, 0, (int) Math.min(s.length(), Math.max(0, left)));
                    budget.chars(s.length() + 1);
                }
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
        } finally {
            r.close();
        }
    }

    private static void pageEdges(StringBuilder text, int start, List<ZoneSpan> zones) {
        List<int[]> lines = new ArrayList<>();
        int i = start;
        while (i < text.length()) {
            int nl = text.indexOf("\n", i);
            int e = nl < 0 ? text.length() : nl;
            if (e > i) {
                lines.add(new int[] {i, e});
            }
            i = e + 1;
        }
        for (int k = 0; k < lines.size(); k++) {
            if (k < 2) {
                zones.add(new ZoneSpan(Zone.HEADER, lines.get(k)[0], lines.get(k)[1]));
            } else if (k >= lines.size() - 2) {
                zones.add(new ZoneSpan(Zone.FOOTER, lines.get(k)[0], lines.get(k)[1]));
            }
        }
    }

    static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }
}
