-- Pairing (结对合作, SPEC §9): an industrial, tourism or key-project subject (the demand side) paired with a
-- transport, commerce or lodging subject (the supply side). Region and sector of both sides are copied at proposal
-- time for the scope predicate, which matches either side.
CREATE TABLE pairing (
    id                 VARCHAR(36)  PRIMARY KEY,
    kind               VARCHAR(12)  NOT NULL,
    status             VARCHAR(12)  NOT NULL,
    demand_id          VARCHAR(36)  NOT NULL,
    demand_name        VARCHAR(200) NOT NULL,
    demand_region_code VARCHAR(6)   NOT NULL,
    demand_sector      VARCHAR(20)  NOT NULL,
    supply_id          VARCHAR(36)  NOT NULL,
    supply_name        VARCHAR(200) NOT NULL,
    supply_region_code VARCHAR(6)   NOT NULL,
    supply_sector      VARCHAR(20)  NOT NULL,
    note               VARCHAR(500),
    proposed_by        VARCHAR(36)  NOT NULL,
    proposed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by         VARCHAR(36),
    decided_at         TIMESTAMP WITH TIME ZONE,
    ended_by           VARCHAR(36),
    ended_at           TIMESTAMP WITH TIME ZONE,
    reason             VARCHAR(500),
    version            INT          NOT NULL DEFAULT 0
);
CREATE INDEX pairing_demand_idx ON pairing (demand_id, status);
CREATE INDEX pairing_supply_idx ON pairing (supply_id, status);
CREATE INDEX pairing_demand_region_idx ON pairing (demand_region_code);
CREATE INDEX pairing_supply_region_idx ON pairing (supply_region_code);
