package org.sibao.epidemicsupport.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Messages;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.Validation;
import org.sibao.platform.excel.ExcelExport;
import org.sibao.platform.excel.ExcelWorkbook;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.sibao.region.TaskForce;
import org.sibao.subject.WhitelistStatus;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The pages: {@code /epidemic-support} is the coverage board (figures, filters, the gaps first) with the region's
 * task forces and their experts; {@code /epidemic-support/enterprises/{id}} a subject's staff and institution with
 * the form for those who assign them; {@code /epidemic-support/enterprises/{id}/panel} the same, small, for the
 * subject's page; {@code /epidemic-support/coverage.xlsx} the board as filtered.
 */
@Controller
class SupportWebController {

    /** One staff line of the form, as typed. */
    record StaffLine(String id, String name, String organisation, String phone) {

        boolean blank() {
            return isBlank(id) && isBlank(name) && isBlank(organisation) && isBlank(phone);
        }
    }

    /** The support form as typed, so that a refused submission is shown again with its errors. */
    record Form(List<StaffLine> staff, String institutionName, String contactName, String institutionPhone) {

        SupportInputs inputs() {
            List<SupportInputs.Staff> lines = staff.stream().filter(l -> !l.blank())
                    .map(l -> new SupportInputs.Staff(l.id(), l.name(), l.organisation(), l.phone())).toList();
            boolean noInstitution = isBlank(institutionName) && isBlank(contactName) && isBlank(institutionPhone);
            return new SupportInputs(lines, noInstitution ? null
                    : new SupportInputs.Institution(institutionName, contactName, institutionPhone));
        }

        /** The typed lines without the blank ones (their indexes are the errors'), and blank lines to add more. */
        Form withBlankLines() {
            List<StaffLine> lines = new ArrayList<>(staff.stream().filter(l -> !l.blank()).toList());
            int target = Math.min(SupportService.MAX_STAFF, Math.max(3, lines.size() + 2));
            while (lines.size() < target) {
                lines.add(new StaffLine("", "", "", ""));
            }
            return new Form(lines, institutionName, contactName, institutionPhone);
        }

        static Form of(EpidemicSupport s) {
            List<StaffLine> lines = s.staff().stream()
                    .map(st -> new StaffLine(st.id(), st.name(), st.organisation(), st.phone())).toList();
            EpidemicSupport.Institution i = s.institution();
            return new Form(lines, i == null ? "" : i.name(), i == null ? "" : i.contactName(),
                    i == null ? "" : i.phone()).withBlankLines();
        }

        static Form of(MultiValueMap<String, String> params) {
            List<String> ids = values(params, "staffId");
            List<String> names = values(params, "staffName");
            List<String> orgs = values(params, "staffOrganisation");
            List<String> phones = values(params, "staffPhone");
            int n = Math.max(Math.max(ids.size(), names.size()), Math.max(orgs.size(), phones.size()));
            List<StaffLine> lines = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                lines.add(new StaffLine(at(ids, i), at(names, i), at(orgs, i), at(phones, i)));
            }
            return new Form(lines, params.getFirst("institutionName"), params.getFirst("contactName"),
                    params.getFirst("institutionPhone"));
        }

        private static List<String> values(MultiValueMap<String, String> params, String name) {
            List<String> v = params.get(name);
            return v == null ? List.of() : v;
        }

