package org.sibao.epidemic.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sibao.epidemic.EmergencyModes;
import org.sibao.epidemic.RegionMode;
import org.sibao.epidemic.RegionModeSwitched;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.Role;
import org.sibao.platform.ApiException;
import org.sibao.platform.BusinessClock;
import org.sibao.platform.Ids;
import org.sibao.platform.Validation;
import org.sibao.platform.audit.AuditLog;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.sibao.subject.OperationMode;
import org.sibao.subject.Subjects;
import org.sibao.subject.WhitelistStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emergency mode (平急转换, SPEC §8). An HQ officer switches a region in one action; every ACTIVE whitelist subject
 * under it changes operation mode with one set-based UPDATE through the subject module, the switch is recorded
 * (current mode per region, history, audit) and {@link RegionModeSwitched} is published; notices go out after
 * commit ({@link ModeSwitchNotices}). A region is effectively in EMERGENCY when it or an ancestor is. A switch that
 * would change nothing in force is refused (409): to the mode the region is already in, or of a region an ancestor's
 * emergency covers (the ancestor is named). Only an HQ officer whose region covers it may switch a region (403
 * otherwise); an unknown region is 404.
 */
@Service
class EmergencyService implements EmergencyModes {

    static final int MAX_REASON = 500;

    record ModeRequest(String mode, String reason) {
    }

    /** The API's answer: {@code affectedEnterprises} is the number of subjects whose operation mode the switch set. */
    record ModeView(String regionCode, RegionMode mode, int affectedEnterprises, OffsetDateTime switchedAt) {

        /** The new state, as every action's answer carries it (API.md conventions); the same as {@code mode}. */
        @com.fasterxml.jackson.annotation.JsonProperty("status")
        RegionMode status() {
            return mode;
        }
    }

    /** The effective mode of a region and the switched region it comes from (itself or an ancestor). */
    record EffectiveMode(String regionCode, RegionMode mode, String sourceRegionCode, OffsetDateTime switchedAt,
            String reason) {
    }

