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
