package org.sibao.identity.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.EnterpriseDirectory;
import org.sibao.identity.Role;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Messages;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.excel.ExcelExport;
import org.sibao.platform.excel.ExcelWorkbook;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * 包保干部: the HQ office (and administrators) assign enterprises to the liaison cadres of their region.
 * The forms post here from this page and from the administrator's user detail page ({@code from=admin}).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','HQ_OFFICER')")
class LiaisonWebController {

    private final UserAdminService service;
    private final UserRepository users;
    private final EnterpriseDirectory enterprises;
    private final RegionService regions;
    private final Messages messages;
    private final BusinessClock clock;

    LiaisonWebController(UserAdminService service, UserRepository users, EnterpriseDirectory enterprises,
            RegionService regions, Messages messages, BusinessClock clock) {
        this.clock = clock;
        this.service = service;
        this.users = users;
        this.enterprises = enterprises;
        this.regions = regions;
        this.messages = messages;
    }

    /** An assigned enterprise: its id and, where the subject module knows it, its name. */
    record Assignment(String enterpriseId, String name) {
    }

    static List<Assignment> assignments(UserRepository users, EnterpriseDirectory enterprises, String liaisonId) {
        return users.assignedEnterprises(liaisonId).stream()
                .map(e -> new Assignment(e, enterprises.nameOf(e).orElse(""))).toList();
    }

    @GetMapping("/liaisons")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        PageResult<UserRow> result = users.search(CurrentUser.get().scope(), Role.LIAISON, q, PageQuery.of(page, 20));
        Map<String, Long> counts = users.countAssigned(result.items().stream().map(UserRow::id).toList());
        model.addAttribute("result", result);
        model.addAttribute("counts", counts);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("regionNames", result.items().stream().map(UserRow::regionCode).distinct()
                .collect(java.util.stream.Collectors.toMap(c -> c, c -> regions.find(c).map(Region::name).orElse(c))));
        return "identity/liaisons";
    }

    /** The liaison list (same search and scope, every page) as an .xlsx, with each liaison's enterprises by name. */
    @GetMapping("/liaisons/export")
    void export(@RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        Iterable<UserRow> all = ExcelExport.allPages(page -> users.search(CurrentUser.get().scope(), Role.LIAISON, q, page),
                ExcelExport.MAX_ROWS);
        List<String> headers = List.of(messages.get("users.username"), messages.get("users.displayName"),
                messages.get("users.region"), messages.get("liaisons.count"), messages.get("liaisons.assigned.title"));
        ExcelExport.send(response, "liaisons-" + clock.today() + ".xlsx", ExcelWorkbook.create()
                .sheet(messages.get("liaisons.title"), headers, ExcelExport.rows(all, u -> {
                    List<Assignment> assigned = assignments(users, enterprises, u.id());
                    return List.of(u.username(), u.displayName(), regions.name(u.regionCode()), assigned.size(),
                            assigned.stream().map(a -> a.name().isEmpty() ? a.enterpriseId() : a.name())
                                    .collect(java.util.stream.Collectors.joining("、")));
                })));
    }

    @GetMapping("/liaisons/{id}")
    String detail(@PathVariable String id, Model model) {
        UserRow liaison = service.visible(id, CurrentUser.get());
        if (liaison.role() != Role.LIAISON) {
            throw ApiException.notFound("liaison", id);
        }
        model.addAttribute("user", liaison);
        model.addAttribute("regionName", regions.find(liaison.regionCode()).map(Region::name).orElse(liaison.regionCode()));
        model.addAttribute("assignments", assignments(users, enterprises, id));
        return "identity/liaison";
    }

    @PostMapping("/liaisons/{id}/enterprises")
    String assign(@PathVariable String id, @RequestParam(required = false) String enterpriseId,
            @RequestParam(required = false) String from, RedirectAttributes redirect) {
        String enterprise = enterpriseId == null ? "" : enterpriseId.trim();
        try {
            if (enterprise.isEmpty()) {
                throw ApiException.invalid("enterpriseId", "validation.required");
            }
            // picked by name or USCC ("名称 · USCC") among the subjects in the user's scope
            String subjectId = enterprises.resolve(enterprise, CurrentUser.get().scope()).orElse(enterprise);
            service.assignEnterprise(id, subjectId, CurrentUser.get());
            redirect.addFlashAttribute("flash", messages.get("liaisons.assigned",
                    enterprises.nameOf(subjectId).orElse(enterprise)));
        } catch (ApiException e) {
            if (e.status() == HttpStatus.NOT_FOUND && isUserMissing(id)) {
                throw e;
            }
            redirect.addFlashAttribute("assignError", e.status() == HttpStatus.NOT_FOUND
                    ? messages.get("liaisons.enterpriseNotFound", enterprise)
                    : e.errors().isEmpty() ? messages.get(e.detailKey(), e.args()) : messages.resolve(e.errors().get(0)));
        }
        return back(id, from);
    }

    @PostMapping("/liaisons/{id}/enterprises/{enterpriseId}/remove")
    String unassign(@PathVariable String id, @PathVariable String enterpriseId,
            @RequestParam(required = false) String from, RedirectAttributes redirect) {
        String name = enterprises.nameOf(enterpriseId).orElse(enterpriseId);
        service.unassignEnterprise(id, enterpriseId, CurrentUser.get());
        redirect.addFlashAttribute("flash", messages.get("liaisons.unassigned", name));
        return back(id, from);
    }

    private boolean isUserMissing(String id) {
        return users.findById(id).filter(u -> CurrentUser.get().scope().coversRegion(u.regionCode())).isEmpty();
    }

    private static String back(String id, String from) {
        return "admin".equals(from) && CurrentUser.get().is(Role.ADMIN) ? "redirect:/admin/users/" + id
                : "redirect:/liaisons/" + id;
    }
}
