package org.sibao.identity.internal;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.sibao.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Users behind bearer tokens, kept for a few seconds so that a burst of API calls does not read the user row
 * each time; a disabled or changed user takes effect within {@link #TTL_NANOS}.
 */
@Component
class UserCache {

    private static final long TTL_NANOS = 5_000_000_000L;

    private record Entry(CurrentUser user, long loadedAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final UserRepository users;

    UserCache(UserRepository users) {
        this.users = users;
    }

    Optional<CurrentUser> activeUser(String id) {
        long now = System.nanoTime();
        Entry e = entries.get(id);
        if (e != null && now - e.loadedAt < TTL_NANOS) {
            return Optional.ofNullable(e.user);
        }
        CurrentUser user = users.findById(id).filter(UserRow::enabled).map(UserRow::toCurrentUser).orElse(null);
        if (entries.size() > 10_000) {
            entries.clear();
        }
        entries.put(id, new Entry(user, now));
        return Optional.ofNullable(user);
    }

    void evict(String id) {
        entries.remove(id);
    }
}
