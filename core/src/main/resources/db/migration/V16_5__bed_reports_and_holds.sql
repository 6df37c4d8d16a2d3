-- Issue 17 (hospital decisions and bed reconciliation). A hospital's bed report is its own count of free
-- beds; Sahaya's holds (bed_reservations: patients on the way) are set against it, so a report no longer
-- frees a reserved bed. hospital_beds.reported_beds keeps the hospital's count; free_beds stays what is
-- free for dispatch (reported less held, never below zero). Runs unchanged on H2 and PostgreSQL.
ALTER TABLE hospital_beds ADD COLUMN reported_beds INT;
-- Until now free_beds was the count with the holds already taken off: the hospital's count is that plus
-- the beds held there of the same kind.
UPDATE hospital_beds SET reported_beds = free_beds + (SELECT COUNT(*) FROM bed_reservations r
    WHERE r.hospital_id = hospital_beds.hospital_id AND r.kind = hospital_beds.kind);
