-- Issue 17, jobs: how many updates (JOB_UPDATED) a job's fleet was sent, so that each update has a delivery id
-- of its own (JOB-...:JOB_UPDATED:n) for the fleet to deduplicate on. Runs unchanged on H2 and PostgreSQL.
ALTER TABLE jobs ADD COLUMN updates INT DEFAULT 0 NOT NULL;
