package org.sibao.whitelist.internal;

import java.util.List;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.Messages;
import org.sibao.platform.PageQuery;
import org.sibao.platform.Validation;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The whitelist list pages: applications (with the review queue) and entries, each with its filters. */
@Controller
class WhitelistWebController {

    private final ApplicationService applications;
    private final EntryService entries;
    private final WhitelistFilters filters;
    private final Messages messages;
    private final RegionService regions;
    private final WhitelistViews views;

    WhitelistWebController(ApplicationService applications, EntryService entries, WhitelistFilters filters,
            Messages messages, RegionService regions, WhitelistViews views) {
        this.views = views;
        this.regions = regions;
        this.applications = applications;
        this.entries = entries;
        this.filters = filters;
        this.messages = messages;
    }

    @GetMapping("/whitelist/applications")
    String applications(@RequestParam(required = false) String status,
            @RequestParam(defaultValue = "false") boolean dueForMe, @RequestParam(required = false) String enterpriseId,
            @RequestParam(required = false) Integer page, Model model) {
        CurrentUser user = CurrentUser.get();
        Validation v = new Validation();
        ApplicationService.Filter filter = filters.applications(status, null, null, enterpriseId, dueForMe, v);
        v.throwIfInvalid();
        var result = applications.list(user, filter, PageQuery.of(page, 50));
        model.addAttribute("result", result);
        model.addAttribute("regionNames", regions.names(result.items().stream().map(ApplicationService.App::regionCode).toList()));
        model.addAttribute("dueForMe", dueForMe);
        model.addAttribute("canApply", user.is(Role.ENTERPRISE, Role.LIAISON, Role.SECTOR_OFFICER));
        return "whitelist/applications";
    }

    /** The page's Excel download, with the browser's session (the API's export wants a bearer token). */
    @GetMapping("/whitelist/applications/export")
    org.springframework.http.ResponseEntity<byte[]> exportApplications(@RequestParam(required = false) String status,
            @RequestParam(required = false) String sector, @RequestParam(required = false) String regionCode) {
        Validation v = new Validation();
        ApplicationService.Filter filter = filters.applications(status, sector, regionCode, null, false, v);
        v.throwIfInvalid();
        return views.applicationsXlsx(CurrentUser.get(), filter);
    }

    @GetMapping("/whitelist/entries/export")
    org.springframework.http.ResponseEntity<byte[]> exportEntries(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String sector, @RequestParam(required = false) String status) {
        Validation v = new Validation();
        EntryService.EntryFilter filter = filters.entries(regionCode, sector, status, v);
        v.throwIfInvalid();
        return views.entriesXlsx(CurrentUser.get(), filter);
    }

    @GetMapping("/whitelist/entries")
    String entries(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String sector,
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer page, Model model) {
        Validation v = new Validation();
        EntryService.EntryFilter filter = filters.entries(regionCode, sector, status, v);
        PageQuery pageQuery = PageQuery.of(page, 50, 50, v);
        if (v.hasProblems()) {
            // the region is typed in: say what is wrong above the (empty) list rather than leave the page
            model.addAttribute("errors", v.problems().stream().map(messages::resolve).toList());
            model.addAttribute("result", pageQuery.result(List.of(), 0));
        } else {
            var result = entries.entries(CurrentUser.get(), filter, pageQuery);
            model.addAttribute("result", result);
            model.addAttribute("regionNames", regions.names(result.items().stream().map(EntryService.Entry::regionCode).toList()));
        }
        // the user's region and those directly below it, to filter by name instead of typing a code
        String own = CurrentUser.get().regionCode();
        model.addAttribute("regions", own == null ? List.of() : regions.withChildren(own));
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("filter", new EntryService.EntryFilter(regionCode, sector, status));
        return "whitelist/entries";
    }
}
