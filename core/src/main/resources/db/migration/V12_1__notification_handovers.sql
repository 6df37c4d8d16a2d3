-- Hand-overs of outbox rows to a provider, out of the notifications row (notify). Marking a hand-over
-- used to update the notifications row itself, which H2 removes and re-adds in every one of its six
-- indexes; this narrow row has one. started_at is set, in its own committed write, just before each
-- provider call and cleared only when the provider certainly did not take the message (a retryable
-- refusal). A PENDING notification whose hand-over still has started_at after a crash had a hand-over
-- with an unknown outcome: it is not sent again on the same channel (Twilio has no idempotency key)
-- but failed over. Replaces notifications.attempts, attempt_started_at and last_error (V5_1), which
-- are no longer written.
CREATE TABLE notification_handovers (
    notification_id VARCHAR(64) PRIMARY KEY REFERENCES notifications (id),
    attempts        INTEGER     NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(200)
);
INSERT INTO notification_handovers (notification_id, attempts, started_at, last_error)
    SELECT id, attempts, attempt_started_at, last_error FROM notifications
    WHERE attempts > 0 OR attempt_started_at IS NOT NULL OR last_error IS NOT NULL;
