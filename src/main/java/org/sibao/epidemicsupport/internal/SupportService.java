package org.sibao.epidemicsupport.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.sibao.identity.CurrentUser;
import org.sibao.identity.RequestedRegion;
import org.sibao.identity.Role;
import org.sibao.identity.SqlFilter;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Ids;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.Validation;
import org.sibao.platform.audit.AuditLog;
import org.sibao.platform.personal.PersonalDataCipher;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.sibao.region.Sector;
import org.sibao.region.TaskForce;
import org.sibao.subject.SubjectFacts;
import org.sibao.subject.Subjects;
import org.sibao.subject.WhitelistStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading and replacing a subject's support, the coverage board and the task forces' experts. A change checks, in
 * this order: the subject (or region) is in the caller's scope (else 404), the caller may edit (else 403), the
 * subject is on the whitelist (else 409), the input (else 400 naming each field); then it stores and audits, with
 * phones masked, in one transaction.
 */
@Service
class SupportService {

    static final int MAX_STAFF = 10;
    static final int MAX_NAME = 50;
    static final int MAX_ORGANISATION = 100;
    static final String ENTITY = "epidemic_support";
    static final String EXPERT_ENTITY = "task_force_expert";

    /** Who assigns staff, institutions and experts: the 防疫保障 task force, the HQ office and administrators. */
    private static final Set<Role> EDITORS = Set.of(Role.ADMIN, Role.HQ_OFFICER, Role.EPIDEMIC_OFFICER);
    private static final Set<Role> BOARD_READERS = Set.of(Role.ADMIN, Role.HQ_OFFICER, Role.EPIDEMIC_OFFICER,
            Role.SUPERVISOR, Role.SECTOR_OFFICER, Role.INTEGRATION);
    /** The roles that see personal data in clear on the platform (as for the rosters). */
    private static final Set<Role> CLEAR_READERS = Set.of(Role.ADMIN, Role.EPIDEMIC_OFFICER);

    private final SupportRepository repository;
    private final Subjects subjects;
    private final RegionService regions;
    private final PersonalDataCipher cipher;
    private final BusinessClock clock;
    private final AuditLog audit;

    SupportService(SupportRepository repository, Subjects subjects, RegionService regions, PersonalDataCipher cipher,
            BusinessClock clock, AuditLog audit) {
        this.repository = repository;
        this.subjects = subjects;
        this.regions = regions;
        this.cipher = cipher;
        this.clock = clock;
        this.audit = audit;
    }

    static boolean mayEdit(CurrentUser user) {
        return EDITORS.contains(user.role());
    }

    static boolean mayReadBoard(CurrentUser user) {
        return BOARD_READERS.contains(user.role());
    }

    /**
     * Phones in clear: for the roles that see personal data in clear, and for the subject's own enterprise users, who
     * are the ones to call their staff and institution. Everyone else is shown masks.
     */
    static boolean phonesInClear(CurrentUser user, String enterpriseId) {
        return CLEAR_READERS.contains(user.role())
                || user.role() == Role.ENTERPRISE && enterpriseId.equals(user.enterpriseId());
    }

    // --- a subject's support

    /** A subject's support; 404 outside the caller's scope. */
    @Transactional(readOnly = true)
    EpidemicSupport get(String enterpriseId) {
        return view(readable(enterpriseId));
    }

    /** Replaces a subject's staff and institution (see {@link SupportInputs}). */
    @Transactional
    EpidemicSupport replace(String enterpriseId, SupportInputs in) {
        CurrentUser user = CurrentUser.get();
        SubjectFacts subject = readable(enterpriseId);
        if (!mayEdit(user)) {
            throw ApiException.forbidden("epidemicsupport.error.readOnly");
        }
        if (subject.whitelistStatus() != WhitelistStatus.ACTIVE && subject.whitelistStatus() != WhitelistStatus.SUSPENDED) {
            throw ApiException.conflict("epidemicsupport.error.notWhitelisted");
        }
        SupportRepository.SupportRow storedSupport = repository.support(subject.id()).orElse(null);
        List<SupportRepository.StaffRow> storedStaff = repository.staff(subject.id());
        Validation v = new Validation();
        List<SupportRepository.StaffRow> staff = staff(in == null ? null : in.staff(), storedStaff, v);
        SupportInputs.Institution inst = in == null ? null : in.institution();
        String instName = null;
        String instContact = null;
        Phones.Stored instPhone = null;
        if (inst != null) {
            Validation iv = v.nested("institution");
            instName = text(inst.name(), MAX_ORGANISATION, true, iv, "name");
            instContact = text(inst.contactName(), MAX_NAME, true, iv, "contactName");
            instPhone = Phones.onEdit(inst.phone(), storedSupport == null ? null : storedSupport.institutionPhone(),
                    cipher, iv, "phone");
        }
        v.throwIfInvalid();

        EpidemicSupport before = storedSupport == null && storedStaff.isEmpty() ? null : view(subject);
        repository.save(new SupportRepository.SupportRow(subject.id(), instName, instContact, instPhone,
                clock.nowOffset(), user.displayName()), staff, user.id());
        EpidemicSupport after = view(subject);
        audit.record("epidemicsupport.update", ENTITY, subject.id(), subject.regionCode(),
                before == null ? null : auditView(before), auditView(after));
        return after;
    }

