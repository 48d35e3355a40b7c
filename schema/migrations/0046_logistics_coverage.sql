-- 0046: coverage and frequency of the logistics network (issue 22 item 4, src/logistics/coverage.h,
-- docs/LOGISTICS.md "Coverage and frequency"). The figures read the scan events of the village
-- points in a period: events by node and scan time, so a county's month reads only the events
-- of its points in that month (not the whole ledger).
CREATE INDEX logistics_scan_events_node ON logistics_scan_events (node_id, scanned_at);
