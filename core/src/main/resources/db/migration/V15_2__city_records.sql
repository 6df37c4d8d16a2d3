-- Issue 15: the city records an operator administers (units, hospitals, service areas) through the
-- administration API and `sahaya import`. Runs unchanged on H2 and PostgreSQL; every column added is
-- nullable or has a default, so rows from before stay valid.

-- A unit's standing with the operator: IN_SERVICE; OUT_OF_SERVICE (taken out by an admin: it finishes
-- its job, then stays out instead of becoming available); REMOVED (it finishes its job, then leaves the
-- grid; the row stays for history and a removed unit is never loaded into the grid again).
ALTER TABLE units ADD COLUMN standing VARCHAR(16) DEFAULT 'IN_SERVICE' NOT NULL;
-- What the unit carries beyond its level (OXYGEN, VENTILATOR, BARIATRIC, WHEELCHAIR...), comma-separated.
ALTER TABLE units ADD COLUMN capabilities VARCHAR(400);

-- A hospital's contact details and what it treats (CARDIAC, STROKE, TRAUMA, ICU..., comma-separated).
ALTER TABLE hospitals ADD COLUMN address VARCHAR(400);
ALTER TABLE hospitals ADD COLUMN phone VARCHAR(40);
ALTER TABLE hospitals ADD COLUMN capabilities VARCHAR(400);
-- Set when an admin removed the hospital: it leaves the grid and the bed boards; the row stays for the
-- incidents that name it.
ALTER TABLE hospitals ADD COLUMN removed_at TIMESTAMP WITH TIME ZONE;

-- How many beds of each kind the hospital has in all (hospital_beds holds how many are free).
CREATE TABLE hospital_bed_capacity (
    hospital_id VARCHAR(64) NOT NULL REFERENCES hospitals (id),
    kind        VARCHAR(16) NOT NULL,
    capacity    INT         NOT NULL CHECK (capacity >= 0),
    PRIMARY KEY (hospital_id, kind)
);
