package org.sibao.subject.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.FieldProblem;
import org.sibao.platform.Ids;
import org.sibao.platform.Messages;
import org.sibao.platform.Validation;
import org.sibao.platform.audit.AuditLog;
import org.sibao.platform.excel.ExcelReader;
import org.sibao.platform.excel.ExcelReader.ExcelRow;
import org.sibao.platform.excel.ExcelWorkbook;
import org.sibao.platform.job.BackgroundJobs;
import org.sibao.platform.job.JobError;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.sibao.subject.IncidentKind;
import org.sibao.subject.OperationMode;
import org.sibao.subject.SubjectAttribute;
import org.sibao.subject.SubjectChanged;
import org.sibao.subject.SubjectFlag;
import org.sibao.subject.SubjectKind;
import org.sibao.subject.Uscc;
import org.sibao.subject.WhitelistStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Excel for subjects: the import template (Chinese headers, an example row, a sheet explaining the codes), the
 * import as a background job (valid rows saved in batches, invalid rows reported by row number with reasons) and
 * the export of any filtered list. Column headers are always the Chinese ones, so a file exported by one user
 * imports for another; enum cells take the code (ENTERPRISE) or its Chinese label (企业), and the export writes
 * the labels (incidents as {@code 弄虚作假 2020-09-23}, yes/no attributes as 是/否), so an export re-imports.
 */
@Component
class SubjectExcel {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String JOB_TYPE = "subject.import";
    static final int MAX_ROWS = 20_000;
    private static final int BATCH = 200;
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    /** The importable columns, in file order: field name (as the API names it). */
    static final List<String> FIELDS = List.of("uscc", "projectNo", "name", "kind", "regionCode", "sector",
            "industryCode", "address", "legalRepresentative", "contactPhone", "employees", "annualRevenue",
            "totalAssets", "outputValue", "totalInvestment", "annualInvestment", "flags", "incidents");

    private final SubjectService service;
    private final SubjectRepository repository;
    private final SubjectValidator validator;
    private final RegionService regions;
    private final Messages messages;
    private final BackgroundJobs jobs;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final BusinessClock clock;
    private final ClearPhoneReads phoneReads;

