package org.sibao.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A downloaded .xlsx export opened with Apache POI: checks that it came as an attachment with an ASCII file name
 * and gives every sheet as rows of cell texts (header first), for assertions on real content.
 */
public final class Xlsx {

    private final List<String> sheetNames = new ArrayList<>();
    private final List<List<List<String>>> sheets = new ArrayList<>();
    private final String fileName;

    private Xlsx(byte[] bytes, String fileName) {
        this.fileName = fileName;
        DataFormatter fmt = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            for (Sheet sheet : wb) {
                sheetNames.add(sheet.getSheetName());
                List<List<String>> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : fmt.formatCellValue(cell));
                    }
                    rows.add(cells);
                }
                sheets.add(rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The download as an export: 200, the .xlsx type, an attachment named {@code <stem>….xlsx} in ASCII. */
    public static Xlsx of(HttpResponse<byte[]> download, String fileStem) {
        assertThat(download.statusCode()).as(new String(download.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String disposition = download.headers().firstValue("Content-Disposition").orElse("");
        assertThat(disposition).startsWith("attachment").contains("filename=\"" + fileStem).contains(".xlsx\"")
                .matches("\\p{ASCII}*");
        return new Xlsx(download.body(), disposition);
    }

    public List<String> sheetNames() {
        return sheetNames;
    }

    /** The sheet's header row. */
    public List<String> headers(int sheet) {
        return sheets.get(sheet).get(0);
    }

    /** The sheet's data rows (below the header). */
    public List<List<String>> rows(int sheet) {
        List<List<String>> all = sheets.get(sheet);
        return all.subList(1, all.size());
    }

    /** The first data row of the sheet with a cell equal to {@code text}, or fails. */
    public List<String> row(int sheet, String text) {
        return rows(sheet).stream().filter(r -> r.contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + text + " in " + rows(sheet)));
    }

    /** The cell of {@code row} under the header {@code header} of the sheet. */
    public String cell(int sheet, List<String> row, String header) {
        int c = headers(sheet).indexOf(header);
        assertThat(c).as("header " + header + " in " + headers(sheet)).isNotNegative();
        return c < row.size() ? row.get(c) : "";
    }

    /** Every cell text of the sheet's data rows under the header. */
    public List<String> column(int sheet, String header) {
        int c = headers(sheet).indexOf(header);
        assertThat(c).as("header " + header + " in " + headers(sheet)).isNotNegative();
        return rows(sheet).stream().map(r -> c < r.size() ? r.get(c) : "").toList();
    }

    public String fileName() {
        return fileName;
    }
}
