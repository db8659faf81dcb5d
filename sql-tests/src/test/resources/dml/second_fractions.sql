-- Changes whose conditions compare microseconds. A condition that runs in Calcite's Enumerable
-- engine, which keeps milliseconds, must raise an error instead of changing rows one microsecond
-- away from its value.

CREATE TABLE events (id INTEGER NOT NULL, ts TIMESTAMP, tm TIME);

INSERT INTO events VALUES (1, TIMESTAMP '2024-02-29 12:00:00', TIME '12:00:00'), (2, TIMESTAMP '2024-02-29 12:00:00.000001', TIME '12:00:00.000001'), (3, TIMESTAMP '2024-02-29 12:00:00.0005', TIME '23:59:59.999999'), (4, NULL, NULL);

-- TRIM runs in Calcite, so the whole condition would compare milliseconds.
-- error 0A000
DELETE FROM events WHERE ts = TIMESTAMP '2024-02-29 12:00:00.000001' OR CAST(id AS VARCHAR) = TRIM(' x ');

SELECT id FROM events;

DELETE FROM events WHERE ts = TIMESTAMP '2024-02-29 12:00:00.000001';

SELECT id FROM events;

UPDATE events SET id = id + 10 WHERE tm > TIME '23:59:59.999998';

SELECT id, EXTRACT(MICROSECOND FROM ts), EXTRACT(MICROSECOND FROM tm) FROM events;

INSERT INTO events SELECT id + 100, ts, tm FROM events WHERE ts >= TIMESTAMP '2024-02-29 12:00:00.0005';

SELECT id, EXTRACT(MICROSECOND FROM ts) FROM events;
