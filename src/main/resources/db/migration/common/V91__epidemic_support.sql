-- 防疫保障 (seed 001 item 三): every whitelist subject gets professional epidemic-prevention staff (专业防疫人员) and
-- a partner medical institution (结对帮扶医疗卫生机构); every HQ task force (专班) one epidemic-prevention expert.
-- Phones are personal data: AES-GCM encrypted (PersonalDataCipher) with a masked copy for lists.

-- One row per subject once its support was first saved: the partner institution (null until paired) and who saved last.
CREATE TABLE epidemic_support (
    enterprise_id          VARCHAR(36)  PRIMARY KEY REFERENCES subject (id),
    institution_name       VARCHAR(100),
    institution_contact    VARCHAR(50),
    institution_phone_enc  VARCHAR(200),
    institution_phone_mask VARCHAR(20),
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by             VARCHAR(36)  NOT NULL,
    updated_by_name        VARCHAR(100) NOT NULL
);

-- The subject's assigned staff, in the order given.
CREATE TABLE epidemic_support_staff (
    id            VARCHAR(36)  PRIMARY KEY,
    enterprise_id VARCHAR(36)  NOT NULL REFERENCES subject (id),
    ordinal       INT          NOT NULL,
    name          VARCHAR(50)  NOT NULL,
    organisation  VARCHAR(100),
    phone_enc     VARCHAR(200) NOT NULL,
    phone_mask    VARCHAR(20)  NOT NULL
);
CREATE INDEX epidemic_support_staff_enterprise_idx ON epidemic_support_staff (enterprise_id, ordinal);

-- The epidemic-prevention expert of each task force of a region's HQ (task forces are the fixed list TaskForce).
CREATE TABLE task_force_expert (
    region_code     VARCHAR(6)   NOT NULL,
    task_force      VARCHAR(20)  NOT NULL,
    name            VARCHAR(50)  NOT NULL,
    organisation    VARCHAR(100),
    phone_enc       VARCHAR(200) NOT NULL,
    phone_mask      VARCHAR(20)  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(36)  NOT NULL,
    updated_by_name VARCHAR(100) NOT NULL,
    PRIMARY KEY (region_code, task_force)
);
