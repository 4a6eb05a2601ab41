package cn.baomi.server.carrier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Workbooks for import tests: the template's header row and rows given as lists of cells. */
final class Workbooks {

    private Workbooks() {
    }

    static byte[] ledger(List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(ImportColumn.headers());
        all.addAll(rows);
        return xlsx(all);
    }

    static byte[] xlsx(List<List<String>> rows) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("台账");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first sheet of an .xlsx, as text. */
    static List<List<String>> read(byte[] xlsx) {
        try (Workbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One row in template order: title, document number, type, level, duration, copies, custodian, safe, place,
     * origin, origin name, channel, scope, unit.
     */
    static List<String> row(String title, String level, String duration, String copies, String custodian,
                            String scope) {
        return List.of(title, "发改〔2025〕7号", "纸介质", level, duration, copies, custodian, "", "机要室", "本单位制作", "",
                "", scope, "");
    }
}
