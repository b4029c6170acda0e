package org.sibao.logistics.internal;

import org.sibao.platform.personal.PersonalDataCipher;
import org.sibao.platform.personal.IdNumbers;
import org.sibao.platform.personal.PersonNames;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
import org.sibao.platform.Messages;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.Validation;
import org.sibao.platform.audit.AuditLog;
import org.sibao.region.Region;
import org.sibao.region.Sector;
import org.sibao.subject.SubjectFacts;
import org.sibao.subject.Subjects;
import org.sibao.subject.WhitelistStatus;
import org.sibao.whitelist.EntryRemoved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Vehicle passes: the carrier (or an official for it) applies, a TRANSPORT sector officer whose region covers the
 * carrier approves (issuing the signed code) or rejects; the officer or the carrier revokes, and the platform does
 * when the last served subject leaves the whitelist. See the module's package documentation for the rules.
 */
@Service
@Transactional
class PassService {

    static final String PASS = "pass";
    /** {@code revoked_by} of a pass the platform revoked because none of its served subjects is on the whitelist. */
    static final String SYSTEM = "system";
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

    /**
     * The public answer to a check: an invalid code answers {@code valid:false} with nothing else; a valid one what a
     * checkpoint needs to see that the vehicle runs the route it was approved for (点对点): plate, validity, route,
     * carrier, the served subjects still on the whitelist (names) and the drivers' masked names. Never an ID number
     * or a phone, not even masked.
     */
    record Verification(boolean valid, String plateNumber, OffsetDateTime validTo,
            @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime validFrom,
            @JsonInclude(JsonInclude.Include.NON_NULL) String origin,
            @JsonInclude(JsonInclude.Include.NON_NULL) String destination,
            @JsonInclude(JsonInclude.Include.NON_NULL) String carrierName,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> servedEnterprises,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> drivers) {

        static final Verification INVALID = new Verification(false, null, null, null, null, null, null, null, null);
    }

    /**
     * Why an authentic code (its signature matches) is not valid, for the public page only: a checkpoint may tell
     * the driver why; a forged or unknown code is {@link #UNKNOWN} and the page says nothing more.
     */
    enum Invalidity {
        UNKNOWN, REVOKED, DELISTED, EXPIRED, NOT_YET_VALID
    }

    /** A check with, when invalid, why (the JSON answer is {@code answer} alone). */
    record Check(Verification answer, Invalidity invalidity) {
    }

    private final PassRepository repository;
    private final Subjects subjects;
    private final AuditLog audit;
    private final Notifications notifications;
    private final BusinessClock clock;
    private final PassSigner signer;
    private final PersonalDataCipher cipher;
    private final Messages messages;

