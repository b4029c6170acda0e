-- Identity: users with a role, a home region and, where the role needs one, a sector, department or enterprise.
CREATE TABLE app_user (
    id              VARCHAR(36)  PRIMARY KEY,
    username        VARCHAR(60)  NOT NULL UNIQUE,
    password_hash   VARCHAR(100) NOT NULL,
    display_name    VARCHAR(100) NOT NULL,
    role            VARCHAR(20)  NOT NULL,
    region_code     VARCHAR(6)   NOT NULL REFERENCES region (code),
    sector          VARCHAR(20),
    department_code VARCHAR(20),
    enterprise_id   VARCHAR(36),
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_attempts INT          NOT NULL DEFAULT 0,
    locked_until    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX app_user_region_idx ON app_user (region_code);

-- 包保干部: which enterprises a liaison serves (assigned by the HQ).
CREATE TABLE liaison_assignment (
    user_id       VARCHAR(36) NOT NULL REFERENCES app_user (id),
    enterprise_id VARCHAR(36) NOT NULL,
    assigned_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, enterprise_id)
);
CREATE INDEX liaison_assignment_enterprise_idx ON liaison_assignment (enterprise_id);
