package cn.baomi.scan.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.xml.sax.ContentHandler;

/**
 * Parses archive entries and attachments as text units of their own, with their inner path
 * ("a.zip!/b/c.docx"), charging entries and expanded bytes to the budget and refusing to go deeper
 * than the depth limit. Images are skipped unless OCR is on; fonts, audio and video always.
 */
final class EmbeddedDocs implements EmbeddedDocumentExtractor {

    private static final String MEDIA = ".*\\.(gif|emf|wmf|svg|ttf|otf|woff2?|mp3|mp4|wav|avi)$";
    private static final String IMAGES = ".*\\.(png|jpe?g|bmp|tiff?)$";
    private final Session session;
    private final String parentPath;
    private final int depth;
    private int unnamed;

    EmbeddedDocs(Session session, String parentPath, int depth) {
        this.session = session;
        this.parentPath = parentPath;
        this.depth = depth;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        return wanted(metadata.get(Metadata.CONTENT_TYPE), metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY));
    }

    /** False for media that holds no text we read: images (unless OCR is on), fonts, audio, video. */
    boolean wanted(String type, String name) {
        boolean ocr = session.ocrEnabled();
        if (type != null) {
            if (type.startsWith("image/")) {
                return ocr && OcrRunner.isImage(type);
            }
            if (type.startsWith("font/") || type.startsWith("audio/") || type.startsWith("video/")) {
                return false;
            }
        }
        if (name == null) {
            return true;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return !lower.matches(MEDIA) && (ocr || !lower.matches(IMAGES));
    }

    /**
     * The names {@link #wanted} refuses when no type is known, as one regular expression for the
     * lower-cased name (for an archive reader in another process).
     */
    String unwantedNames() {
        return session.ocrEnabled() ? MEDIA : "(?:" + MEDIA + ")|(?:" + IMAGES + ")";
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler ignored, Metadata metadata, boolean outputHtml) {
        String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        String innerPath = enter(name);
        if (innerPath == null) {
            return;
        }
        InputStream counted = new CountingInputStream(CloseShieldInputStream.wrap(stream), session.budget());
        try (TikaInputStream tis = TikaInputStream.get(counted)) {
            session.parse(tis, innerPath, baseName(innerPath), depth);
        } catch (IOException e) {
            session.problem("无法读取 (cannot read): " + innerPath + ": " + e.getMessage());
        }
    }

    /**
     * Charges one entry and returns its inner path, or null (reported) when it lies deeper than
     * the depth limit.
     */
    String enter(String name) {
        Budget budget = session.budget();
        budget.entry();
        String n = name == null || name.isBlank() ? "embedded-" + (++unnamed) : name;
        String innerPath = parentPath.isEmpty() ? n : parentPath + "!/" + n;
        if (depth > budget.limits().maxDepth()) {
            session.problem("嵌套超过 " + budget.limits().maxDepth() + " 层，未检查 (nested deeper than the limit): " + innerPath);
            return null;
        }
        return innerPath;
    }

    /** Parses an entry already extracted (and charged) by an archive reader of our own. */
    void parseExtracted(TikaInputStream tis, String innerPath) {
        session.parse(tis, innerPath, baseName(innerPath), depth);
    }

    static String baseName(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return slash >= 0 ? name.substring(slash + 1) : name;
    }
}
