-- Reference data: Henan's administrative divisions and the GB/T 4754-2017 industry classification.
-- Rows are loaded from the CSV files under classpath:reference/ by the Java migration V2_1.
CREATE TABLE region (
    code        VARCHAR(6)  PRIMARY KEY,
    name        VARCHAR(60) NOT NULL,
    level       VARCHAR(10) NOT NULL,
    parent_code VARCHAR(6),
    prefix      VARCHAR(6)  NOT NULL
);
CREATE INDEX region_parent_idx ON region (parent_code);

CREATE TABLE industry (
    code        VARCHAR(2)   PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    level       VARCHAR(10)  NOT NULL,
    parent_code VARCHAR(2)
);
