package org.sibao.appeal.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.sibao.platform.BusinessClock;
import org.sibao.platform.Messages;
import org.sibao.platform.excel.ExcelExport;
import org.sibao.platform.excel.ExcelWorkbook;
import org.sibao.region.Department;
import org.sibao.region.RegionService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The ledger (台账): a filtered appeal list as an .xlsx sheet with Chinese headers and labels. */
@Component
class AppealLedger {

    static final int MAX_ROWS = 50_000;

    private final AppealQueries queries;
    private final Messages messages;
    private final RegionService regions;
    private final BusinessClock clock;

    AppealLedger(AppealQueries queries, Messages messages, RegionService regions, BusinessClock clock) {
        this.queries = queries;
        this.messages = messages;
        this.regions = regions;
        this.clock = clock;
    }

    ResponseEntity<StreamingResponseBody> export(AppealQueries.Filter filter) {
        List<AppealRow> rows = queries.all(filter, MAX_ROWS);
        OffsetDateTime now = clock.nowOffset();
        List<String> headers = Arrays.stream(("id enterprise region category title urgency status handlerRegion department "
                + "filedAt responseDueAt resolutionDueAt overdue acceptedAt resolvedAt closedAt reopenCount escalationCount result")
                .split(" ")).map(k -> messages.get("appeal.ledger." + k)).toList();
        List<List<Object>> data = new ArrayList<>();
        for (AppealRow a : rows) {
            data.add(Arrays.asList(a.id(), a.enterpriseName(), regions.name(a.regionCode()),
                    messages.label(a.category()), a.title(), messages.label(a.urgency()), messages.label(a.status()),
                    regions.name(a.handlerRegionCode()),
                    a.departmentCode() == null ? "" : messages.label(Department.valueOf(a.departmentCode())),
                    ExcelExport.time(a.filedAt()), ExcelExport.time(a.responseDueAt()), ExcelExport.time(a.resolutionDueAt()),
                    messages.yesNo(a.overdueAt(now) != null), ExcelExport.time(a.acceptedAt()),
                    ExcelExport.time(a.resolvedAt()), ExcelExport.time(a.closedAt()), a.reopenCount(), a.escalationCount(), a.result()));
        }
        String file = "appeal-ledger-" + clock.today() + ".xlsx";
        StreamingResponseBody body = out -> ExcelWorkbook.create().sheet(messages.get("appeal.ledger.sheet"), headers, data).write(out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .header(HttpHeaders.CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .body(body);
    }

}
