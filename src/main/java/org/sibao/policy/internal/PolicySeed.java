package org.sibao.policy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;

import org.sibao.platform.BusinessClock;
import org.sibao.platform.Ids;
import org.sibao.policy.PolicyCategory;
import org.sibao.policy.PolicyMode;
import org.sibao.policy.PolicyStatus;
import org.sibao.rules.RuleEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the seeded library ({@code classpath:policies/*.json}, reference content for demo and production) as
 * PUBLISHED version 1 of each code not yet in the library: idempotent, and an edited code is never overwritten.
 * Every file's rule and formula are validated by the engine first; a broken file stops the start. Runs after the
 * other modules' demo data (so the demo subjects' change events find no policy to match one by one: the sweep
 * matches them all at once) and before the policy demo data ({@link PolicyDemoData}, 65).
 */
@Component
@Order(60)
class PolicySeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PolicySeed.class);

    private final PolicyRepository repository;
    private final RuleEngine engine;
    private final JsonMapper json;
    private final BusinessClock clock;
    private final TransactionTemplate tx;

    PolicySeed(PolicyRepository repository, RuleEngine engine, JsonMapper json, BusinessClock clock,
            TransactionTemplate tx) {
        this.repository = repository;
        this.engine = engine;
        this.json = json;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:policies/*.json");
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        int[] loaded = {0};
        tx.executeWithoutResult(s -> {
            for (Resource file : files) {
                JsonNode node = read(file);
                String code = node.get("code").stringValue();
                if (!repository.codeExists(code)) {
                    repository.insert(row(node));
                    loaded[0]++;
                }
            }
        });
        if (loaded[0] > 0) {
            log.info("Seeded policy library: {} policies loaded", loaded[0]);
        }
    }

    private JsonNode read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PolicyRow row(JsonNode n) {
        engine.parse(n.get("eligibility"), "eligibility");
        JsonNode benefit = n.get("benefit");
        JsonNode formula = benefit.get("formula");
        if (formula != null) {
            engine.parseFormula(formula, "benefit.formula");
        }
        JsonNode source = n.path("source");
        OffsetDateTime now = clock.nowOffset();
        return new PolicyRow(Ids.newId(), text(n, "code"), 1, text(n, "title"), text(n, "issuer"),
                text(n, "documentNumber"), date(n, "issuedOn"), date(n, "effectiveFrom"), date(n, "effectiveTo"),
                PolicyCategory.valueOf(text(n, "category")), text(n, "departmentCode"), text(n, "regionCode"),
                text(n, "summary"), text(n, "text"), json.writeValueAsString(n.get("eligibility")),
                benefit.get("text").stringValue(), formula == null ? null : json.writeValueAsString(formula),
                PolicyMode.valueOf(text(n, "mode")), PolicyStatus.PUBLISHED, text(source, "document"),
                text(source, "measure"), text(source, "sentence"), null, true, now, now, now);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static LocalDate date(JsonNode n, String field) {
        String t = text(n, field);
        return t == null ? null : LocalDate.parse(t);
    }
}
