package org.sibao.identity.internal;

import org.sibao.identity.CurrentUser;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/me/password}: every user changes their own password, giving the current one. */
@RestController
class AccountController {

    private final UserAdminService service;

    AccountController(UserAdminService service) {
        this.service = service;
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    record PasswordChanged(boolean changed) {
    }

    @PostMapping("/api/v1/me/password")
    PasswordChanged change(@RequestBody PasswordChange request) {
        service.changeOwnPassword(CurrentUser.get(), request.currentPassword(), request.newPassword());
        return new PasswordChanged(true);
    }
}
