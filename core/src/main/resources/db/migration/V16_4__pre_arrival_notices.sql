-- Issue 17: pre-arrival notices to receiving hospitals. The last notice told to each hospital about each
-- incident, so that a notice heard again (a restart, a take-over) is not sent twice, an update goes out only
-- when the expected arrival moved by a minute or more, and a cancellation goes only to a hospital that was
-- told the patient was coming. The notices themselves are in partner_deliveries.
CREATE TABLE pre_arrival_notices (
    incident_id      VARCHAR(64) NOT NULL,
    hospital_id      VARCHAR(64) NOT NULL,
    seq              INT         NOT NULL,              -- notices told so far; the last delivery id ends in it
    status           VARCHAR(16) NOT NULL,              -- PLANNED | ARRIVED | CANCELLED
    expected_arrival TIMESTAMP WITH TIME ZONE NOT NULL,
    transport        VARCHAR(16),                       -- FHIR | WEBHOOK; null when the hospital had neither
    told_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (incident_id, hospital_id)
);
