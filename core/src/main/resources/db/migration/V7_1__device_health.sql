-- Device health: when each device was last heard, whether it is judged silent, and its battery.
-- Runs unchanged on H2 and PostgreSQL.

-- Expected heartbeat interval per device, in seconds; NULL = the node's default
-- (SAHAYA_DEVICE_HEARTBEAT_SECONDS). A home hub on DC-09 supervision reports less often than a wearable.
ALTER TABLE devices ADD COLUMN heartbeat_seconds INT;

-- One row per device heard at least once. The grid holds the live last-heard time; the sweep copies
-- it here, so a restart judges a device by when it was last heard and never raises a silence twice.
CREATE TABLE device_health (
    device_id           VARCHAR(64) PRIMARY KEY REFERENCES devices (id),
    last_heard_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_gateway        VARCHAR(16),
    battery_percent     INT,
    -- Set when DEVICE_OFFLINE was raised for the current silence; cleared when the device is heard again.
    offline_since       TIMESTAMP WITH TIME ZONE,
    offline_incident_id VARCHAR(64),
    -- Set when the family was told of a low battery; cleared when a heartbeat reports it charged.
    low_battery_since   TIMESTAMP WITH TIME ZONE
);
