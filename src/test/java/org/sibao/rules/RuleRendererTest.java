package org.sibao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sibao.rules.RuleFixtures.ENGINE;
import static org.sibao.rules.RuleFixtures.json;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RuleRendererTest {

    private static final Map<String, String> REGIONS = Map.of("411300", "南阳市", "410100", "郑州市");
    private final RuleRenderer renderer = new RuleRenderer(RuleFixtures.messages(), REGIONS::get);

    private String zh(String rule) {
        return renderer.render(ENGINE.parse(json(rule), ""), Locale.SIMPLIFIED_CHINESE);
    }

    private String en(String rule) {
        return renderer.render(ENGINE.parse(json(rule), ""), Locale.ENGLISH);
    }

    private static final String PREVIEW = """
            {'all':[{'fact':'regionCode','op':'within','value':'411300'},
                    {'fact':'sizeClass','op':'in','value':['MEDIUM','SMALL']},
                    {'fact':'employees','op':'gte','value':1000}]}""";

    @Test
    void rendersThePreviewInChinese() {
        assertThat(zh(PREVIEW)).isEqualTo("所属地区位于 南阳市 且 企业规模为 中型 或 小型 且 员工人数 ≥ 1000");
    }

    @Test
    void rendersThePreviewInEnglish() {
        assertThat(en(PREVIEW)).isEqualTo("region within 南阳市 and size class is medium or small and employees ≥ 1000");
    }

    @Test
    void groupsNestedListsAndNegations() {
        assertThat(zh("""
                {'all':[{'fact':'sector','op':'eq','value':'INDUSTRY'},
                        {'any':[{'fact':'flags','op':'has','value':'ABOVE_SCALE'},{'fact':'flags','op':'has','value':'SPECIALIZED'}]},
                        {'not':{'fact':'whitelistStatus','op':'eq','value':'REMOVED'}}]}"""))
                .isEqualTo("所属领域为 工业生产 且 （企业标识包含 规上企业 或 企业标识包含 专精特新） 且 并非（白名单状态为 已熔断）");
    }

    @Test
    void unitsBooleansAndUnknownRegions() {
        assertThat(zh("{'fact':'annualRevenue','op':'gte','value':2000.00}")).isEqualTo("营业收入 ≥ 2000 万元");
        assertThat(zh("{'fact':'attributes.revenueGrowthPct','op':'gte','value':10}")).isEqualTo("营业收入增长率 ≥ 10%");
        assertThat(zh("{'fact':'attributes.rentsStateOwnedPremises','op':'eq','value':true}"))
                .isEqualTo("承租国有房屋为 是");
        assertThat(zh("{'fact':'regionCode','op':'within','value':['410100','419001']}"))
                .isEqualTo("所属地区位于 郑州市 或 419001");
        assertThat(zh("{'fact':'kind','op':'notIn','value':['PROJECT','PARK']}")).isEqualTo("主体类型不为 重点项目、园区");
        assertThat(zh("{'fact':'outputValue','op':'exists'}")).isEqualTo("已掌握总产值");
        assertThat(zh("{'fact':'outputValue','op':'exists','value':false}")).isEqualTo("未掌握总产值");
        assertThat(en("{'fact':'annualRevenue','op':'lt','value':300}")).isEqualTo("annual revenue < 300 × 10k yuan");
    }

    @Test
    void rendersDatedWindows() {
        assertThat(zh("{'fact':'incidents','op':'noneWithin','value':{'kinds':['SAFETY','QUALITY','ENVIRONMENT'],'years':3}}"))
                .isEqualTo("近3年内无重大安全事故 或 重大质量事故 或 严重环境违法");
        assertThat(zh("{'fact':'incidents','op':'anyWithin','value':{'months':6}}")).isEqualTo("近6个月内有重大事故或失信记录");
        assertThat(en("{'fact':'incidents','op':'noneWithin','value':{'kinds':['DISHONESTY'],'years':3}}"))
                .isEqualTo("no serious dishonesty in the last 3 year(s)");
    }

    @Test
    void aCenturyWindowReadsAsEver() {
        assertThat(zh("{'fact':'incidents','op':'noneWithin','value':{'kinds':['FRAUD'],'years':100}}"))
                .startsWith("从未有").doesNotContain("100");
        assertThat(en("{'fact':'incidents','op':'anyWithin','value':{'kinds':['FRAUD'],'years':100}}"))
                .startsWith("at some time").doesNotContain("100");
    }

    @Test
    void factLabelsExistForTheWholeCatalogueInBothLanguages() {
        for (Fact fact : FactCatalogue.standard().facts()) {
            assertThat(renderer.factLabel(fact, Locale.SIMPLIFIED_CHINESE)).as(fact.name()).isNotEqualTo(fact.name());
            assertThat(RuleFixtures.messages().getMessage("rules.fact." + fact.name(), null, null, Locale.ENGLISH))
                    .as(fact.name()).isNotBlank();
            for (String value : fact.values()) {
                String key = "rules.value." + fact.name() + "." + value;
                if (!fact.name().equals("industrySection")) {
                    assertThat(RuleFixtures.messages().getMessage(key, null, null, Locale.SIMPLIFIED_CHINESE))
                            .as(key).isNotBlank();
                    assertThat(RuleFixtures.messages().getMessage(key, null, null, Locale.ENGLISH)).as(key)
                            .isNotBlank();
                }
            }
        }
    }
}
