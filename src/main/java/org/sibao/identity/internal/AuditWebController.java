package org.sibao.identity.internal;

import java.util.List;

import org.sibao.platform.ApiException;
import org.sibao.platform.Messages;
import org.sibao.platform.PageQuery;
import org.sibao.platform.PageResult;
import org.sibao.platform.audit.AuditLog;
import org.sibao.platform.audit.AuditLog.AuditEntry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** 审计日志: the audit log viewer, with the before/after state pretty-printed. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditWebController {

    private final AuditLog audit;
    private final JsonMapper json;
    private final Messages messages;

    AuditWebController(AuditLog audit, JsonMapper json, Messages messages) {
        this.audit = audit;
        this.json = json;
        this.messages = messages;
    }

    /** An entry as shown: the JSON states indented for reading, the action and the object by name. */
    record Row(AuditEntry entry, String before, String after, String actionLabel, String entityLabel) {
    }

    /** Known actions and object types (bundle {@code audit.label.*}), for the filters' choices. */
    static final List<String> ENTITY_TYPES = List.of("User", "enterprise", "Subject", "WhitelistApplication",
            "WhitelistBatch", "WhitelistEntry", "WhitelistObjection", "WhitelistCriteria", "appeal", "appeal_cluster",
            "task", "report", "policy", "policyRedemption", "incident", "alert", "arrival", "testResults", "zone",
            "Employee", "region", "pass", "pairing", "inspection", "shutdown", "production_report", "coverage",
            "liaison_visit", "epidemic_support", "task_force_expert", "BusinessClock");

    /** 提交诉求, or for a code without a label of its own its module's name and the code (诉求 · appeal.resolved). */
    String actionLabel(String action) {
        String key = "audit.label.action." + action;
        String label = messages.get(key);
        if (!label.equals(key)) {
            return label;
        }
        String module = action.contains(".") ? action.substring(0, action.indexOf('.'))
                : action.contains("_") ? action.substring(0, action.indexOf('_')) : action;
        String moduleKey = "audit.label.module." + module;
        String moduleLabel = messages.get(moduleKey);
        return moduleLabel.equals(moduleKey) ? action : moduleLabel + " · " + action;
    }

    String entityLabel(String type) {
        String key = "audit.label.entity." + type;
        String label = messages.get(key);
        return label.equals(key) ? type : label;
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        model.addAttribute("filter", new java.util.LinkedHashMap<>(java.util.Map.of(
                "actor", nz(actor), "action", nz(action), "entityType", nz(entityType), "entityId", nz(entityId),
                "from", nz(from), "to", nz(to))));
        PageResult<AuditEntry> result;
        try {
            result = audit.search(AuditController.filter(actor, action, entityType, entityId, from, to),
                    PageQuery.of(page, 20));
        } catch (ApiException e) {
            model.addAttribute("filterError", e.errors().isEmpty() ? messages.get(e.detailKey(), e.args())
                    : e.errors().stream().map(messages::line).reduce((a, b) -> a + "；" + b).orElse(""));
            result = new PageResult<>(List.of(), 0, 20, 0);
        }
        model.addAttribute("result", result);
        model.addAttribute("rows", result.items().stream().map(e -> new Row(e, pretty(e.before()), pretty(e.after()),
                actionLabel(e.action()), entityLabel(e.entityType()))).toList());
        java.util.Map<String, String> types = new java.util.LinkedHashMap<>();
        ENTITY_TYPES.forEach(t -> types.put(t, entityLabel(t)));
        model.addAttribute("entityTypes", types);
        return htmx != null ? "identity/audit :: table" : "identity/audit";
    }

    private String pretty(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(raw));
        } catch (JacksonException e) {
            return raw;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
