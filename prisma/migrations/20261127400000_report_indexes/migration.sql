-- Indexes for the placement report and the dashboards. Raw SQL, invisible to the schema diff (like the officer
-- search indexes), so never proposed for dropping. Measured with `npm run bench` on 60,000 placements; the numbers
-- before and after are in docs/performance.md.

-- The report preview lists placements newest first (start date, then id) one page at a time. Without this index
-- PostgreSQL sorted every placement in the reader's scope for each page (about 55 ms on 60,000 placements; 0.7 ms
-- with it). The dashboards' "arrivals" (placements starting in a date range) use it too.
CREATE INDEX "Placement_startDate_id_idx" ON "Placement" ("startDate" DESC, "id" DESC);
