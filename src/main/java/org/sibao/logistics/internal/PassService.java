package org.sibao.logistics.internal;

import org.sibao.platform.personal.PersonalDataCipher;
import org.sibao.platform.personal.IdNumbers;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.DataScope;
import org.sibao.identity.Role;
import org.sibao.identity.SqlFilter;
import org.sibao.notification.Notice;
import org.sibao.notification.Notifications;
import org.sibao.notification.Recipients;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.FieldProblem;
import org.sibao.platform.Ids;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.Validation;
import org.sibao.platform.audit.AuditLog;
import org.sibao.region.Region;
import org.sibao.region.Sector;
import org.sibao.subject.SubjectFacts;
import org.sibao.subject.Subjects;
import org.sibao.subject.WhitelistStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vehicle passes: the carrier (or an official for it) applies, a TRANSPORT sector officer whose region covers the
 * carrier approves (issuing the signed code) or rejects; the officer or the carrier revokes. See the module's
 * package documentation for the rules.
 */
@Service
@Transactional
class PassService {

    static final String PASS = "pass";
    static final int MAX_TEXT = 200;
    static final int MAX_DRIVERS = 5;
    static final int MAX_DAYS = 90;

    record DriverRequest(String name, String idNumber, String phone) {
    }

    record PassRequest(String carrierEnterpriseId, String plateNumber, List<DriverRequest> drivers, String origin,
            String destination, String validFrom, String validTo, List<String> servedEnterpriseIds) {
    }

    record Decision(String reason, String comment) {

        String text() {
            String t = reason != null && !reason.isBlank() ? reason : comment;
            return t == null || t.isBlank() ? null : t.trim();
        }
    }

    /** The public answer to a check: nothing beyond valid or not (plate and end only when valid). */
    record Verification(boolean valid, String plateNumber, OffsetDateTime validTo) {

        static final Verification INVALID = new Verification(false, null, null);
    }

    private final PassRepository repository;
    private final Subjects subjects;
    private final AuditLog audit;
    private final Notifications notifications;
    private final BusinessClock clock;
    private final PassSigner signer;
    private final PersonalDataCipher cipher;

    PassService(PassRepository repository, Subjects subjects, AuditLog audit, Notifications notifications,
            BusinessClock clock, PassSigner signer, PersonalDataCipher cipher) {
        this.repository = repository;
        this.subjects = subjects;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
        this.signer = signer;
        this.cipher = cipher;
    }

    // --- who may do what

    /** The caller's scope over passes: the carrier's region (any sector), the own or assigned carriers. */
    static DataScope passScope(CurrentUser u) {
        DataScope s = u.scope();
        return new DataScope(s.role(), s.regionPrefix(), null, s.enterpriseId(), s.liaisonUserId());
    }

    private static SqlFilter currentScope() {
        return passScope(CurrentUser.get()).subjects("carrier_region_code", "carrier_sector", "carrier_enterprise_id");
    }

    static boolean isTransportOfficer(CurrentUser u) {
        return u.role() == Role.SECTOR_OFFICER && u.sector() == Sector.TRANSPORT;
    }

    static boolean canFile(CurrentUser u) {
        return u.is(Role.ENTERPRISE, Role.LIAISON, Role.HQ_OFFICER) || isTransportOfficer(u);
    }

    static boolean canRevoke(CurrentUser u, VehiclePass p) {
        return isTransportOfficer(u) || (u.role() == Role.ENTERPRISE && p.carrierEnterpriseId().equals(u.enterpriseId()));
    }

    // --- filing

