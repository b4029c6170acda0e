package org.sibao.subject.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.ApiException;
import org.sibao.platform.FieldProblem;
import org.sibao.platform.Messages;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.Validation;
import org.sibao.platform.job.BackgroundJobs;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.sibao.subject.IncidentKind;
import org.sibao.subject.LinkRelation;
import org.sibao.subject.SizeClass;
import org.sibao.subject.SubjectAttribute;
import org.sibao.subject.SubjectFlag;
import org.sibao.subject.SubjectKind;
import org.sibao.subject.WhitelistStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The web pages of market subjects: list with filters, detail, create/edit forms, Excel import and export. */
@Controller
class SubjectWebController {

    private final SubjectService subjects;
    private final SubjectFilters filters;
    private final SubjectValidator validator;
    private final SubjectRepository repository;
    private final SubjectExcel excel;
    private final BackgroundJobs jobs;
    private final RegionService regions;
    private final Messages messages;
    private final ClearPhoneReads phoneReads;

    SubjectWebController(SubjectService subjects, SubjectFilters filters, SubjectValidator validator,
            SubjectRepository repository, SubjectExcel excel, BackgroundJobs jobs, RegionService regions,
            Messages messages, ClearPhoneReads phoneReads) {
        this.phoneReads = phoneReads;
        this.subjects = subjects;
        this.filters = filters;
        this.validator = validator;
        this.repository = repository;
        this.excel = excel;
        this.jobs = jobs;
        this.regions = regions;
        this.messages = messages;
    }

    @ModelAttribute
    void common(Model model) {
        CurrentUser user = CurrentUser.get();
        model.addAttribute("kinds", SubjectKind.values());
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("sizeClasses", SizeClass.values());
        model.addAttribute("whitelistStatuses", WhitelistStatus.values());
        model.addAttribute("flagValues", SubjectFlag.values());
        model.addAttribute("incidentKinds", IncidentKind.values());
        model.addAttribute("linkRelations", LinkRelation.values());
        model.addAttribute("attributeDefs", SubjectAttribute.values());
        model.addAttribute("canCreate", SubjectPermissions.canCreate(user));
        model.addAttribute("canEdit", SubjectPermissions.canEdit(user));
        model.addAttribute("restrictedEditor", SubjectPermissions.restrictedEditor(user));
        model.addAttribute("counties", user.role().isOfficial() && user.scope().regionPrefix() != null
                ? regions.countiesUnder(user.regionCode()) : List.of());
    }

    @GetMapping("/enterprises")
    String list(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String sector,
            @RequestParam(required = false) String q, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String sizeClass, @RequestParam(required = false) String whitelistStatus,
            @RequestParam(required = false) Integer page, Model model) {
        SubjectFilter filter = filters.parse(regionCode, sector, q, kind, sizeClass, whitelistStatus);
        PageResult<SubjectRecord> result = subjects.list(filter, PageQuery.of(page, 20));
        boolean clear = PersonalData.visibleInClear(CurrentUser.get());
        phoneReads.shown(CurrentUser.get(), result.items(), "web");
        model.addAttribute("page", result.map(r -> SubjectView.of(r, clear)));
        model.addAttribute("filter", filter);
        model.addAttribute("regionNames", regionNames(result.items().stream().map(SubjectRecord::regionCode).toList()));
        return "subject/list";
    }

    /**
     * Options for an enterprise picker (a {@code <datalist>} filled by htmx as the user types a name or code):
     * the first 20 subjects in scope matching the text. Forms post the chosen subject's id.
     */
    @GetMapping("/enterprises/options")
    String options(@RequestParam(required = false) String q, @RequestParam(required = false) String enterpriseId,
            @RequestParam(required = false) String enterprise, @RequestParam(required = false) String carrierEnterpriseId,
            @RequestParam(required = false) String servedEnterpriseIds, Model model) {
        // the text typed in whichever picker asks (each sends its own input under its own name)
        String text = q != null ? q : enterpriseId != null ? enterpriseId : enterprise != null ? enterprise
                : carrierEnterpriseId != null ? carrierEnterpriseId : servedEnterpriseIds;
        SubjectFilter filter = filters.parse(null, null, text, null, null, null);
        model.addAttribute("options", subjects.list(filter, PageQuery.of(0, 20)).items());
        return "subject/options :: options";
    }

    @GetMapping("/enterprises/{id}")
    String detail(@PathVariable String id, Model model) {
        SubjectRecord r = subjects.get(id);
        phoneReads.shown(CurrentUser.get(), List.of(r), "web");
        model.addAttribute("subject", SubjectView.of(r, PersonalData.visibleInClear(CurrentUser.get())));
        model.addAttribute("regionName", regions.find(r.regionCode()).map(Region::name).orElse(r.regionCode()));
        model.addAttribute("industryName", r.industryCode() == null ? null
                : regions.industry(r.industryCode()).map(i -> i.code() + " " + i.name()).orElse(r.industryCode()));
        return "subject/detail";
    }

