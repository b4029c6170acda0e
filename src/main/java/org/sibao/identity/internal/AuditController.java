package org.sibao.identity.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.Validation;
import org.sibao.platform.audit.AuditLog;
import org.sibao.platform.audit.AuditLog.AuditEntry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/audit}: the audit log for administrators, filtered by actor, action, entity and a
 * time range; a regional administrator sees the entries of their region only.
 */
@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/admin/audit")
    @PreAuthorize("hasRole('ADMIN')")
    PageResult<AuditEntry> search(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery paging = PageQuery.of(page, size); // first: a bad page is named with the filters
        return audit.search(filter(actor, action, entityType, entityId, from, to), paging);
    }

    /** The filter of the API and the web page, with the signed-in administrator's region applied. */
    static AuditLog.AuditFilter filter(String actor, String action, String entityType, String entityId, String from,
            String to) {
        Validation v = new Validation();
        OffsetDateTime start = time(from, false, "from", v);
        OffsetDateTime end = time(to, true, "to", v);
        v.throwIfInvalid();
        return new AuditLog.AuditFilter(actor, action, entityType, entityId, start, end,
                AuditScope.prefixFor(CurrentUser.get().regionPrefix()));
    }

    /**
     * An ISO time with offset, or a date (Asia/Shanghai): {@code from} a date means its start, {@code to} a date
     * means the end of that day, so that {@code from=to=2022-06-01} is the whole day.
     */
    private static OffsetDateTime time(String value, boolean endOfDay, String field, Validation v) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.trim();
        try {
            if (s.length() == 10) {
                LocalDate day = LocalDate.parse(s);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
            }
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            v.reject(field, "validation.dateTime");
            return null;
        }
    }
}