        private static String at(List<String> values, int i) {
            return i < values.size() && values.get(i) != null ? values.get(i) : "";
        }
    }

    /** The expert form as typed. */
    record ExpertForm(String taskForce, String name, String organisation, String phone) {
    }

    private final SupportService support;
    private final RegionService regions;
    private final Messages messages;
    private final BusinessClock clock;

    SupportWebController(SupportService support, RegionService regions, Messages messages, BusinessClock clock) {
        this.support = support;
        this.regions = regions;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/epidemic-support")
    String board(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String sector,
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer page, Model model) {
        return board(regionCode, sector, status, page, new ExpertForm("", "", "", ""), Map.of(), model);
    }

    @GetMapping("/epidemic-support/coverage.xlsx")
    void export(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String sector,
            @RequestParam(required = false) String status, HttpServletResponse response) throws IOException {
        Validation v = new Validation();
        Sector s = SupportService.filter(Sector.class, sector, "sector", v);
        CoverageStatus st = SupportService.filter(CoverageStatus.class, status, "status", v);
        Region region = support.region(regionCode, v);
        v.throwIfInvalid();
        Iterable<CoverageRow> rows = ExcelExport.allPages(p -> support.board(region, s, st, p), ExcelExport.MAX_ROWS);
        List<String> headers = List.of(messages.get("epidemicsupport.field.enterprise"),
                messages.get("epidemicsupport.field.region"), messages.get("epidemicsupport.field.sector"),
                messages.get("epidemicsupport.field.staff"), messages.get("epidemicsupport.field.institution"),
                messages.get("epidemicsupport.field.status"));
        ExcelExport.send(response, "epidemic-support-" + region.code() + "-" + clock.today() + ".xlsx",
                ExcelWorkbook.create().sheet(messages.get("epidemicsupport.board.title"), headers,
                        ExcelExport.rows(rows, r -> List.of(r.name(), regions.name(r.regionCode()),
                                messages.get("enum.Sector." + r.sector()), String.join("、", r.staff()),
                                r.institution() == null ? "" : r.institution(),
                                messages.get("epidemicsupport.status." + r.status().name())))));
    }

    @PostMapping("/epidemic-support/experts")
    String saveExpert(@RequestParam String regionCode, ExpertForm form, Model model, RedirectAttributes redirect) {
        try {
            Expert e = support.putExpert(regionCode, form.taskForce(),
                    new ExpertInputs(form.name(), form.organisation(), form.phone()));
            redirect.addFlashAttribute("flash", messages.get("epidemicsupport.flash.expertSaved",
                    messages.get("enum.TaskForce." + e.taskForce().name()), e.name()));
            return "redirect:/epidemic-support?regionCode=" + e.regionCode() + "#experts";
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST) {
                throw e;
            }
            model.addAttribute("formError", messages.get("error.invalidInput"));
            return board(regionCode, null, null, null, form, errors(e), model);
        }
    }

    @PostMapping("/epidemic-support/experts/remove")
    String removeExpert(@RequestParam String regionCode, @RequestParam String taskForce, RedirectAttributes redirect) {
        String region = support.removeExpert(regionCode, taskForce);
        redirect.addFlashAttribute("flash", messages.get("epidemicsupport.flash.expertRemoved",
                messages.get("enum.TaskForce." + taskForce.trim())));
        return "redirect:/epidemic-support?regionCode=" + region + "#experts";
    }

    /** An enterprise user's own support; officials go to the board. */
    @GetMapping("/epidemic-support/mine")
    String mine() {
        CurrentUser user = CurrentUser.get();
        return user.role() == Role.ENTERPRISE && user.enterpriseId() != null
                ? "redirect:/epidemic-support/enterprises/" + user.enterpriseId() : "redirect:/epidemic-support";
    }

    @GetMapping("/epidemic-support/enterprises/{id}")
    String enterprise(@PathVariable String id, Model model) {
        EpidemicSupport s = support.get(id);
        return enterprise(s, Form.of(s), Map.of(), model);
    }

    @PostMapping("/epidemic-support/enterprises/{id}")
    String submit(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        Form form = Form.of(params);
        try {
            EpidemicSupport s = support.replace(id, form.inputs());
            redirect.addFlashAttribute("flash", messages.get("epidemicsupport.flash.saved", s.enterpriseName()));
            return "redirect:/epidemic-support/enterprises/" + id;
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST) {
                throw e;
            }
            model.addAttribute("formError", messages.get("error.invalidInput"));
            return enterprise(support.get(id), form.withBlankLines(), errors(e), model);
        }
    }

    /** The support in short, for the subject's page (loaded into it). */
    @GetMapping("/epidemic-support/enterprises/{id}/panel")
    String panel(@PathVariable String id, Model model) {
        model.addAttribute("support", support.get(id));
        model.addAttribute("mayEdit", SupportService.mayEdit(CurrentUser.get()));
        return "epidemicsupport/panel :: panel";
    }

    private String board(String regionCode, String sector, String status, Integer page, ExpertForm expertForm,
            Map<String, String> errors, Model model) {
        CurrentUser user = CurrentUser.get();
        Validation v = new Validation();
        Region region = support.region(regionCode, v);
        Sector s = SupportService.filter(Sector.class, sector, "sector", v);
        CoverageStatus st = SupportService.filter(CoverageStatus.class, status, "status", v);
        if (region == null) {
            region = regions.get(user.regionCode());
        }
        PageResult<CoverageRow> result = support.board(region, s, st, PageQuery.of(page, 50));
        model.addAttribute("region", region);
        model.addAttribute("regionChoices", regions.withChildren(user.regionCode()));
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("sector", s == null ? "" : s.name());
        model.addAttribute("statuses", CoverageStatus.values());
        model.addAttribute("status", st == null ? "" : st.name());
        model.addAttribute("summary", support.summary(region, s));
        model.addAttribute("result", result);
        model.addAttribute("regionNames", regions.names(result.items().stream().map(CoverageRow::regionCode).toList()));
        model.addAttribute("experts", support.experts(region));
        model.addAttribute("taskForces", TaskForce.values());
        model.addAttribute("expertForm", expertForm);
        model.addAttribute("errors", errors);
        model.addAttribute("mayEdit", SupportService.mayEdit(user));
        return "epidemicsupport/board";
    }

    private String enterprise(EpidemicSupport s, Form form, Map<String, String> errors, Model model) {
        model.addAttribute("support", s);
        model.addAttribute("regionName", regions.name(s.regionCode()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("canEdit", SupportService.mayEdit(CurrentUser.get())
                && (s.whitelistStatus() == WhitelistStatus.ACTIVE || s.whitelistStatus() == WhitelistStatus.SUSPENDED));
        return "epidemicsupport/enterprise";
    }

    private Map<String, String> errors(ApiException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.errors().forEach(p -> errors.putIfAbsent(p.field(), messages.resolve(p)));
        return errors;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
