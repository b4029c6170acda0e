package org.sibao.platform.excel;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.sibao.platform.ApiException;

/**
 * Reads the first sheet of an .xlsx (or .xls) file: the first row names the columns, every following non-blank
 * row becomes a map from header to cell text (trimmed; numbers without grouping or exponent, dates as ISO
 * {@code yyyy-MM-dd}). Row numbers are those Excel shows (header = 1), for error reports.
 */
public final class ExcelReader {

    /** One data row: its Excel row number and its cells by header. */
    public record ExcelRow(int rowNumber, Map<String, String> values) {

        public String get(String header) {
            String v = values.get(header);
            return v == null || v.isBlank() ? null : v;
        }
    }

    private ExcelReader() {
    }

    /**
     * @param maxRows rows beyond this are refused (400 on {@code file}), to keep one upload bounded
     */
    public static List<ExcelRow> read(InputStream in, int maxRows) {
        try (Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter(java.util.Locale.ROOT);
            Row headerRow = sheet.getRow(sheet.getFirstRowNum());
            if (headerRow == null) {
                throw ApiException.invalid("file", "excel.empty");
            }
            List<String> headers = new ArrayList<>();
            for (int c = 0; c < headerRow.getLastCellNum(); c++) {
                headers.add(text(headerRow.getCell(c), fmt));
            }
            List<ExcelRow> rows = new ArrayList<>();
            for (int r = headerRow.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                boolean blank = true;
                for (int c = 0; c < headers.size(); c++) {
                    String v = text(row.getCell(c), fmt);
                    if (!headers.get(c).isEmpty()) {
                        values.put(headers.get(c), v);
                    }
                    blank &= v.isEmpty();
                }
                if (blank) {
                    continue;
                }
                if (rows.size() >= maxRows) {
                    throw ApiException.invalid("file", "excel.tooManyRows", maxRows);
                }
                rows.add(new ExcelRow(r + 1, values));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.invalid("file", "excel.unreadable");
        }
    }

    private static String text(Cell cell, DataFormatter fmt) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate().toString();
            }
            return new java.math.BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
        }
        if (type == CellType.BOOLEAN) {
            return Boolean.toString(cell.getBooleanCellValue());
        }
        return fmt.formatCellValue(cell).trim();
    }
}
