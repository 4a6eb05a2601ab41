package cn.baomi.scan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** Builds the binary test corpus in code: office files, PDFs, archives and hostile files. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A docx with optional header, footer, first table cell and body paragraphs (null = absent). */
    public static byte[] docx(String header, String footer, String firstCell, String... body) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFHeaderFooterPolicy policy = doc.createHeaderFooterPolicy();
            if (header != null) {
                policy.createHeader(XWPFHeaderFooterPolicy.DEFAULT).createParagraph().createRun().setText(header);
            }
            if (footer != null) {
                policy.createFooter(XWPFHeaderFooterPolicy.DEFAULT).createParagraph().createRun().setText(footer);
            }
            if (firstCell != null) {
                XWPFTable table = doc.createTable(2, 2);
                table.getRow(0).getCell(0).setText(firstCell);
                table.getRow(0).getCell(1).setText("标题");
                table.getRow(1).getCell(0).setText("正文");
            }
            for (String p : body) {
                XWPFParagraph para = doc.createParagraph();
                para.createRun().setText(p);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** An xlsx whose first sheet holds the given cells row by row. */
    public static byte[] xlsx(String[][] rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Sheet1");
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** A PDF of ASCII lines (the standard fonts have no CJK glyphs), optionally encrypted. */
    public static byte[] pdf(String userPassword, String... lines) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(50, 700);
                for (String line : lines) {
                    cs.showText(line);
                    cs.newLineAtOffset(0, -16);
                }
                cs.endText();
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + userPassword, userPassword,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A zip of named entries. */
    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A zip nested {@code depth} times around a text file that carries a marking. */
    public static byte[] nestedZip(int depth, String innerText) throws IOException {
        byte[] current = zip(Map.of("inner.txt", innerText.getBytes(StandardCharsets.UTF_8)));
        for (int i = 1; i < depth; i++) {
            current = zip(Map.of("level" + i + ".zip", current));
        }
        return current;
    }

    /** A zip whose entries expand to {@code entries} × {@code entryBytes} bytes of zeros. */
    public static byte[] zipBomb(int entries, long entryBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            byte[] chunk = new byte[1 << 16];
            for (int i = 0; i < entries; i++) {
                zip.putNextEntry(new ZipEntry("zeros" + i + ".txt"));
                writeZeros(zip, entryBytes, chunk);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void writeZeros(OutputStream out, long n, byte[] chunk) throws IOException {
        java.util.Arrays.fill(chunk, (byte) '0');
        long left = n;
        while (left > 0) {
            int k = (int) Math.min(chunk.length, left);
            out.write(chunk, 0, k);
            left -= k;
        }
    }

    /** A minimal OFD (GB/T 33190) package: one page whose TextCode elements hold the given lines. */
    public static byte[] ofd(String... lines) throws IOException {
        StringBuilder page = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Content><ofd:Layer ID=\"1\">");
        int y = 20;
        for (String line : lines) {
            int x = 10;
            for (String part : line.split("(?<=\\G.{4})")) {
                page.append("<ofd:TextObject ID=\"2\" Boundary=\"0 0 100 10\" Font=\"3\" Size=\"4\">")
                        .append("<ofd:TextCode X=\"").append(x).append("\" Y=\"").append(y).append("\">")
                        .append(part.replace("&", "&amp;").replace("<", "&lt;")).append("</ofd:TextCode></ofd:TextObject>");
                x += 20;
            }
            y += 12;
        }
        page.append("</ofd:Layer></ofd:Content></ofd:Page>");
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("OFD.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" "
                + "Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
                + "</ofd:DocBody></ofd:OFD>").getBytes(StandardCharsets.UTF_8));
        entries.put("Doc_0/Document.xml", "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"
                .getBytes(StandardCharsets.UTF_8));
        entries.put("Doc_0/Pages/Page_0/Content.xml", page.toString().getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    /** An xls (BIFF8) whose first sheet holds the given cells row by row. */
    public static byte[] xls(String[][] rows) throws IOException {
        try (var wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Sheet1");
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** A docx encrypted with a password (Office agile encryption, as Word's "encrypt with password"). */
    public static byte[] encryptedDocx(String password) throws IOException {
        byte[] plain = docx(null, null, null, "机密★5年", "正文");
        try (var fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var info = new org.apache.poi.poifs.crypt.EncryptionInfo(org.apache.poi.poifs.crypt.EncryptionMode.agile);
            var encryptor = info.getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(plain);
            } catch (java.security.GeneralSecurityException e) {
                throw new IOException(e);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** A docx cut in half: the zip's central directory is missing. */
    public static byte[] corruptDocx() throws IOException {
        byte[] ok = docx(null, null, null, "机密★5年", "正文");
        return java.util.Arrays.copyOf(ok, ok.length / 2);
    }

    /**
     * A docx with a text box holding {@code boxText} anchored in the paragraph before
     * {@code body[before]}, written as Word 2010+ writes one: a DrawingML shape ({@code wps:txbx})
     * with a VML fallback.
     */
    public static byte[] docxWithTextBox(String boxText, int before, String... body) throws IOException {
        byte[] plain = docx(null, null, null, body);
        String content = "<w:txbxContent><w:p><w:r><w:t>" + boxText + "</w:t></w:r></w:p></w:txbxContent>";
        String box = "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
                + "<wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" relativeHeight=\"1\" "
                + "behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\"><wp:simplePos x=\"0\" y=\"0\"/>"
                + "<wp:positionH relativeFrom=\"page\"><wp:posOffset>5000000</wp:posOffset></wp:positionH>"
                + "<wp:positionV relativeFrom=\"page\"><wp:posOffset>300000</wp:posOffset></wp:positionV>"
                + "<wp:extent cx=\"1500000\" cy=\"400000\"/><wp:wrapNone/><wp:docPr id=\"1\" name=\"Text Box 1\"/>"
                + "<a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
                + "<wps:wsp><wps:cNvSpPr txBox=\"1\"/><wps:spPr/><wps:txbx>" + content + "</wps:txbx><wps:bodyPr/></wps:wsp>"
                + "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
                + "<v:shape id=\"tb1\" type=\"#_x0000_t202\" style=\"width:120pt;height:30pt\"><v:textbox>" + content
                + "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>";
        String ns = "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
                + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
                + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                + "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
                + "xmlns:v=\"urn:schemas-microsoft-com:vml\" mc:Ignorable=\"wps\" ";
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var zin = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(plain))) {
            for (var e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                byte[] data = zin.readAllBytes();
                if (e.getName().equals("word/document.xml")) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    xml = xml.replaceFirst("<w:document ", "<w:document " + ns);
                    int at = xml.indexOf(body[before]);
                    int p = Math.max(xml.lastIndexOf("<w:p>", at), xml.lastIndexOf("<w:p ", at));
                    xml = xml.substring(0, p) + box + xml.substring(p);
                    data = xml.getBytes(StandardCharsets.UTF_8);
                }
                entries.put(e.getName(), data);
            }
        }
        return zip(entries);
    }
}