    private List<SupportRepository.StaffRow> staff(List<SupportInputs.Staff> sent, List<SupportRepository.StaffRow> stored,
            Validation v) {
        List<SupportRepository.StaffRow> out = new ArrayList<>();
        Set<String> kept = new java.util.HashSet<>();
        if (sent == null) {
            return out;
        }
        if (sent.size() > MAX_STAFF) {
            v.reject("staff", "epidemicsupport.staff.tooMany", MAX_STAFF);
            return out;
        }
        for (int i = 0; i < sent.size(); i++) {
            SupportInputs.Staff s = sent.get(i);
            Validation sv = v.nested("staff[" + i + "]");
            if (s == null) {
                sv.reject("name", "validation.required");
                continue;
            }
            SupportRepository.StaffRow same = stored.stream().filter(r -> r.id().equals(s.id())).findFirst()
                    .or(() -> stored.stream().filter(r -> s.name() != null && r.name().equals(s.name().strip())).findFirst())
                    .orElse(null);
            String name = text(s.name(), MAX_NAME, true, sv, "name");
            String organisation = text(s.organisation(), MAX_ORGANISATION, false, sv, "organisation");
            Phones.Stored phone = Phones.onEdit(s.phone(), same == null ? null : same.phone(), cipher, sv, "phone");
            if (name != null && phone != null) {
                // a stored member's id is kept once: the same name sent twice is two people
                String id = same != null && kept.add(same.id()) ? same.id() : Ids.newId();
                out.add(new SupportRepository.StaffRow(id, name, organisation, phone));
            }
        }
        return out;
    }

    private SubjectFacts readable(String enterpriseId) {
        return subjects.find(enterpriseId).orElseThrow(() -> ApiException.notFound("enterprise", enterpriseId));
    }

    private EpidemicSupport view(SubjectFacts subject) {
        boolean clear = phonesInClear(CurrentUser.get(), subject.id());
        SupportRepository.SupportRow row = repository.support(subject.id()).orElse(null);
        List<EpidemicSupport.Staff> staff = repository.staff(subject.id()).stream()
                .map(s -> new EpidemicSupport.Staff(s.id(), s.name(), s.organisation(), shown(s.phone(), clear))).toList();
        EpidemicSupport.Institution institution = row == null || row.institutionName() == null ? null
                : new EpidemicSupport.Institution(row.institutionName(), row.institutionContact(),
                        shown(row.institutionPhone(), clear));
        return new EpidemicSupport(subject.id(), subject.name(), subject.regionCode(), subject.sector().name(),
                subject.whitelistStatus(), CoverageStatus.of(staff.size(), institution != null), staff, institution, clear,
                row == null ? null : row.updatedAt(), row == null ? null : row.updatedByName());
    }

    /** What the audit log keeps: the support with masked phones, never in clear. */
    private static Map<String, Object> auditView(EpidemicSupport s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("staff", s.staff().stream().map(st -> person(st.name(), st.organisation(), null)).toList());
        out.put("institution", s.institution() == null ? null
                : person(s.institution().name(), null, s.institution().contactName()));
        out.put("status", s.status().name());
        return out;
    }

