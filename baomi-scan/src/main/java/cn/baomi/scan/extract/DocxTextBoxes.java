package cn.baomi.scan.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The paragraphs inside text boxes of a docx body ({@code w:txbxContent}, skipping the VML copy
 * Word writes as {@code mc:Fallback}). Tika 3.3 emits text-box text as ordinary paragraphs, so
 * without this a marking in a text box deep in the page would not count as prominent.
 */
final class DocxTextBoxes {

    private static final XMLInputFactory XML = OfdText.secureFactory();
    private static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    private DocxTextBoxes() {
    }

    static List<String> read(Path docx, Budget budget) throws IOException {
        try (ZipFile zip = new ZipFile(docx.toFile())) {
            ZipEntry body = zip.getEntry("word/document.xml");
            if (body == null) {
                return List.of();
            }
            try (InputStream in = new CountingInputStream(zip.getInputStream(body), budget)) {
                return paragraphs(XML.createXMLStreamReader(in));
            } catch (XMLStreamException e) {
                return List.of(); // Tika has parsed (or reported) the body already
            }
        }
    }

    private static List<String> paragraphs(XMLStreamReader r) throws XMLStreamException {
        List<String> out = new ArrayList<>();
        int box = 0;
        int fallback = 0;
        StringBuilder para = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                if (name.equals("Fallback") && MC.equals(r.getNamespaceURI())) {
                    fallback++;
                } else if (name.equals("txbxContent")) {
                    box++;
                } else if (box > 0 && fallback == 0 && name.equals("p")) {
                    para = new StringBuilder();
                } else if (para != null && name.equals("t")) {
                    para.append(r.getElementText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = r.getLocalName();
                if (name.equals("p") && para != null) {
                    if (!para.isEmpty()) {
                        out.add(para.toString());
                    }
                    para = null;
                } else if (name.equals("txbxContent")) {
                    box--;
                } else if (name.equals("Fallback") && MC.equals(r.getNamespaceURI())) {
                    fallback--;
                }
            }
        }
        return out;
    }
}
