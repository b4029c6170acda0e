package org.sibao.whitelist.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.ApiException;
import org.sibao.platform.FieldProblem;
import org.sibao.platform.Messages;
import org.sibao.platform.PageQuery;
import org.sibao.platform.Validation;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sector department's pages: batches and their publication, entry detail with 熔断, the objection queue, the
 * criteria editor and the chain-protection recommendations. The services decide who may do what; the pages only
 * hide the buttons a user could not use.
 */
@Controller
class WhitelistOfficerPages {

    private static final Pattern CRITERION_INDEX = Pattern.compile("^criteria\\[(\\d+)]");

    private final ApplicationService applications;
    private final EntryService entries;
    private final CriteriaService criteria;
    private final Prechecker prechecker;
    private final RegionService regions;
    private final Messages messages;
    private final JsonMapper json;

    WhitelistOfficerPages(ApplicationService applications, EntryService entries, CriteriaService criteria,
            Prechecker prechecker, RegionService regions, Messages messages, JsonMapper json) {
        this.applications = applications;
        this.entries = entries;
        this.criteria = criteria;
        this.prechecker = prechecker;
        this.regions = regions;
        this.messages = messages;
        this.json = json;
    }

    // ---- batches ------------------------------------------------------------------------------------------------

    @GetMapping("/whitelist/batches")
    String batches(Model model) {
        batchesModel(model);
        model.addAttribute("form", Map.of("name", "", "regionCode", CurrentUser.get().regionCode(),
                "publicityDays", "0"));
        return "whitelist/batches";
    }

    /** The sector department's working pages; other roles have no use for them. */
    private static CurrentUser sectorOfficer() {
        CurrentUser user = CurrentUser.get();
        if (!user.is(Role.SECTOR_OFFICER)) {
            throw ApiException.forbidden("error.forbidden");
        }
        return user;
    }

    private void batchesModel(Model model) {
        CurrentUser user = sectorOfficer();
        String sector = user.sector() == null ? null : user.sector().name();
        List<EntryService.Batch> batches = entries.batches(user, PageQuery.of(0, PageQuery.MAX_SIZE)).items();
        List<ApplicationService.App> approved = applications.list(user,
                new ApplicationService.Filter("APPROVED", sector, null, null, false), PageQuery.of(0, 500)).items()
                .stream().filter(a -> a.batchId() == null).toList();
        model.addAttribute("batches", batches);
        model.addAttribute("approved", approved);
        model.addAttribute("sector", sector);
        // regions by name: the batches' and candidates' columns, and the regions a batch may be for (the officer's
        // own and those under it), chosen by name
        List<String> codes = new ArrayList<>();
        batches.forEach(b -> codes.add(b.regionCode()));
        approved.forEach(a -> codes.add(a.regionCode()));
        model.addAttribute("regionNames", regions.names(codes));
        model.addAttribute("batchRegions", regions.all().stream()
                .filter(r -> regions.isWithin(r.code(), user.regionCode())).toList());
    }

    @PostMapping("/whitelist/batches")
    String createBatch(@RequestParam(required = false) String name, @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String publicityDays,
            @RequestParam(name = "applicationIds", required = false) List<String> ids, Model model,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.get();
        try {
            Integer days = publicityDays == null || publicityDays.isBlank() ? null : parseDays(publicityDays);
            entries.createBatch(user, name, user.sector() == null ? null : user.sector().name(), regionCode, ids, days);
            redirect.addFlashAttribute("flash", messages.get("wl.flash.batchCreated"));
            return "redirect:/whitelist/batches";
        } catch (ApiException e) {
            batchesModel(model);
            model.addAttribute("errors", messagesOf(e));
            model.addAttribute("form", Map.of("name", name == null ? "" : name,
                    "regionCode", regionCode == null ? "" : regionCode,
                    "publicityDays", publicityDays == null ? "" : publicityDays));
            return "whitelist/batches";
        }
    }

