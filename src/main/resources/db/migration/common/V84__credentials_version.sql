-- Bumped whenever a user's credentials stop being good (own password change, an admin's reset, disabling):
-- API tokens carry the version they were issued under and are refused once it moves on.
ALTER TABLE app_user ADD COLUMN credentials_version INTEGER DEFAULT 0 NOT NULL;
