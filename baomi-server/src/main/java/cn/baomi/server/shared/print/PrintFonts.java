package cn.baomi.server.shared.print;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.baomi.server.shared.BusinessRuleViolation;

/**
 * The Chinese font every printed PDF embeds (docs/decisions/printing.md): the TrueType font or collection named by
 * {@code baomi.print.font}, else the first of the free Chinese fonts found where Debian installs them
 * ({@code fonts-wqy-microhei}, {@code fonts-wqy-zenhei}, {@code fonts-arphic-uming}). Only the glyphs used are
 * embedded (a subset). Without any such font a print is refused with a message saying what to install.
 */
@Component
public class PrintFonts {

    static final List<String> SYSTEM_FONTS = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc");

    private final String configured;

    public PrintFonts(@Value("${baomi.print.font:}") String configured) {
        this.configured = configured == null ? "" : configured.strip();
    }

    /** The font file in use, if any. */
    public Optional<File> file() {
        List<String> candidates = new ArrayList<>();
        if (!configured.isEmpty()) {
            candidates.add(configured);
        } else {
            candidates.addAll(SYSTEM_FONTS);
        }
        return candidates.stream().map(File::new).filter(File::canRead).findFirst();
    }

    /** Loads the font for one document; the returned handle must stay open until the document is saved. */
    Loaded load(PDDocument document) {
        File file = file().orElseThrow(() -> BusinessRuleViolation.of("print.noFont"));
        try {
            if (file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(file);
                AtomicReference<TrueTypeFont> first = new AtomicReference<>();
                collection.processAllFonts(f -> first.compareAndSet(null, f));
                return new Loaded(PDType0Font.load(document, first.get(), true), collection);
            }
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(file));
            return new Loaded(PDType0Font.load(document, font, true), font);
        } catch (IOException | RuntimeException e) {
            throw BusinessRuleViolation.of("print.badFont", file.getPath());
        }
    }

    /** A font loaded into a document, and what must be closed once the document is saved. */
    record Loaded(PDType0Font font, Closeable source) {
    }
}
