package org.sibao.whitelist.internal;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.sibao.platform.ApiException;
import org.sibao.platform.Messages;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.Validation;
import org.sibao.platform.web.ProblemResponses;
import org.sibao.region.Sector;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public list (向社会公示, no login). One path for both audiences: browsers (Accept: text/html) get the Chinese
 * page with the objection form; API clients get JSON. Objections come through the page's form (CSRF-protected) or
 * as JSON (no CSRF token: see {@code SecurityConfig.isJsonObjection}), answered 201 or problem+json. Next to it the
 * public selection criteria ({@code /public/whitelist/criteria}, HTML), linked from the list.
 */
@Controller
class PublicWhitelistController {

    /** The contract's fields, plus the region's name and the end of publicity for people reading the page. */
    record PublicItem(String entryId, String name, String uscc, String regionCode, String sector, String level,
            String batchName, String status, String regionName, java.time.OffsetDateTime publicityEndsAt) {
    }

    /** One criterion as the public reads it: the title and the rule in words, no JSON. */
    record PublicCriterion(String code, String title, CriteriaSet.Kind kind, String preview) {
    }

    /** One criteria set: who it applies to ({@code regionName}, or the province-wide default), its criteria by kind. */
    record PublicCriteriaSet(String sector, String level, int version, java.time.OffsetDateTime publishedAt,
            String regionCode, String regionName, Map<CriteriaSet.Kind, List<PublicCriterion>> byKind) {
    }

    private final EntryService entries;
    private final WhitelistFilters filters;
    private final Messages messages;
    private final JsonMapper json;
    private final CriteriaService criteria;
    private final Prechecker prechecker;

    private final org.sibao.region.RegionService regions;

    PublicWhitelistController(EntryService entries, WhitelistFilters filters, Messages messages, JsonMapper json,
            org.sibao.region.RegionService regions, CriteriaService criteria, Prechecker prechecker) {
        this.regions = regions;
        this.criteria = criteria;
        this.prechecker = prechecker;
        this.entries = entries;
        this.filters = filters;
        this.messages = messages;
        this.json = json;
    }

    /**
     * The list envelope with {@code ?page=&size=} (size ≤ 500; without it up to 500 in one page), ordered by region,
     * sector and name. An unknown sector or region code, or a bad page or size, is a 400 naming each (problem+json;
     * the page shows the messages above an empty list).
     */
    @GetMapping("/public/whitelist")
    Object list(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String sector,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestHeader(value = "Accept", required = false) String accept, Model model,
            HttpServletRequest request) {
        Validation v = new Validation();
        EntryService.EntryFilter filter = filters.published(regionCode, sector, v);
        PageQuery pageQuery = PageQuery.of(page, size, PageQuery.MAX_SIZE, v);
        boolean html = accept != null && accept.contains("text/html");
        PageResult<PublicItem> result = v.hasProblems() ? pageQuery.result(List.of(), 0)
                : entries.published(filter, pageQuery).map(this::item);
        if (html) {
            if (v.hasProblems()) {
                model.addAttribute("errors", v.problems().stream().map(messages::resolve).toList());
            }
            model.addAttribute("items", result.items());
            model.addAttribute("result", result);
            model.addAttribute("regionCode", regionCode);
            model.addAttribute("sector", sector);
            model.addAttribute("sectors", Sector.values());
            model.addAttribute("regions", pickableRegions());
            model.addAttribute("inPublicity", result.items().stream().anyMatch(i -> "PUBLICIZED".equals(i.status())));
            return "whitelist/public";
        }
        if (v.hasProblems()) {
            return problem(request, ApiException.invalid(v.problems()));
        }
        return ResponseEntity.ok(result);
    }

    /**
     * The selection criteria made public (遴选标准和管理办法并向社会公布, 申报标准向社会公开): each published set in force
     * by sector, level and region, every criterion with its plain-Chinese rule (the preview the criteria editor shows).
     * {@code ?sector=&regionCode=}: with a region, the sets that apply to its subjects; an unknown sector or region is
     * shown above an empty page.
     */
    @GetMapping("/public/whitelist/criteria")
    String criteria(@RequestParam(required = false) String sector, @RequestParam(required = false) String regionCode,
            Model model) {
        Validation v = new Validation();
        EntryService.EntryFilter filter = filters.published(regionCode, sector, v);
        if (v.hasProblems()) {
            model.addAttribute("errors", v.problems().stream().map(messages::resolve).toList());
        }
        model.addAttribute("sets", v.hasProblems() ? List.of()
                : criteria.inForce(filter.sector(), filter.regionCode()).stream().map(this::criteriaSet).toList());
        model.addAttribute("sector", sector);
        model.addAttribute("regionCode", regionCode);
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("regions", pickableRegions());
        return "whitelist/public-criteria";
    }