    VehiclePass file(PassRequest in) {
        CurrentUser user = CurrentUser.get();
        if (!canFile(user)) {
            throw ApiException.forbidden("error.forbidden");
        }
        LocalDate today = clock.today();
        Validation v = new Validation();
        v.required(in.carrierEnterpriseId(), "carrierEnterpriseId");
        String plate = PlateNumbers.normalize(in.plateNumber());
        if (v.required(plate, "plateNumber")) {
            v.check(PlateNumbers.isValid(plate), "plateNumber", "passes.plateNumber.invalid");
        }
        List<PassRepository.NewDriver> drivers = new ArrayList<>();
        if (in.drivers() == null || in.drivers().isEmpty()) {
            v.reject("drivers", "passes.drivers.required");
        } else if (in.drivers().size() > MAX_DRIVERS) {
            v.reject("drivers", "passes.drivers.tooMany", MAX_DRIVERS);
        } else {
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < in.drivers().size(); i++) {
                DriverRequest d = in.drivers().get(i);
                Validation dv = v.nested("drivers[" + i + "]");
                if (d == null) {
                    dv.reject("name", "validation.required");
                    continue;
                }
                String name = d.name() == null ? null : d.name().trim();
                if (dv.required(name, "name")) {
                    dv.maxLength(name, 50, "name");
                }
                String id = IdNumbers.normalize(d.idNumber());
                boolean idOk = dv.required(id, "idNumber")
                        && dv.check(IdNumbers.isValid(id, today), "idNumber", "passes.idNumber.invalid")
                        && dv.check(seen.add(id), "idNumber", "passes.idNumber.duplicate");
                String phone = d.phone() == null ? null : d.phone().trim();
                boolean phoneOk = dv.required(phone, "phone")
                        && dv.check(IdNumbers.isMobile(phone), "phone", "passes.phone.invalid");
                if (idOk && phoneOk && name != null && !name.isEmpty()) {
                    drivers.add(new PassRepository.NewDriver(name, cipher.encrypt(id), IdNumbers.maskId(id),
                            cipher.hash(id), cipher.encrypt(phone), IdNumbers.maskPhone(phone)));
                }
            }
        }
        if (v.required(in.origin(), "origin")) {
            v.maxLength(in.origin().trim(), MAX_TEXT, "origin");
        }
        if (v.required(in.destination(), "destination")) {
            v.maxLength(in.destination().trim(), MAX_TEXT, "destination");
        }
        OffsetDateTime from = time(v, in.validFrom(), "validFrom", false);
        OffsetDateTime to = time(v, in.validTo(), "validTo", true);
        if (from != null && to != null) {
            if (v.check(!from.isAfter(to), "validTo", "passes.validTo.beforeFrom")) {
                v.check(!to.isAfter(from.plusDays(MAX_DAYS)), "validTo", "passes.validTo.tooLong", MAX_DAYS);
            }
        }
        if (to != null) {
            v.check(to.isAfter(clock.nowOffset()), "validTo", "passes.validTo.past");
        }
        List<String> servedIds = in.servedEnterpriseIds() == null ? List.of()
                : in.servedEnterpriseIds().stream().map(s -> s == null ? "" : s.trim()).toList();
        v.check(!servedIds.isEmpty(), "servedEnterpriseIds", "passes.served.required");
        List<VehiclePass.Served> served = new ArrayList<>();
        Set<String> seenServed = new LinkedHashSet<>();
        for (int i = 0; i < servedIds.size(); i++) {
            String field = "servedEnterpriseIds[" + i + "]";
            String sid = servedIds.get(i);
            if (!v.required(sid, field) || !seenServed.add(sid)) {
                continue;
            }
            // an id, or a USCC / exact name / "名称 · USCC" typed or picked in the web form
            Optional<SubjectFacts> s = subjects.find(subjects.resolve(sid, DataScope.system()).orElse(sid), DataScope.system());
            // a subject off the whitelist answers as one that does not exist, naming what was sent, not the
            // subject: the whitelist is public, the rest of the register is not (invalid input, 400, named with
            // the other fields; at approval a served subject that left the whitelist is a changed state, 409)
            if (v.check(s.isPresent() && s.get().whitelistStatus() == WhitelistStatus.ACTIVE, field,
                    "passes.served.unknown", sid)) {
                served.add(new VehiclePass.Served(s.get().id(), s.get().name()));
            }
        }
        v.throwIfInvalid();
        String carrierId = subjects.resolve(in.carrierEnterpriseId(), passScope(user)).orElse(in.carrierEnterpriseId().trim());
        SubjectFacts carrier = subjects.find(carrierId, passScope(user))
                .orElseThrow(() -> ApiException.notFound("enterprise", in.carrierEnterpriseId()));
        VehiclePass p = new VehiclePass(Ids.newId(), carrier.id(), carrier.name(), carrier.regionCode(),
                carrier.sector().name(), plate, List.of(), in.origin().trim(), in.destination().trim(), from, to, served,
                PassStatus.PENDING, null, user.id(), clock.nowOffset(), null, null, null, null, null, 0);
        repository.insert(p, drivers);
        VehiclePass stored = repository.find(p.id(), SqlFilter.NONE).orElseThrow();
        audit.record("passes.file", PASS, p.id(), p.carrierRegionCode(), null, auditView(stored));
        Notice notice = Notice.of("PASSES", "passes.notice.pending", "/passes/" + p.id(), carrier.name(), plate);
        notifications.send(notice, Recipients.roleAt(Role.SECTOR_OFFICER, carrier.regionCode(), Sector.TRANSPORT));
        String city = carrier.regionCode().substring(0, 4) + "00";
        if (!city.equals(carrier.regionCode())) {
            notifications.send(notice, Recipients.roleAt(Role.SECTOR_OFFICER, city, Sector.TRANSPORT));
        }
        return present(stored);
    }

    /** A date (from its start / to its end, Asia/Shanghai) or an ISO date-time with offset. */
    private static OffsetDateTime time(Validation v, String text, String field, boolean endOfDay) {
        if (!v.required(text, field)) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.length() == 10) {
                LocalDate d = LocalDate.parse(t);
                return endOfDay ? d.plusDays(1).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime().minusSeconds(1)
                        : d.atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
            }
            return OffsetDateTime.parse(t).atZoneSameInstant(BusinessClock.ZONE).toOffsetDateTime().withNano(0);
        } catch (DateTimeParseException e) {
            v.reject(field, "passes.time.format");
            return null;
        }
    }

    // --- decisions

    VehiclePass approve(String id, Decision d) {
        VehiclePass before = forDecision(id);
        String comment = comment(d, false);
        requireStatus(before, PassStatus.PENDING);
        // what held when the carrier applied must still hold when the code is issued
        if (!clock.nowOffset().isBefore(before.validTo())) {
            throw ApiException.conflict("passes.error.endedBeforeApproval");
        }
        List<FieldProblem> notWhitelisted = new ArrayList<>();
        for (int i = 0; i < before.servedEnterprises().size(); i++) {
            VehiclePass.Served s = before.servedEnterprises().get(i);
            boolean active = subjects.find(s.enterpriseId(), DataScope.system())
                    .map(f -> f.whitelistStatus() == WhitelistStatus.ACTIVE).orElse(false);
            if (!active) {
                notWhitelisted.add(new FieldProblem("servedEnterpriseIds[" + i + "]", "passes.served.notWhitelisted",
                        new Object[] {s.enterpriseName()}));
            }
        }
        if (!notWhitelisted.isEmpty()) {
            throw ApiException.conflict("passes.served.notWhitelistedDetail", notWhitelisted);
        }
        CurrentUser user = CurrentUser.get();
        VehiclePass after = new VehiclePass(before.id(), before.carrierEnterpriseId(), before.carrierName(),
                before.carrierRegionCode(), before.carrierSector(), before.plateNumber(), before.drivers(), before.origin(),
                before.destination(), before.validFrom(), before.validTo(), before.servedEnterprises(), PassStatus.APPROVED,
                signer.sign(before.id(), before.plateNumber(), before.validTo()), before.requestedBy(), before.requestedAt(),
                user.id(), clock.nowOffset(), comment, null, null, before.version() + 1);
        save(before, after, "passes.approve");
        notifyCarrier(after, "passes.notice.approved");
        return present(after);
    }

    VehiclePass reject(String id, Decision d) {
        VehiclePass before = forDecision(id);
        String reason = comment(d, true);
        requireStatus(before, PassStatus.PENDING);
        CurrentUser user = CurrentUser.get();
        VehiclePass after = new VehiclePass(before.id(), before.carrierEnterpriseId(), before.carrierName(),
                before.carrierRegionCode(), before.carrierSector(), before.plateNumber(), before.drivers(), before.origin(),
                before.destination(), before.validFrom(), before.validTo(), before.servedEnterprises(), PassStatus.REJECTED,
                null, before.requestedBy(), before.requestedAt(), user.id(), clock.nowOffset(), reason, null, null,
                before.version() + 1);
        save(before, after, "passes.reject");
        notifyCarrier(after, "passes.notice.rejected");
        return present(after);
    }

    VehiclePass revoke(String id, Decision d) {
        CurrentUser user = CurrentUser.get();
        VehiclePass before = stored(id);
        if (!canRevoke(user, before)) {
            throw ApiException.forbidden("error.forbidden");
        }
        String reason = comment(d, false);
        requireStatus(before, PassStatus.APPROVED);
        VehiclePass after = new VehiclePass(before.id(), before.carrierEnterpriseId(), before.carrierName(),
                before.carrierRegionCode(), before.carrierSector(), before.plateNumber(), before.drivers(), before.origin(),
                before.destination(), before.validFrom(), before.validTo(), before.servedEnterprises(), PassStatus.REVOKED,
                before.code(), before.requestedBy(), before.requestedAt(), before.decidedBy(), before.decidedAt(),
                reason == null ? before.decisionComment() : reason, user.id(), clock.nowOffset(), before.version() + 1);
        save(before, after, "passes.revoke");
        notifyCarrier(after, "passes.notice.revoked");
        return present(after);
    }

    // --- reading

    @Transactional(readOnly = true)
    VehiclePass pass(String id) {
        return present(stored(id));
    }

    @Transactional(readOnly = true)
    PageResult<VehiclePass> passes(String status, String carrierEnterpriseId, PageQuery page) {
        SqlFilter where = currentScope();
        if (carrierEnterpriseId != null && !carrierEnterpriseId.isBlank()) {
            where = where.and(new SqlFilter("carrier_enterprise_id = ?", List.of(carrierEnterpriseId.trim())));
        }
        if (status != null && !status.isBlank()) {
            PassStatus s = parseStatus(status);
            OffsetDateTime now = clock.nowOffset();
            if (s == PassStatus.EXPIRED) {
                where = where.and(new SqlFilter("status = 'APPROVED' AND valid_to < ?", List.of(now)));
            } else if (s == PassStatus.APPROVED) {
                where = where.and(new SqlFilter("status = 'APPROVED' AND valid_to >= ?", List.of(now)));
            } else {
                where = where.and(new SqlFilter("status = ?", List.of(s.name())));
            }
        }
        return repository.list(where, page).map(this::present);
    }

    /** Drivers of approved, currently valid passes of carriers under a region (transport whitelist of drivers). */
    @Transactional(readOnly = true)
    PageResult<PassRepository.WhitelistDriver> drivers(String regionCode, PageQuery page) {
        CurrentUser user = CurrentUser.get();
        if (!isTransportOfficer(user) && !user.is(Role.HQ_OFFICER, Role.ADMIN)) {
            throw ApiException.forbidden("error.forbidden");
        }
        String code = regionCode == null || regionCode.isBlank() ? user.regionCode() : regionCode.trim();
        if (!code.matches("\\d{6}")) {
            throw ApiException.invalid("regionCode", "passes.regionCode.invalid", code);
        }
        if (!user.scope().coversRegion(code)) {
            throw ApiException.notFound("region", code);
        }
        return repository.whitelistDrivers(Region.prefixOf(code), clock.nowOffset(), page);
    }

    /** Public check: valid only if the signature matches, the pass is APPROVED and now is within its validity. */
    @Transactional(readOnly = true)
    Verification verify(String code) {
        Optional<String> id = PassSigner.passId(code);
        if (id.isEmpty()) {
            return Verification.INVALID;
        }
        Optional<VehiclePass> p = repository.findForVerification(id.get());
        if (p.isEmpty() || p.get().status() != PassStatus.APPROVED
                || !signer.matches(code, p.get().id(), p.get().plateNumber(), p.get().validTo())) {
            return Verification.INVALID;
        }
        OffsetDateTime now = clock.nowOffset();
        if (now.isAfter(p.get().validTo()) || now.isBefore(p.get().validFrom())) {
            return Verification.INVALID;
        }
        return new Verification(true, p.get().plateNumber(), p.get().validTo());
    }

    // --- helpers

    private VehiclePass stored(String id) {
        return repository.find(id, currentScope()).orElseThrow(() -> ApiException.notFound(PASS, id));
    }

    private VehiclePass forDecision(String id) {
        VehiclePass p = stored(id);
        if (!isTransportOfficer(CurrentUser.get())) {
            throw ApiException.forbidden("error.forbidden");
        }
        return p;
    }

    private static void requireStatus(VehiclePass p, PassStatus expected) {
        if (p.status() != expected) {
            throw ApiException.conflict("passes.wrongStatus", p.status().name());
        }
    }

    /** An approved pass past its end reads as EXPIRED. */
    private VehiclePass present(VehiclePass p) {
        if (p.status() == PassStatus.APPROVED && clock.nowOffset().isAfter(p.validTo())) {
            return p.withStatus(PassStatus.EXPIRED);
        }
        return p;
    }

    private void save(VehiclePass before, VehiclePass after, String action) {
        if (!repository.update(after, before.version())) {
            throw ApiException.conflict("passes.concurrent");
        }
        audit.record(action, PASS, after.id(), after.carrierRegionCode(), auditView(before), auditView(after));
    }

    private void notifyCarrier(VehiclePass p, String key) {
        notifications.send(Notice.of("PASSES", key, "/passes/" + p.id(), p.plateNumber(), p.carrierName()),
                Recipients.enterprise(p.carrierEnterpriseId()));
    }

    private static String comment(Decision d, boolean required) {
        String c = d == null ? null : d.text();
        Validation v = new Validation();
        if (required) {
            v.required(c, "reason");
        }
        v.maxLength(c, 500, "reason");
        v.throwIfInvalid();
        return c;
    }

    private static PassStatus parseStatus(String value) {
        try {
            return PassStatus.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", "passes.status.unknown", value);
        }
    }

    /** What the audit log keeps: drivers only masked. */
    private static Map<String, Object> auditView(VehiclePass p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("carrierEnterpriseId", p.carrierEnterpriseId());
        m.put("plateNumber", p.plateNumber());
        m.put("drivers", p.drivers().stream().map(d -> d.name() + " " + d.idNumber() + " " + d.phone()).toList());
        m.put("origin", p.origin());
        m.put("destination", p.destination());
        m.put("validFrom", String.valueOf(p.validFrom()));
        m.put("validTo", String.valueOf(p.validTo()));
        m.put("servedEnterpriseIds", p.servedEnterpriseIds());
        m.put("status", p.status());
        m.put("decisionComment", String.valueOf(p.decisionComment()));
        return m;
    }
}
