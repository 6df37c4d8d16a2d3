-- Issue 15, data-subject rights: when the personal data of a finished incident was purged, by the
-- retention job (SAHAYA_RETENTION_DAYS) or by the erasure of its subscriber. Null = not purged yet. The
-- job looks for finished incidents older than the bound without it, so each is purged once and the
-- audit entry counts only what that run removed. Runs unchanged on H2 and PostgreSQL.
ALTER TABLE incidents ADD COLUMN personal_data_purged_at TIMESTAMP WITH TIME ZONE;
