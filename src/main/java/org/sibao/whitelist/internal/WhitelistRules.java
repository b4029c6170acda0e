package org.sibao.whitelist.internal;

import org.sibao.region.RegionService;
import org.sibao.rules.FactCatalogue;
import org.sibao.rules.RuleEngine;
import org.springframework.stereotype.Component;

/** The rules engine over the standard facts plus the application's readiness declarations. */
@Component
class WhitelistRules {

    private final RuleEngine engine;

    WhitelistRules(RegionService regions) {
        this.engine = new RuleEngine(FactCatalogue.standard().with(Declarations.facts()),
                code -> regions.find(code).isPresent(),
                code -> regions.industry(code).filter(i -> !i.section()).isPresent());
    }

    RuleEngine engine() {
        return engine;
    }
}
