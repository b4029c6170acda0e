package org.sibao.tasking.internal;

import java.net.URI;

import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.tasking.internal.TaskTypes.DecisionInput;
import org.sibao.tasking.internal.TaskTypes.NewTask;
import org.sibao.tasking.internal.TaskTypes.ProgressInput;
import org.sibao.tasking.internal.TaskTypes.Task;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HQ tasks over the API: assign, list, progress, complete, accept, return. */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskApiController {

    private final TaskService tasks;

    TaskApiController(TaskService tasks) {
        this.tasks = tasks;
    }

    @PostMapping
    ResponseEntity<Task> create(@RequestBody NewTask in) {
        Task t = tasks.create(in);
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + t.id())).body(t);
    }

    @GetMapping
    PageResult<Task> list(@RequestParam(required = false) String status, @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Boolean assignedToMe, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return tasks.list(status, overdue, assignedToMe, PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    Task get(@PathVariable String id) {
        return tasks.get(id);
    }

    @PostMapping("/{id}/progress")
    Task progress(@PathVariable String id, @RequestBody(required = false) ProgressInput in) {
        return tasks.progress(id, in);
    }

    @PostMapping("/{id}/complete")
    Task complete(@PathVariable String id, @RequestBody(required = false) ProgressInput in) {
        return tasks.complete(id, in);
    }

    @PostMapping("/{id}/accept")
    Task accept(@PathVariable String id, @RequestBody(required = false) DecisionInput in) {
        return tasks.decide(id, true, in);
    }

    @PostMapping("/{id}/return")
    Task giveBack(@PathVariable String id, @RequestBody(required = false) DecisionInput in) {
        return tasks.decide(id, false, in);
    }
}
