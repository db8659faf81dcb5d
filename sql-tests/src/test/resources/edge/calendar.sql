-- Calendar arithmetic on calendar_days, whose dates sit at month and year ends and around leap
-- days. 2000 and 2024 are leap years, but 1900 and 2100 are not, because a year divisible by 100
-- is a leap year only when it is also divisible by 400. Row 10 is NULL.
--   id  1 2000-02-28    id  5 2023-01-31    id  9 2100-02-28
--   id  2 2000-02-29    id  6 2024-01-31    id 10 NULL
--   id  3 1900-02-28    id  7 1999-12-31    id 11 1900-03-01
--   id  4 2024-02-29    id  8 2023-12-31    id 12 2024-03-31

SELECT * FROM calendar_days;

-- Adding days crosses month ends and year ends, and lands on February 29 only in leap years.
-- expect: (1, DATE '2000-02-29'), (2, DATE '2000-03-01'), (3, DATE '1900-03-01'),
-- expect: (4, DATE '2024-03-01'), (5, DATE '2023-02-01'), (6, DATE '2024-02-01'),
-- expect: (7, DATE '2000-01-01'), (8, DATE '2024-01-01'), (9, DATE '2100-03-01'), (10, NULL),
-- expect: (11, DATE '1900-03-02'), (12, DATE '2024-04-01')
-- duckdb: SELECT id, CAST(d + INTERVAL '1' DAY AS DATE) FROM calendar_days;
SELECT id, d + INTERVAL '1' DAY FROM calendar_days;

-- expect: (1, DATE '2000-02-27'), (2, DATE '2000-02-28'), (3, DATE '1900-02-27'),
-- expect: (4, DATE '2024-02-28'), (5, DATE '2023-01-30'), (6, DATE '2024-01-30'),
-- expect: (7, DATE '1999-12-30'), (8, DATE '2023-12-30'), (9, DATE '2100-02-27'), (10, NULL),
-- expect: (11, DATE '1900-02-28'), (12, DATE '2024-03-30')
-- duckdb: SELECT id, CAST(d - INTERVAL '1' DAY AS DATE) FROM calendar_days;
SELECT id, d - INTERVAL '1' DAY FROM calendar_days;

-- The last day of February: the day after it is March 1.
-- expect: 2, 3, 4, 9
SELECT id FROM calendar_days
WHERE EXTRACT(MONTH FROM d + INTERVAL '1' DAY) = 3 AND EXTRACT(DAY FROM d + INTERVAL '1' DAY) = 1;

-- The year after each of these dates is 366 days long when it contains a February 29.
-- expect: (1, DATE '2001-02-28'), (5, DATE '2024-02-01'), (6, DATE '2025-01-31'),
-- expect: (7, DATE '2000-12-31'), (8, DATE '2024-12-31')
-- duckdb: SELECT id, CAST(d + INTERVAL '366' DAY AS DATE) FROM calendar_days WHERE id IN (1, 5, 6, 7, 8);
SELECT id, d + INTERVAL '366' DAY FROM calendar_days WHERE id IN (1, 5, 6, 7, 8);

-- Month and year intervals keep the day of the month, or clamp it to the last day of a shorter
-- month. The SQL standard raises data exception 22008 (datetime field overflow) for such an
-- invalid day instead, but Calcite and DuckDB both clamp.
-- expect: (1, DATE '2000-03-28'), (2, DATE '2000-03-29'), (3, DATE '1900-03-28'),
-- expect: (4, DATE '2024-03-29'), (5, DATE '2023-02-28'), (6, DATE '2024-02-29'),
-- expect: (7, DATE '2000-01-31'), (8, DATE '2024-01-31'), (9, DATE '2100-03-28'), (10, NULL),
-- expect: (11, DATE '1900-04-01'), (12, DATE '2024-04-30')
-- duckdb: SELECT id, CAST(d + INTERVAL '1' MONTH AS DATE) FROM calendar_days;
SELECT id, d + INTERVAL '1' MONTH FROM calendar_days;

-- expect: (1, DATE '2000-01-28'), (2, DATE '2000-01-29'), (3, DATE '1900-01-28'),
-- expect: (4, DATE '2024-01-29'), (5, DATE '2022-12-31'), (6, DATE '2023-12-31'),
-- expect: (7, DATE '1999-11-30'), (8, DATE '2023-11-30'), (9, DATE '2100-01-28'), (10, NULL),
-- expect: (11, DATE '1900-02-01'), (12, DATE '2024-02-29')
-- duckdb: SELECT id, CAST(d - INTERVAL '1' MONTH AS DATE) FROM calendar_days;
SELECT id, d - INTERVAL '1' MONTH FROM calendar_days;