    SubjectExcel(SubjectService service, SubjectRepository repository, SubjectValidator validator,
            RegionService regions, Messages messages, BackgroundJobs jobs, TransactionTemplate tx, AuditLog audit,
            ApplicationEventPublisher events, BusinessClock clock, ClearPhoneReads phoneReads) {
        this.phoneReads = phoneReads;
        this.service = service;
        this.repository = repository;
        this.validator = validator;
        this.regions = regions;
        this.messages = messages;
        this.jobs = jobs;
        this.tx = tx;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---- headers ---------------------------------------------------------------------------------------------

    String header(String field) {
        return messages.get(ZH, "subject.field." + field);
    }

    String attributeHeader(SubjectAttribute a) {
        return messages.get(ZH, a.labelKey());
    }

    List<String> importHeaders() {
        List<String> h = new ArrayList<>(FIELDS.stream().map(this::header).toList());
        Arrays.stream(SubjectAttribute.values()).map(this::attributeHeader).forEach(h::add);
        return h;
    }

    // ---- template --------------------------------------------------------------------------------------------

    ResponseEntity<StreamingResponseBody> templateResponse() {
        CurrentUser user = CurrentUser.get();
        List<String> headers = importHeaders();
        String county = regions.countiesUnder(user.regionCode()).stream().findFirst().map(Region::code).orElse("410184");
        List<Object> example = List.of(Uscc.of("91", county, "MA9XKT8L0").value(), "", "示例食品有限公司",
                "ENTERPRISE", county, "INDUSTRY", "14", "示例路1号", "张三", "13812345678", 120, 3500, 2800, 4000, "", "",
                "SPECIALIZED", "SAFETY:2021-03-05", "false", "true", 12.5, "");
        List<List<?>> codes = new ArrayList<>();
        codes.add(List.of(header("kind"), codeList(SubjectKind.values())));
        codes.add(List.of(header("sector"), codeList(Sector.values())));
        codes.add(List.of(header("flags"), codeList(SubjectFlag.values()) + messages.get(ZH, "subject.template.multi")));
        codes.add(List.of(header("incidents"), codeList(IncidentKind.values()) + messages.get(ZH, "subject.template.incidents")));
        codes.add(List.of(header("uscc"), messages.get(ZH, "subject.template.uscc")));
        codes.add(List.of(header("projectNo"), messages.get(ZH, "subject.template.projectNo")));
        codes.add(List.of(header("industryCode"), messages.get(ZH, "subject.template.industry")));
        for (SubjectAttribute a : SubjectAttribute.values()) {
            codes.add(List.of(attributeHeader(a), messages.get(ZH, "subject.template.type." + a.type().name().toLowerCase(Locale.ROOT))));
        }
        List<List<?>> counties = regions.countiesUnder(user.regionCode()).stream()
                .map(r -> List.of(r.code(), r.name())).collect(Collectors.toList());
        List<List<?>> industries = regions.industries().stream().filter(i -> !i.section())
                .map(i -> List.of(i.code(), i.name(), i.sectionCode())).collect(Collectors.toList());
        StreamingResponseBody body = out -> ExcelWorkbook.create()
                .sheet(messages.get(ZH, "subject.template.sheet"), headers, List.of(example))
                .sheet(messages.get(ZH, "subject.template.codesSheet"),
                        List.of(messages.get(ZH, "subject.template.column"), messages.get(ZH, "subject.template.values")), codes)
                .sheet(messages.get(ZH, "subject.template.regionsSheet"),
                        List.of(header("regionCode"), messages.get(ZH, "subject.field.regionName")), counties)
                .sheet(messages.get(ZH, "subject.template.industriesSheet"),
                        List.of(header("industryCode"), messages.get(ZH, "subject.template.industryName"), "门类"), industries)
                .write(out);
        return download("subject-import-template.xlsx", messages.get(ZH, "subject.template.fileName"), body);
    }

    private String codeList(Enum<?>[] values) {
        return Arrays.stream(values).map(e -> e.name() + "=" + messages.get(ZH, "enum." + e.getDeclaringClass().getSimpleName() + "." + e.name()))
                .collect(Collectors.joining("，"));
    }

    // ---- export ----------------------------------------------------------------------------------------------

    ResponseEntity<StreamingResponseBody> exportResponse(SubjectFilter filter) {
        CurrentUser user = CurrentUser.get();
        boolean clear = PersonalData.visibleInClear(user);
        phoneReads.exported(user, filter);
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        List<String> headers = new ArrayList<>(List.of("ID"));
        headers.addAll(importHeaders());
        headers.add(messages.get(ZH, "subject.field.regionName"));
        headers.add(header("sizeClass"));
        headers.add(header("whitelistStatus"));
        headers.add(header("operationMode"));
        Iterable<SubjectRecord> records = service.export(filter);
        Iterable<List<Object>> rows = () -> new java.util.Iterator<>() {
            private final java.util.Iterator<SubjectRecord> it = records.iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public List<Object> next() {
                return exportRow(it.next(), clear, locale);
            }
        };
        StreamingResponseBody body = out -> ExcelWorkbook.create()
                .sheet(messages.get(ZH, "subject.export.sheet"), headers, rows).write(out);
        return download("subjects.xlsx", messages.get(ZH, "subject.export.fileName") + "-" + clock.today() + ".xlsx", body);
    }

    private List<Object> exportRow(SubjectRecord r, boolean clear, Locale locale) {
        List<Object> row = new ArrayList<>();
        row.add(r.id());
        row.add(r.uscc());
        row.add(r.projectNo());
        row.add(r.name());
        row.add(zh(r.kind()));
        row.add(r.regionCode());
        row.add(zh(r.sector()));
        row.add(r.industryCode());
        row.add(r.address());
        row.add(r.legalRepresentative());
        row.add(clear ? r.contactPhone() : PersonalData.maskPhone(r.contactPhone()));
        row.add(r.employees());
        row.add(r.annualRevenue());
        row.add(r.totalAssets());
        row.add(r.outputValue());
        row.add(r.totalInvestment());
        row.add(r.annualInvestment());
        row.add(r.flags().stream().sorted().map(this::zh).collect(Collectors.joining("、")));
        row.add(r.incidents().stream().map(i -> zh(i.kind()) + " " + i.date()).collect(Collectors.joining("；")));
        for (SubjectAttribute a : SubjectAttribute.values()) {
            Object v = r.attributes().get(a);
            row.add(v == null ? null : v instanceof Boolean b ? messages.get(ZH, b ? "common.yes" : "common.no") : v);
        }
        row.add(regions.name(r.regionCode()));
        row.add(messages.get(locale, "enum.SizeClass." + r.sizeClass().name()));
        row.add(messages.get(locale, "enum.WhitelistStatus." + r.whitelistStatus().name()));
        row.add(messages.get(locale, "enum.OperationMode." + r.operationMode().name()));
        return row;
    }

    /**
     * The Chinese label of an importable enum cell, whatever the reader's language: the import reads the code or
     * this label, so the export re-imports as it is.
     */
    private String zh(Enum<?> e) {
        return messages.get(ZH, "enum." + e.getDeclaringClass().getSimpleName() + "." + e.name());
    }

    private static ResponseEntity<StreamingResponseBody> download(String asciiName, String name, StreamingResponseBody body) {
        ContentDisposition cd = ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, cd.toString().replaceFirst("filename=\"[^\"]*\"", "filename=\"" + asciiName + "\""))
                .header(HttpHeaders.CONTENT_TYPE, XLSX)
                .body(body);
    }

