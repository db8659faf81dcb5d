-- REAL and DOUBLE comparisons in the total order of DuckDB and PostgreSQL, which differs from
-- IEEE 754: NaN equals NaN and is greater than every other value, +Infinity included, and -0.0
-- equals 0.0. Join and group keys, MIN, MAX and ORDER BY follow the same order. The columns r
-- (REAL) and d (DOUBLE) of jk_a (ids 1 to 12) and jk_b (ids 101 to 113) hold NaN, both
-- infinities, -0.0, 0.0 and NULL.

-- Filters with a constant, where only the column may be NaN.
SELECT id FROM jk_a WHERE d > 1;
SELECT id FROM jk_a WHERE d >= 1e300;
SELECT id FROM jk_a WHERE d < 1e300;
SELECT id FROM jk_a WHERE d <= 0;
SELECT id FROM jk_a WHERE d = 0;
SELECT id FROM jk_a WHERE d <> 0;
SELECT id FROM jk_a WHERE r > 1;
SELECT id FROM jk_a WHERE r < 1;
SELECT id FROM jk_a WHERE r <> -1.5;
SELECT id FROM jk_a WHERE 1 < d;
SELECT id FROM jk_a WHERE 1 >= r;
SELECT id FROM jk_a WHERE d > CAST('Infinity' AS DOUBLE);
SELECT id FROM jk_a WHERE d >= CAST('Infinity' AS DOUBLE);
SELECT id FROM jk_a WHERE r > CAST('Infinity' AS REAL);
SELECT id FROM jk_a WHERE d = CAST('NaN' AS DOUBLE);
SELECT id FROM jk_a WHERE d < CAST('NaN' AS DOUBLE);
SELECT id FROM jk_a WHERE d >= CAST('NaN' AS DOUBLE);
SELECT id FROM jk_a WHERE r <> CAST('NaN' AS REAL);
SELECT id FROM jk_a WHERE d = -0.0;
SELECT id FROM jk_a WHERE d = CAST('-0.0' AS DOUBLE);
SELECT id FROM jk_a WHERE d > CAST('-0.0' AS DOUBLE);
SELECT id FROM jk_a WHERE d < i;
SELECT id FROM jk_a WHERE d > i;
SELECT id FROM jk_a WHERE r >= dc;
SELECT id FROM jk_a WHERE r < dc;

-- Both operands may be NaN.
SELECT id FROM jk_a WHERE d = d;
SELECT id FROM jk_a WHERE d <> d;
SELECT id FROM jk_a WHERE d < d;
SELECT id FROM jk_a WHERE d >= d;
SELECT id FROM jk_a WHERE r = d;
SELECT id FROM jk_a WHERE r <> d;
SELECT id FROM jk_a WHERE r < d;
SELECT id FROM jk_a WHERE r <= d;
SELECT id FROM jk_a WHERE r > d;
SELECT id FROM jk_a WHERE r >= d;
SELECT id FROM jk_a WHERE d * 1 > r + 0;
SELECT id, r < d, r <= d, r > d, r >= d, r = d, r <> d FROM jk_a;
SELECT id, d > 1e300, d < -1e300, d = 0, d <> 0 FROM jk_a;
SELECT a.id, b.id, a.d < b.d, a.d = b.d, a.r >= b.r, a.r <> b.r FROM jk_a a, jk_b b WHERE a.id IN (2, 3, 5, 7) AND b.id IN (102, 103, 105, 107);

-- BETWEEN, IN and NOT IN.
SELECT id FROM jk_a WHERE d BETWEEN 0 AND 1e300;
SELECT id FROM jk_a WHERE d NOT BETWEEN 0 AND 1e300;
SELECT id FROM jk_a WHERE d BETWEEN 1 AND CAST('NaN' AS DOUBLE);
SELECT id FROM jk_a WHERE d BETWEEN CAST('Infinity' AS DOUBLE) AND CAST('NaN' AS DOUBLE);
SELECT id FROM jk_a WHERE r BETWEEN -1.5 AND 1.5;
SELECT id FROM jk_a WHERE d BETWEEN r AND d;
SELECT id FROM jk_a WHERE d IN (0, 0.1, 1e300);
SELECT id FROM jk_a WHERE d NOT IN (0, 0.1, 1e300);
SELECT id FROM jk_a WHERE d IN (0.1, CAST('NaN' AS DOUBLE));
SELECT id FROM jk_a WHERE d NOT IN (0.1, CAST('NaN' AS DOUBLE));
SELECT id FROM jk_a WHERE r IN (CAST('NaN' AS REAL), -1.5);
SELECT id FROM jk_a WHERE d IN (-0.0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17);
SELECT id FROM jk_a WHERE d NOT IN (-0.0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 0.1);
SELECT id FROM jk_a WHERE d IN (SELECT d FROM jk_b);
SELECT id FROM jk_a WHERE d NOT IN (SELECT d FROM jk_b WHERE d IS NOT NULL);
SELECT id FROM jk_a WHERE r IN (SELECT r FROM jk_b WHERE id > 105);

