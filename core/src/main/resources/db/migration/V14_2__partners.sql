-- Partners (issue 14): fleets own units, and every hospital is a partner whose id is the hospital's.
-- A partner's machine key is stored only as its SHA-256 (hex): the keys are 32 random bytes, so a
-- fast hash is enough and lets a key be looked up by its hash. A row without a key (key_hash NULL)
-- is a partner that has no working key yet: POST /api/v1/partners/{id}/key issues one.
CREATE TABLE partners (
    id             VARCHAR(64)  PRIMARY KEY,
    kind           VARCHAR(16)  NOT NULL CHECK (kind IN ('FLEET', 'HOSPITAL')),
    name           VARCHAR(200) NOT NULL,
    key_hash       CHAR(64),
    key_created_at TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX partners_key_hash ON partners (key_hash);

-- Every existing hospital becomes a partner of its own, without a key.
INSERT INTO partners (id, kind, name) SELECT id, 'HOSPITAL', name FROM hospitals;

-- Units that exist already belonged to the one fleet the old shared fleet key stood for: they go
-- to FLEET-1 (created only when there are units), without a key until an admin issues one.
INSERT INTO partners (id, kind, name)
    SELECT 'FLEET-1', 'FLEET', 'Fleet 1' FROM units HAVING COUNT(*) > 0;

ALTER TABLE units ADD COLUMN partner_id VARCHAR(64) REFERENCES partners (id);
UPDATE units SET partner_id = 'FLEET-1';
CREATE INDEX units_partner ON units (partner_id, id);
