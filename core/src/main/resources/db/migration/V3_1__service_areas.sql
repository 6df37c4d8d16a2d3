-- Service areas (issue 3): a fleet partner's coverage zone as a WKT polygon, longitude first.
-- A unit bound to an area is only sent to incidents inside it; a unit without one goes anywhere.
CREATE TABLE service_areas (
    name VARCHAR(100)   PRIMARY KEY,
    wkt  VARCHAR(20000) NOT NULL
);

CREATE TABLE unit_service_areas (
    unit_id   VARCHAR(64)  PRIMARY KEY REFERENCES units (id),
    area_name VARCHAR(100) NOT NULL REFERENCES service_areas (name)
);
