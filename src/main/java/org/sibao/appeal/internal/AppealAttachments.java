package org.sibao.appeal.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import org.sibao.appeal.AppealStatus;
import org.sibao.identity.CurrentUser;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Ids;
import org.sibao.platform.audit.AuditLog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Attachments of an appeal, stored in the module's own table: pdf, jpg, png, docx, xlsx up to 10 MB. The type is
 * judged by the file name's extension and confirmed by the content's leading bytes, never by the client's header.
 */
@Component
class AppealAttachments {

    static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final Map<String, String> TYPES = Map.of(
            "pdf", "application/pdf",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "png", "image/png",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final AppealService service;
    private final AppealRepository repository;
    private final BusinessClock clock;
    private final AuditLog audit;

    AppealAttachments(AppealService service, AppealRepository repository, BusinessClock clock, AuditLog audit) {
        this.service = service;
        this.repository = repository;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    AppealRepository.Attachment add(String appealId, MultipartFile file) {
        CurrentUser user = CurrentUser.get();
        AppealRow a = service.get(appealId);
        if (!AppealAccess.isFiler(user, a) && !AppealAccess.isTriageHq(user, a) && !AppealAccess.isHandler(user, a)) {
            throw ApiException.forbidden("appeal.error.mayNotAttach");
        }
        if (a.status() == AppealStatus.CLOSED || a.status() == AppealStatus.WITHDRAWN || a.status() == AppealStatus.REJECTED) {
            throw ApiException.conflict("appeal.error.illegalTransition", "ATTACH", a.status().name());
        }
        if (file == null || file.isEmpty()) {
            throw ApiException.invalid("file", "validation.required");
        }
        if (file.getSize() > MAX_BYTES) {
            throw ApiException.invalid("file", "appeal.validation.fileTooLarge", 10);
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().replaceAll("[\\\\/]", "_").trim();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = TYPES.get(ext);
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (type == null || !matches(ext, content)) {
            throw ApiException.invalid("file", "appeal.validation.fileType");
        }
        if (name.length() > 255) {
            name = name.substring(name.length() - 255);
        }
        AppealRepository.Attachment att = new AppealRepository.Attachment(Ids.newId(), name, type, content.length,
                user.username(), clock.nowOffset());
        repository.addAttachment(a.id(), att, content);
        audit.record("appeal.attach", "appeal", a.id(), a.regionCode(), null,
                Map.of("attachmentId", att.id(), "fileName", name, "size", content.length));
        return att;
    }

    /** Leading bytes: %PDF, JPEG SOI, PNG signature, ZIP (docx and xlsx are ZIP containers). */
    static boolean matches(String ext, byte[] b) {
        switch (ext) {
            case "pdf":
                return startsWith(b, 0x25, 0x50, 0x44, 0x46);
            case "jpg":
            case "jpeg":
                return startsWith(b, 0xFF, 0xD8, 0xFF);
            case "png":
                return startsWith(b, 0x89, 0x50, 0x4E, 0x47);
            case "docx":
            case "xlsx":
                return startsWith(b, 0x50, 0x4B, 0x03, 0x04);
            default:
                return false;
        }
    }

    private static boolean startsWith(byte[] b, int... sig) {
        if (b.length < sig.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if ((b[i] & 0xFF) != sig[i]) {
                return false;
            }
        }
        return true;
    }
}
