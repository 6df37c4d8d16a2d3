-- Delivery attempts of one outbox row (notify-channels). A row is handed to a provider at most once
-- at a time: attempt_started_at is set, in its own committed update, just before the provider call
-- and cleared only when the provider certainly did not take the message (a retryable refusal).
-- A PENDING row that still carries it after a crash had a hand-over with an unknown outcome: it is
-- not sent again on the same channel (Twilio has no idempotency key) but failed over.
ALTER TABLE notifications ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE notifications ADD COLUMN attempt_started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notifications ADD COLUMN last_error VARCHAR(200);
