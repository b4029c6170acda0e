package org.sibao.tasking.internal;

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
import org.sibao.region.Department;
import org.sibao.region.RegionService;
import org.sibao.region.TaskForce;
import org.sibao.tasking.IsoWeek;
import org.sibao.tasking.internal.Report.ReportKind;
import org.sibao.tasking.internal.TaskTypes.AssigneeInput;
import org.sibao.tasking.internal.TaskTypes.Assignment;
import org.sibao.tasking.internal.TaskTypes.DecisionInput;
import org.sibao.tasking.internal.TaskTypes.NewTask;
import org.sibao.tasking.internal.TaskTypes.ProgressInput;
import org.sibao.tasking.internal.TaskTypes.Task;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** Task pages (list with the assign form, detail with progress and decisions) and report pages (list, print, .docx). */
@Controller
class TaskingWebController {

    private final TaskService tasks;
    private final ReportService reports;
    private final RegionService regions;
    private final Messages messages;
    private final BusinessClock clock;

    TaskingWebController(TaskService tasks, ReportService reports, RegionService regions, Messages messages,
            BusinessClock clock) {
        this.tasks = tasks;
        this.reports = reports;
        this.regions = regions;
        this.messages = messages;
        this.clock = clock;
    }

    // --- tasks

    @GetMapping("/tasks")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Boolean assignedToMe, @RequestParam(required = false) Integer page,
            Model model) {
        CurrentUser u = CurrentUser.get();
        model.addAttribute("tasks", tasks.list(status, overdue, assignedToMe, PageQuery.of(page, 50)));
        model.addAttribute("status", status);
        model.addAttribute("overdue", overdue);
        model.addAttribute("assignedToMe", assignedToMe);
        model.addAttribute("statuses", TaskTypes.Status.values());
        model.addAttribute("canAssign", TaskService.canAssign(u));
        if (TaskService.canAssign(u)) {
            model.addAttribute("taskForces", TaskForce.values());
            model.addAttribute("departments", Department.values());
            model.addAttribute("lowerRegions", regions.children(u.regionCode()));
            model.addAttribute("deptRegions", regions.withChildren(u.regionCode()));
            model.addAttribute("priorities", TaskTypes.Priority.values());
            model.addAttribute("defaultDeadline", clock.nowOffset().plusDays(7).withHour(18).withMinute(0)
                    .toLocalDateTime().toString().substring(0, 16));
        }
        return "tasking/tasks";
    }

    /** The list's tasks (same filters and scope, every page) as an .xlsx. */
    @GetMapping("/tasks/export")
    void export(@RequestParam(required = false) String status, @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Boolean assignedToMe, HttpServletResponse response) throws IOException {
        Iterable<Task> all = ExcelExport.allPages(page -> tasks.list(status, overdue, assignedToMe, page), ExcelExport.MAX_ROWS);
        List<String> headers = ExcelExport.headers(messages, "tasking.field.", "title", "assigner", "assignees",
                "deadline", "priority", "status", "overdue", "createdBy", "createdAt", "closedAt");
        ExcelExport.send(response, "tasks-" + clock.today() + ".xlsx", ExcelWorkbook.create()
                .sheet(messages.get("tasking.tasks.title"), headers, ExcelExport.rows(all, t -> Arrays.asList(t.title(),
                        t.regionName(), t.assignments().stream().map(Assignment::label).collect(Collectors.joining("、")),
                        ExcelExport.time(t.deadline()), messages.get("tasking.priority." + t.priority()),
                        messages.get("tasking.status." + t.status()), messages.yesNo(t.overdue()), t.createdByName(),
                        ExcelExport.time(t.createdAt()), ExcelExport.time(t.closedAt())))));
    }

    @PostMapping("/tasks")
    String create(@RequestParam(required = false) String title, @RequestParam(required = false) String description,
            @RequestParam(required = false) String deadline, @RequestParam(required = false) String priority,
            @RequestParam(required = false) List<String> taskForces, @RequestParam(required = false) List<String> departments,
            @RequestParam(required = false) String departmentRegion, @RequestParam(required = false) List<String> lowerRegions,
            RedirectAttributes redirect) {
        List<AssigneeInput> assignees = new ArrayList<>();
        for (String tf : nn(taskForces)) {
            assignees.add(new AssigneeInput("TASK_FORCE", tf, null));
        }
        for (String d : nn(departments)) {
            assignees.add(new AssigneeInput("DEPARTMENT", d, departmentRegion));
        }
        for (String r : nn(lowerRegions)) {
            assignees.add(new AssigneeInput("REGION", null, r));
        }
        try {
            Task t = tasks.create(new NewTask(title, description, deadline, priority, assignees));
            redirect.addFlashAttribute("flash", messages.get("tasking.flash.created"));
            return "redirect:/tasks/" + t.id();
        } catch (ApiException e) {
            redirect.addFlashAttribute("problems", problems(e));
            // the form comes back as it was sent, so nothing has to be typed again
            java.util.Map<String, String> sent = new java.util.HashMap<>();
            sent.put("title", title == null ? "" : title);
            sent.put("description", description == null ? "" : description);
            sent.put("deadline", deadline == null ? "" : deadline);
            sent.put("priority", priority == null ? "" : priority);
            redirect.addFlashAttribute("assignInput", sent);
            return "redirect:/tasks";
        }
    }

    @GetMapping("/tasks/{id}")
    String detail(@PathVariable String id, Model model) {
        CurrentUser u = CurrentUser.get();
        Task t = tasks.get(id);
        model.addAttribute("task", t);
        model.addAttribute("mine", t.assignments().stream().filter(a -> TaskService.handles(u, a) && a.status().open()).toList());
        model.addAttribute("canDecide", TaskService.canDecide(u, t));
        model.addAttribute("labels", t.assignments().stream()
                .collect(java.util.stream.Collectors.toMap(Assignment::id, Assignment::label)));
        return "tasking/task";
    }

    @PostMapping("/tasks/{id}/{verb}")
    String act(@PathVariable String id, @PathVariable String verb, @RequestParam(required = false) String assignmentId,
            @RequestParam(required = false) Integer percent, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        try {
            switch (verb) {
                case "progress" -> tasks.progress(id, new ProgressInput(assignmentId, percent, note));
                case "complete" -> tasks.complete(id, new ProgressInput(assignmentId, null, note));
                case "accept" -> tasks.decide(id, true, new DecisionInput(assignmentId, note));
                case "return" -> tasks.decide(id, false, new DecisionInput(assignmentId, note));
                default -> throw ApiException.notFound(TaskService.TASK, id);
            }
            redirect.addFlashAttribute("flash", messages.get("tasking.flash.saved"));
        } catch (ApiException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("problems", problems(e));
        }
        return "redirect:/tasks/" + id;
    }

    // --- reports

    @GetMapping("/reports")
    String reportList(@RequestParam(required = false) String kind, @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) Integer page, Model model) {
        CurrentUser u = CurrentUser.get();
        model.addAttribute("reports", reports.list(kind, regionCode, PageQuery.of(page, 50)));
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute("regionCode", regionCode);
        model.addAttribute("regionChoices", regions.withChildren(u.regionCode()));
        model.addAttribute("currentWeek", IsoWeek.of(clock.now()).toString());
        return "tasking/reports";
    }

    @PostMapping("/reports")
    String generate(@RequestParam(required = false) String kind, @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String week, RedirectAttributes redirect) {
        try {
            ReportKind k = TaskService.parseOr(ReportKind.class, kind, ReportKind.WEEKLY_BRIEF);
            Report r = reports.generateOnDemand(k, regionCode, week);
            return "redirect:/reports/" + r.id();
        } catch (ApiException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("problems", problems(e));
            return "redirect:/reports";
        }
    }

    @GetMapping("/reports/{id}")
    String report(@PathVariable String id, Model model) {
        Report r = reports.get(id);
        model.addAttribute("report", r);
        model.addAttribute("generated", ReportDocx.generated(r));
        return "tasking/report";
    }

    @GetMapping("/reports/{id}.docx")
    ResponseEntity<byte[]> docx(@PathVariable String id) {
        return ReportApiController.docxResponse(reports.get(id));
    }

    private List<String> problems(ApiException e) {
        List<String> out = new ArrayList<>();
        out.add(messages.get(e.detailKey(), e.args()));
        e.errors().forEach(p -> out.add(messages.line(p)));
        return out;
    }

    private static List<String> nn(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }
}
