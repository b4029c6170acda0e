package org.sibao.appeal.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.sibao.appeal.OverdueKind;

/** An appeal as the API shows it (API.md "Appeals"). */
record AppealView(String id, String enterpriseId, String enterpriseName, String regionCode, String sector,
        String category, String title, String description, String urgency, boolean major, String status,
        String filedBy, OffsetDateTime filedAt, String handlerRegionCode, String departmentCode,
        String assignedRegionCode, String clusterId, Integer dueDays, OffsetDateTime assignDueAt,
        OffsetDateTime responseDueAt, OffsetDateTime resolutionDueAt, boolean overdue, String overdueKind,
        OffsetDateTime assignedAt, OffsetDateTime acceptedAt, OffsetDateTime resolvedAt, OffsetDateTime closedAt,
        String result, int reopenCount, int escalationCount, List<String> escalationChain, List<History> history,
        List<CallbackView> callbacks, List<AttachmentView> attachments) {

    record History(String action, String by, OffsetDateTime at, String note, String fromStatus, String status) {
    }

    record CallbackView(OffsetDateTime at, String by, String channel, boolean solved, String satisfaction,
            String comment) {
    }

    record AttachmentView(String id, String fileName, String contentType, long size, String uploadedBy,
            OffsetDateTime uploadedAt) {
    }

    /** A list row: no history, call-backs or attachments. */
    static AppealView summary(AppealRow a, OffsetDateTime now) {
        return of(a, now, List.of(), List.of(), List.of());
    }

    static AppealView of(AppealRow a, OffsetDateTime now, List<AppealRepository.HistoryEntry> history,
            List<AppealRepository.Callback> callbacks, List<AppealRepository.Attachment> attachments) {
        OverdueKind overdue = a.overdueAt(now);
        List<String> chain = new ArrayList<>();
        chain.add(a.regionCode());
        for (AppealRepository.HistoryEntry h : history) {
            if ("ESCALATED".equals(h.action()) && h.handlerRegionCode() != null) {
                chain.add(h.handlerRegionCode());
            }
        }
        return new AppealView(a.id(), a.enterpriseId(), a.enterpriseName(), a.regionCode(), a.sector(),
                a.category().name(), a.title(), a.description(), a.urgency().name(), a.major(), a.status().name(),
                a.filedBy(), a.filedAt(), a.handlerRegionCode(), a.departmentCode(), a.assignedRegionCode(),
                a.clusterId(), a.dueDays(), a.assignDueAt(), a.responseDueAt(), a.resolutionDueAt(), overdue != null,
                overdue == null ? null : overdue.name(), a.assignedAt(), a.acceptedAt(), a.resolvedAt(), a.closedAt(),
                a.result(), a.reopenCount(), a.escalationCount(), history.isEmpty() ? List.of() : chain,
                history.stream().map(h -> new History(h.action(), h.by(), h.at(), h.note(), h.fromStatus(), h.status())).toList(),
                callbacks.stream().map(c -> new CallbackView(c.at(), c.by(), c.channel(), c.solved(),
                        c.satisfaction().name(), c.comment())).toList(),
                attachments.stream().map(x -> new AttachmentView(x.id(), x.fileName(), x.contentType(), x.size(),
                        x.uploadedBy(), x.uploadedAt())).toList());
    }
}
