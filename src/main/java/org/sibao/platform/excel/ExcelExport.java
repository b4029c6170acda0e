package org.sibao.platform.excel;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

import org.sibao.platform.BusinessClock;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import jakarta.servlet.http.HttpServletResponse;

/**
 * What every list export shares: times as people read them ({@code yyyy-MM-dd HH:mm} in Asia/Shanghai), all pages
 * of a paged list query pulled lazily (at most {@link #MAX_ROWS}), and the download written to the response on the
 * request's thread (so the signed-in user's scope and locale apply to every page read).
 *
 * <pre>{@code
 * Iterable<Pass> all = ExcelExport.allPages(page -> passes.passes(status, null, page), ExcelExport.MAX_ROWS);
 * ExcelExport.send(response, "passes.xlsx", ExcelWorkbook.create().sheet("通行证", headers, ExcelExport.rows(all, this::row)));
 * }</pre>
 */
public final class ExcelExport {

    /** The most rows one export writes. */
    public static final int MAX_ROWS = 100_000;

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int PAGE = PageQuery.MAX_SIZE;

    private ExcelExport() {
    }

    /** {@code 2026-12-08 02:55} in Asia/Shanghai; empty for null. */
    public static String time(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(BusinessClock.ZONE).format(MINUTES);
    }

    /** {@code 2026-12-08 02:55} in Asia/Shanghai; empty for null. */
    public static String time(Instant t) {
        return t == null ? "" : t.atZone(BusinessClock.ZONE).format(MINUTES);
    }

    /** An ISO date ({@code 2026-12-08}); empty for null. */
    public static String date(java.time.LocalDate d) {
        return d == null ? "" : d.toString();
    }

    /**
     * Every item of a paged query, read page by page of {@value PageQuery#MAX_SIZE} while iterating, at most
     * {@code max}. The first page is read at once, so a refused filter fails before anything is written.
     */
    public static <T> Iterable<T> allPages(Function<PageQuery, PageResult<T>> query, int max) {
        PageResult<T> first = query.apply(new PageQuery(0, PAGE));
        return () -> new Iterator<>() {
            private PageResult<T> current = first;
            private int index;
            private int served;

            @Override
            public boolean hasNext() {
                if (served >= max) {
                    return false;
                }
                if (index < current.items().size()) {
                    return true;
                }
                if (current.items().size() < PAGE || (long) (current.page() + 1) * PAGE >= current.total()) {
                    return false;
                }
                current = query.apply(new PageQuery(current.page() + 1, PAGE));
                index = 0;
                return !current.items().isEmpty();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                served++;
                return current.items().get(index++);
            }
        };
    }

    /** Column headers: the messages {@code <prefix><key>} of the keys, in the request's locale. */
    public static List<String> headers(org.sibao.platform.Messages messages, String prefix, String... keys) {
        return java.util.Arrays.stream(keys).map(k -> messages.get(prefix + k)).toList();
    }

    /** The items as sheet rows, mapped while the sheet is written. */
    public static <T> Iterable<List<?>> rows(Iterable<T> items, Function<? super T, ? extends List<?>> row) {
        return () -> new Iterator<>() {
            private final Iterator<T> it = items.iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public List<?> next() {
                return row.apply(it.next());
            }
        };
    }

    /** Writes the workbook as an .xlsx attachment named {@code fileName} (ASCII). */
    public static void send(HttpServletResponse response, String fileName, ExcelWorkbook workbook) throws IOException {
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        workbook.write(response.getOutputStream());
        response.flushBuffer();
    }
}
