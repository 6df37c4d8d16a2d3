-- Crews that declined an incident (issue 3): such a unit is not offered that incident again.
CREATE TABLE incident_declines (
    incident_id VARCHAR(64) NOT NULL REFERENCES incidents (id),
    unit_id     VARCHAR(64) NOT NULL,
    declined_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (incident_id, unit_id)
);
CREATE INDEX incident_declines_unit ON incident_declines (unit_id);
