-- Fractions of a second: TIMESTAMP and TIME hold microseconds, the SQL standard's default precision
-- of TIMESTAMP, in columns, literals, casts from strings and EXTRACT. moments.s is the text of
-- moments.ts. Results carry no sub-millisecond value, since JDBC results hold milliseconds; the
-- statements compare and extract instead.
--   id 1 2024-02-29 12:00:00           12:00:00
--   id 2 2024-02-29 12:00:00.000001    12:00:00.000001
--   id 3 2024-02-29 12:00:00.0005      12:00:00.0005
--   id 4 2024-02-29 12:00:00.000999    23:59:59.999999
--   id 5 1969-12-31 23:59:59.999999    00:00:00.000001
--   id 6 1969-12-31 23:59:59.5         00:00:00
--   id 7 1900-01-01 00:00:00.123456    13:45:01.25
--   id 8 NULL                          NULL

-- A literal keeps its microseconds, so one microsecond apart is not equal.
-- expect: 2
SELECT id FROM moments WHERE ts = TIMESTAMP '2024-02-29 12:00:00.000001';

-- expect: 2, 3, 4
SELECT id FROM moments WHERE ts > TIMESTAMP '2024-02-29 12:00:00';

-- expect: 3, 4
SELECT id FROM moments WHERE ts >= TIMESTAMP '2024-02-29 12:00:00.0005';

-- expect: 5, 6, 7
SELECT id FROM moments WHERE ts < TIMESTAMP '1970-01-01 00:00:00';

-- expect: 5
SELECT id FROM moments WHERE ts BETWEEN TIMESTAMP '1969-12-31 23:59:59.999998'
  AND TIMESTAMP '1970-01-01 00:00:00';

-- expect: 2, 5
SELECT id FROM moments WHERE tm IN (TIME '12:00:00.000001', TIME '00:00:00.000001');

-- expect: 4
SELECT id FROM moments WHERE tm > TIME '23:59:59.999998';

-- EXTRACT of the time of day. MILLISECOND and MICROSECOND include the seconds, in Calcite as in
-- DuckDB. A timestamp before 1970 counts from its own midnight.
-- expect: (1, 12, 0, 0, 0, 0), (2, 12, 0, 0, 0, 1), (3, 12, 0, 0, 0, 500),
-- expect: (4, 12, 0, 0, 0, 999), (5, 23, 59, 59, 59999, 59999999),
-- expect: (6, 23, 59, 59, 59500, 59500000), (7, 0, 0, 0, 123, 123456), (8, NULL, NULL, NULL, NULL, NULL)
SELECT id, EXTRACT(HOUR FROM ts), EXTRACT(MINUTE FROM ts), EXTRACT(SECOND FROM ts),
  EXTRACT(MILLISECOND FROM ts), EXTRACT(MICROSECOND FROM ts)
FROM moments;

-- expect: (1, 12, 0, 0, 0, 0), (2, 12, 0, 0, 0, 1), (3, 12, 0, 0, 0, 500),
-- expect: (4, 23, 59, 59, 59999, 59999999), (5, 0, 0, 0, 0, 1), (6, 0, 0, 0, 0, 0),
-- expect: (7, 13, 45, 1, 1250, 1250000), (8, NULL, NULL, NULL, NULL, NULL)
SELECT id, EXTRACT(HOUR FROM tm), EXTRACT(MINUTE FROM tm), EXTRACT(SECOND FROM tm),
  EXTRACT(MILLISECOND FROM tm), EXTRACT(MICROSECOND FROM tm)
FROM moments;

-- Date fields of the same timestamps still come from the day.
-- expect: (5, 1969, 12, 31), (6, 1969, 12, 31), (7, 1900, 1, 1)
SELECT id, EXTRACT(YEAR FROM ts), EXTRACT(MONTH FROM ts), EXTRACT(DAY FROM ts)
FROM moments WHERE id IN (5, 6, 7);

-- A cast of each string gives back its column's value, microseconds included.
-- expect: 1, 2, 3, 4, 5, 6, 7
SELECT id FROM moments WHERE CAST(s AS TIMESTAMP) = ts;

-- expect: 4
SELECT id FROM moments WHERE CAST(s AS TIMESTAMP) > TIMESTAMP '2024-02-29 12:00:00.0005';

-- expect: (1, 0), (2, 1), (3, 500), (4, 999), (5, 59999999), (6, 59500000), (7, 123456), (8, NULL)
SELECT id, EXTRACT(MICROSECOND FROM CAST(s AS TIMESTAMP)) FROM moments;

-- Casts of string literals, folded while planning.
-- expect: (false, true, true)
SELECT CAST('2024-02-29 12:00:00.000001' AS TIMESTAMP) = TIMESTAMP '2024-02-29 12:00:00',
  CAST('2024-02-29 12:00:00.000001' AS TIMESTAMP) = TIMESTAMP '2024-02-29 12:00:00.000001',
  CAST('12:00:00.0006' AS TIME) > TIME '12:00:00.0005';

