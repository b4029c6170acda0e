package org.sibao.whitelist;

/** A whitelist entry became ACTIVE: its publicity period ended without a sustained objection (or had none). */
public record EntryActivated(String entryId, String enterpriseId, String sector, String level) {
}
