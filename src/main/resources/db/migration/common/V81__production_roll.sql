-- The roll of a reporting week (应报名单): the subjects ACTIVE on the whitelist when the week's Monday reminders ran.
-- A past week's "expected" count and its missing reports are judged against it, not against today's whitelist.
CREATE TABLE production_roll (
    iso_week      VARCHAR(8)  NOT NULL,
    enterprise_id VARCHAR(36) NOT NULL REFERENCES subject (id),
    PRIMARY KEY (iso_week, enterprise_id)
);
-- Weeks whose reminders ran before the roll existed keep the whitelist as it is now (what they showed until then).
INSERT INTO production_roll (iso_week, enterprise_id)
SELECT w.iso_week, s.id FROM production_reminder_run w CROSS JOIN subject s WHERE s.whitelist_status = 'ACTIVE';
