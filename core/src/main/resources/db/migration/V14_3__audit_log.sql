-- The audit log (server's audit.AuditLog): every human and partner action, every login and every
-- read of personal data, append-only and chained by hash. seq is gapless and assigned by the writer
-- in chain order (1, 2, 3, ...); hash = SHA-256 over prev_hash and the entry's fields (see
-- server/docs/audit.md for the exact encoding), prev_hash of the first entry is 64 zeros. Text
-- columns are bounded; the writer cuts longer values before hashing, so a stored row always
-- recomputes to its hash. at is kept to the microsecond (the precision of both H2 and PostgreSQL).
CREATE TABLE audit_log (
    seq       BIGINT       PRIMARY KEY,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    actor     VARCHAR(100) NOT NULL,
    role      VARCHAR(100) NOT NULL,
    action    VARCHAR(100) NOT NULL,
    record    VARCHAR(200) NOT NULL,
    address   VARCHAR(64)  NOT NULL,
    outcome   VARCHAR(64)  NOT NULL,
    prev_hash VARCHAR(64)  NOT NULL,
    hash      VARCHAR(64)  NOT NULL
);
-- The auditor's filters: by actor, by record (exact or prefix) and by time, each newest first.
CREATE INDEX audit_log_actor ON audit_log (actor, seq);
CREATE INDEX audit_log_record ON audit_log (record, seq);
CREATE INDEX audit_log_at ON audit_log (at);

-- The end of the chain, one row. Every append locks it (SELECT ... FOR UPDATE), so the members of a
-- cluster append one after another to one chain; the verifier compares it with the log's last entry
-- to see a cut-off tail.
CREATE TABLE audit_head (
    id   INT         PRIMARY KEY CHECK (id = 1),
    seq  BIGINT      NOT NULL,
    hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