    // ---- import ----------------------------------------------------------------------------------------------

    /** Reads the file now (an unreadable file is a 400 at once) and processes its rows in a background job. */
    String startImport(MultipartFile file) {
        CurrentUser user = CurrentUser.get();
        if (!SubjectPermissions.canCreate(user)) {
            throw ApiException.forbidden("error.forbidden");
        }
        if (file == null || file.isEmpty()) {
            throw ApiException.invalid("file", "validation.required");
        }
        List<ExcelRow> rows;
        try (InputStream in = file.getInputStream()) {
            rows = ExcelReader.read(in, MAX_ROWS);
        } catch (IOException e) {
            throw ApiException.invalid("file", "excel.unreadable");
        }
        if (rows.isEmpty()) {
            throw ApiException.invalid("file", "excel.empty");
        }
        return jobs.submit(JOB_TYPE, progress -> {
            progress.total(rows.size());
            Set<String> keysInFile = new HashSet<>();
            for (int from = 0; from < rows.size(); from += BATCH) {
                List<ExcelRow> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
                List<JobError> errors = new ArrayList<>();
                int accepted = importChunk(user, chunk, keysInFile, errors);
                progress.advance(chunk.size(), accepted, errors);
            }
        });
    }

    /** Validates a chunk, saves its valid rows in one transaction and returns how many were saved. */
    private int importChunk(CurrentUser user, List<ExcelRow> chunk, Set<String> keysInFile, List<JobError> errors) {
        Map<ExcelRow, SubjectRecord> valid = new LinkedHashMap<>();
        Map<ExcelRow, Validation> problems = new HashMap<>();
        for (ExcelRow row : chunk) {
            Validation v = new Validation();
            SubjectRecord draft = validator.validate(toInput(row, v), v, id -> false);
            SubjectService.checkWithinUser(user, draft, v);
            if (v.hasProblems()) {
                problems.put(row, v);
            } else {
                valid.put(row, draft);
            }
        }
        Set<String> existing = repository.existingKeys(valid.values().stream().map(SubjectRecord::uscc).toList());
        var now = clock.nowOffset();
        List<SubjectRecord> toSave = new ArrayList<>();
        for (ExcelRow row : chunk) {
            SubjectRecord draft = valid.get(row);
            if (draft == null) {
                errors.add(new JobError(row.rowNumber(), reasons(problems.get(row).problems())));
                continue;
            }
            String key = draft.uscc() + "|" + draft.projectNo();
            if (existing.contains(key) || !keysInFile.add(key)) {
                errors.add(new JobError(row.rowNumber(), List.of(header("uscc") + "：" + messages.get("subject.duplicate.field"))));
                continue;
            }
            toSave.add(draft.withIdentity(Ids.newId(), WhitelistStatus.NONE, null, OperationMode.NORMAL, now, now, 0));
        }
        tx.executeWithoutResult(s -> {
            repository.insertAll(toSave);
            for (SubjectRecord r : toSave) {
                audit.record("subject.import", SubjectService.ENTITY, r.id(), r.regionCode(), null, SubjectService.auditView(r));
                events.publishEvent(new SubjectChanged(r.id()));
            }
        });
        return toSave.size();
    }

