package org.sibao.platform.audit;

import java.time.OffsetDateTime;

import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;

/**
 * The append-only audit log: who changed what, when, with the state before and after. Entries are written in
 * the caller's transaction, so a change and its audit record commit or roll back together. Callers pass
 * views with personal data already masked: an ID number or phone never reaches the log in clear.
 */
public interface AuditLog {

    void record(String action, String entityType, String entityId, Object before, Object after);

    /** Same as {@link #record} with the region the entity belongs to, for region-filtered audit views. */
    void record(String action, String entityType, String entityId, String regionCode, Object before, Object after);

    PageResult<AuditEntry> search(AuditFilter filter, PageQuery page);

    record AuditEntry(long id, OffsetDateTime at, String actor, String action, String entityType, String entityId,
            String regionCode, String before, String after) {
    }

    /**
     * @param regionPrefix only entries whose region code starts with it (null: every entry, including those
     *                     without a region)
     */
    record AuditFilter(String actor, String action, String entityType, String entityId, OffsetDateTime from,
            OffsetDateTime to, String regionPrefix) {

        public AuditFilter(String actor, String action, String entityType, String entityId, OffsetDateTime from,
                OffsetDateTime to) {
            this(actor, action, entityType, entityId, from, to, null);
        }
    }
}
