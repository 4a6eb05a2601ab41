package cn.baomi.server.shared.excel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import cn.baomi.server.shared.BusinessRuleViolation;

/**
 * Reads the first sheet of an uploaded .xlsx as text, safely: the file size, the rows and the columns are capped,
 * the zip is opened from a temporary file and the sheet read as a SAX stream (never the whole workbook model), zip
 * bombs are refused by POI's inflate ratio and entry size guards, and an encrypted, old-format, corrupt or non-Excel file is refused with a rule violation
 * on the field {@code file} whose message says what is wrong. Every later import (personnel roster …) uses this.
 */
public final class XlsxReader {

    /** What one upload may hold. {@code maxRows} counts the data rows below the header row. */
    public record Limits(long maxBytes, int maxRows, int maxColumns, int maxCellChars) {

        public static Limits standard() {
            return new Limits(5L * 1024 * 1024, 10_000, 40, 1_000);
        }
    }

    /** A row of the sheet: its number as Excel shows it (from 1) and its cells as text, "" when empty. */
    public record Row(int number, List<String> cells) {

        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }

        public boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    public static final String FIELD = "file";
    private static final long MAX_ENTRY_BYTES = 50L * 1024 * 1024;

    static {
        // an entry that inflates more than 100 times, or past 50 MB, is a zip bomb
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private XlsxReader() {
    }

    /** The header row and the data rows (blank rows left out) of the first sheet. */
    public static List<Row> read(byte[] file, Limits limits) {
        if (file == null || file.length == 0) {
            throw new BusinessRuleViolation(FIELD, "excel.empty");
        }
        if (file.length > limits.maxBytes()) {
            throw new BusinessRuleViolation(FIELD, "excel.tooLarge", limits.maxBytes() / (1024 * 1024));
        }
        FileMagic magic;
        try {
            magic = FileMagic.valueOf(new ByteArrayInputStream(file));
        } catch (IOException e) {
            throw new BusinessRuleViolation(FIELD, "excel.notXlsx");
        }
        if (magic == FileMagic.OLE2) {
            throw new BusinessRuleViolation(FIELD, isEncrypted(file) ? "excel.encrypted" : "excel.oldFormat");
        }
        if (magic != FileMagic.OOXML) {
            throw new BusinessRuleViolation(FIELD, "excel.notXlsx");
        }
        // opened as a file, the zip is read entry by entry on demand instead of being unpacked into memory
        try (TempFile temp = new TempFile(file)) {
            OPCPackage pkg = OPCPackage.open(temp.path.toFile(), PackageAccess.READ);
            try {
                return rows(pkg, limits);
            } finally {
                pkg.revert();
            }
        } catch (TooManyRows e) {
            throw new BusinessRuleViolation(FIELD, "excel.tooManyRows", limits.maxRows());
        } catch (EncryptedDocumentException e) {
            throw new BusinessRuleViolation(FIELD, "excel.encrypted");
        } catch (BusinessRuleViolation e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                 | IllegalStateException | IllegalArgumentException
                 | org.apache.poi.ooxml.POIXMLException e) {
            // includes POI's zip bomb refusal (an IOException) and files that are zips but not workbooks
            throw new BusinessRuleViolation(FIELD, "excel.corrupt");
        }
    }

    private static List<Row> rows(OPCPackage pkg, Limits limits)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        XSSFReader reader = new XSSFReader(pkg);
        ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        if (!sheets.hasNext()) {
            throw new BusinessRuleViolation(FIELD, "excel.corrupt");
        }
        Collector collector = new Collector(limits);
        try (InputStream sheet = sheets.next()) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, collector,
                    new DataFormatter(), false));
            parser.parse(new InputSource(sheet));
        }
        return collector.rows;
    }

    /** The upload as a temporary file, deleted when closed. */
    private static final class TempFile implements AutoCloseable {
        private final Path path;

        TempFile(byte[] bytes) throws IOException {
            path = Files.createTempFile("baomi-upload-", ".xlsx");
            Files.write(path, bytes);
        }

        @Override
        public void close() throws IOException {
            Files.deleteIfExists(path);
        }
    }

    private static boolean isEncrypted(byte[] file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(file))) {
            return fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    /** Keeps the rows as text, at most {@code maxColumns} cells each, each cut at {@code maxCellChars}. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final Limits limits;
        private final List<Row> rows = new ArrayList<>();
        private List<String> current;
        private int rowNumber;

        Collector(Limits limits) {
            this.limits = limits;
        }

        @Override
        public void startRow(int rowNum) {
            rowNumber = rowNum + 1;
            current = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            Row row = new Row(rowNumber, List.copyOf(current));
            if (!row.blank() || rows.isEmpty()) {
                if (rows.size() > limits.maxRows()) {
                    throw new TooManyRows();
                }
                rows.add(row);
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? current.size() : new CellReference(reference).getCol();
            if (column >= limits.maxColumns()) {
                return;
            }
            while (current.size() < column) {
                current.add("");
            }
            String text = value == null ? "" : value.strip();
            current.add(text.length() > limits.maxCellChars() ? text.substring(0, limits.maxCellChars()) : text);
        }
    }
}
