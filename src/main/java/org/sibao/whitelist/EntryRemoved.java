package org.sibao.whitelist;

/** A whitelist entry was removed (熔断) with its cause; the subject's employees lose code protection. */
public record EntryRemoved(String entryId, String enterpriseId, String reason) {
}