-- CASE and other expressions over comparisons. A CASE that returns strings runs on Calcite's
-- Enumerable engine, which compares in the same order.
-- fallback
SELECT id, CASE WHEN d > 0 THEN 'positive' WHEN d < 0 THEN 'negative' WHEN d = 0 THEN 'zero' ELSE 'other' END FROM jk_a;
-- fallback
SELECT id, CASE WHEN r >= d THEN 'r' ELSE 'd' END FROM jk_a;
-- fallback
SELECT id, CASE WHEN d IN (0.0E0, 0.1E0, CAST('NaN' AS DOUBLE)) THEN 'in' ELSE 'out' END FROM jk_a;
-- fallback
SELECT id, CASE WHEN d BETWEEN 1 AND CAST('NaN' AS DOUBLE) THEN 'in' ELSE 'out' END FROM jk_a;
-- fallback
SELECT id, CASE WHEN r <> d THEN 'differ' ELSE 'same' END FROM jk_b;
SELECT id, CASE WHEN d <> d THEN 1 WHEN d = d THEN 2 END FROM jk_a;
SELECT id, NOT (d < 1) FROM jk_a;
SELECT id FROM jk_a WHERE NOT (d <= 1e300);
SELECT id FROM jk_a WHERE d IS DISTINCT FROM CAST('NaN' AS DOUBLE);
SELECT id FROM jk_a WHERE r IS NOT DISTINCT FROM d;
SELECT COUNT(*) FILTER (WHERE d > 0), COUNT(*) FILTER (WHERE d < 0), COUNT(*) FILTER (WHERE d = 0) FROM jk_a;

-- MIN and MAX: MIN is NaN only when every value is, MAX is NaN when any value is.
SELECT MIN(d), MAX(d), MIN(r), MAX(r) FROM jk_a;
SELECT MIN(d), MAX(d), MIN(r), MAX(r) FROM jk_b;
SELECT MIN(d), MAX(d), MIN(r), MAX(r) FROM jk_a WHERE id = 3;
SELECT MIN(d), MAX(d), MIN(r), MAX(r) FROM jk_a WHERE id IN (3, 4);
SELECT MIN(d), MAX(d), MIN(r), MAX(r) FROM jk_a WHERE id IN (1, 2);
SELECT MIN(d), MAX(d) FROM jk_a WHERE id IN (3, 5);
SELECT b, MIN(d), MAX(d), MIN(r), MAX(r) FROM jk_a GROUP BY b;
SELECT s, MIN(d), MAX(d), MIN(r), MAX(r) FROM jk_b GROUP BY s;
SELECT b, MAX(d) FROM jk_a GROUP BY b HAVING MAX(d) > 1e300;
SELECT b, MIN(r) FROM jk_b GROUP BY b HAVING MIN(r) < 0;
SELECT id FROM jk_a WHERE d >= (SELECT MAX(d) FROM jk_b);
SELECT id FROM jk_a WHERE d < (SELECT MAX(d) FROM jk_b);
SELECT id FROM jk_a WHERE r > (SELECT MIN(r) FROM jk_b WHERE id IN (103, 108));
-- MIN of a string keeps the aggregate on the Enumerable engine.
-- fallback
SELECT MIN(s), MIN(d), MAX(d), MIN(r), MAX(r) FROM jk_a;
-- fallback
SELECT b, MIN(s), MIN(d), MAX(d), MIN(r), MAX(r) FROM jk_b GROUP BY b;
-- fallback
SELECT MIN(s), MIN(d), MAX(d), MIN(r), MAX(r) FROM jk_a WHERE id IN (3, 6);
-- fallback
SELECT MIN(s), MIN(d), MAX(d), MIN(r), MAX(r) FROM jk_a WHERE id IN (5, 7);
-- fallback
SELECT MIN(s), MIN(d), MAX(d), MIN(r), MAX(r) FROM jk_a WHERE id = 6;
-- fallback
SELECT MIN(s), MIN(d), MAX(d), MIN(r), MAX(r) FROM jk_a WHERE id = 5;
-- fallback
SELECT MIN(s), MIN(d), MAX(d), MIN(r), MAX(r) FROM jk_a WHERE id = 7;