-- expect: (1, DATE '2001-02-28'), (2, DATE '2001-02-28'), (3, DATE '1901-02-28'),
-- expect: (4, DATE '2025-02-28'), (5, DATE '2024-01-31'), (6, DATE '2025-01-31'),
-- expect: (7, DATE '2000-12-31'), (8, DATE '2024-12-31'), (9, DATE '2101-02-28'), (10, NULL),
-- expect: (11, DATE '1901-03-01'), (12, DATE '2025-03-31')
-- duckdb: SELECT id, CAST(d + INTERVAL '1' YEAR AS DATE) FROM calendar_days;
SELECT id, d + INTERVAL '1' YEAR FROM calendar_days;

-- Four years from one leap day reach the next, but a hundred years from 2000-02-29 do not.
-- expect: (2, DATE '2004-02-29', DATE '2100-02-28', DATE '1900-02-28'), (4, DATE '2028-02-29',
-- expect: DATE '2124-02-29', DATE '1924-02-29')
-- duckdb: SELECT id, CAST(d + INTERVAL '4' YEAR AS DATE), CAST(d + INTERVAL '100' YEAR AS DATE), CAST(d - INTERVAL '100' YEAR AS DATE) FROM calendar_days WHERE id IN (2, 4);
SELECT id, d + INTERVAL '4' YEAR, d + INTERVAL '100' YEAR, d - INTERVAL '100' YEAR
FROM calendar_days WHERE id IN (2, 4);

-- Thirteen months cross a year end, and the clamp applies once, to the final month.
-- expect: (5, DATE '2024-02-29'), (6, DATE '2025-02-28'), (12, DATE '2023-02-28')
-- duckdb: SELECT id, CAST(d + INTERVAL '13' MONTH AS DATE) FROM calendar_days WHERE id IN (5, 6) UNION ALL SELECT id, CAST(d - INTERVAL '13' MONTH AS DATE) FROM calendar_days WHERE id = 12;
SELECT id, d + INTERVAL '13' MONTH FROM calendar_days WHERE id IN (5, 6)
UNION ALL
SELECT id, d - INTERVAL '13' MONTH FROM calendar_days WHERE id = 12;

-- Month arithmetic is not associative: two single months clamp twice.
-- expect: (5, DATE '2023-03-28', DATE '2023-03-31'), (6, DATE '2024-03-29', DATE '2024-03-31')
-- duckdb: SELECT id, CAST(d + INTERVAL '1' MONTH + INTERVAL '1' MONTH AS DATE), CAST(d + INTERVAL '2' MONTH AS DATE) FROM calendar_days WHERE id IN (5, 6);
SELECT id, d + INTERVAL '1' MONTH + INTERVAL '1' MONTH, d + INTERVAL '2' MONTH
FROM calendar_days WHERE id IN (5, 6);

-- expect: (1, DATE '2001-03-28'), (7, DATE '2001-01-31')
-- duckdb: SELECT id, CAST(d + INTERVAL '13' MONTH AS DATE) FROM calendar_days WHERE id IN (1, 7);
SELECT id, d + INTERVAL '1-1' YEAR TO MONTH FROM calendar_days WHERE id IN (1, 7);

-- EXTRACT of YEAR, QUARTER, MONTH, DAY, DOY and DOW runs in kernels.
-- expect: (1, 2000, 2, 28), (2, 2000, 2, 29), (3, 1900, 2, 28), (4, 2024, 2, 29),
-- expect: (5, 2023, 1, 31), (6, 2024, 1, 31), (7, 1999, 12, 31), (8, 2023, 12, 31),
-- expect: (9, 2100, 2, 28), (10, NULL, NULL, NULL), (11, 1900, 3, 1), (12, 2024, 3, 31)
SELECT id, EXTRACT(YEAR FROM d), EXTRACT(MONTH FROM d), EXTRACT(DAY FROM d) FROM calendar_days;

-- expect: (1, 1), (2, 1), (3, 1), (4, 1), (5, 1), (6, 1), (7, 4), (8, 4), (9, 1), (10, NULL),
-- expect: (11, 1), (12, 1)
SELECT id, EXTRACT(QUARTER FROM d) FROM calendar_days;

