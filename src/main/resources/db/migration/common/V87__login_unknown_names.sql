-- Sign-in failures of names no account has, counted and locked exactly like an account's so that the answer never
-- tells which names exist. Kept in the database, not in each node's memory, so that several nodes count together
-- (an account's own counter is a column of app_user). Names are kept as a SHA-256 hash; rows idle longer than the
-- lock are deleted by a scheduled job.
CREATE TABLE login_unknown_name (
    name_hash    VARCHAR(64) PRIMARY KEY,
    failures     INT         NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_unknown_name_updated_idx ON login_unknown_name (updated_at);
