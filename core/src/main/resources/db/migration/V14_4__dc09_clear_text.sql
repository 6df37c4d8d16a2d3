-- Issue 14: a DC-09 account takes messages in the clear only if it says so. New accounts do not: a
-- clear frame for them is answered like one for an unknown account (DUH). Accounts that already
-- existed without a key were working in the clear; they keep doing so (their panels would
-- otherwise go silent on upgrade) until an operator gives them a key and turns it off.
-- Runs unchanged on H2 and PostgreSQL.
ALTER TABLE dc09_accounts ADD COLUMN clear_text_allowed BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE dc09_accounts SET clear_text_allowed = TRUE WHERE encryption_key IS NULL;