SELECT id, EXTRACT(DOY FROM d) FROM calendar_days;

-- The SQL standard has no day-of-week field. Calcite numbers Sunday 1 to Saturday 7, DuckDB
-- Sunday 0 to Saturday 6. February 28, 2000 was a Monday.
-- duckdb: SELECT id, dayofweek(d) + 1 FROM calendar_days;
-- expect: (1, 2), (2, 3), (3, 4), (4, 5), (5, 3), (6, 4), (7, 6), (8, 1), (9, 1), (10, NULL),
-- expect: (11, 5), (12, 1)
SELECT id, EXTRACT(DOW FROM d) FROM calendar_days;

-- March 1 is day 60 of 1900, like February 29 is of 2000.
-- expect: (2, 60), (7, 365), (11, 60), (12, 91)
SELECT id, EXTRACT(DOY FROM d) FROM calendar_days WHERE id IN (2, 7, 11, 12);

-- The same fields of TIMESTAMPs. One second before midnight is still the day before, also
-- before 1970, where the day count is negative.
SELECT id, EXTRACT(QUARTER FROM CAST(d AS TIMESTAMP)), EXTRACT(DOY FROM CAST(d AS TIMESTAMP)),
EXTRACT(QUARTER FROM CAST(d AS TIMESTAMP) - INTERVAL '1' SECOND),
EXTRACT(DOY FROM CAST(d AS TIMESTAMP) - INTERVAL '1' SECOND)
FROM calendar_days;

-- duckdb: SELECT id, dayofweek(CAST(d AS TIMESTAMP)) + 1, dayofweek(CAST(d AS TIMESTAMP) - INTERVAL '1' SECOND) + 1 FROM calendar_days;
SELECT id, EXTRACT(DOW FROM CAST(d AS TIMESTAMP)),
EXTRACT(DOW FROM CAST(d AS TIMESTAMP) - INTERVAL '1' SECOND) FROM calendar_days;

-- Fields of TPC-H dates, grouped.
SELECT EXTRACT(QUARTER FROM o_orderdate), COUNT(*), MIN(EXTRACT(DOY FROM o_orderdate)),
MAX(EXTRACT(DOY FROM o_orderdate)) FROM orders GROUP BY EXTRACT(QUARTER FROM o_orderdate);

-- Comparisons: dates order by time, across centuries, and NULL compares as UNKNOWN.
-- expect: 2, 4, 9
SELECT id FROM calendar_days WHERE d > DATE '2000-02-28' AND EXTRACT(MONTH FROM d) = 2;

-- expect: 3, 11
SELECT id FROM calendar_days WHERE d < DATE '1999-12-31';

-- expect: 1, 2, 7
SELECT id FROM calendar_days WHERE d BETWEEN DATE '1999-12-31' AND DATE '2000-02-29';

-- expect: 10
SELECT id FROM calendar_days WHERE (d >= DATE '1900-01-01') IS NULL;

-- expect: 12
SELECT id FROM calendar_days WHERE d + INTERVAL '1' MONTH = DATE '2024-04-30';

-- A date column against a shifted date column.
-- expect: (1, 2), (2, 1), (3, 11), (11, 3)
SELECT a.id, b.id FROM calendar_days a JOIN calendar_days b
ON b.d = a.d + INTERVAL '1' DAY OR b.d = a.d - INTERVAL '1' DAY;

-- ordered
-- expect: (3, DATE '1900-02-28'), (11, DATE '1900-03-01'), (7, DATE '1999-12-31'),
-- expect: (1, DATE '2000-02-28'), (2, DATE '2000-02-29'), (5, DATE '2023-01-31'),
-- expect: (8, DATE '2023-12-31'), (6, DATE '2024-01-31'), (4, DATE '2024-02-29'),
-- expect: (12, DATE '2024-03-31'), (9, DATE '2100-02-28'), (10, NULL)
SELECT id, d FROM calendar_days ORDER BY d;

-- expect: (DATE '1900-02-28', DATE '2100-02-28', 11)
SELECT MIN(d), MAX(d), COUNT(d) FROM calendar_days;

-- expect: (NULL, 1), (1900, 2), (1999, 1), (2000, 2), (2023, 2), (2024, 3), (2100, 1)
SELECT EXTRACT(YEAR FROM d), COUNT(*) FROM calendar_days GROUP BY EXTRACT(YEAR FROM d);
