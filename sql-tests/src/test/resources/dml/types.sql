-- Every stored type goes in through INSERT and comes back unchanged through SELECT, through
-- CREATE TABLE ... AS, and through UPDATE.

CREATE TABLE every_type (
  b BOOLEAN, ti TINYINT, si SMALLINT, i INTEGER, bi BIGINT, r REAL, d DOUBLE,
  amount DECIMAL(18, 4), dt DATE, tm TIME, ts TIMESTAMP, s VARCHAR, s5 VARCHAR(5));

INSERT INTO every_type VALUES
  (TRUE, 127, 32767, 2147483647, 9223372036854775807, 1.5, 2.25,
   12345678901234.5678, DATE '2024-02-29', TIME '23:59:59', TIMESTAMP '2024-02-29 12:34:56',
   'hello', 'five5'),
  (FALSE, -128, -32768, -2147483648, -9223372036854775807, -0.5, -1e300,
   -99999999999999.9999, DATE '1970-01-01', TIME '00:00:00', TIMESTAMP '1969-12-31 23:59:59',
   '', 'a'),
  (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);

SELECT * FROM every_type;

CREATE TABLE copied AS SELECT * FROM every_type;

SELECT * FROM copied;

UPDATE copied SET amount = amount / 2, dt = dt + INTERVAL '1' DAY, s = s || '!' WHERE b;

SELECT amount, dt, s FROM copied;

-- A TINYINT column rejects a value beyond its range.
-- error 22003
INSERT INTO every_type (ti) VALUES (128);

SELECT COUNT(*) FROM every_type;

-- A LEFT join reads TINYINT and SMALLINT columns of its build side, including the NULLs of
-- probe rows without a match.
CREATE TABLE small_keys (id INTEGER, ti TINYINT, si SMALLINT);

INSERT INTO small_keys VALUES (1, -128, 32767), (2, NULL, -32768), (2, 5, NULL);

SELECT e.i, k.ti, k.si FROM every_type e LEFT JOIN small_keys k ON e.ti = k.ti;

SELECT k.id, k.ti, k.si
FROM (VALUES (1), (2), (3)) AS v (id) LEFT JOIN small_keys k ON v.id = k.id;

-- Literals and NULLs in one VALUES list go into DOUBLE, REAL, DECIMAL and INTEGER columns.
CREATE TABLE mixed_values (d DOUBLE, r REAL, amount DECIMAL(10, 2), i INTEGER);

INSERT INTO mixed_values VALUES (1, 1e10, 1.5, 2), (NULL, NULL, NULL, NULL), (2.25, 2.5, 3, -1);

SELECT * FROM mixed_values;

-- Approximate and exact literals mixed in one column of VALUES, in INSERT and in queries, for
-- DOUBLE and REAL, with NULLs, negatives and the extremes of the DOUBLE range.
CREATE TABLE mixed_approximate (d DOUBLE, r REAL);

INSERT INTO mixed_approximate (d) VALUES (1e300), (0.1);

INSERT INTO mixed_approximate (r) VALUES (0.25), (1e30), (CAST(NULL AS REAL));

INSERT INTO mixed_approximate VALUES (1, 2.5), (-1e-300, -0.5e0), (NULL, 7), (-2.75, 1e-3);

SELECT * FROM mixed_approximate;

SELECT * FROM (VALUES (1e300, 1), (0.1, 2), (-5, 3), (NULL, 4)) AS v (x, y);

SELECT x FROM (VALUES (0.5), (2e0), (CAST(NULL AS DOUBLE))) AS v (x) WHERE x > 1;
