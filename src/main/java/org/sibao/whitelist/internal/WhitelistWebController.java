package org.sibao.whitelist.internal;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.PageQuery;
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

    WhitelistWebController(ApplicationService applications, EntryService entries) {
        this.applications = applications;
        this.entries = entries;
    }

    @GetMapping("/whitelist/applications")
    String applications(@RequestParam(required = false) String status,
            @RequestParam(defaultValue = "false") boolean dueForMe, @RequestParam(required = false) String enterpriseId,
            @RequestParam(required = false) Integer page, Model model) {
        CurrentUser user = CurrentUser.get();
        model.addAttribute("result", applications.list(user,
                new ApplicationService.Filter(status, null, null, blankToNull(enterpriseId), dueForMe),
                PageQuery.of(page, 50)));
        model.addAttribute("dueForMe", dueForMe);
        model.addAttribute("canApply", user.is(Role.ENTERPRISE, Role.LIAISON, Role.SECTOR_OFFICER));
        return "whitelist/applications";
    }

    @GetMapping("/whitelist/entries")
    String entries(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String sector,
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", entries.entries(CurrentUser.get(),
                new EntryService.EntryFilter(regionCode, sector, status), PageQuery.of(page, 50)));
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("filter", new EntryService.EntryFilter(regionCode, sector, status));
        return "whitelist/entries";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
