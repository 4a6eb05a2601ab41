package cn.baomi.scan.extract;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.detect.Detector;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;

/**
 * One shared, thread-safe Tika parser, with Tika's own OCR always turned off: it would run by itself
 * whenever tesseract is on the PATH. OCR, when asked for, is done by {@link OcrRunner}.
 */
final class TikaEngine {

    /** A metadata key of our own; not a document property (Session lists only known property keys). */
    private static final String DETECTED = "baomi:detected-type";
    private final AutoDetectParser parser;
    private final Detector detector;

    TikaEngine() {
        this(new AutoDetectParser());
    }

    /** For tests: a parser of one's own (a stuck one, say). */
    TikaEngine(AutoDetectParser parser) {
        this.parser = parser;
        this.detector = parser.getDetector();
        parser.setDetector(new DetectedBefore(detector));
    }

    /**
     * The media type without parameters ("text/plain", "image/png", "application/pdf"). The full type is kept
     * in {@code metadata} for the parse that follows, so that the file is not detected a second time.
     */
    String detect(InputStream markable, Metadata metadata) throws IOException {
        MediaType type = detector.detect(markable, metadata);
        metadata.set(DETECTED, type.toString());
        return type.getBaseType().toString();
    }

    /**
     * The parser's detector: {@link AutoDetectParser#parse} detects the type of every document it is given, which
     * {@link #detect} has just done (reading the magic bytes and, for containers, opening the zip or OLE2
     * directory: ~10 % of the CPU per office file). The type found there is taken once; anything else (embedded
     * documents Tika's own parsers hand to the detector) is detected as usual.
     */
    private record DetectedBefore(Detector detector) implements Detector {
        @Override
        public MediaType detect(InputStream input, Metadata metadata) throws IOException {
            String known = metadata.get(DETECTED);
            if (known != null) {
                metadata.remove(DETECTED);
                return MediaType.parse(known);
            }
            return detector.detect(input, metadata);
        }
    }

    Parser parser() {
        return parser;
    }

    ParseContext context(EmbeddedDocumentExtractor embedded) {
        ParseContext context = new ParseContext();
        context.set(EmbeddedDocumentExtractor.class, embedded);
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        pdf.setExtractAnnotationText(true);
        context.set(PDFParserConfig.class, pdf);
        OfficeParserConfig office = new OfficeParserConfig();
        office.setUseSAXDocxExtractor(true);
        office.setUseSAXPptxExtractor(true);
        office.setIncludeHeadersAndFooters(true);
        office.setExtractMacros(false);
        context.set(OfficeParserConfig.class, office);
        context.set(Parser.class, parser);
        return context;
    }
}
