package cn.baomi.server.shared.print;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.baomi.server.shared.BusinessRuleViolation;

/**
 * The Chinese font every printed PDF embeds (docs/decisions/printing.md): Noto Sans SC Regular, a TrueType font that
 * the build unpacks from a Maven Central artifact into the application ({@link #BUNDLED}), or the TrueType font or
 * collection named by {@code baomi.print.font} instead. Nothing is looked up on the server's file system unless
 * configured, so no font package needs to be installed. Only the glyphs used are embedded (a subset).
 */
@Component
public class PrintFonts {

    /** Where the bundled font lies on the class path (see the maven-dependency-plugin in baomi-server/pom.xml). */
    static final String BUNDLED = "fonts/NotoSansSC-Regular.ttf";

    private final String configured;
    private volatile UnambiguousCmap.Result bundled;

    public PrintFonts(@Value("${baomi.print.font:}") String configured) {
        this.configured = configured == null ? "" : configured.strip();
    }

    /** Loads the font for one document; the returned handle must stay open until the document is saved. */
    Loaded load(PDDocument document) {
        if (configured.isEmpty()) {
            try {
                UnambiguousCmap.Result patched = bundled();
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(patched.font()));
                return new Loaded(PDType0Font.load(document, font, true), font, patched.aliases());
            } catch (IOException e) {
                throw new UncheckedIOException("the bundled font " + BUNDLED + " cannot be read", e);
            }
        }
        File file = new File(configured);
        if (!file.isFile() || !file.canRead()) {
            throw BusinessRuleViolation.of("print.noFont", configured);
        }
        try {
            if (file.getName().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(file);
                AtomicReference<TrueTypeFont> first = new AtomicReference<>();
                collection.processAllFonts(f -> first.compareAndSet(null, f));
                return new Loaded(PDType0Font.load(document, first.get(), true), collection, Map.of());
            }
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(file));
            return new Loaded(PDType0Font.load(document, font, true), font, Map.of());
        } catch (IOException | RuntimeException e) {
            throw BusinessRuleViolation.of("print.badFont", file.getPath());
        }
    }

    /**
     * The bundled font file, read from the class path once (about 10 MB) with its cmap made unambiguous
     * ({@link UnambiguousCmap}), then parsed per document.
     */
    private UnambiguousCmap.Result bundled() throws IOException {
        UnambiguousCmap.Result font = bundled;
        if (font == null) {
            try (InputStream in = PrintFonts.class.getClassLoader().getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IOException("not on the class path: the build unpacks it (baomi-server/pom.xml)");
                }
                font = UnambiguousCmap.of(in.readAllBytes());
            }
            bundled = font;
        }
        return font;
    }

    /**
     * A font loaded into a document, what must be closed once the document is saved, and the characters it draws
     * with another character's glyph (see {@link UnambiguousCmap}).
     */
    record Loaded(PDType0Font font, Closeable source, Map<Integer, Integer> aliases) {
    }
}