-- expect: (5123456, 5000001, 59999999)
SELECT EXTRACT(MICROSECOND FROM TIMESTAMP '2024-02-29 12:00:05.123456'),
  EXTRACT(MICROSECOND FROM TIME '12:00:05.000001'),
  EXTRACT(MICROSECOND FROM CAST('1969-12-31 23:59:59.999999' AS TIMESTAMP));

-- Grouping, DISTINCT and ordering tell microseconds apart.
-- expect: 7
SELECT COUNT(DISTINCT ts) FROM moments;

-- Seven times and the NULL group.
-- expect: 8
SELECT COUNT(*) FROM (SELECT tm FROM moments GROUP BY tm) AS t;

-- ordered
-- expect: 7, 6, 5, 1, 2, 3, 4, 8
SELECT id FROM moments ORDER BY ts NULLS LAST;

-- ordered
-- expect: 6, 5, 1, 2, 3, 7, 4, 8
SELECT id FROM moments ORDER BY tm NULLS LAST, id;

-- expect: (1, 2), (1, 3), (2, 3), (2, 4), (3, 4)
SELECT a.id, b.id FROM moments a JOIN moments b ON a.ts < b.ts
WHERE a.ts >= TIMESTAMP '2024-02-29 12:00:00' AND b.ts < TIMESTAMP '2024-02-29 12:00:01'
  AND b.id - a.id <= 2;

-- A cast of a string with more than six fractional digits drops the rest, as a literal does.
-- duckdb: SELECT true, true
-- expect: (true, true)
SELECT TIMESTAMP '2024-02-29 12:00:00.1234565' = CAST('2024-02-29 12:00:00.1234565' AS TIMESTAMP),
  TIME '10:00:00.9999999' = CAST('10:00:00.9999999' AS TIME);

-- A cast to a TIMESTAMP with fewer fractional digits cuts the rest, toward the past.
-- expect: (1, 0, 0), (2, 0, 0), (3, 0, 0), (4, 0, 0), (5, 59999000, 59000000),
-- expect: (6, 59500000, 59000000), (7, 123000, 0), (8, NULL, NULL)
-- duckdb: SELECT id, EXTRACT(MICROSECOND FROM date_trunc('millisecond', ts)), EXTRACT(MICROSECOND FROM date_trunc('second', ts)) FROM moments;
SELECT id, EXTRACT(MICROSECOND FROM CAST(ts AS TIMESTAMP(3))),
  EXTRACT(MICROSECOND FROM CAST(ts AS TIMESTAMP(0)))
FROM moments;

-- expect: 1, 2, 3, 4
-- duckdb: SELECT id FROM moments WHERE date_trunc('second', ts) = TIMESTAMP '2024-02-29 12:00:00';
SELECT id FROM moments WHERE CAST(ts AS TIMESTAMP(0)) = TIMESTAMP '2024-02-29 12:00:00';

-- A cast to TIME with fewer digits runs in Calcite, which computes in milliseconds, so a value
-- with microseconds raises an error.
-- error 0A000
SELECT id, CAST(tm AS TIME(0)) FROM moments;

-- A cast of a constant string expression keeps its microseconds too.
-- expect: (500, false)
SELECT EXTRACT(MICROSECOND FROM CAST('2024-02-29 ' || '12:00:00.0005' AS TIMESTAMP)),
  CAST('2024-02-29 ' || '12:00:00.0005' AS TIMESTAMP) = TIMESTAMP '2024-02-29 12:00:00.001';

-- Window functions run in Calcite's Enumerable engine, which keeps milliseconds. Values that
-- only pass through it to the result are read as milliseconds, as every result is.
-- expect: (1, 0, 1), (2, 1, 2), (3, 500, 3), (4, 999, 4), (5, 59999999, 5), (6, 59500000, 6),
-- expect: (7, 123456, 7), (8, NULL, 8)
-- fallback
SELECT id, EXTRACT(MICROSECOND FROM ts), ROW_NUMBER() OVER (ORDER BY id) FROM moments;

-- Ordering or partitioning by microseconds there raises an error instead of tying rows one
-- microsecond apart.
-- error 0A000
SELECT id, RANK() OVER (ORDER BY ts) FROM moments;

-- error 0A000
SELECT id, COUNT(*) OVER (PARTITION BY tm) FROM moments;

-- EXTRACT(EPOCH) is a BIGINT of whole seconds, the type Calcite gives it, rounded toward the past
-- as every other field of a time before 1970 is: 1969-12-31 23:59:59.5 lies in second -1, and
-- rounding toward zero would give 0. DuckDB returns the exact seconds as a DOUBLE instead, and its
-- floor is the same number.
-- expect: (1, 1709208000), (2, 1709208000), (3, 1709208000), (4, 1709208000), (5, -1), (6, -1),
-- expect: (7, -2208988800), (8, NULL)
-- duckdb: SELECT id, CAST(floor(EXTRACT(EPOCH FROM ts)) AS BIGINT) FROM moments;
SELECT id, EXTRACT(EPOCH FROM ts) FROM moments;

