package org.sibao.platform.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes .xlsx files of one or more sheets, each a header row and data rows, streaming (SXSSF keeps only a
 * window of rows in memory), so exports of any size fit in a small heap. Numbers stay numbers in Excel.
 *
 * <pre>{@code
 * ExcelWorkbook.create().sheet("导出", headers, rows).write(out);
 * }</pre>
 */
public final class ExcelWorkbook {

    /** A sheet to write: rows are pulled lazily while writing. */
    private record SheetSpec(String name, List<String> headers, Iterable<? extends List<?>> rows) {
    }

    private static final int MAX_COLUMN_WIDTH = 60 * 256;

    private final List<SheetSpec> sheets = new ArrayList<>();

    private ExcelWorkbook() {
    }

    public static ExcelWorkbook create() {
        return new ExcelWorkbook();
    }

    public ExcelWorkbook sheet(String name, List<String> headers, Iterable<? extends List<?>> rows) {
        sheets.add(new SheetSpec(name, List.copyOf(headers), rows));
        return this;
    }

    public void write(OutputStream out) {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            CellStyle headerStyle = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            headerStyle.setFont(bold);
            headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            for (SheetSpec spec : sheets) {
                SXSSFSheet sheet = wb.createSheet(spec.name());
                Row header = sheet.createRow(0);
                for (int c = 0; c < spec.headers().size(); c++) {
                    Cell cell = header.createCell(c);
                    cell.setCellValue(spec.headers().get(c));
                    cell.setCellStyle(headerStyle);
                    // CJK text needs about two character widths per character
                    sheet.setColumnWidth(c, Math.min(MAX_COLUMN_WIDTH, Math.max(10, spec.headers().get(c).length() * 2 + 4) * 256));
                }
                sheet.createFreezePane(0, 1);
                int r = 1;
                for (List<?> values : spec.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        setValue(row.createCell(c), values.get(c));
                    }
                }
            }
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                wb.close();
            } catch (IOException ignored) {
                // the temporary files are gone or will be removed on exit; nothing to recover
            }
        }
    }

    private static void setValue(Cell cell, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof BigDecimal d) {
            cell.setCellValue(d.doubleValue());
        } else if (v instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (v instanceof Boolean b) {
            cell.setCellValue(b);
        } else if (v instanceof TemporalAccessor t) {
            cell.setCellValue(t.toString());
        } else {
            cell.setCellValue(v.toString());
        }
    }
}
