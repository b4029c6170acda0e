-- Files attached to a whitelist application (申请表, 承诺书 …), kept in the database so that every node sees them.
CREATE TABLE wl_attachment (
    id             VARCHAR(36)  PRIMARY KEY,
    application_id VARCHAR(36)  NOT NULL REFERENCES wl_application (id),
    file_name      VARCHAR(200) NOT NULL,
    content_type   VARCHAR(100) NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    content        BYTEA        NOT NULL,
    uploaded_by    VARCHAR(100) NOT NULL,
    uploaded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX wl_attachment_application_idx ON wl_attachment (application_id);
