package org.sibao.appeal.internal;

import java.time.OffsetDateTime;

import org.sibao.appeal.AppealCategory;
import org.sibao.appeal.AppealStatus;
import org.sibao.appeal.OverdueKind;
import org.sibao.appeal.Urgency;

/** One row of {@code appeal}. Times are in Asia/Shanghai. */
record AppealRow(String id, String enterpriseId, String enterpriseName, String regionCode, String sector,
        AppealCategory category, String title, String description, Urgency urgency, boolean major,
        AppealStatus status, String filedBy, String filedByRole, OffsetDateTime filedAt, String handlerRegionCode,
        String departmentCode, String assignedRegionCode, String clusterId, Integer dueDays,
        OffsetDateTime assignDueAt, OffsetDateTime responseDueAt, OffsetDateTime resolutionDueAt,
        OffsetDateTime assignedAt, OffsetDateTime acceptedAt, OffsetDateTime resolvedAt, OffsetDateTime closedAt,
        String result, int reopenCount, int escalationCount, int version) {

    /** The deadline this appeal has missed at {@code now}, if any (the same rules as {@code AppealSql.OVERDUE}). */
    OverdueKind overdueAt(OffsetDateTime now) {
        if ((status == AppealStatus.SUBMITTED || status == AppealStatus.ESCALATED
                || (status == AppealStatus.REOPENED && departmentCode == null))
                && assignDueAt != null) {
            if (urgency == Urgency.URGENT && responseDueAt != null && responseDueAt.isBefore(assignDueAt)
                    && now.isAfter(responseDueAt)) {
                return OverdueKind.RESPONSE;
            }
            return now.isAfter(assignDueAt) ? OverdueKind.ASSIGN : null;
        }
        if (status == AppealStatus.ASSIGNED && responseDueAt != null && now.isAfter(responseDueAt)) {
            return OverdueKind.RESPONSE;
        }
        if (((status == AppealStatus.ASSIGNED || status == AppealStatus.ACCEPTED || status == AppealStatus.REOPENED)
                && departmentCode != null || status == AppealStatus.MERGED)
                && resolutionDueAt != null && now.isAfter(resolutionDueAt)) {
            return OverdueKind.RESOLUTION;
        }
        return null;
    }

    /** A changed copy: {@code row.change().status(ACCEPTED).acceptedAt(now).done()}. */
    Change change() {
        return new Change(this);
    }


    /** The state a transition may change; identity and filing facts stay as filed. */
    static final class Change {

        private final AppealRow base;
        private boolean major;
        private AppealStatus status;
        private String handlerRegionCode;
        private String departmentCode;
        private String assignedRegionCode;
        private String clusterId;
        private Integer dueDays;
        private OffsetDateTime assignDueAt;
        private OffsetDateTime responseDueAt;
        private OffsetDateTime resolutionDueAt;
        private OffsetDateTime assignedAt;
        private OffsetDateTime acceptedAt;
        private OffsetDateTime resolvedAt;
        private OffsetDateTime closedAt;
        private String result;
        private int reopenCount;
        private int escalationCount;

        private Change(AppealRow r) {
            this.base = r;
            this.major = r.major();
            this.status = r.status();
            this.handlerRegionCode = r.handlerRegionCode();
            this.departmentCode = r.departmentCode();
            this.assignedRegionCode = r.assignedRegionCode();
            this.clusterId = r.clusterId();
            this.dueDays = r.dueDays();
            this.assignDueAt = r.assignDueAt();
            this.responseDueAt = r.responseDueAt();
            this.resolutionDueAt = r.resolutionDueAt();
            this.assignedAt = r.assignedAt();
            this.acceptedAt = r.acceptedAt();
            this.resolvedAt = r.resolvedAt();
            this.closedAt = r.closedAt();
            this.result = r.result();
            this.reopenCount = r.reopenCount();
            this.escalationCount = r.escalationCount();
        }

        Change major(boolean value) {
            this.major = value;
            return this;
        }

        Change status(AppealStatus value) {
            this.status = value;
            return this;
        }

        Change handlerRegionCode(String value) {
            this.handlerRegionCode = value;
            return this;
        }

        Change departmentCode(String value) {
            this.departmentCode = value;
            return this;
        }

        Change assignedRegionCode(String value) {
            this.assignedRegionCode = value;
            return this;
        }

        Change clusterId(String value) {
            this.clusterId = value;
            return this;
        }

        Change dueDays(Integer value) {
            this.dueDays = value;
            return this;
        }

        Change assignDueAt(OffsetDateTime value) {
            this.assignDueAt = value;
            return this;
        }

        Change responseDueAt(OffsetDateTime value) {
            this.responseDueAt = value;
            return this;
        }

        Change resolutionDueAt(OffsetDateTime value) {
            this.resolutionDueAt = value;
            return this;
        }

        Change assignedAt(OffsetDateTime value) {
            this.assignedAt = value;
            return this;
        }

        Change acceptedAt(OffsetDateTime value) {
            this.acceptedAt = value;
            return this;
        }

        Change resolvedAt(OffsetDateTime value) {
            this.resolvedAt = value;
            return this;
        }

        Change closedAt(OffsetDateTime value) {
            this.closedAt = value;
            return this;
        }

        Change result(String value) {
            this.result = value;
            return this;
        }

        Change reopenCount(int value) {
            this.reopenCount = value;
            return this;
        }

        Change escalationCount(int value) {
            this.escalationCount = value;
            return this;
        }

        AppealRow done() {
            return new AppealRow(base.id(), base.enterpriseId(), base.enterpriseName(), base.regionCode(), base.sector(), base.category(), base.title(), base.description(), base.urgency(), major, status, base.filedBy(), base.filedByRole(), base.filedAt(), handlerRegionCode, departmentCode, assignedRegionCode, clusterId, dueDays, assignDueAt, responseDueAt, resolutionDueAt, assignedAt, acceptedAt, resolvedAt, closedAt, result, reopenCount, escalationCount, base.version());
        }
    }
}
