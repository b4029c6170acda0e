package org.sibao.epidemic.internal;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.region.RegionService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Code protection (赋码保护) for upper platforms ({@code GET /api/v1/epidemic/code-protection}, its Excel export)
 * and for officers (the page {@code /epidemic/code-protection} with the same filters and the export).
 */
@Controller
class CodeProtectionController {

    private final CodeProtection protection;
    private final RegionService regions;

    CodeProtectionController(CodeProtection protection, RegionService regions) {
        this.protection = protection;
        this.regions = regions;
    }

    @GetMapping("/api/v1/epidemic/code-protection")
    @ResponseBody
    PageResult<CodeProtection.Item> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String regionCode, @RequestParam(defaultValue = "false") boolean reveal,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageQuery paging = PageQuery.of(page, size); // first: a bad page is named with the filters
        return protection.list(protection.query(status, regionCode, reveal), paging);
    }

    /** Written before the answer starts (in the caller's scope and transaction), then sent. */
    @GetMapping({"/api/v1/epidemic/code-protection/export", "/epidemic/code-protection/export"})
    @ResponseBody
    ResponseEntity<byte[]> export(@RequestParam(required = false) String status,
            @RequestParam(required = false) String regionCode, @RequestParam(defaultValue = "false") boolean reveal) {
        CodeProtection.Query q = protection.query(status, regionCode, reveal);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        protection.export(q, out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"code-protection-" + q.regionCode() + "-"
                        + q.status().name().toLowerCase(java.util.Locale.ROOT) + ".xlsx\"")
                .header(HttpHeaders.CONTENT_TYPE, org.sibao.platform.excel.ExcelExport.XLSX)
                .cacheControl(org.springframework.http.CacheControl.noStore()).body(out.toByteArray());
    }

    @GetMapping("/epidemic/code-protection")
    String page(@RequestParam(required = false) String status, @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) Integer page, Model model) {
        CodeProtection.Query q = protection.query(status, regionCode, false);
        model.addAttribute("query", q);
        model.addAttribute("items", protection.list(q, PageQuery.of(page, 50)));
        model.addAttribute("counts", protection.counts(q));
        model.addAttribute("statuses", CodeProtection.Status.values());
        model.addAttribute("regionChoices", regions.withChildren(q.regionCode()));
        model.addAttribute("regionNames", regions.names(java.util.List.of(q.regionCode())));
        model.addAttribute("canReveal", CodeProtection.REVEALERS.contains(CurrentUser.get().role()));
        return "epidemic/code-protection";
    }
}
