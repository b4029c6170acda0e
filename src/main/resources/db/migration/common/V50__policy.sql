-- Policy library (政策库): one row per version of a policy; a published version is never edited.
CREATE TABLE policy (
    id               VARCHAR(36)   PRIMARY KEY,
    code             VARCHAR(40)   NOT NULL,
    version_no       INT           NOT NULL,
    title            VARCHAR(300)  NOT NULL,
    issuer           VARCHAR(200),
    document_number  VARCHAR(100),
    issued_on        DATE,
    effective_from   DATE          NOT NULL,
    effective_to     DATE,
    category         VARCHAR(20)   NOT NULL,
    department_code  VARCHAR(30),
    -- the issuing region: officials author and publish policies of their own region
    region_code      VARCHAR(6)    NOT NULL,
    summary          VARCHAR(2000),
    body_text        TEXT,
    eligibility      TEXT          NOT NULL,
    benefit_text     VARCHAR(2000) NOT NULL,
    benefit_formula  TEXT,
    apply_mode       VARCHAR(8)    NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    source_document  VARCHAR(300),
    source_measure   VARCHAR(60),
    source_sentence  TEXT,
    previous_id      VARCHAR(36),
    seeded           BOOLEAN       NOT NULL DEFAULT FALSE,
    -- whether policy_match holds this version's rows (set by matching, cleared when it leaves force)
    matched          BOOLEAN       NOT NULL DEFAULT FALSE,
    published_at     TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT policy_code_version_uk UNIQUE (code, version_no)
);
CREATE INDEX policy_status_idx ON policy (status);

-- Every in-force policy against every subject; rewritten set-wise per subject or per policy.
CREATE TABLE policy_match (
    subject_id   VARCHAR(36)   NOT NULL,
    policy_id    VARCHAR(36)   NOT NULL,
    region_code  VARCHAR(6)    NOT NULL,
    outcome      VARCHAR(12)   NOT NULL,
    benefit_yuan NUMERIC(18, 2),
    -- payer shares as "PROVINCE=70000.00;LOCAL=30000.00"
    shares       VARCHAR(400),
    computed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subject_id, policy_id)
);
CREATE INDEX policy_match_policy_idx ON policy_match (policy_id, outcome);

-- Push and redemption (兑现): one row per subject and policy version, PUSHED → VIEWED → APPLIED → GRANTED | DECLINED.
CREATE TABLE policy_redemption (
    subject_id     VARCHAR(36)   NOT NULL,
    policy_id      VARCHAR(36)   NOT NULL,
    region_code    VARCHAR(6)    NOT NULL,
    state          VARCHAR(10)   NOT NULL,
    pushed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    viewed_at      TIMESTAMP WITH TIME ZONE,
    applied_at     TIMESTAMP WITH TIME ZONE,
    decided_at     TIMESTAMP WITH TIME ZONE,
    decided_by     VARCHAR(36),
    applicant_note VARCHAR(1000),
    granted_yuan   NUMERIC(18, 2),
    decline_reason VARCHAR(500),
    PRIMARY KEY (subject_id, policy_id)
);
CREATE INDEX policy_redemption_policy_idx ON policy_redemption (policy_id, state);