    @GetMapping("/enterprises/new")
    String createForm(Model model) {
        requireCreate();
        return form(model, new SubjectForm(), null, Map.of());
    }

    @PostMapping("/enterprises")
    String create(@ModelAttribute("form") SubjectForm form, Model model, RedirectAttributes redirect) {
        requireCreate();
        Validation v = new Validation();
        SubjectInput input = form.toInput(v);
        try {
            if (v.hasProblems()) {
                validator.validate(input, v, repository::exists);
                return form(model, form, null, errors(v.problems()));
            }
            SubjectRecord saved = subjects.create(input);
            redirect.addFlashAttribute("flash", messages.get("subject.saved"));
            return "redirect:/enterprises/" + saved.id();
        } catch (ApiException e) {
            return onFailure(e, model, form, null);
        }
    }

    @GetMapping("/enterprises/{id}/edit")
    String editForm(@PathVariable String id, Model model) {
        SubjectRecord r = subjects.get(id);
        if (!SubjectPermissions.canEdit(CurrentUser.get())) {
            throw ApiException.forbidden("error.forbidden");
        }
        return form(model, SubjectForm.of(r, CurrentUser.get()), id, Map.of());
    }

    @PostMapping("/enterprises/{id}")
    String update(@PathVariable String id, @ModelAttribute("form") SubjectForm form, Model model,
            RedirectAttributes redirect) {
        SubjectRecord before = subjects.get(id);
        Validation v = new Validation();
        SubjectInput input = form.toInput(v);
        try {
            if (v.hasProblems()) {
                validator.validate(SubjectService.editInput(before, input), v, repository::exists);
                return form(model, form, id, errors(v.problems()));
            }
            subjects.update(id, input);
            redirect.addFlashAttribute("flash", messages.get("subject.saved"));
            return "redirect:/enterprises/" + id;
        } catch (ApiException e) {
            return onFailure(e, model, form, id);
        }
    }

    @GetMapping("/enterprises/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String sector, @RequestParam(required = false) String q,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String sizeClass,
            @RequestParam(required = false) String whitelistStatus) {
        return excel.exportResponse(filters.parse(regionCode, sector, q, kind, sizeClass, whitelistStatus));
    }

    @GetMapping("/enterprises/import")
    String importPage(@RequestParam(required = false) String job, Model model) {
        requireCreate();
        model.addAttribute("jobId", job);
        return "subject/import";
    }

    @GetMapping("/enterprises/import/template")
    ResponseEntity<StreamingResponseBody> template() {
        return excel.templateResponse();
    }

    @PostMapping("/enterprises/import")
    String upload(@RequestParam("file") MultipartFile file, Model model) {
        try {
            return "redirect:/enterprises/import?job=" + excel.startImport(file);
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST) {
                throw e;
            }
            model.addAttribute("uploadErrors", e.errors().stream().map(messages::resolve).toList());
            return "subject/import";
        }
    }

    /** The progress fragment polled by htmx every second until the job has finished. */
    @GetMapping("/enterprises/import/jobs/{id}")
    String progress(@PathVariable String id, Model model) {
        model.addAttribute("job", jobs.find(id).orElseThrow(() -> ApiException.notFound("job", id)));
        return "subject/import :: progress";
    }

    private String onFailure(ApiException e, Model model, SubjectForm form, String id) {
        if (e.status() == HttpStatus.BAD_REQUEST || e.status() == HttpStatus.CONFLICT) {
            Map<String, String> errors = errors(e.errors());
            if (errors.isEmpty()) {
                errors = Map.of("uscc", messages.get(e.detailKey(), e.args()));
            }
            return form(model, form, id, errors);
        }
        throw e;
    }

    private String form(Model model, SubjectForm form, String id, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("subjectId", id);
        model.addAttribute("errors", errors);
        model.addAttribute("industries", regions.industries().stream().filter(i -> !i.section()).toList());
        return "subject/form";
    }

    /** Field messages keyed by the form field ({@code incidents[2].date} → {@code incidents}). */
    private Map<String, String> errors(List<FieldProblem> problems) {
        Map<String, String> map = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            String f = p.field().startsWith("attributes.") ? p.field() : p.field().replaceAll("[\\[.].*$", "");
            String prefix = f.equals(p.field()) ? "" : messages.fieldLabel(p.field()) + "：";
            map.merge(f, prefix + messages.resolve(p), (a, b) -> a + "；" + b);
        }
        return map;
    }

    private Map<String, String> regionNames(List<String> codes) {
        Map<String, String> names = new LinkedHashMap<>();
        codes.forEach(c -> names.put(c, regions.find(c).map(Region::name).orElse(c)));
        return names;
    }

    private static void requireCreate() {
        if (!SubjectPermissions.canCreate(CurrentUser.get())) {
            throw ApiException.forbidden("error.forbidden");
        }
    }
}