    private static Map<String, Object> person(String name, String organisation, String contact) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        if (organisation != null) {
            m.put("organisation", organisation);
        }
        if (contact != null) {
            m.put("contactName", contact);
        }
        return m;
    }

    // --- the coverage board

    /**
     * The board's region: the caller's unless given. A role without the board → 403; an unknown code is recorded in
     * {@code v} (400 with the other parameters; null is answered); outside the scope → 404.
     */
    Region region(String regionCode, Validation v) {
        CurrentUser user = CurrentUser.get();
        if (!mayReadBoard(user)) {
            throw ApiException.forbidden("error.forbidden");
        }
        return RequestedRegion.inScope(user, regions, regionCode, v);
    }

    /** A board filter's value ({@code sector}, {@code status}), case-insensitive; blank is none. */
    static <E extends Enum<E>> E filter(Class<E> type, String value, String field, Validation v) {
        return v.oneOf(type, value == null ? null : value.trim().toUpperCase(Locale.ROOT), field);
    }

    @Transactional(readOnly = true)
    PageResult<CoverageRow> board(Region region, Sector sector, CoverageStatus status, PageQuery page) {
        return repository.board(region.prefix(), sector, scope(), status, page);
    }

    @Transactional(readOnly = true)
    CoverageSummary summary(Region region, Sector sector) {
        long[] c = repository.counts(region.prefix(), sector, scope());
        long experts = repository.experts(region.code()).size();
        int taskForces = TaskForce.values().length;
        BigDecimal rate = c[0] == 0 ? null
                : BigDecimal.valueOf(c[3]).divide(BigDecimal.valueOf(c[0]), 4, RoundingMode.HALF_UP);
        return new CoverageSummary(region.code(), sector == null ? null : sector.name(), c[0], c[1], c[0] - c[1], c[2],
                c[0] - c[2], c[3], c[0] - c[3], rate, taskForces, experts, taskForces - experts);
    }

    private static SqlFilter scope() {
        return CurrentUser.get().scope().subjects("s.region_code", "s.sector", "s.id");
    }

    // --- the task forces' experts

    /** Every task force of the region's HQ with its expert, in the list's order (a board reader; see {@link #region}). */
    @Transactional(readOnly = true)
    List<Expert> experts(Region region) {
        boolean clear = CLEAR_READERS.contains(CurrentUser.get().role());
        Map<TaskForce, SupportRepository.ExpertRow> rows = new EnumMap<>(TaskForce.class);
        repository.experts(region.code()).forEach(e -> rows.put(e.taskForce(), e));
        List<Expert> out = new ArrayList<>();
        for (TaskForce tf : TaskForce.values()) {
            SupportRepository.ExpertRow e = rows.get(tf);
            out.add(e == null ? new Expert(region.code(), tf, false, null, null, null, null, null)
                    : new Expert(region.code(), tf, true, e.name(), e.organisation(), shown(e.phone(), clear),
                            e.updatedAt(), e.updatedByName()));
        }
        return out;
    }

    /** Assigns (or replaces) a task force's expert. */
    @Transactional
    Expert putExpert(String regionCode, String taskForce, ExpertInputs in) {
        Region region = editableRegion(regionCode);
        TaskForce tf = taskForce(taskForce);
        SupportRepository.ExpertRow stored = repository.experts(region.code()).stream()
                .filter(e -> e.taskForce() == tf).findFirst().orElse(null);
        Validation v = new Validation();
        String name = text(in == null ? null : in.name(), MAX_NAME, true, v, "name");
        String organisation = text(in == null ? null : in.organisation(), MAX_ORGANISATION, false, v, "organisation");
        Phones.Stored phone = Phones.onEdit(in == null ? null : in.phone(), stored == null ? null : stored.phone(), cipher,
                v, "phone");
        v.throwIfInvalid();
        CurrentUser user = CurrentUser.get();
        repository.saveExpert(new SupportRepository.ExpertRow(region.code(), tf, name, organisation, phone,
                clock.nowOffset(), user.displayName()), user.id());
        audit.record("epidemicsupport.expert.update", EXPERT_ENTITY, region.code() + "/" + tf.name(), region.code(),
                stored == null ? null : expertAudit(stored.name(), stored.organisation()), expertAudit(name, organisation));
        return experts(region).stream().filter(e -> e.taskForce() == tf).findFirst().orElseThrow();
    }

    /** Removes a task force's expert (404 when none is assigned); answers the region's code. */
    @Transactional
    String removeExpert(String regionCode, String taskForce) {
        Region region = editableRegion(regionCode);
        TaskForce tf = taskForce(taskForce);
        SupportRepository.ExpertRow stored = repository.experts(region.code()).stream()
                .filter(e -> e.taskForce() == tf).findFirst()
                .orElseThrow(() -> ApiException.notFound("expert", region.code() + "/" + tf.name()));
        repository.removeExpert(region.code(), tf);
        audit.record("epidemicsupport.expert.remove", EXPERT_ENTITY, region.code() + "/" + tf.name(), region.code(),
                expertAudit(stored.name(), stored.organisation()), null);
        return region.code();
    }

    /** A region in the caller's scope (else 404) that the caller may edit (else 403). */
    private Region editableRegion(String regionCode) {
        CurrentUser user = CurrentUser.get();
        Region region = regionCode == null ? null : regions.find(regionCode.trim()).orElse(null);
        if (region == null || !user.scope().coversRegion(region.code())) {
            throw ApiException.notFound("region", regionCode);
        }
        if (!mayEdit(user)) {
            throw ApiException.forbidden("epidemicsupport.error.readOnly");
        }
        return region;
    }

    private static TaskForce taskForce(String code) {
        String name = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        return java.util.Arrays.stream(TaskForce.values()).filter(tf -> tf.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.notFound("taskForce", code));
    }

    private static Map<String, Object> expertAudit(String name, String organisation) {
        return person(name, organisation, null);
    }

    // --- helpers

    private String shown(Phones.Stored phone, boolean clear) {
        return phone == null ? null : Phones.shown(phone.enc(), phone.mask(), clear, cipher);
    }

    /** A trimmed text checked for presence (if required) and length; null when blank or refused. */
    private static String text(String sent, int max, boolean required, Validation v, String field) {
        String t = sent == null || sent.isBlank() ? null : sent.strip();
        if (required && !v.required(t, field)) {
            return null;
        }
        return t != null && v.maxLength(t, max, field) ? t : null;
    }
}
