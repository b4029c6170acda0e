package org.sibao.whitelist.internal;

import java.util.ArrayList;
import java.util.List;

import org.sibao.region.Sector;
import org.sibao.whitelist.internal.CriteriaSet.Criterion;
import org.sibao.whitelist.internal.CriteriaSet.Kind;

import tools.jackson.databind.json.JsonMapper;

/**
 * Version 1 of every sector's criteria at every level, encoded from seed 004 (新县 工业、商贸流通、电商类白名单遴选标准)
 * and the closed-loop readiness of seeds 001/004. The seeds define county-level criteria for industry and commerce;
 * the other sectors and levels start from the same structure with the category criterion that fits the sector,
 * for the sector departments to refine and publish as new versions.
 */
final class CriteriaSeed {

    private CriteriaSeed() {
    }

    static List<Criterion> forSector(Sector sector, JsonMapper json) {
        List<Criterion> c = new ArrayList<>();
        c.add(rule(json, "REGISTERED", "在本省县（市、区）内注册登记", Kind.ELIGIBILITY,
                "{\"fact\":\"regionCode\",\"op\":\"within\",\"value\":\"410000\"}"));
        c.add(rule(json, "OPERATING", "生产经营状态正常", Kind.ELIGIBILITY, declared("operatingNormally")));
        c.add(rule(json, "STANDARDS", "达到环保排放标准和安全生产标准", Kind.ELIGIBILITY,
                "{\"all\":[" + declared("meetsEnvironmentalStandards") + "," + declared("meetsSafetyStandards") + "]}"));
        c.add(rule(json, "GUIDE", "能够严格执行《河南省“四保”企业（项目）疫情防控工作指南》", Kind.ELIGIBILITY,
                declared("followsProvincialGuide")));
        c.add(category(sector, json));
        c.add(rule(json, "NO_FRAUD", "未通过弄虚作假行为达到申报标准", Kind.EXCLUSION,
                "{\"fact\":\"incidents\",\"op\":\"noneWithin\",\"value\":{\"kinds\":[\"FRAUD\"],\"years\":100}}"));
        c.add(rule(json, "NO_MAJOR_ACCIDENT", "近三年未发生重大安全、重大质量事故或严重环境违法行为", Kind.EXCLUSION,
                "{\"fact\":\"incidents\",\"op\":\"noneWithin\",\"value\":{\"kinds\":[\"SAFETY\",\"QUALITY\",\"ENVIRONMENT\"],\"years\":3}}"));
        c.add(rule(json, "NO_DISHONESTY", "近三年未发生严重社会失信行为", Kind.EXCLUSION,
                "{\"fact\":\"incidents\",\"op\":\"noneWithin\",\"value\":{\"kinds\":[\"DISHONESTY\"],\"years\":3}}"));
        c.add(rule(json, "TASK_FORCE", "成立疫情防控工作专班，明确一名企业高管为疫情防控主要负责人", Kind.DECLARATION,
                "{\"all\":[" + declared("epidemicTaskForce") + "," + declared("responsibleExecutive") + "]}"));
        c.add(rule(json, "PLAN_AND_DRILL", "制定应急处置预案并开展应急演练", Kind.DECLARATION,
                "{\"all\":[" + declared("emergencyPlan") + "," + declared("drillsHeld") + "]}"));
        c.add(rule(json, "CLOSED_LOOP", "具备闭环生产生活条件（员工宿舍、食堂）", Kind.DECLARATION,
                "{\"all\":[" + declared("closedLoopDormitory") + "," + declared("closedLoopCanteen") + "]}"));
        c.add(rule(json, "SUPPLIES", "储备足额防疫物资（口罩、防护服、消毒液、抗原检测试剂）", Kind.DECLARATION,
                "{\"all\":[" + declared("masksStocked") + "," + declared("gownsStocked") + ","
                        + declared("disinfectantStocked") + "," + declared("antigenKitsStocked") + "]}"));
        c.add(rule(json, "ISOLATION", "按员工人数比例设置临时隔离观察点（每百名员工不少于1个）", Kind.DECLARATION,
                "{\"fact\":\"declarations.isolationPlacesPer100Staff\",\"op\":\"gte\",\"value\":1}"));
        return c;
    }

    private static Criterion category(Sector sector, JsonMapper json) {
        return switch (sector) {
            case INDUSTRY -> rule(json, "CATEGORY",
                    "符合以下条件之一：规上工业企业；专精特新中小企业培育库企业；“万人助万企”县领导包联企业；关系民生的商贸流通、电商类企业",
                    Kind.ELIGIBILITY, anyFlag("ABOVE_SCALE", "SPECIALIZED", "LIAISON", "LIVELIHOOD"));
            case COMMERCE -> rule(json, "CATEGORY",
                    "符合以下条件之一：关系民生的商贸流通、电商类企业；限上企业；“万人助万企”包联企业", Kind.ELIGIBILITY,
                    anyFlag("LIVELIHOOD", "ABOVE_SCALE", "LIAISON"));
            case TRANSPORT -> rule(json, "CATEGORY", "符合以下条件之一：保障民生和产业链物流的运输企业；规上企业；包联企业",
                    Kind.ELIGIBILITY, anyFlag("LIVELIHOOD", "ABOVE_SCALE", "LIAISON"));
            case CULTURE_TOURISM -> rule(json, "CATEGORY", "符合以下条件之一：规上文化旅游企业；包联企业；关系民生的企业",
                    Kind.ELIGIBILITY, anyFlag("ABOVE_SCALE", "LIAISON", "LIVELIHOOD"));
            case KEY_PROJECT -> rule(json, "CATEGORY", "纳入重点项目管理的在建项目", Kind.ELIGIBILITY,
                    "{\"fact\":\"kind\",\"op\":\"eq\",\"value\":\"PROJECT\"}");
        };
    }

    private static String anyFlag(String... flags) {
        List<String> parts = new ArrayList<>();
        for (String f : flags) {
            parts.add("{\"fact\":\"flags\",\"op\":\"has\",\"value\":\"" + f + "\"}");
        }
        return "{\"any\":[" + String.join(",", parts) + "]}";
    }

    private static String declared(String key) {
        return "{\"fact\":\"declarations." + key + "\",\"op\":\"eq\",\"value\":true}";
    }

    private static Criterion rule(JsonMapper json, String code, String title, Kind kind, String rule) {
        return new Criterion(code, title, kind, json.readTree(rule));
    }
}