    private List<String> reasons(List<FieldProblem> problems) {
        return problems.stream().map(p -> label(p.field()) + "：" + messages.resolve(p)).toList();
    }

    /** The column header for a field path such as {@code incidents[0].date} or {@code attributes.fullCapacityQ2}. */
    private String label(String field) {
        if (field.startsWith("attributes.")) {
            return SubjectAttribute.byKey(field.substring(11)).map(this::attributeHeader).orElse(field);
        }
        String base = field.replaceAll("\\[.*$", "").replaceAll("\\..*$", "");
        return FIELDS.contains(base) ? header(base) : field;
    }

    /** A row as API input; enum labels become codes and cells that are not numbers are named in {@code v}. */
    private SubjectInput toInput(ExcelRow row, Validation v) {
        String incidentsText = row.get(header("incidents"));
        List<SubjectInput.IncidentInput> incidents = new ArrayList<>();
        if (incidentsText != null) {
            for (String part : incidentsText.split("[;；]")) {
                if (part.isBlank()) {
                    continue;
                }
                // FRAUD:2020-09-23 (the template's form) or 弄虚作假 2020-09-23 (the export's)
                String[] kd = part.trim().split("\\s*[:：]\\s*|\\s+", 2);
                incidents.add(new SubjectInput.IncidentInput(code(IncidentKind.values(), kd[0].trim()),
                        kd.length > 1 ? kd[1].trim() : null));
            }
        }
        String flagsText = row.get(header("flags"));
        List<String> flags = flagsText == null ? List.of() : Arrays.stream(flagsText.split("[,，、;；\\s]+"))
                .filter(s -> !s.isBlank()).map(s -> code(SubjectFlag.values(), s.trim())).toList();
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (SubjectAttribute a : SubjectAttribute.values()) {
            String cell = row.get(attributeHeader(a));
            if (cell != null) {
                // a text cell that does not fit the type is reported like a wrong JSON type
                Object typed = a.coerce(cell).orElse(null);
                if (typed == null) {
                    v.reject("attributes." + a.key(), "subject.attribute.type." + a.type().name().toLowerCase(Locale.ROOT));
                } else {
                    attributes.put(a.key(), typed);
                }
            }
        }
        return new SubjectInput(row.get(header("uscc")), row.get(header("projectNo")), row.get(header("name")),
                code(SubjectKind.values(), row.get(header("kind"))), row.get(header("regionCode")),
                row.get(header("address")), row.get(header("legalRepresentative")), phone(row.get(header("contactPhone"))),
                code(Sector.values(), row.get(header("sector"))), row.get(header("industryCode")),
                decimal(row, "employees", v), decimal(row, "annualRevenue", v), decimal(row, "totalAssets", v),
                decimal(row, "outputValue", v), decimal(row, "totalInvestment", v), decimal(row, "annualInvestment", v),
                flags, incidents, List.of(), attributes);
    }

    /** A phone masked by an export (138****5678) is no phone to import: the row keeps none rather than failing. */
    private static String phone(String cell) {
        return cell == null || cell.contains("*") ? null : cell;
    }

    /** The enum code for a code or its Chinese label; unknown text is passed on for the validator to name. */
    private String code(Enum<?>[] values, String text) {
        if (text == null) {
            return null;
        }
        for (Enum<?> e : values) {
            if (e.name().equalsIgnoreCase(text) || messages.get(ZH, "enum." + e.getDeclaringClass().getSimpleName() + "." + e.name()).equals(text)) {
                return e.name();
            }
        }
        return text;
    }

    private BigDecimal decimal(ExcelRow row, String field, Validation v) {
        String text = row.get(header(field));
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(",", "").trim());
        } catch (NumberFormatException e) {
            v.reject(field, "validation.badValue");
            return null;
        }
    }
}
