package org.sibao.identity.internal;

import java.util.List;
import java.util.Map;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** User administration over the API (ADMIN), and liaison assignments (ADMIN or the HQ office). */
@RestController
class AdminUserController {

    private final UserAdminService service;
    private final UserRepository users;

    AdminUserController(UserAdminService service, UserRepository users) {
        this.service = service;
        this.users = users;
    }

    record UserView(String id, String username, String displayName, String role, String regionCode, String sector,
            String departmentCode, String enterpriseId, boolean enabled) {
        static UserView of(UserRow u) {
            return new UserView(u.id(), u.username(), u.displayName(), u.role().name(), u.regionCode(),
                    u.sector() == null ? null : u.sector().name(), u.departmentCode(), u.enterpriseId(), u.enabled());
        }
    }

    @PostMapping("/api/v1/admin/users")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    UserView create(@RequestBody UserAdminService.NewUser request) {
        return UserView.of(service.create(request, CurrentUser.get()));
    }

    @GetMapping("/api/v1/admin/users")
    @PreAuthorize("hasRole('ADMIN')")
    PageResult<UserView> list(@RequestParam(required = false) Role role, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return users.search(CurrentUser.get().scope(), role, q, PageQuery.of(page, size)).map(UserView::of);
    }

    @GetMapping("/api/v1/admin/users/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    UserView get(@PathVariable String id) {
        return UserView.of(service.visible(id, CurrentUser.get()));
    }

    record PasswordReset(String password) {
    }

    @PostMapping("/api/v1/admin/users/{id}/enable")
    @PreAuthorize("hasRole('ADMIN')")
    UserView enable(@PathVariable String id) {
        return UserView.of(service.setEnabled(id, true, CurrentUser.get()));
    }

    @PostMapping("/api/v1/admin/users/{id}/disable")
    @PreAuthorize("hasRole('ADMIN')")
    UserView disable(@PathVariable String id) {
        return UserView.of(service.setEnabled(id, false, CurrentUser.get()));
    }

    @PostMapping("/api/v1/admin/users/{id}/password")
    @PreAuthorize("hasRole('ADMIN')")
    UserView resetPassword(@PathVariable String id, @RequestBody PasswordReset request) {
        service.resetPassword(id, request.password(), CurrentUser.get());
        return UserView.of(service.visible(id, CurrentUser.get()));
    }

    @GetMapping("/api/v1/me")
    UserView me() {
        CurrentUser u = CurrentUser.get();
        return new UserView(u.id(), u.username(), u.displayName(), u.role().name(), u.regionCode(),
                u.sector() == null ? null : u.sector().name(), u.departmentCode(), u.enterpriseId(), true);
    }

    @GetMapping("/api/v1/liaisons/{id}/enterprises")
    @PreAuthorize("hasAnyRole('ADMIN','HQ_OFFICER')")
    Map<String, List<String>> assigned(@PathVariable String id) {
        service.visible(id, CurrentUser.get());
        return Map.of("enterpriseIds", users.assignedEnterprises(id));
    }

    @PostMapping("/api/v1/liaisons/{id}/enterprises/{enterpriseId}")
    @PreAuthorize("hasAnyRole('ADMIN','HQ_OFFICER')")
    Map<String, List<String>> assign(@PathVariable String id, @PathVariable String enterpriseId) {
        service.assignEnterprise(id, enterpriseId, CurrentUser.get());
        return Map.of("enterpriseIds", users.assignedEnterprises(id));
    }

    @DeleteMapping("/api/v1/liaisons/{id}/enterprises/{enterpriseId}")
    @PreAuthorize("hasAnyRole('ADMIN','HQ_OFFICER')")
    Map<String, List<String>> unassign(@PathVariable String id, @PathVariable String enterpriseId) {
        service.unassignEnterprise(id, enterpriseId, CurrentUser.get());
        return Map.of("enterpriseIds", users.assignedEnterprises(id));
    }
}
