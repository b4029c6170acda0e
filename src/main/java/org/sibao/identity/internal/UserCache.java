package org.sibao.identity.internal;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.sibao.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Users behind bearer tokens, kept for a few seconds so that a burst of API calls does not read the user row
 * each time; a disabled or changed user takes effect within {@link #TTL_NANOS} on other nodes, at once on this one
 * ({@link #evict}). A token is good only under the credentials version it was issued with: a password change,
 * reset or disabling moves the version on and so revokes every token issued before.
 */
@Component
class UserCache {

    private static final long TTL_NANOS = 5_000_000_000L;

    private record Entry(CurrentUser user, int version, long loadedAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final UserRepository users;

    UserCache(UserRepository users) {
        this.users = users;
    }

    Optional<CurrentUser> activeUser(String id, int tokenVersion) {
        long now = System.nanoTime();
        Entry e = entries.get(id);
        if (e == null || now - e.loadedAt >= TTL_NANOS) {
            UserRepository.Active active = users.findActive(id).orElse(null);
            if (entries.size() > 10_000) {
                entries.clear();
            }
            e = new Entry(active == null ? null : active.user(), active == null ? -1 : active.credentialsVersion(), now);
            entries.put(id, e);
        }
        return e.version == tokenVersion ? Optional.ofNullable(e.user) : Optional.empty();
    }

    /**
     * Forgets the user now and again once the current transaction commits: a request reading the user meanwhile
     * (before the change is visible) would otherwise keep the old credentials version for {@link #TTL_NANOS}.
     */
    void evict(String id) {
        entries.remove(id);
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            entries.remove(id);
                        }
                    });
        }
    }
}