-- expect: (-1, -2208988800, -86400)
-- duckdb: SELECT CAST(floor(EXTRACT(EPOCH FROM TIMESTAMP '1969-12-31 23:59:59.5')) AS BIGINT), CAST(floor(EXTRACT(EPOCH FROM TIMESTAMP '1900-01-01 00:00:00.123456')) AS BIGINT), CAST(EXTRACT(EPOCH FROM DATE '1969-12-31') AS BIGINT);
SELECT EXTRACT(EPOCH FROM TIMESTAMP '1969-12-31 23:59:59.5'),
  EXTRACT(EPOCH FROM CAST('1900-01-01 00:00:00.123456' AS TIMESTAMP)),
  EXTRACT(EPOCH FROM DATE '1969-12-31');

-- A timestamp plus an interval in seconds has the larger of their fractional precisions, as the
-- SQL standard types it, so a TIMESTAMP(0) literal plus half a second keeps the half second.
SELECT TIMESTAMP '2024-02-29 12:00:00' + INTERVAL '0.5' SECOND,
  TIMESTAMP '2024-02-29 12:00:00' - INTERVAL '0.25' SECOND;

-- duckdb: SELECT id, date_trunc('second', ts) + INTERVAL '0.25' SECOND FROM moments;
SELECT id, CAST(ts AS TIMESTAMP(0)) + INTERVAL '0.25' SECOND FROM moments;

-- The same sum of literals in Calcite's Enumerable engine, beside a window function.
-- duckdb: SELECT id, TIMESTAMP '2024-02-29 12:00:00.5', ROW_NUMBER() OVER (ORDER BY id) FROM moments;
-- fallback
SELECT id, TIMESTAMP '2024-02-29 12:00:00' + INTERVAL '0.5' SECOND, ROW_NUMBER() OVER (ORDER BY id)
FROM moments;

-- A cast of a TIMESTAMP to TIME keeps the time of day with its microseconds. A timestamp before
-- 1970 counts from its own midnight.
-- expect: (1, 12, 0), (2, 12, 1), (3, 12, 500), (4, 12, 999), (5, 23, 59999999), (6, 23, 59500000),
-- expect: (7, 0, 123456), (8, NULL, NULL)
SELECT id, EXTRACT(HOUR FROM CAST(ts AS TIME)), EXTRACT(MICROSECOND FROM CAST(ts AS TIME))
FROM moments;

-- expect: 5, 7
SELECT id FROM moments
WHERE CAST(ts AS TIME) < TIME '00:00:00.2' OR CAST(ts AS TIME) > TIME '23:59:59.9';

-- A cast to VARCHAR writes the fraction of a second without trailing zeros, as DuckDB and
-- PostgreSQL do, and nothing for a whole second.
-- expect: (1, '2024-02-29 12:00:00', '12:00:00'), (2, '2024-02-29 12:00:00.000001', '12:00:00.000001'),
-- expect: (3, '2024-02-29 12:00:00.0005', '12:00:00.0005'),
-- expect: (4, '2024-02-29 12:00:00.000999', '23:59:59.999999'),
-- expect: (5, '1969-12-31 23:59:59.999999', '00:00:00.000001'), (6, '1969-12-31 23:59:59.5', '00:00:00'),
-- expect: (7, '1900-01-01 00:00:00.123456', '13:45:01.25'), (8, NULL, NULL)
SELECT id, CAST(ts AS VARCHAR), CAST(tm AS VARCHAR) FROM moments;

-- The text of a computed time, beside a string column.
-- expect: (6, '1969-12-31 23:59:59.75', '1969-12-31 23:59:59.5')
-- duckdb: SELECT id, CAST(ts + INTERVAL '0.25' SECOND AS VARCHAR), s FROM moments WHERE id = 6;
SELECT id, CAST(ts + INTERVAL '0.25' SECOND AS VARCHAR), s FROM moments WHERE id = 6;

-- A cast of a time to VARCHAR within a larger expression runs in Calcite, with the fraction that
-- WarpSQL's text function writes.
-- fallback
SELECT id, CAST(ts AS VARCHAR) || 'x' FROM moments WHERE id = 6;
-- fallback
SELECT id, CAST(tm AS VARCHAR) || 'y' FROM moments WHERE id IN (1, 7, 8);
-- fallback
SELECT id, UPPER(CAST(ts AS VARCHAR)) FROM moments WHERE id IN (1, 6, 8);

-- Casts of time literals to text keep every digit of the fraction.
SELECT CAST(TIMESTAMP '2024-01-02 03:04:05.123' AS VARCHAR), CAST(TIME '01:02:03.5' AS VARCHAR);
SELECT CAST(TIMESTAMP '2024-01-02 03:04:05.123456' AS VARCHAR), CAST(TIME '23:59:59' AS VARCHAR);
-- fallback
SELECT CAST(TIMESTAMP '1969-12-31 23:59:59.5' AS VARCHAR) || 'z';
