-- Issue 17, live ETA: when an incident's ETA was last worked out (its dispatch, or a position its unit
-- reported on the way). Null until dispatched. Runs unchanged on H2 and PostgreSQL.
ALTER TABLE incidents ADD COLUMN eta_updated_at TIMESTAMP WITH TIME ZONE;
