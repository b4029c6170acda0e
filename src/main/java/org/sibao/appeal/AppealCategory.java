package org.sibao.appeal;

/** Problem categories from the seeds: 原料采购, 用工需求, 物流运输, 市场拓展, 政策优惠, 资金, 用能, 土地, 防疫, 其他. */
public enum AppealCategory {
    RAW_MATERIALS, LABOR, LOGISTICS, MARKET, POLICY, FINANCE, ENERGY, LAND, EPIDEMIC, OTHER
}
