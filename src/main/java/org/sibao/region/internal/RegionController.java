package org.sibao.region.internal;

import java.util.Arrays;
import java.util.List;

import org.sibao.platform.Messages;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.region.Department;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Regions and the department catalogue: reference data any signed-in caller may read. */
@RestController
@RequestMapping("/api/v1")
class RegionController {

    private final RegionService regions;
    private final Messages messages;

    RegionController(RegionService regions, Messages messages) {
        this.regions = regions;
        this.messages = messages;
    }

    record RegionView(String code, String name, String level, String parentCode) {
        static RegionView of(Region r) {
            return new RegionView(r.code(), r.name(), r.level().name(), r.parentCode());
        }
    }

    record DepartmentView(String code, String name) {
    }

    @GetMapping("/regions/{code}")
    RegionView region(@PathVariable String code) {
        return RegionView.of(regions.get(code));
    }

    /**
     * The children in the list envelope, by code, with {@code ?page=&size=}; without {@code size} all of them (up to
     * 500, a city has at most a few dozen) in one page, as before paging.
     */
    @GetMapping("/regions/{code}/children")
    PageResult<RegionView> children(@PathVariable String code, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery q = PageQuery.of(page, size, PageQuery.MAX_SIZE);
        regions.get(code);
        return q.slice(regions.children(code).stream().map(RegionView::of).toList());
    }

    @GetMapping("/departments")
    List<DepartmentView> departments() {
        return Arrays.stream(Department.values()).map(d -> new DepartmentView(d.name(), messages.label(d))).toList();
    }

    @GetMapping("/regions/{code}/departments")
    List<DepartmentView> departmentsOf(@PathVariable String code) {
        regions.get(code);
        return departments();
    }
}
