package org.sibao.appeal.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.sibao.platform.BusinessClock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Common-issue clusters (共性问题, 批处理): read one, resolve it with a policy answer. */
@RestController
@RequestMapping("/api/v1/appeal-clusters")
class ClusterApiController {

    record ClusterView(String id, String regionCode, String category, String title, String taskForce, String status,
            String result, String createdBy, OffsetDateTime createdAt, String resolvedBy, OffsetDateTime resolvedAt,
            List<AppealView> appeals) {
    }

    private final AppealService service;
    private final AppealRepository repository;
    private final BusinessClock clock;

    ClusterApiController(AppealService service, AppealRepository repository, BusinessClock clock) {
        this.service = service;
        this.repository = repository;
        this.clock = clock;
    }

    @GetMapping("/{id}")
    ClusterView get(@PathVariable String id) {
        return view(service.cluster(id));
    }

    @PostMapping("/{id}/resolve")
    ClusterView resolve(@PathVariable String id, @RequestBody(required = false) AppealInputs.Note in) {
        return view(service.resolveCluster(id, in));
    }

    private ClusterView view(AppealRepository.Cluster c) {
        OffsetDateTime now = clock.nowOffset();
        List<AppealView> appeals = repository.inCluster(c.id()).stream().map(a -> AppealView.summary(a, now)).toList();
        return new ClusterView(c.id(), c.regionCode(), c.category().name(), c.title(), c.taskForce(), c.status(),
                c.result(), c.createdBy(), c.createdAt(), c.resolvedBy(), c.resolvedAt(), appeals);
    }
}
