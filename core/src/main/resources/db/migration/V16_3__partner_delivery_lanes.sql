-- Issue 17, the partner outbox: each partner's deliveries go out one at a time in id order, so the sender
-- asks "the lowest pending id of this partner" once per delivery. Runs unchanged on H2 and PostgreSQL.
CREATE INDEX partner_deliveries_lane ON partner_deliveries (partner_id, delivered_at, given_up_at, id);
