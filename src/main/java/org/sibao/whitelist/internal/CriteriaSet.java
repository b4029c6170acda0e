package org.sibao.whitelist.internal;

import java.time.OffsetDateTime;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** One published version of a sector's criteria at a level, for a region (null: province-wide default). */
record CriteriaSet(String id, String sector, String level, int version, List<Criterion> criteria, String note,
        OffsetDateTime publishedAt, String publishedBy, String regionCode) {

    /** ELIGIBILITY must hold, EXCLUSION describes what must not have happened, DECLARATION checks readiness. */
    enum Kind {
        ELIGIBILITY, EXCLUSION, DECLARATION
    }

    record Criterion(String code, String title, Kind kind, JsonNode rule) {
    }
}
