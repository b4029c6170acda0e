-- The dashboard's change marker shared by every node: a node that sees a module change bumps it (at most four
-- times a second); every node re-reads it once a second and recomputes its cached snapshots when it moved.
CREATE TABLE dashboard_generation (
    id         INT    PRIMARY KEY,
    generation BIGINT NOT NULL
);
INSERT INTO dashboard_generation (id, generation) VALUES (1, 0);
