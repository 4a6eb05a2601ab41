package cn.baomi.scan.extract;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.detect.Detector;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
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

    private final AutoDetectParser parser;
    private final Detector detector;

    TikaEngine() {
        this(new AutoDetectParser());
    }

    /** For tests: a parser of one's own (a stuck one, say). */
    TikaEngine(AutoDetectParser parser) {
        this.parser = parser;
        this.detector = parser.getDetector();
    }

    /** The media type without parameters ("text/plain", "image/png", "application/pdf"). */
    String detect(InputStream markable, Metadata metadata) throws IOException {
        return detector.detect(markable, metadata).getBaseType().toString();
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
