-- People with accounts (issue 14): who may log in, with which roles, bound to which partner.
-- Runs unchanged on H2 and PostgreSQL. Demo users (demo-*) are never stored here: a demo node keeps
-- them in memory, and the application refuses to create any username starting with "demo-".
CREATE TABLE users (
    username      VARCHAR(64)  PRIMARY KEY,          -- 3 to 64 of [a-z0-9._-]
    password_hash VARCHAR(255) NOT NULL,             -- Argon2id, PHC string: $argon2id$v=19$m=..,t=..,p=..$salt$hash
    totp_secret   VARCHAR(512),                      -- RFC 6238 secret (base32); null = no second factor. Never logged
    roles         VARCHAR(255) NOT NULL,             -- Role names joined by ',', e.g. ADMIN,AUDITOR
    partner       VARCHAR(64),                       -- the fleet or hospital a fleet or hospital user is bound to
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    disabled      BOOLEAN      NOT NULL,
    last_login_at TIMESTAMP WITH TIME ZONE
);