    private PublicCriteriaSet criteriaSet(CriteriaSet set) {
        return new PublicCriteriaSet(set.sector(), set.level(), set.version(), set.publishedAt(), set.regionCode(),
                set.regionCode() == null ? null : regions.name(set.regionCode()),
                set.criteria().stream().map(c -> new PublicCriterion(c.code(), c.title(), c.kind(),
                        prechecker.preview(c.rule()))).collect(java.util.stream.Collectors.groupingBy(
                                PublicCriterion::kind, () -> new java.util.EnumMap<>(CriteriaSet.Kind.class),
                                java.util.stream.Collectors.toList())));
    }

    /** The region filter's choices: every city and county (the province is the empty choice). */
    private List<org.sibao.region.Region> pickableRegions() {
        return regions.all().stream().filter(r -> r.parentCode() != null).toList();
    }

    private PublicItem item(EntryService.Entry e) {
        return new PublicItem(e.id(), e.name(), e.uscc(), e.regionCode(), e.sector(), e.level(), e.batchName(),
                e.status(), regions.find(e.regionCode()).map(org.sibao.region.Region::name).orElse(e.regionCode()),
                e.publicityEndsAt());
    }

    record ObjectionRequest(String entryId, String contactName, String contactPhone, String reason) {
    }

    @PostMapping(path = "/public/whitelist/objections", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> lodgeJson(@RequestBody(required = false) String body, HttpServletRequest request) {
        ObjectionRequest r;
        try {
            r = body == null || body.isBlank() ? null : json.readValue(body, ObjectionRequest.class);
        } catch (JacksonException e) {
            r = null;
        }
        if (r == null) {
            return problem(request, ApiException.invalid("body", "error.unreadable"));
        }
        try {
            EntryService.Objection o = entries.lodge(r.entryId(), r.contactName(), r.contactPhone(), r.reason());
            return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(o);
        } catch (ApiException e) {
            return problem(request, e);
        }
    }

    /** The platform's advice answers HTML outside {@code /api}: this JSON endpoint builds its problem itself. */
    private ResponseEntity<Object> problem(HttpServletRequest request, ApiException e) {
        ProblemDetail p = ProblemResponses.problem(e.status(), e.status() == HttpStatus.NOT_FOUND ? "not-found"
                : "invalid-input", messages.get("problem.title." + e.status().value()),
                messages.get(e.detailKey(), e.args()), request);
        if (!e.errors().isEmpty()) {
            p.setProperty("errors", e.errors().stream()
                    .map(f -> Map.of("field", f.field(), "message", messages.resolve(f))).toList());
        }
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @PostMapping("/public/whitelist/objections")
    String lodge(@RequestParam(required = false) String entryId, @RequestParam(required = false) String contactName,
            @RequestParam(required = false) String contactPhone, @RequestParam(required = false) String reason,
            Model model) {
        try {
            entries.lodge(entryId, contactName, contactPhone, reason);
            return "redirect:/public/whitelist?lodged";
        } catch (ApiException e) {
            model.addAttribute("errors", e.errors().stream().map(p -> messages.get("whitelist.field." + p.field())
                    + "：" + messages.resolve(p)).toList());
            PageResult<PublicItem> result = entries.published(new EntryService.EntryFilter(null, null, null),
                    PageQuery.of(0, PageQuery.MAX_SIZE)).map(this::item);
            model.addAttribute("items", result.items());
            model.addAttribute("result", result);
            model.addAttribute("sectors", Sector.values());
            model.addAttribute("regions", pickableRegions());
            model.addAttribute("inPublicity", true);
            model.addAttribute("form", Map.of("entryId", entryId == null ? "" : entryId,
                    "contactName", contactName == null ? "" : contactName, "reason", reason == null ? "" : reason));
            return "whitelist/public";
        }
    }
}