    private static Integer parseDays(String s) {
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("publicityDays", "whitelist.batch.publicityDays");
        }
    }

    @PostMapping("/whitelist/batches/{id}/publish")
    String publish(@PathVariable String id, RedirectAttributes redirect) {
        try {
            entries.publish(CurrentUser.get(), id);
            redirect.addFlashAttribute("flash", messages.get("wl.flash.published"));
        } catch (ApiException e) {
            redirect.addFlashAttribute("errors", messagesOf(e));
        }
        return "redirect:/whitelist/batches";
    }

    // ---- entries ------------------------------------------------------------------------------------------------

    @GetMapping("/whitelist/entries/{id}")
    String entry(@PathVariable String id, Model model) {
        CurrentUser user = CurrentUser.get();
        EntryService.Entry e = entries.entry(user, id);
        model.addAttribute("e", e);
        model.addAttribute("regionName", regions.name(e.regionCode()));
        model.addAttribute("history", entries.entryHistory(id));
        model.addAttribute("canRemove", entries.mayRemove(user, e)
                && List.of("PUBLICIZED", "ACTIVE", "SUSPENDED").contains(e.status()));
        return "whitelist/entry";
    }

    @PostMapping("/whitelist/entries/{id}/remove")
    String remove(@PathVariable String id, @RequestParam(required = false) String reason, Model model,
            RedirectAttributes redirect) {
        try {
            entries.remove(CurrentUser.get(), id, reason);
            redirect.addFlashAttribute("flash", messages.get("wl.flash.removed"));
            return "redirect:/whitelist/entries/" + id;
        } catch (ApiException e) {
            model.addAttribute("errors", messagesOf(e));
            return entry(id, model);
        }
    }

    // ---- objections ---------------------------------------------------------------------------------------------

    @GetMapping("/whitelist/objections")
    String objections(@RequestParam(required = false, defaultValue = "OPEN") String status, Model model) {
        model.addAttribute("objections", entries.objections(sectorOfficer(),
                WhitelistFilters.status(WhitelistFilters.OBJECTION_STATUSES, status), PageQuery.of(0, PageQuery.MAX_SIZE))
                .items());
        model.addAttribute("status", status);
        return "whitelist/objections";
    }

    @PostMapping("/whitelist/objections/{id}/{verb}")
    String decideObjection(@PathVariable String id, @PathVariable String verb,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        if (!"sustain".equals(verb) && !"dismiss".equals(verb)) {
            throw ApiException.notFound("whitelistObjection", id);
        }
        try {
            entries.decide(CurrentUser.get(), id, "sustain".equals(verb), note == null || note.isBlank() ? null : note);
            redirect.addFlashAttribute("flash", messages.get("wl.flash.decided"));
        } catch (ApiException e) {
            redirect.addFlashAttribute("errors", messagesOf(e));
        }
        return "redirect:/whitelist/objections";
    }

    // ---- recommendations ----------------------------------------------------------------------------------------

    @GetMapping("/whitelist/recommendations")
    String recommendations(@RequestParam(required = false, defaultValue = "OPEN") String status, Model model) {
        List<EntryService.Recommendation> list = entries.recommendations(sectorOfficer(),
                WhitelistFilters.status(WhitelistFilters.RECOMMENDATION_STATUSES, status),
                PageQuery.of(0, PageQuery.MAX_SIZE)).items();
        model.addAttribute("recommendations", list);
        model.addAttribute("regionNames", regions.names(list.stream().map(EntryService.Recommendation::regionCode).toList()));
        model.addAttribute("status", status);
        return "whitelist/recommendations";
    }

    @PostMapping("/whitelist/recommendations/{id}/{verb}")
    String decideRecommendation(@PathVariable String id, @PathVariable String verb, RedirectAttributes redirect) {
        if (!"invite".equals(verb) && !"dismiss".equals(verb)) {
            throw ApiException.notFound("chainRecommendation", id);
        }
        try {
            entries.decideRecommendation(CurrentUser.get(), id, "invite".equals(verb));
            redirect.addFlashAttribute("flash", messages.get("wl.flash.decided"));
        } catch (ApiException e) {
            redirect.addFlashAttribute("errors", messagesOf(e));
        }
        return "redirect:/whitelist/recommendations";
    }

    // ---- criteria -----------------------------------------------------------------------------------------------

    @GetMapping("/whitelist/criteria")
    String criteriaPage(@RequestParam(required = false) String sector, @RequestParam(required = false) String level,
            @RequestParam(required = false) Integer version, Model model) {
        CurrentUser user = CurrentUser.get();
        if (!user.role().isOfficial()) {
            throw ApiException.forbidden("error.forbidden");
        }
        String s = sector != null ? sector : user.sector() != null ? user.sector().name() : Sector.INDUSTRY.name();
        String l = level != null ? level : actingLevel(user);
        Validation v = new Validation();
        CriteriaService.checkSectorLevel(s, l, v);
        v.throwIfInvalid();
        CriteriaSet set = (version == null ? criteria.current(s, l, user.regionCode()) : criteria.version(s, l, version))
                .orElseThrow(() -> ApiException.notFound("criteriaSet", s + "/" + l));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CriteriaSet.Criterion c : set.criteria()) {
            rows.add(row(c.code(), c.title(), c.kind().name(), c.rule().toPrettyString(), prechecker.preview(c.rule())));
        }
        criteriaModel(model, s, l, set, rows, set.note());
        return "whitelist/criteria";
    }

    @PostMapping("/whitelist/criteria")
    String publishCriteria(@RequestParam MultiValueMap<String, String> form, Model model,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.get();
        String sector = form.getFirst("sector");
        String level = form.getFirst("level");
        String note = form.getFirst("note");
        List<String> codes = listOf(form, "code");
        List<String> titles = listOf(form, "title");
        List<String> kinds = listOf(form, "kind");
        List<String> rules = listOf(form, "rule");
        List<Map<String, Object>> input = new ArrayList<>();
        List<FieldProblem> unreadable = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("code", codes.get(i));
            c.put("title", at(titles, i));
            c.put("kind", at(kinds, i));
            String text = at(rules, i);
            try {
                c.put("rule", text == null || text.isBlank() ? null : json.readTree(text));
            } catch (JacksonException e) {
                unreadable.add(new FieldProblem("criteria[" + i + "].rule", "wl.criteria.badJson"));
                c.put("rule", null);
            }
            input.add(c);
        }
        try {
            // an unreadable rule goes in as missing, so the service still checks every other field
            CriteriaSet saved = criteria.publish(user, sector, level, input, note == null || note.isBlank() ? null : note);
            redirect.addFlashAttribute("flash", messages.get("wl.flash.criteriaPublished", saved.version()));
            return "redirect:/whitelist/criteria?sector=" + sector + "&level=" + level;
        } catch (ApiException e) {
            List<String> unreadableFields = unreadable.stream().map(FieldProblem::field).toList();
            List<FieldProblem> problems = new ArrayList<>(unreadable);
            e.errors().stream().filter(p -> !unreadableFields.contains(p.field())).forEach(problems::add);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                rows.add(row(codes.get(i), at(titles, i), at(kinds, i), at(rules, i), null));
            }
            List<String> general = new ArrayList<>();
            general.add(messages.get(e.detailKey(), e.args()));
            for (FieldProblem p : problems) {
                Matcher m = CRITERION_INDEX.matcher(p.field());
                String text = messages.line(p);
                if (m.find() && Integer.parseInt(m.group(1)) < rows.size()) {
                    @SuppressWarnings("unchecked")
                    List<String> errs = (List<String>) rows.get(Integer.parseInt(m.group(1))).get("errors");
                    errs.add(text);
                } else {
                    general.add(text);
                }
            }
            CriteriaSet current = CriteriaService.LEVELS.contains(level) && Sector.parse(sector).isPresent()
                    ? criteria.current(sector, level, CurrentUser.get().regionCode()).orElse(null) : null;
            criteriaModel(model, sector, level, current, rows, note);
            model.addAttribute("errors", general);
            return "whitelist/criteria";
        }
    }

    private void criteriaModel(Model model, String sector, String level, CriteriaSet shown,
            List<Map<String, Object>> rows, String note) {
        model.addAttribute("sector", sector);
        model.addAttribute("level", level);
        model.addAttribute("set", shown);
        model.addAttribute("rows", rows);
        model.addAttribute("note", note);
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("levels", CriteriaService.LEVELS);
        model.addAttribute("kinds", CriteriaSet.Kind.values());
        model.addAttribute("versions", criteria.versions(sector, level, CurrentUser.get().regionCode()));
        model.addAttribute("canEdit", criteria.mayEdit(CurrentUser.get(), sector, level));
    }

    private static Map<String, Object> row(String code, String title, String kind, String rule, String preview) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code == null ? "" : code);
        m.put("title", title == null ? "" : title);
        m.put("kind", kind == null ? "" : kind);
        m.put("rule", rule == null ? "" : rule);
        m.put("preview", preview);
        m.put("errors", new ArrayList<String>());
        return m;
    }

    private String actingLevel(CurrentUser user) {
        String l = regions.actingLevel(user.regionCode()).name();
        return CriteriaService.LEVELS.contains(l) ? l : "COUNTY";
    }

    private static List<String> listOf(MultiValueMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null ? List.of() : values;
    }

    private static String at(List<String> values, int i) {
        return i < values.size() ? values.get(i) : null;
    }

    private List<String> messagesOf(ApiException e) {
        List<String> out = new ArrayList<>();
        out.add(messages.get(e.detailKey(), e.args()));
        e.errors().forEach(p -> out.add(messages.line(p)));
        return out;
    }
}
