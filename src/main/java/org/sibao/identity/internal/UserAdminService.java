package org.sibao.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.EnterpriseDirectory;
import org.sibao.identity.Role;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Ids;
import org.sibao.platform.Validation;
import org.sibao.platform.audit.AuditLog;
import org.sibao.region.Department;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and changing users, with every rule of issue #2 checked before anything is written. */
@Service
class UserAdminService {

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final RegionService regions;
    private final EnterpriseDirectory enterprises;
    private final BusinessClock clock;
    private final AuditLog audit;
    private final UserCache cache;
    private final SessionRevoker sessions;
    private final ThrottledAuthenticationProvider throttle;

    UserAdminService(UserRepository users, PasswordEncoder encoder, RegionService regions,
            EnterpriseDirectory enterprises, BusinessClock clock, AuditLog audit, UserCache cache,
            SessionRevoker sessions, ThrottledAuthenticationProvider throttle) {
        this.throttle = throttle;
        this.users = users;
        this.sessions = sessions;
        this.encoder = encoder;
        this.regions = regions;
        this.enterprises = enterprises;
        this.clock = clock;
        this.audit = audit;
        this.cache = cache;
    }

    record NewUser(String username, String password, String displayName, String role, String regionCode,
            String sector, String departmentCode, String enterpriseId) {
    }

    /**
     * @param actor the administrator; may only create users inside their own region
     */
    @Transactional
    UserRow create(NewUser in, CurrentUser actor) {
        Validation v = new Validation();
        if (v.required(in.username(), "username")) {
            v.check(in.username().matches("[A-Za-z0-9_.@-]{3,60}"), "username", "user.usernameRule");
        }
        PasswordPolicy.check(in.password(), v, "password");
        if (v.required(in.displayName(), "displayName")) {
            v.maxLength(in.displayName(), 100, "displayName");
        }
        Role role = null;
        if (v.required(in.role(), "role")) {
            try {
                role = Role.valueOf(in.role().trim());
            } catch (IllegalArgumentException e) {
                v.reject("role", "validation.enum", String.join(", ", java.util.Arrays.stream(Role.values()).map(Enum::name).toList()));
            }
        }
        if (v.required(in.regionCode(), "regionCode")) {
            v.check(regions.find(in.regionCode().trim()).isPresent(), "regionCode", "region.unknown", in.regionCode());
        }
        Sector sector = null;
        if (in.sector() != null && !in.sector().isBlank()) {
            sector = Sector.parse(in.sector()).orElse(null);
            v.check(sector != null, "sector", "validation.enum", "INDUSTRY, COMMERCE, TRANSPORT, CULTURE_TOURISM, KEY_PROJECT");
        } else if (role == Role.SECTOR_OFFICER) {
            v.reject("sector", "user.sectorRequired");
        }
        String department = blankToNull(in.departmentCode());
        if (department != null) {
            v.check(Department.parse(department).isPresent(), "departmentCode", "department.unknown", department);
        } else if (role == Role.DEPT_HANDLER) {
            v.reject("departmentCode", "user.departmentRequired");
        }
        String enterpriseId = blankToNull(in.enterpriseId());
        if (enterpriseId != null) {
            // an enterprise outside the administrator's region is as unknown as one that does not exist
            v.check(enterprises.regionOf(enterpriseId)
                    .filter(region -> actor == null || actor.scope().coversRegion(region)).isPresent(),
                    "enterpriseId", "user.enterpriseUnknown");
        } else if (role == Role.ENTERPRISE) {
            v.reject("enterpriseId", "user.enterpriseRequired");
        }
        v.throwIfInvalid();
        if (actor != null && !actor.scope().coversRegion(in.regionCode().trim())) {
            // an action this administrator may not take, not a typing mistake: 403 (API.md)
            throw ApiException.forbidden("user.regionOutsideScope");
        }
        if (users.usernameExists(in.username().trim())) {
            throw ApiException.conflict("user.usernameTaken", in.username().trim());
        }
        UserRow row = new UserRow(Ids.newId(), in.username().trim(), encoder.encode(in.password()), in.displayName().trim(),
                role, in.regionCode().trim(), sector, department, enterpriseId, true, 0, null, clock.nowOffset());
        users.insert(row);
        audit.record("USER_CREATE", "User", row.id(), row.regionCode(), null, view(row));
        return row;
    }

