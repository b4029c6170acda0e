package org.sibao.rules.internal;

import org.sibao.region.Industry;
import org.sibao.region.Region;
import org.sibao.region.RegionService;
import org.sibao.rules.FactCatalogue;
import org.sibao.rules.RuleEngine;
import org.sibao.rules.RuleRenderer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine and renderer, checking and naming region and industry codes by the reference data. */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

    @Bean
    RuleEngine ruleEngine(RegionService regions) {
        return new RuleEngine(FactCatalogue.standard(), code -> regions.find(code).isPresent(),
                code -> regions.industry(code).filter(i -> !i.section()).isPresent());
    }

    @Bean
    RuleRenderer ruleRenderer(MessageSource messages, RegionService regions) {
        return new RuleRenderer(messages, code -> regions.find(code).map(Region::name).orElse(null),
                code -> regions.industry(code).map(Industry::name).orElse(null));
    }
}