-- ORDER BY: NaN above +Infinity, -0.0 tied with 0.0.
-- ordered
SELECT id, d FROM jk_a ORDER BY d, id;
-- ordered
SELECT id, d FROM jk_a ORDER BY d DESC, id;
-- ordered
SELECT id, r FROM jk_b ORDER BY r NULLS FIRST, id;
-- ordered
SELECT id, r FROM jk_b ORDER BY r DESC NULLS LAST, id DESC;
-- ordered
SELECT id, d FROM jk_a WHERE d IS NOT NULL ORDER BY d DESC, id LIMIT 3;

-- GROUP BY: one group for NaN and one for -0.0 and 0.0.
SELECT d, COUNT(*) FROM jk_a GROUP BY d;
SELECT r, COUNT(*), MIN(id) FROM jk_b GROUP BY r;
SELECT COUNT(DISTINCT d), COUNT(DISTINCT r) FROM jk_b;

-- Joins whose residual compares REAL or DOUBLE values.
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.s = b.s AND a.d < b.d;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.s = b.s AND a.d >= b.d;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.s = b.s AND a.r = b.d;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.i = b.i AND a.r <> b.r;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.i = b.i AND a.r > b.r;
SELECT a.id, b.id FROM jk_a a RIGHT JOIN jk_b b ON a.i = b.i AND a.d <= b.r;
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.b = b.b AND a.d BETWEEN b.d AND b.d;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.d = b.d AND a.r >= b.r;
SELECT a.id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.s = a.s AND b.d > a.d);
SELECT a.id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.s = a.s AND b.r >= a.r);
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.d < b.d;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.r >= b.r;
-- fallback
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.d < b.d OR a.s = b.s;
-- fallback
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.d = b.d AND a.i < b.i OR a.s = b.s;
-- A hash join on the Enumerable engine matches DOUBLE keys through columns where -0.0 is 0.0.
-- fallback
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.d = b.d AND a.s IS NOT DISTINCT FROM b.s;
-- fallback
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.d = b.d AND a.s IS NOT DISTINCT FROM b.s;
-- fallback
SELECT a.id, b.id FROM jk_a a FULL JOIN jk_b b ON a.r = b.d AND a.s IS NOT DISTINCT FROM b.s;
-- fallback
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.r = b.r AND a.i = b.i AND a.s IS NOT DISTINCT FROM b.s;
-- fallback
SELECT a.id FROM jk_a a
WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.d = a.d AND b.s IS NOT DISTINCT FROM a.s);
-- fallback
SELECT a.id FROM jk_a a
WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.r = a.r AND b.s IS NOT DISTINCT FROM a.s);

-- Comparisons of constants. Calcite folds a comparison of two literals while it plans.
SELECT CAST('NaN' AS DOUBLE) > 1;
SELECT CAST('NaN' AS DOUBLE) = CAST('NaN' AS DOUBLE);
SELECT CAST('NaN' AS DOUBLE) <> CAST('NaN' AS DOUBLE);
SELECT CAST('NaN' AS DOUBLE) > CAST('Infinity' AS DOUBLE);
SELECT CAST('NaN' AS REAL) >= CAST('NaN' AS REAL);
SELECT -0.0E0 = 0.0E0;
SELECT id FROM jk_a WHERE CAST('NaN' AS DOUBLE) > 1;
SELECT id FROM jk_a WHERE CAST('NaN' AS DOUBLE) <> CAST('NaN' AS DOUBLE);
-- Constant expressions other than literals are compared at run time.
SELECT CAST('NaN' AS DOUBLE) * 2 > 1;
SELECT CAST('NaN' AS DOUBLE) * 2 = CAST('NaN' AS DOUBLE);
SELECT CAST('Infinity' AS DOUBLE) - CAST('Infinity' AS DOUBLE) >= 0;
SELECT id FROM jk_a WHERE CAST('NaN' AS DOUBLE) * 2 > d;
-- Calcite folds a comparison of two literals with Double.compareTo, so no folding makes a -0.0
-- literal, and a folded comparison reads an operand of -0.0 as 0.0.
SELECT CAST('-0.0' AS DOUBLE) < 0.0E0;
SELECT CAST('-0.0' AS DOUBLE) = 0.0E0, CAST('-0.0' AS DOUBLE) >= 0.0E0;
SELECT CAST('-0.0' AS REAL) <> CAST('0.0' AS REAL);
SELECT -CAST('0.0' AS DOUBLE) < 0.0E0;
SELECT id FROM jk_a WHERE d = CAST('-0.0' AS DOUBLE);
SELECT id FROM jk_a WHERE d < CAST('-0.0' AS DOUBLE);
