-- Issue 17, live ETA: when an incident's ETA was last worked out (its dispatch, or a position its unit
-- reported on the way). Null until dispatched. Runs unchanged on H2 and PostgreSQL.
ALTER TABLE incidents ADD COLUMN eta_updated_at TIMESTAMP WITH TIME ZONE;

-- BLS first: every member's periodic sweep looks for the follow-ups still seeking an ALS unit; the
-- table keeps every follow-up ever made, so the sweep reads it through this index.
CREATE INDEX als_followups_seeking ON als_followups (ended_at, support_unit_id);
