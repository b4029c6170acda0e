-- Vehicle passes (通行证, SPEC §9): the carrier applies, the transport department approves, checkpoints verify the
-- signed code. carrier_region_code and carrier_sector are the carrier's at filing time, for the scope predicate.
CREATE TABLE vehicle_pass (
    id                    VARCHAR(36)  PRIMARY KEY,
    carrier_enterprise_id VARCHAR(36)  NOT NULL,
    carrier_name          VARCHAR(200) NOT NULL,
    carrier_region_code   VARCHAR(6)   NOT NULL,
    carrier_sector        VARCHAR(20)  NOT NULL,
    plate_number          VARCHAR(10)  NOT NULL,
    origin                VARCHAR(200) NOT NULL,
    destination           VARCHAR(200) NOT NULL,
    valid_from            TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_to              TIMESTAMP WITH TIME ZONE NOT NULL,
    status                VARCHAR(12)  NOT NULL,
    code                  VARCHAR(120),
    requested_by          VARCHAR(36)  NOT NULL,
    requested_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by            VARCHAR(36),
    decided_at            TIMESTAMP WITH TIME ZONE,
    decision_comment      VARCHAR(500),
    revoked_by            VARCHAR(36),
    revoked_at            TIMESTAMP WITH TIME ZONE,
    version               INT          NOT NULL DEFAULT 0
);
CREATE INDEX vehicle_pass_region_idx ON vehicle_pass (carrier_region_code, status);
CREATE INDEX vehicle_pass_carrier_idx ON vehicle_pass (carrier_enterprise_id);

-- The whitelist subjects a pass serves.
CREATE TABLE vehicle_pass_served (
    pass_id         VARCHAR(36)  NOT NULL REFERENCES vehicle_pass (id),
    enterprise_id   VARCHAR(36)  NOT NULL,
    enterprise_name VARCHAR(200) NOT NULL,
    PRIMARY KEY (pass_id, enterprise_id)
);

-- Drivers on a pass; drivers of approved, unexpired passes form the transport whitelist of drivers.
-- ID numbers and phones are AES-GCM encrypted at rest; the masked forms are kept for lists; id_hash is a keyed hash.
CREATE TABLE pass_driver (
    id               VARCHAR(36)  PRIMARY KEY,
    pass_id          VARCHAR(36)  NOT NULL REFERENCES vehicle_pass (id),
    position         INT          NOT NULL,
    name             VARCHAR(50)  NOT NULL,
    id_number_cipher VARCHAR(200) NOT NULL,
    id_number_masked VARCHAR(18)  NOT NULL,
    id_hash          VARCHAR(64)  NOT NULL,
    phone_cipher     VARCHAR(200) NOT NULL,
    phone_masked     VARCHAR(11)  NOT NULL
);
CREATE INDEX pass_driver_pass_idx ON pass_driver (pass_id);
CREATE INDEX pass_driver_hash_idx ON pass_driver (id_hash);