    private final JdbcClient jdbc;
    private final RegionService regions;
    private final Subjects subjects;
    private final BusinessClock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    EmergencyService(JdbcClient jdbc, RegionService regions, Subjects subjects, BusinessClock clock, AuditLog audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.subjects = subjects;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public ModeView switchMode(String code, ModeRequest request) {
        Region region = regions.get(code);
        CurrentUser user = CurrentUser.get();
        if (user.role() != Role.HQ_OFFICER) {
            throw ApiException.forbidden("error.forbidden");
        }
        if (!user.scope().coversRegion(region.code())) {
            // the region is readable to everyone signed in (its mode too): switching it is forbidden, not hidden
            throw ApiException.forbidden("epidemic.mode.outsideRegion");
        }
        Validation v = new Validation();
        RegionMode mode = null;
        if (v.required(request == null ? null : request.mode(), "mode")) {
            try {
                mode = RegionMode.valueOf(request.mode().trim());
            } catch (IllegalArgumentException e) {
                v.reject("mode", "epidemic.mode.invalid", request.mode());
            }
        }
        if (v.required(request == null ? null : request.reason(), "reason")) {
            v.maxLength(request.reason().trim(), MAX_REASON, "reason");
        }
        v.throwIfInvalid();
        String reason = request.reason().trim();
        // as stored (microseconds), so that the answer and a later read agree
        OffsetDateTime now = clock.nowOffset().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        EffectiveMode current = effective(region.code());
        RegionMode before = current.mode();
        boolean inherited = current.sourceRegionCode() != null && !current.sourceRegionCode().equals(region.code());
        if (before == RegionMode.EMERGENCY && inherited) {
            // an ancestor's emergency covers this region: switching it alone changes nothing that is in force
            Region source = regions.get(current.sourceRegionCode());
            throw ApiException.conflict(mode == RegionMode.NORMAL ? "epidemic.mode.ancestorEmergency"
                    : "epidemic.mode.inheritedEmergency", region.name(), source.name(), source.code());
        }
        if (before == mode) {
            throw ApiException.conflict("epidemic.mode.already" + mode.name(), region.name());
        }
        int updated = jdbc.sql("UPDATE epi_region_mode SET mode = ?, reason = ?, switched_at = ?, switched_by = ? WHERE region_code = ?")
                .params(mode.name(), reason, now, user.id(), region.code()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO epi_region_mode (region_code, prefix, mode, reason, switched_at, switched_by) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(region.code(), region.prefix(), mode.name(), reason, now, user.id()).update();
        }
        int affected;
        if (mode == RegionMode.EMERGENCY) {
            affected = subjects.setOperationModeUnder(region.prefix(), WhitelistStatus.ACTIVE, OperationMode.CLOSED_LOOP);
        } else {
            // subjects another EMERGENCY region still covers (an ancestor or a division below) stay closed-loop;
            // every other closed-loop subject returns to NORMAL, also one that left the whitelist meanwhile
            List<String> still = emergencyPrefixes().stream()
                    .filter(p -> p.startsWith(region.prefix()) || region.prefix().startsWith(p)).toList();
            boolean ancestorStill = still.stream().anyMatch(p -> region.prefix().startsWith(p));
            affected = ancestorStill ? 0
                    : subjects.setOperationModeUnder(region.prefix(), null, OperationMode.NORMAL, still);
        }
        jdbc.sql("INSERT INTO epi_mode_switch (id, region_code, mode, reason, affected, switched_at, switched_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(Ids.newId(), region.code(), mode.name(), reason, affected, now, user.id()).update();
        audit.record("epidemic.mode.switch", "region", region.code(), region.code(),
                Map.of("mode", before.name()), Map.of("mode", mode.name(), "reason", reason, "affectedEnterprises", affected));
        events.publishEvent(new RegionModeSwitched(region.code(), region.prefix(), mode, affected, now, reason));
        return new ModeView(region.code(), mode, affected, now);
    }

    /** Any signed-in user may read a region's mode; an unknown region is 404. */
    @Transactional(readOnly = true)
    public EffectiveMode effective(String code) {
        Region region = regions.get(code);
        Optional<EffectiveMode> governing = jdbc.sql("""
                SELECT region_code, switched_at, reason FROM epi_region_mode WHERE mode = 'EMERGENCY'
                AND ? LIKE (prefix || '%') ORDER BY LENGTH(prefix) LIMIT 1""").param(region.code())
                .query((rs, n) -> new EffectiveMode(region.code(), RegionMode.EMERGENCY, rs.getString("region_code"),
                        rs.getObject("switched_at", OffsetDateTime.class), rs.getString("reason")))
                .optional();
        return governing.orElseGet(() -> jdbc.sql("SELECT switched_at, reason FROM epi_region_mode WHERE region_code = ?")
                .param(region.code())
                .query((rs, n) -> new EffectiveMode(region.code(), RegionMode.NORMAL, region.code(),
                        rs.getObject("switched_at", OffsetDateTime.class), rs.getString("reason")))
                .optional().orElse(new EffectiveMode(region.code(), RegionMode.NORMAL, null, null, null)));
    }

    @Override
    public RegionMode effectiveMode(String regionCode) {
        return effective(regionCode).mode();
    }

    @Override
    public List<String> regionsInEmergency(String regionPrefix) {
        // at or under the region, and an ancestor whose switch covers it (its prefix starts the region's)
        return jdbc.sql("SELECT region_code FROM epi_region_mode WHERE mode = 'EMERGENCY' AND (region_code LIKE ?"
                + " OR ? LIKE prefix || '%') ORDER BY region_code")
                .params(regionPrefix + "%", regionPrefix).query(String.class).list();
    }

    List<String> emergencyPrefixes() {
        return jdbc.sql("SELECT prefix FROM epi_region_mode WHERE mode = 'EMERGENCY'").query(String.class).list();
    }

    record SwitchRecord(String regionCode, RegionMode mode, String reason, int affected, OffsetDateTime switchedAt,
            String switchedBy) {
    }

    @Transactional(readOnly = true)
    public List<SwitchRecord> history(String regionPrefix, int limit) {
        return jdbc.sql("""
                SELECT region_code, mode, reason, affected, switched_at, switched_by FROM epi_mode_switch
                WHERE region_code LIKE ? ORDER BY switched_at DESC LIMIT ?""").params(regionPrefix + "%", limit)
                .query((rs, n) -> new SwitchRecord(rs.getString("region_code"), RegionMode.valueOf(rs.getString("mode")),
                        rs.getString("reason"), rs.getInt("affected"), rs.getObject("switched_at", OffsetDateTime.class),
                        rs.getString("switched_by")))
                .list();
    }
}
