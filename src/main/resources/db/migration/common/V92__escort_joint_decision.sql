-- Shutdowns by joint decision (会商, SPEC §4; seeds 001/003): a shutdown request takes effect only when both the
-- economic dispatch HQ office (HQ) and the epidemic prevention command (EPIDEMIC) at the decision level have agreed;
-- a renewal likewise. Each side's word on a round is one row: round 0 is the request itself, round n the n-th
-- renewal proposal (its first row is the proposing side's, with the days proposed). One row per side and round.
ALTER TABLE escort_shutdown ADD COLUMN consent_round INT NOT NULL DEFAULT 0;

CREATE TABLE escort_shutdown_consent (
    shutdown_id  VARCHAR(36)  NOT NULL,
    round_no     INT          NOT NULL,
    side         VARCHAR(12)  NOT NULL,
    decision     VARCHAR(12)  NOT NULL,
    days         INT,
    user_id      VARCHAR(36)  NOT NULL,
    user_name    VARCHAR(200),
    region_code  VARCHAR(6)   NOT NULL,
    decided_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    comment      VARCHAR(500),
    PRIMARY KEY (shutdown_id, round_no, side)
);
