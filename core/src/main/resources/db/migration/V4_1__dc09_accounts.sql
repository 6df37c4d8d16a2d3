-- SIA DC-09 accounts: an alarm panel or home hub reports as account number N; the account maps to
-- the Device (and so the subscriber) it belongs to. Runs unchanged on H2 and PostgreSQL.
CREATE TABLE dc09_accounts (
    account                  VARCHAR(16) PRIMARY KEY,  -- 3 to 16 hex digits, upper case
    receiver                 VARCHAR(6),               -- if set, the message's Rrcvr must match
    line_prefix              VARCHAR(6),               -- if set, the message's Lpref must match
    device_id                VARCHAR(64) NOT NULL REFERENCES devices (id),
    encryption_key           VARCHAR(64),              -- AES-128/192/256 key; null = unencrypted (never logged)
    key_format               VARCHAR(5),               -- ASCII or HEX, how encryption_key is written
    timestamp_window_seconds INTEGER,                  -- null = the node's default window
    demo                     BOOLEAN NOT NULL
);
CREATE INDEX dc09_accounts_device ON dc09_accounts (device_id);
