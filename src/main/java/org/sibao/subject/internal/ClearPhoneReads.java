package org.sibao.subject.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.audit.AuditLog;
import org.springframework.stereotype.Component;

/**
 * The audit trail of contact phones read in clear: whoever sees them unmasked ({@link PersonalData#visibleInClear})
 * leaves one entry per page, detail or export naming the subjects whose phones were shown. Masked reads are not
 * recorded; the phones themselves never enter the log.
 */
@Component
class ClearPhoneReads {

    static final String ACTION = "subject.phone.read";

    private final AuditLog audit;

    ClearPhoneReads(AuditLog audit) {
        this.audit = audit;
    }

    /** A page or a detail: the subjects shown that have a phone. */
    void shown(CurrentUser user, List<SubjectRecord> shown, String via) {
        if (!PersonalData.visibleInClear(user)) {
            return;
        }
        List<String> ids = shown.stream().filter(r -> r.contactPhone() != null && !r.contactPhone().isBlank())
                .map(SubjectRecord::id).toList();
        if (ids.isEmpty()) {
            return;
        }
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("via", via);
        what.put("count", ids.size());
        what.put("subjectIds", ids);
        audit.record(ACTION, "Subject", ids.size() == 1 ? ids.get(0) : null, user.regionCode(), null, what);
    }

    /** An export: the filter it was taken with (its rows are streamed after the answer starts). */
    void exported(CurrentUser user, SubjectFilter filter) {
        if (!PersonalData.visibleInClear(user)) {
            return;
        }
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("via", "export");
        what.put("filter", String.valueOf(filter));
        audit.record(ACTION, "Subject", null, user.regionCode(), null, what);
    }
}
