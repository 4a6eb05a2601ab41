package cn.baomi.scan.extract;

import cn.baomi.scan.text.TextUnit;
import cn.baomi.scan.text.ZoneSpan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/** The extraction of one top-level file and everything nested in it. */
final class Session {

    private static final Set<String> PROPERTY_KEYS = Set.of("dc:title", "dc:subject", "dc:description",
            "cp:category", "cp:contentStatus", "pdf:docinfo:title", "pdf:docinfo:subject", "pdf:docinfo:keywords");

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String DOCM = "application/vnd.ms-word.document.macroenabled.12";
    private final TikaEngine tika;
    private final Budget budget;
    private final Consumer<TextUnit> sink;
    private final OcrRunner ocr;
    private final Set<String> problems = new LinkedHashSet<>();

    /** {@code ocr} null: no OCR. */
    Session(TikaEngine tika, Budget budget, Consumer<TextUnit> sink, OcrRunner ocr) {
        this.tika = tika;
        this.budget = budget;
        this.sink = sink;
        this.ocr = ocr;
    }

    boolean ocrEnabled() {
        return ocr != null;
    }

    Budget budget() {
        return budget;
    }

    void problem(String message) {
        problems.add(message);
    }

    List<String> problems() {
        if (budget.tripped() != null) {
            problems.add(budget.tripped());
        }
        return new ArrayList<>(problems);
    }

    /** Parses one document (top-level or embedded) into a unit; never throws except on a tripped limit. */
    void parse(TikaInputStream tis, String innerPath, String fileName, int depth) {
        UnitHandler handler = new UnitHandler(budget);
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        String where = innerPath.isEmpty() ? "" : ": " + innerPath;
        StringBuilder plain = null;
        List<ZoneSpan> ofdZones = null;
        try {
            String type = tika.detect(tis, metadata);
            int rar = RarArchive.version(head(tis));
            if (fileName.toLowerCase(Locale.ROOT).endsWith(".ofd") && OfdText.isOfd(tis.getFile())) {
                plain = new StringBuilder();
                ofdZones = new ArrayList<>();
                OfdText.read(tis.getFile(), budget, plain, ofdZones);
            } else if (type.equals("text/plain")) {
                plain = new StringBuilder();
                PlainText.read(tis, budget, plain);
            } else if (ocr != null && OcrRunner.isImage(type)) {
                recognise(() -> handler.recognised(ocr.image(tis.getPath(), budget), false), where);
            } else if (rar > 0) {
                RarArchive.read(rar, tis.getPath(), this, new EmbeddedDocs(this, innerPath, depth + 1), where);
            } else {
                tika.parser().parse(tis, handler, metadata, tika.context(new EmbeddedDocs(this, innerPath, depth + 1)));
                if (type.equals(DOCX) || type.equals(DOCM)) {
                    handler.textBoxes(DocxTextBoxes.read(tis.getPath(), budget));
                }
                if (ocr != null && type.equals("application/pdf")) {
                    recognise(() -> ocr.pdfPages(tis.getPath(), budget, page -> handler.recognised(page, true)), where);
                }
            }
        } catch (LimitException e) {
            emit(handler, plain, ofdZones, metadata, innerPath, fileName);
            throw e;
        } catch (ZeroByteFileException e) {
            // an empty file holds nothing to report
        } catch (StackOverflowError e) {
            problem("结构嵌套过深，无法解析 (structure too deep to parse)" + where);
        } catch (Exception e) {
            LimitException limit = cause(e, LimitException.class);
            if (limit != null) {
                emit(handler, plain, ofdZones, metadata, innerPath, fileName);
                throw limit;
            }
            if (cause(e, EncryptedDocumentException.class) != null
                    || cause(e, org.apache.poi.EncryptedDocumentException.class) != null) {
                problem("文件已加密，无法检查内容 (encrypted)" + where);
            } else {
                problem("无法解析 (cannot parse)" + where + ": " + rootMessage(e));
            }
        }
        emit(handler, plain, ofdZones, metadata, innerPath, fileName);
    }

    private interface Recognition {
        void run() throws OcrRunner.Failure, java.io.IOException;
    }

    /** Runs an OCR step; its failure (too large, timed out) is reported and the scan goes on. */
    private void recognise(Recognition step, String where) throws java.io.IOException {
        try {
            step.run();
        } catch (OcrRunner.Failure e) {
            problem(e.getMessage() + where);
        }
    }

    private static byte[] head(TikaInputStream tis) throws java.io.IOException {
        tis.mark(16);
        try {
            return tis.readNBytes(8);
        } finally {
            tis.reset();
        }
    }

    private void emit(UnitHandler handler, StringBuilder plain, List<ZoneSpan> zones, Metadata metadata,
                      String innerPath, String fileName) {
        if (plain != null) {
            sink.accept(new TextUnit(innerPath, fileName, plain.toString(), zones == null ? List.of() : zones));
            return;
        }
        handler.properties(properties(metadata));
        sink.accept(handler.toUnit(innerPath, fileName));
    }

    private static List<String> properties(Metadata metadata) {
        List<String> lines = new ArrayList<>();
        for (String name : metadata.names()) {
            boolean custom = name.startsWith("custom:");
            if (!custom && !PROPERTY_KEYS.contains(name)) {
                continue;
            }
            for (String value : metadata.getValues(name)) {
                if (value != null && !value.isBlank() && value.length() < 2000) {
                    lines.add(custom ? name.substring(7) + "：" + value : value);
                }
            }
        }
        return lines;
    }

    static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        Throwable t = e;
        for (int i = 0; t != null && i < 20; i++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            t = t.getCause();
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + (m.length() > 200 ? m.substring(0, 200) : m));
    }
}