    PassService(PassRepository repository, Subjects subjects, AuditLog audit, Notifications notifications,
            BusinessClock clock, PassSigner signer, PersonalDataCipher cipher, Messages messages) {
        this.repository = repository;
        this.subjects = subjects;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
        this.signer = signer;
        this.cipher = cipher;
        this.messages = messages;
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
        if (to != null && !v.hasProblemAt("validTo")) {
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
        notifyTransportOfficers(Notice.of("PASSES", "passes.notice.pending", "/passes/" + p.id(), carrier.name(), plate),
                carrier.regionCode());
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
        VehiclePass after = before.revoked(reason, user.id(), clock.nowOffset());
        save(before, after, "passes.revoke");
        notifyCarrier(after, "passes.notice.revoked");
        return present(after);
    }

    /**
     * 熔断: a removed entry takes with it every approved, unexpired pass that served its subject and serves no other
     * subject still on the whitelist (ACTIVE, or SUSPENDED by a shutdown of at most three days, which must not cost
     * the carrier its passes). Each is revoked by the platform with the removal named, audited as a revocation, and
     * the carrier's users and the transport officers of its county and city are told. Delivered after the removal
     * commits (the Modulith outbox, also after a restart), in a transaction of its own.
     */
    @ApplicationModuleListener
    void on(EntryRemoved event) {
        revokeDelisted(event.enterpriseId());
    }

    /** The revocations of {@link #on(EntryRemoved)}; the passes revoked. */
    List<VehiclePass> revokeDelisted(String enterpriseId) {
        OffsetDateTime now = clock.nowOffset();
        List<VehiclePass> before = repository.lockDelisted(enterpriseId, now);
        if (before.isEmpty()) {
            return List.of();
        }
        String name = subjects.find(enterpriseId, DataScope.system()).map(SubjectFacts::name)
                .orElseGet(() -> before.get(0).servedEnterprises().stream()
                        .filter(s -> s.enterpriseId().equals(enterpriseId)).map(VehiclePass.Served::enterpriseName)
                        .findFirst().orElse(enterpriseId));
        String reason = messages.get(Locale.SIMPLIFIED_CHINESE, "passes.revoke.delisted", name);
        repository.revokeAll(before.stream().map(VehiclePass::id).toList(), reason, SYSTEM, now);
        List<VehiclePass> revoked = new ArrayList<>();
        for (VehiclePass b : before) {
            VehiclePass after = b.revoked(reason, SYSTEM, now);
            audit.record("passes.revoke", PASS, after.id(), after.carrierRegionCode(), auditView(b), auditView(after));
            Notice notice = Notice.of("PASSES", "passes.notice.delisted", "/passes/" + after.id(), after.plateNumber(),
                    after.carrierName(), name);
            notifications.send(notice, Recipients.enterprise(after.carrierEnterpriseId()));
            notifyTransportOfficers(notice, after.carrierRegionCode());
            revoked.add(after);
        }
        return revoked;
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

    /** The public JSON check (see {@link #check}). */
    @Transactional(readOnly = true)
    Verification verify(String code) {
        return check(code).answer();
    }

    /**
     * Public check: valid only if the signature matches, the pass is APPROVED, now is within its validity and at
     * least one served subject is still on the whitelist (ACTIVE or SUSPENDED; so a removal answers invalid at once,
     * before its revocation is processed). Why an authentic code is invalid is kept for the page.
     */
    @Transactional(readOnly = true)
    Check check(String code) {
        Optional<VehiclePass> found = PassSigner.passId(code).flatMap(repository::findForVerification);
        if (found.isEmpty() || !signer.matches(code, found.get().id(), found.get().plateNumber(), found.get().validTo())) {
            return new Check(Verification.INVALID, Invalidity.UNKNOWN);
        }
        VehiclePass p = found.get();
        OffsetDateTime now = clock.nowOffset();
        Invalidity why = switch (p.status()) {
            case REVOKED -> SYSTEM.equals(p.revokedBy()) ? Invalidity.DELISTED : Invalidity.REVOKED;
            case APPROVED -> now.isAfter(p.validTo()) ? Invalidity.EXPIRED
                    : now.isBefore(p.validFrom()) ? Invalidity.NOT_YET_VALID : null;
            default -> Invalidity.UNKNOWN;
        };
        if (why != null) {
            return new Check(Verification.INVALID, why);
        }
        PassRepository.Checkpoint seen = repository.checkpoint(p.id());
        if (seen.servedEnterprises().isEmpty()) {
            return new Check(Verification.INVALID, Invalidity.DELISTED);
        }
        return new Check(new Verification(true, p.plateNumber(), p.validTo(), p.validFrom(), p.origin(),
                p.destination(), p.carrierName(), seen.servedEnterprises(),
                seen.driverNames().stream().map(PersonNames::mask).toList()), null);
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
            throw ApiException.conflict("passes.wrongStatus", p.status());
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

    /** The TRANSPORT sector officers of the carrier's county, and of its city when that is another region. */
    private void notifyTransportOfficers(Notice notice, String regionCode) {
        notifications.send(notice, Recipients.roleAt(Role.SECTOR_OFFICER, regionCode, Sector.TRANSPORT));
        String city = regionCode.substring(0, 4) + "00";
        if (!city.equals(regionCode)) {
            notifications.send(notice, Recipients.roleAt(Role.SECTOR_OFFICER, city, Sector.TRANSPORT));
        }
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