    @Transactional
    UserRow setEnabled(String id, boolean enabled, CurrentUser actor) {
        UserRow before = visible(id, actor);
        if (!enabled && before.id().equals(actor.id())) {
            throw ApiException.conflict("user.cannotDisableSelf");
        }
        UserRow after = new UserRow(before.id(), before.username(), before.passwordHash(), before.displayName(),
                before.role(), before.regionCode(), before.sector(), before.departmentCode(), before.enterpriseId(),
                enabled, before.failedAttempts(), before.lockedUntil(), before.createdAt());
        users.updateProfile(after);
        if (!enabled && before.enabled()) {
            // its tokens and its signed-in pages stop at once, and stay stopped if it is enabled again
            users.revokeCredentials(id);
            sessions.revoke(before.username(), false);
        }
        cache.evict(id);
        audit.record(enabled ? "USER_ENABLE" : "USER_DISABLE", "User", id, before.regionCode(), view(before), view(after));
        return after;
    }

    @Transactional
    void resetPassword(String id, String password, CurrentUser actor) {
        UserRow user = visible(id, actor);
        Validation v = new Validation();
        PasswordPolicy.check(password, v, "password");
        v.throwIfInvalid();
        users.updatePassword(id, encoder.encode(password));
        // whoever held the old password is signed out everywhere (tokens through the credentials version)
        cache.evict(id);
        sessions.revoke(user.username(), false);
        audit.record("USER_PASSWORD_RESET", "User", id, user.regionCode(), null, Map.of("username", user.username()));
    }

    /** The signed-in user's own password; the current one must be given (a stolen session alone is not enough). */
    @Transactional
    void changeOwnPassword(CurrentUser me, String currentPassword, String newPassword) {
        UserRow user = users.findById(me.id()).orElseThrow(() -> ApiException.notFound("user", me.id()));
        Validation v = new Validation();
        if (v.required(currentPassword, "currentPassword")) {
            try {
                v.check(throttle.verifyCurrent(user.id(), currentPassword), "currentPassword", "account.currentWrong");
            } catch (org.springframework.security.authentication.LockedException e) {
                throw ApiException.invalid("currentPassword", "account.locked");
            }
        }
        PasswordPolicy.check(newPassword, v, "newPassword");
        if (!v.hasProblemAt("newPassword") && newPassword.equals(currentPassword)) {
            v.reject("newPassword", "account.sameAsCurrent");
        }
        v.throwIfInvalid();
        users.updatePassword(user.id(), encoder.encode(newPassword));
        // other sessions and every token issued under the old password end; this web session goes on (an API
        // client asks for a new token)
        cache.evict(user.id());
        sessions.revoke(user.username(), true);
        audit.record("USER_PASSWORD_CHANGE", "User", user.id(), user.regionCode(), null, Map.of("username", user.username()));
    }

    @Transactional
    void assignEnterprise(String liaisonId, String enterpriseId, CurrentUser actor) {
        UserRow liaison = visible(liaisonId, actor);
        if (liaison.role() != Role.LIAISON) {
            throw ApiException.conflict("user.notLiaison");
        }
        String region = enterprises.regionOf(enterpriseId)
                .filter(r -> actor.scope().coversRegion(r))
                .orElseThrow(() -> ApiException.notFound("enterprise", enterpriseId));
        if (users.assign(liaisonId, enterpriseId, clock.nowOffset()) > 0) {
            audit.record("LIAISON_ASSIGN", "User", liaisonId, region, null, Map.of("enterpriseId", enterpriseId));
        }
    }

    @Transactional
    void unassignEnterprise(String liaisonId, String enterpriseId, CurrentUser actor) {
        UserRow liaison = visible(liaisonId, actor);
        if (users.unassign(liaisonId, enterpriseId) > 0) {
            audit.record("LIAISON_UNASSIGN", "User", liaisonId, liaison.regionCode(), Map.of("enterpriseId", enterpriseId), null);
        }
    }

    /** A user in the actor's region, or 404. */
    UserRow visible(String id, CurrentUser actor) {
        return users.findById(id).filter(u -> actor.scope().coversRegion(u.regionCode()))
                .orElseThrow(() -> ApiException.notFound("user", id));
    }

    static Map<String, Object> view(UserRow u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("username", u.username());
        m.put("displayName", u.displayName());
        m.put("role", u.role().name());
        m.put("regionCode", u.regionCode());
        m.put("sector", u.sector() == null ? null : u.sector().name());
        m.put("departmentCode", u.departmentCode());
        m.put("enterpriseId", u.enterpriseId());
        m.put("enabled", u.enabled());
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
