package org.sibao.logistics.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Messages;
import org.sibao.platform.PageQuery;
import org.sibao.platform.excel.ExcelExport;
import org.sibao.platform.excel.ExcelWorkbook;
import org.sibao.region.RegionService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** The pass pages: the list with the transport officers' decisions, one pass with its code, the application form. */
@Controller
class PassWebController {

    private final PassService passes;
    private final Messages messages;
    private final org.sibao.subject.Subjects subjects;
    private final RegionService regions;
    private final BusinessClock clock;

    PassWebController(PassService passes, Messages messages, org.sibao.subject.Subjects subjects, RegionService regions,
            BusinessClock clock) {
        this.regions = regions;
        this.clock = clock;
        this.passes = passes;
        this.messages = messages;
        this.subjects = subjects;
    }

    @GetMapping("/passes")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("passes", passes.passes(status, null, PageQuery.of(page, 50)));
        model.addAttribute("status", status);
        model.addAttribute("statuses", PassStatus.values());
        model.addAttribute("canFile", PassService.canFile(CurrentUser.get()));
        common(model);
        return "logistics/passes";
    }

    /** The list's passes (same filter and scope, every page) as an .xlsx; drivers masked as on the pass page. */
    @GetMapping("/passes/export")
    void export(@RequestParam(required = false) String status, HttpServletResponse response) throws IOException {
        Iterable<VehiclePass> all = ExcelExport.allPages(page -> passes.passes(status, null, page), ExcelExport.MAX_ROWS);
        List<String> headers = ExcelExport.headers(messages, "passes.field.", "plateNumber", "carrier", "carrierRegion",
                "drivers", "origin", "destination", "served", "validFrom", "validTo", "status", "requestedAt",
                "decidedAt", "comment");
        ExcelExport.send(response, "passes-" + clock.today() + ".xlsx", ExcelWorkbook.create()
                .sheet(messages.get("passes.title"), headers, ExcelExport.rows(all, this::exportRow)));
    }

    private List<?> exportRow(VehiclePass p) {
        return Arrays.asList(p.plateNumber(), p.carrierName(), regions.name(p.carrierRegionCode()),
                p.drivers().stream().map(d -> d.name() + " " + d.idNumber() + " " + d.phone()).collect(Collectors.joining("；")),
                p.origin(), p.destination(),
                p.servedEnterprises().stream().map(VehiclePass.Served::enterpriseName).collect(Collectors.joining("、")),
                ExcelExport.time(p.validFrom()), ExcelExport.time(p.validTo()), messages.label(p.status()),
                ExcelExport.time(p.requestedAt()), ExcelExport.time(p.decidedAt()), p.decisionComment());
    }

    @GetMapping("/passes/{id}")
    String detail(@PathVariable String id, Model model) {
        VehiclePass p = passes.pass(id);
        model.addAttribute("pass", p);
        model.addAttribute("canRevoke", PassService.canRevoke(CurrentUser.get(), p));
        common(model);
        return "logistics/pass";
    }

    /**
     * The approved pass's QR code: the public check page's address with the pass code, so a checkpoint's phone
     * scan opens the verdict (有效/无效) at once. Only for a pass the user may see, and only once it has a code.
     */
    @GetMapping(path = "/passes/{id}/qr.png", produces = org.springframework.http.MediaType.IMAGE_PNG_VALUE)
    org.springframework.http.ResponseEntity<byte[]> qr(@PathVariable String id) {
        VehiclePass p = passes.pass(id);
        if (p.code() == null || p.status() != PassStatus.APPROVED) {
            throw ApiException.notFound("pass", id);
        }
        String url = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/public/passes/verify").queryParam("code", p.code()).encode().build().toUriString();
        return org.springframework.http.ResponseEntity.ok()
                .cacheControl(org.springframework.http.CacheControl.noStore())
                .body(org.sibao.platform.QrCodes.png(url, 360));
    }

    /** Suggestions for a served enterprise: whitelist subjects by name or USCC (the public list's facts). */
    @GetMapping("/passes/served-options")
    String servedOptions(@RequestParam(required = false) String servedEnterpriseIds, Model model) {
        model.addAttribute("options", subjects.whitelisted(servedEnterpriseIds, 20));
        return "subject/options :: options";
    }

    @GetMapping("/passes/new")
    String form(Model model) {
        CurrentUser u = CurrentUser.get();
        if (!PassService.canFile(u)) {
            throw ApiException.forbidden("error.forbidden");
        }
        java.util.Map<String, Object> in = new java.util.HashMap<>();
        // an enterprise user applies for its own vehicles: its name and USCC, not an internal id
        in.put("carrierEnterpriseId", u.enterpriseId() == null ? "" : subjects.find(u.enterpriseId(), u.scope())
                .map(f -> f.name() + " · " + f.uscc()).orElse(""));
        model.addAttribute("in", in);
        return "logistics/apply";
    }

    /**
     * Files the form; on a problem the form comes back with every message beside the entered values (the
     * enterprises are named, picked from suggestions as "名称 · USCC", or given by USCC).
     */
    @PostMapping("/passes")
    String apply(@RequestParam(required = false) String carrierEnterpriseId, @RequestParam(required = false) String plateNumber,
            @RequestParam(required = false) List<String> driverName, @RequestParam(required = false) List<String> driverIdNumber,
            @RequestParam(required = false) List<String> driverPhone, @RequestParam(required = false) String origin,
            @RequestParam(required = false) String destination, @RequestParam(required = false) String validFrom,
            @RequestParam(required = false) String validTo, @RequestParam(required = false) List<String> servedEnterpriseIds,
            Model model, RedirectAttributes redirect) {
        List<PassService.DriverRequest> drivers = new ArrayList<>();
        int n = driverName == null ? 0 : driverName.size();
        for (int i = 0; i < n; i++) {
            String name = driverName.get(i);
            String idNumber = at(driverIdNumber, i);
            String phone = at(driverPhone, i);
            if ((name == null || name.isBlank()) && (idNumber == null || idNumber.isBlank()) && i > 0) {
                continue;
            }
            drivers.add(new PassService.DriverRequest(name, idNumber, phone));
        }
        List<String> served = new ArrayList<>();
        if (servedEnterpriseIds != null) {
            for (String field : servedEnterpriseIds) {
                Arrays.stream(field.split("[,，、;；\\n]+")).map(String::trim).filter(x -> !x.isEmpty()).forEach(served::add);
            }
        }
        try {
            VehiclePass p = passes.file(new PassService.PassRequest(carrierEnterpriseId, plateNumber, drivers, origin,
                    destination, validFrom, validTo, served));
            redirect.addFlashAttribute("flash", messages.get("passes.flash.filed"));
            return "redirect:/passes/" + p.id();
        } catch (ApiException e) {
            java.util.Map<String, Object> in = new java.util.HashMap<>();
            in.put("carrierEnterpriseId", carrierEnterpriseId == null ? "" : carrierEnterpriseId);
            in.put("plateNumber", plateNumber == null ? "" : plateNumber);
            in.put("origin", origin == null ? "" : origin);
            in.put("destination", destination == null ? "" : destination);
            in.put("validFrom", validFrom == null ? "" : validFrom);
            in.put("validTo", validTo == null ? "" : validTo);
            in.put("served", servedEnterpriseIds == null ? List.of() : servedEnterpriseIds);
            in.put("driverName", driverName == null ? List.of() : driverName);
            in.put("driverIdNumber", driverIdNumber == null ? List.of() : driverIdNumber);
            in.put("driverPhone", driverPhone == null ? List.of() : driverPhone);
            model.addAttribute("in", in);
            model.addAttribute("problem", messages.get(e.detailKey(), e.args()));
            model.addAttribute("problems", e.errors().stream().map(messages::line).toList());
            return "logistics/apply";
        }
    }

    @PostMapping("/passes/{id}/{verb}")
    String decide(@PathVariable String id, @PathVariable String verb, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        PassService.Decision d = new PassService.Decision(reason, null);
        switch (verb) {
            case "approve" -> passes.approve(id, d);
            case "reject" -> passes.reject(id, d);
            case "revoke" -> passes.revoke(id, d);
            default -> throw ApiException.notFound(PassService.PASS, id);
        }
        redirect.addFlashAttribute("flash", messages.get("passes.flash.decided"));
        return "redirect:/passes/" + id;
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() ? null : values.get(i);
    }

    private void common(Model model) {
        model.addAttribute("canDecide", PassService.isTransportOfficer(CurrentUser.get()));
    }
}
