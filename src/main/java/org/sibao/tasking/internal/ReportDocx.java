package org.sibao.tasking.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTOnOff;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.sibao.tasking.internal.Report.Section;

/**
 * A report as a Word document: the title (style Title-like Heading1), one Heading2 and one table per section.
 * Heading styles are declared in the document so that Word's navigation pane and table of contents see them.
 */
final class ReportDocx {

    static final String HEADING_1 = "Heading1";
    static final String HEADING_2 = "Heading2";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String FONT = "SimSun";
    /** The text width of an A4 page with Word's default margins, in twentieths of a point. */
    private static final int TEXT_WIDTH_TWIPS = 9026;

    private ReportDocx() {
    }

    static byte[] write(Report r, String metaLine) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFStyles styles = doc.createStyles();
            normal(styles);
            heading(styles, HEADING_1, "heading 1", 1);
            heading(styles, HEADING_2, "heading 2", 2);

            XWPFParagraph title = doc.createParagraph();
            title.setStyle(HEADING_1);
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, r.title(), true, 18);

            XWPFParagraph meta = doc.createParagraph();
            meta.setAlignment(ParagraphAlignment.CENTER);
            run(meta, metaLine, false, 10);

            for (Section s : r.sections()) {
                XWPFParagraph h = doc.createParagraph();
                h.setStyle(HEADING_2);
                run(h, s.title(), true, 14);
                if (s.note() != null && !s.note().isBlank()) {
                    run(doc.createParagraph(), s.note(), false, 10);
                }
                table(doc, s.columns(), s.rows());
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fileName(Report r) {
        return r.title().replaceAll("[\\\\/:*?\"<>|\\s]+", "_") + ".docx";
    }

    static String generated(Report r) {
        return r.generatedAt().format(TIME);
    }

    private static void table(XWPFDocument doc, List<String> columns, List<List<String>> rows) {
        XWPFTable t = doc.createTable(rows.size() + 1, columns.size());
        t.setWidth("100%");
        // the column grid the schema requires of every table (Word fills it in; strict readers refuse a table without)
        CTTblGrid grid = t.getCTTbl().getTblGrid() != null ? t.getCTTbl().getTblGrid() : t.getCTTbl().addNewTblGrid();
        for (int c = grid.sizeOfGridColArray(); c < columns.size(); c++) {
            grid.addNewGridCol().setW(BigInteger.valueOf(TEXT_WIDTH_TWIPS / columns.size()));
        }
        fill(t.getRow(0), columns, true);
        for (int i = 0; i < rows.size(); i++) {
            fill(t.getRow(i + 1), rows.get(i), false);
        }
        doc.createParagraph();
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean header) {
        for (int c = 0; c < cells.size() && c < row.getTableCells().size(); c++) {
            XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
            run(p, cells.get(c), header, 10);
        }
    }

    private static void run(XWPFParagraph p, String text, boolean bold, int size) {
        XWPFRun run = p.createRun();
        // in the schema's order: fonts, bold, size
        run.setFontFamily(FONT);
        run.setBold(bold);
        run.setFontSize(size);
        run.setText(text == null ? "" : text);
    }

    /** The default paragraph style every paragraph without one has (readers look it up by its id). */
    private static void normal(XWPFStyles styles) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId("Normal");
        ct.setDefault(true);
        CTString n = CTString.Factory.newInstance();
        n.setVal("Normal");
        ct.setName(n);
        ct.setQFormat(CTOnOff.Factory.newInstance());
        ct.setType(STStyleType.PARAGRAPH);
        styles.addStyle(new XWPFStyle(ct));
    }

    private static void heading(XWPFStyles styles, String id, String name, int level) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        CTString n = CTString.Factory.newInstance();
        n.setVal(name);
        ct.setName(n);
        CTDecimalNumber priority = CTDecimalNumber.Factory.newInstance();
        priority.setVal(BigInteger.valueOf(9));
        ct.setUiPriority(priority);
        ct.setQFormat(CTOnOff.Factory.newInstance());
        ct.setType(STStyleType.PARAGRAPH);
        CTDecimalNumber outline = CTDecimalNumber.Factory.newInstance();
        outline.setVal(BigInteger.valueOf(level - 1));
        ct.addNewPPr().setOutlineLvl(outline);
        XWPFStyle style = new XWPFStyle(ct);
        style.setType(STStyleType.PARAGRAPH);
        styles.addStyle(style);
    }
}
