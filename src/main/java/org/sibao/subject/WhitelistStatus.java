package org.sibao.subject;

/** A subject's standing on the whitelist, kept by the whitelist module. */
public enum WhitelistStatus {
    NONE, ACTIVE, SUSPENDED, REMOVED
}
