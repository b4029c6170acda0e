-- Market subjects (市场主体): enterprises, individual businesses, key projects and parks.
CREATE TABLE subject (
    id               VARCHAR(36)  PRIMARY KEY,
    uscc             VARCHAR(18)  NOT NULL,
    -- a project without its own USCC is keyed by its builder's USCC plus a project number; '' otherwise
    project_no       VARCHAR(30)  NOT NULL DEFAULT '',
    name             VARCHAR(200) NOT NULL,
    kind             VARCHAR(24)  NOT NULL,
    region_code      VARCHAR(6)   NOT NULL REFERENCES region (code),
    address          VARCHAR(300),
    legal_rep        VARCHAR(60),
    contact_phone    VARCHAR(20),
    sector           VARCHAR(20)  NOT NULL,
    industry_code    VARCHAR(2)   REFERENCES industry (code),
    employees        INT,
    annual_revenue   NUMERIC(18, 2),
    total_assets     NUMERIC(18, 2),
    output_value     NUMERIC(18, 2),
    total_investment NUMERIC(18, 2),
    annual_investment NUMERIC(18, 2),
    size_class       VARCHAR(8)   NOT NULL,
    flags            VARCHAR(100) NOT NULL DEFAULT '',
    whitelist_status VARCHAR(12)  NOT NULL DEFAULT 'NONE',
    whitelist_level  VARCHAR(10),
    operation_mode   VARCHAR(12)  NOT NULL DEFAULT 'NORMAL',
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          INT          NOT NULL DEFAULT 0,
    CONSTRAINT subject_uscc_uk UNIQUE (uscc, project_no)
);
CREATE INDEX subject_region_sector_idx ON subject (region_code, sector);
CREATE INDEX subject_sector_idx ON subject (sector);
CREATE INDEX subject_name_idx ON subject (name);
CREATE INDEX subject_whitelist_idx ON subject (whitelist_status);

-- Compliance history: major accidents, dishonesty records and fraud findings, each with its date.
CREATE TABLE subject_incident (
    subject_id    VARCHAR(36) NOT NULL REFERENCES subject (id),
    seq           INT         NOT NULL,
    kind          VARCHAR(20) NOT NULL,
    incident_date DATE        NOT NULL,
    PRIMARY KEY (subject_id, seq)
);

-- Supply-chain links: the other subject is this one's SUPPLIER (upstream) or CUSTOMER (downstream).
CREATE TABLE subject_link (
    subject_id VARCHAR(36) NOT NULL REFERENCES subject (id),
    other_id   VARCHAR(36) NOT NULL REFERENCES subject (id),
    relation   VARCHAR(10) NOT NULL,
    PRIMARY KEY (subject_id, other_id, relation)
);
CREATE INDEX subject_link_other_idx ON subject_link (other_id);

-- Extra typed facts from the attribute catalogue (SubjectAttribute); the value is kept as text in canonical form.
CREATE TABLE subject_attribute (
    subject_id VARCHAR(36)  NOT NULL REFERENCES subject (id),
    name       VARCHAR(60)  NOT NULL,
    attr_value VARCHAR(200) NOT NULL,
    PRIMARY KEY (subject_id, name)
);
