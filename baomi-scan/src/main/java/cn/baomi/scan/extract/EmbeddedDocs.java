package cn.baomi.scan.extract;

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
 * than the depth limit.
 */
final class EmbeddedDocs implements EmbeddedDocumentExtractor {

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
        String type = metadata.get(Metadata.CONTENT_TYPE);
        String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        if (type != null && (type.startsWith("image/") || type.startsWith("font/") || type.startsWith("audio/")
                || type.startsWith("video/"))) {
            return false;
        }
        return name == null || !name.toLowerCase(Locale.ROOT)
                .matches(".*\\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|ttf|otf|woff2?|mp3|mp4|wav|avi)$");
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler ignored, Metadata metadata, boolean outputHtml) {
        Budget budget = session.budget();
        budget.entry();
        String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        if (name == null || name.isBlank()) {
            name = "embedded-" + (++unnamed);
        }
        String innerPath = parentPath.isEmpty() ? name : parentPath + "!/" + name;
        if (depth > budget.limits().maxDepth()) {
            session.problem("嵌套超过 " + budget.limits().maxDepth() + " 层，未检查 (nested deeper than the limit): " + innerPath);
            return;
        }
        InputStream counted = new CountingInputStream(CloseShieldInputStream.wrap(stream), budget);
        try (TikaInputStream tis = TikaInputStream.get(counted)) {
            session.parse(tis, innerPath, baseName(name), depth);
        } catch (java.io.IOException e) {
            session.problem("无法读取 (cannot read): " + innerPath + ": " + e.getMessage());
        }
    }

    private static String baseName(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return slash >= 0 ? name.substring(slash + 1) : name;
    }

}
