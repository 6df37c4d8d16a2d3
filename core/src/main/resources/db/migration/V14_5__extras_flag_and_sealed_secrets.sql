-- Issue 14, items 7 and 8. Runs unchanged on H2 and PostgreSQL.
--
-- An alert whose optional vitals went beyond the bound (core.alert.VitalsBound: 8,000 characters of
-- compact JSON, 8 levels deep, the size of alerts.vitals) is stored with its vitals cut and flagged here;
-- the incident view shows the flag. The column default covers every alert stored before.
ALTER TABLE alerts ADD COLUMN extras_truncated BOOLEAN DEFAULT FALSE NOT NULL;

-- Device secrets and DC-09 keys are sealed with the master key (AES-256-GCM, core.secret.SecretBox):
-- 'v1:' + base64(12-byte IV, cipher text, 16-byte tag). A sealed 200-character secret takes 307
-- characters, a sealed 64-digit hex key 127. Plain values from before are sealed by the node at start.
ALTER TABLE devices ALTER COLUMN secret SET DATA TYPE VARCHAR(400);
ALTER TABLE dc09_accounts ALTER COLUMN encryption_key SET DATA TYPE VARCHAR(200);
