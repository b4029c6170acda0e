package org.sibao.logistics.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.ApiException;
import org.sibao.platform.Messages;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.excel.ExcelExport;
import org.sibao.platform.excel.ExcelWorkbook;
import org.sibao.region.RegionService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pairing pages: the list with filters and the parties' buttons, one pairing, the propose page with suggestions. */
@Controller
class PairingWebController {

    static final int EXPORT_LIMIT = 5000;

    private final PairingService pairings;
    private final Messages messages;
    private final RegionService regions;

    PairingWebController(PairingService pairings, Messages messages, RegionService regions) {
        this.pairings = pairings;
        this.messages = messages;
        this.regions = regions;
    }

    @GetMapping("/pairings")
    String list(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String status,
            @RequestParam(required = false) String enterpriseId, @RequestParam(required = false) Integer page,
            Model model) {
        PageResult<Pairing> result = pairings.pairings(regionCode, status, enterpriseId, PageQuery.of(page, 50));
        CurrentUser u = CurrentUser.get();
        model.addAttribute("pairings", result);
        model.addAttribute("regionCode", regionCode);
        model.addAttribute("status", status);
        model.addAttribute("enterpriseId", enterpriseId);
        model.addAttribute("statuses", PairingStatus.values());
        // officials filter by their region or one directly below it; an enterprise sees only its own pairings
        model.addAttribute("regions", u.enterpriseId() == null && u.regionCode() != null
                ? regions.withChildren(u.regionCode()) : List.of());
        model.addAttribute("confirmable", ids(result.items(), p -> p.status() == PairingStatus.PROPOSED
                && PairingService.mayConfirm(u, p)));
        model.addAttribute("endable", ids(result.items(), p -> p.status() == PairingStatus.ACTIVE
                && PairingService.mayEnd(u, p)));
        model.addAttribute("canPropose", PairingService.canPropose(u));
        return "logistics/pairings";
    }

    @GetMapping("/pairings/{id}")
    String detail(@PathVariable String id, Model model) {
        Pairing p = pairings.pairing(id);
        CurrentUser u = CurrentUser.get();
        model.addAttribute("p", p);
        model.addAttribute("canConfirm", p.status() == PairingStatus.PROPOSED && PairingService.mayConfirm(u, p));
        model.addAttribute("canEnd", p.status() == PairingStatus.ACTIVE && PairingService.mayEnd(u, p));
        return "logistics/pairing";
    }

    @GetMapping("/pairings/propose")
    String propose(@RequestParam(required = false) String demandEnterpriseId,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String q, Model model) {
        CurrentUser u = CurrentUser.get();
        if (!PairingService.canPropose(u)) {
            throw ApiException.forbidden("error.forbidden");
        }
        String demand = demandEnterpriseId == null || demandEnterpriseId.isBlank() ? u.enterpriseId() : demandEnterpriseId.trim();
        String k = kind == null || kind.isBlank() ? PairingKind.TRANSPORT.name() : kind;
        model.addAttribute("demandEnterpriseId", demand);
        model.addAttribute("kind", k);
        model.addAttribute("kinds", PairingKind.values());
        model.addAttribute("q", q);
        // officials pick the demand subject by name instead of typing its id
        model.addAttribute("candidates", u.enterpriseId() == null ? pairings.demandCandidates(q, 100) : List.of());
        if (demand != null) {
            model.addAttribute("suggestions", pairings.suggestions(demand, k, 20));
        }
        return "logistics/propose";
    }

    @PostMapping("/pairings")
    String create(@RequestParam String demandEnterpriseId, @RequestParam String supplyEnterpriseId,
            @RequestParam String kind, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        Pairing p = pairings.propose(new PairingService.ProposeRequest(demandEnterpriseId, supplyEnterpriseId, kind, note));
        redirect.addFlashAttribute("flash", messages.get("pairings.flash.proposed"));
        return "redirect:/pairings/" + p.id();
    }

    @PostMapping("/pairings/{id}/{verb}")
    String decide(@PathVariable String id, @PathVariable String verb, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        PairingService.Decision d = new PairingService.Decision(reason);
        switch (verb) {
            case "confirm" -> pairings.confirm(id);
            case "decline" -> pairings.decline(id, d);
            case "end" -> pairings.end(id, d);
            default -> throw ApiException.notFound(PairingService.PAIRING, id);
        }
        redirect.addFlashAttribute("flash", messages.get("pairings.flash.decided"));
        return "redirect:/pairings/" + id;
    }

    @GetMapping("/pairings/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String status, @RequestParam(required = false) String enterpriseId) {
        List<List<?>> rows = new ArrayList<>();
        for (Pairing p : pairings.export(regionCode, status, enterpriseId, EXPORT_LIMIT)) {
            rows.add(List.of(p.demandName(), regions.name(p.demandRegionCode()), messages.get("enum.Sector." + p.demandSector()),
                    p.supplyName(), regions.name(p.supplyRegionCode()), messages.get("enum.Sector." + p.supplySector()),
                    messages.label(p.kind()), messages.label(p.status()), p.note() == null ? "" : p.note(),
                    ExcelExport.time(p.proposedAt())));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExcelWorkbook.create().sheet(messages.get("pairings.title"), List.of(messages.get("pairings.field.demand"),
                messages.get("pairings.field.demandRegion"), messages.get("pairings.field.demandSector"),
                messages.get("pairings.field.supply"), messages.get("pairings.field.supplyRegion"),
                messages.get("pairings.field.supplySector"), messages.get("pairings.field.kind"),
                messages.get("pairings.field.status"), messages.get("pairings.field.note"),
                messages.get("pairings.field.proposedAt")), rows).write(out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("pairings.xlsx").build().toString())
                .body(out.toByteArray());
    }

    private static Set<String> ids(List<Pairing> items, java.util.function.Predicate<Pairing> test) {
        return items.stream().filter(test).map(Pairing::id).collect(Collectors.toSet());
    }
}
