import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Benchmark (b) corpus: COUNT files, a third each docx (header, table, ~40 CJK paragraphs), xlsx
 * (120 rows x 8 cells) and pdf (3 pages of ASCII text: no CJK font is available to PDFBox here).
 * One file in ten carries a marking. Deterministic. Usage: GenOfficeCorpus OUT_DIR COUNT
 */
public class GenOfficeCorpus {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Files.createDirectories(out);
        Random rnd = new Random(20261123);
        for (int i = 0; i < count; i++) {
            boolean marked = i % 10 == 0;
            switch (i % 3) {
                case 0 -> write(out.resolve(String.format("doc%05d.docx", i)), o -> docx(o, rnd, marked));
                case 1 -> write(out.resolve(String.format("sheet%05d.xlsx", i)), o -> xlsx(o, rnd, marked));
                default -> write(out.resolve(String.format("pdf%05d.pdf", i)), o -> pdf(o, rnd, marked));
            }
        }
    }

    interface Body {
        void write(OutputStream o) throws IOException;
    }

    static void write(Path p, Body b) throws IOException {
        try (OutputStream o = Files.newOutputStream(p)) {
            b.write(o);
        }
    }

    static String cjk(Random rnd, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) (0x4E00 + rnd.nextInt(3500)));
        }
        return sb.toString();
    }

    static void docx(OutputStream o, Random rnd, boolean marked) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFHeaderFooterPolicy policy = doc.createHeaderFooterPolicy();
            policy.createHeader(XWPFHeaderFooterPolicy.DEFAULT).createParagraph().createRun()
                    .setText(marked ? "机密★5年" : "某某单位");
            XWPFTable t = doc.createTable(3, 3);
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    t.getRow(r).getCell(c).setText(cjk(rnd, 6));
                }
            }
            for (int p = 0; p < 40; p++) {
                doc.createParagraph().createRun().setText(cjk(rnd, 80) + "。联系电话1380013" + (1000 + rnd.nextInt(9000)));
            }
            doc.write(o);
        }
    }

    static void xlsx(OutputStream o, Random rnd, boolean marked) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("表1");
            for (int r = 0; r < 120; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < 8; c++) {
                    row.createCell(c).setCellValue(r == 0 && c == 0 && marked ? "秘密★1年" : cjk(rnd, 8));
                }
            }
            wb.write(o);
        }
    }

    static void pdf(OutputStream o, Random rnd, boolean marked) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int page = 0; page < 3; page++) {
                PDPage p = new PDPage();
                doc.addPage(p);
                try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
                    cs.beginText();
                    cs.setFont(font, 10);
                    cs.newLineAtOffset(50, 740);
                    for (int line = 0; line < 40; line++) {
                        StringBuilder sb = new StringBuilder();
                        if (marked && page == 0 && line == 0) {
                            sb.append("Contact 13800138000 ID 11010519491231002X");
                        } else {
                            for (int w = 0; w < 12; w++) {
                                sb.append((char) ('a' + rnd.nextInt(26))).append((char) ('a' + rnd.nextInt(26)))
                                        .append((char) ('a' + rnd.nextInt(26))).append(' ');
                            }
                        }
                        cs.showText(sb.toString());
                        cs.newLineAtOffset(0, -16);
                    }
                    cs.endText();
                }
            }
            doc.save(o);
        }
    }
}
