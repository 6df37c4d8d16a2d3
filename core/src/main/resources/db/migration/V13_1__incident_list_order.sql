-- The incident list is read in pages by (opened_at, id) (GET /api/v1/incidents?cursor=...): the
-- per-state index takes id as its last column so that a page of one state is an index range in
-- list order. It replaces the (state, opened_at) index rather than adding one: every incident write
-- updates each index of the row (see V12_1). The list of all states has no index of its own for
-- the same reason; it is a coordinator's occasional read.
DROP INDEX incidents_state;
CREATE INDEX incidents_state ON incidents (state, opened_at, id);
