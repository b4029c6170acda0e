package org.sibao.appeal.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sibao.appeal.AppealStatus;
import org.sibao.identity.CurrentUser;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.FieldProblem;
import org.sibao.platform.Ids;
import org.sibao.platform.Validation;
import org.sibao.platform.audit.AuditLog;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Attachments of an appeal, stored in the module's own table: pdf, jpg, png, docx, xlsx up to 10 MB. The type is
 * judged by the file name's extension and confirmed by the content's leading bytes, never by the client's header.
 * The API sends one file a request ({@code file}); the web form sends several ({@code files}), and their problems
 * name each file.
 */
@Component
class AppealAttachments {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int MAX_MB = 10;
    /** Files one web form may send at once. */
    static final int MAX_FILES = 10;

    private static final Map<String, String> TYPES = Map.of(
            "pdf", "application/pdf",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "png", "image/png",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** A file that passed the checks: its cleaned name, its content type and its bytes. */
    private record Upload(String fileName, String contentType, byte[] content) {
    }

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

    /** One file over the API: 404 outside the scope, 403 for others than the filer, triage HQ and handler. */
    @Transactional
    AppealRepository.Attachment add(String appealId, MultipartFile file) {
        AppealRow a = attachable(appealId);
        if (file == null || file.isEmpty()) {
            throw ApiException.invalid("file", "validation.required");
        }
        Validation v = new Validation();
        Upload upload = check(file, v, "file", false);
        v.throwIfInvalid();
        return store(a, upload);
    }

    /** Several files from the detail page, all or none: each problem names its file (field {@code files}). */
    @Transactional
    List<AppealRepository.Attachment> addAll(String appealId, List<MultipartFile> files) {
        AppealRow a = attachable(appealId);
        List<MultipartFile> chosen = chosen(files);
        Validation v = new Validation();
        v.check(!chosen.isEmpty(), "files", "appeal.validation.noFiles");
        List<Upload> uploads = checkAll(chosen, v);
        v.throwIfInvalid();
        return uploads.stream().map(u -> store(a, u)).toList();
    }

    /**
     * Files an appeal together with its attachments (the web form) in one transaction: when a field or a file is
     * invalid nothing is stored, and the problems of both are reported together.
     */
    @Transactional
    AppealRow fileWith(AppealInputs.FileAppeal in, List<MultipartFile> files) {
        Validation v = new Validation();
        List<Upload> uploads = checkAll(chosen(files), v);
        AppealRow filed;
        try {
            filed = service.file(in);
        } catch (ApiException e) {
            if (!v.hasProblems() || e.errors().isEmpty()) {
                throw e;
            }
            List<FieldProblem> all = new ArrayList<>(e.errors());
            all.addAll(v.problems());
            throw ApiException.invalid(all);
        }
        v.throwIfInvalid();
        uploads.forEach(u -> store(filed, u));
        return filed;
    }

    /** The content of an attachment of an appeal in the caller's scope (404 otherwise), as a download. */
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> download(String appealId, String attachmentId) {
        AppealRow a = service.get(appealId);
        AppealRepository.Attachment meta = repository.attachments(a.id()).stream()
                .filter(x -> x.id().equals(attachmentId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("attachment", attachmentId));
        byte[] content = repository.attachmentContent(a.id(), attachmentId).orElseThrow();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, meta.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(meta.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    /** Who may attach: the filer, the triage HQ and the handler, while the appeal is not finished. */
    static boolean mayAttach(CurrentUser user, AppealRow a) {
        return AppealAccess.isFiler(user, a) || AppealAccess.isTriageHq(user, a) || AppealAccess.isHandler(user, a);
    }

    static boolean acceptsAttachments(AppealStatus s) {
        return s != AppealStatus.CLOSED && s != AppealStatus.WITHDRAWN && s != AppealStatus.REJECTED;
    }

    private AppealRow attachable(String appealId) {
        AppealRow a = service.get(appealId);
        if (!mayAttach(CurrentUser.get(), a)) {
            throw ApiException.forbidden("appeal.error.mayNotAttach");
        }
        if (!acceptsAttachments(a.status())) {
            throw AppealService.illegal(a, "ATTACH");
        }
        return a;
    }

    /** The parts a person chose: a form's file input sends one empty, nameless part when nothing was chosen. */
    private static List<MultipartFile> chosen(List<MultipartFile> files) {
        return files == null ? List.of() : files.stream()
                .filter(f -> f != null && !(f.isEmpty() && name(f).isEmpty())).toList();
    }

    private static List<Upload> checkAll(List<MultipartFile> files, Validation v) {
        v.check(files.size() <= MAX_FILES, "files", "appeal.validation.tooManyFiles", MAX_FILES);
        List<Upload> out = new ArrayList<>();
        for (MultipartFile f : files) {
            Upload u = check(f, v, "files", true);
            if (u != null) {
                out.add(u);
            }
        }
        return out;
    }

    /** The checked file, or null with its problem recorded on {@code field} (naming the file when {@code named}). */
    private static Upload check(MultipartFile file, Validation v, String field, boolean named) {
        String name = name(file);
        if (file.isEmpty()) {
            v.reject(field, "appeal.validation.fileEmptyOf", name);
            return null;
        }
        if (file.getSize() > MAX_BYTES) {
            if (named) {
                v.reject(field, "appeal.validation.fileTooLargeOf", name, MAX_MB);
            } else {
                v.reject(field, "appeal.validation.fileTooLarge", MAX_MB);
            }
            return null;
        }
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = TYPES.get(ext);
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (type == null || !matches(ext, content)) {
            if (named) {
                v.reject(field, "appeal.validation.fileTypeOf", name);
            } else {
                v.reject(field, "appeal.validation.fileType");
            }
            return null;
        }
        return new Upload(name.length() > 255 ? name.substring(name.length() - 255) : name, type, content);
    }

    private static String name(MultipartFile file) {
        return file.getOriginalFilename() == null ? "" : file.getOriginalFilename().replaceAll("[\\\\/]", "_").trim();
    }

    private AppealRepository.Attachment store(AppealRow a, Upload u) {
        AppealRepository.Attachment att = new AppealRepository.Attachment(Ids.newId(), u.fileName(), u.contentType(),
                u.content().length, CurrentUser.get().username(), clock.nowOffset());
        repository.addAttachment(a.id(), att, u.content());
        audit.record("appeal.attach", "appeal", a.id(), a.regionCode(), null,
                Map.of("attachmentId", att.id(), "fileName", u.fileName(), "size", u.content().length));
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
