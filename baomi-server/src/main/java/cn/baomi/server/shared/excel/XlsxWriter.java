package cn.baomi.server.shared.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes .xlsx as a stream (SXSSF: only a window of rows stays in memory, the rest goes to a temporary file that
 * {@link #close()} deletes). Each sheet starts with a bold, frozen header row. Text is always written as a string
 * cell, so a value such as {@code =cmd|…} is never taken for a formula. Used by every export and template.
 */
public final class XlsxWriter implements AutoCloseable {

    private static final int WINDOW = 200;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final CellStyle header;
    private final CellStyle date;
    private final CellStyle text;
    private SXSSFSheet sheet;
    private int next;

    public XlsxWriter() {
        workbook.setCompressTempFiles(true);
        header = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        text = workbook.createCellStyle();
        text.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("@"));
    }

    /**
     * Starts a sheet with its header row. With {@code textColumns} every column is formatted as text, so that
     * Excel keeps what a user types into a template (a date, a number with leading zeros) as typed.
     */
    public XlsxWriter sheet(String name, List<String> headers, boolean textColumns) {
        sheet = workbook.createSheet(name);
        next = 0;
        Row row = sheet.createRow(next++);
        for (int i = 0; i < headers.size(); i++) {
            row.createCell(i).setCellValue(headers.get(i));
            row.getCell(i).setCellStyle(header);
            sheet.setColumnWidth(i, Math.min(60, Math.max(10, headers.get(i).length() * 3 + 4)) * 256);
            if (textColumns) {
                sheet.setDefaultColumnStyle(i, text);
            }
        }
        sheet.createFreezePane(0, 1);
        return this;
    }

    /** One row; a cell is a String, a Number, a LocalDate or null (left empty). */
    public XlsxWriter row(Object... cells) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < cells.length; i++) {
            Object value = cells[i];
            if (value instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (value instanceof LocalDate d) {
                row.createCell(i).setCellValue(d);
                row.getCell(i).setCellStyle(date);
            } else if (value != null) {
                row.createCell(i).setCellValue(value.toString());
            }
        }
        return this;
    }

    public void writeTo(OutputStream out) {
        try {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }
}
