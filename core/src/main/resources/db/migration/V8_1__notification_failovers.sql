-- Messages a provider reported failed after it had taken them (a Twilio status callback: undelivered,
-- failed, busy, no-answer). Each waits here, written in the same transaction as the FAILED status,
-- until a node fails it over to the contact's next channel; the row is deleted in the transaction that
-- writes the failover message, so the failover happens once even with every node looking.
CREATE TABLE notification_failovers (
    notification_id VARCHAR(64) PRIMARY KEY REFERENCES notifications (id),
    reported_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
