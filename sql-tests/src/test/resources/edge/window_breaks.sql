-- Window functions that WarpSQL rewrites before Calcite's Enumerable engine runs them (NTILE,
-- PERCENT_RANK, CUME_DIST, NTH_VALUE, MIN and MAX of REAL and DOUBLE, REAL and DOUBLE keys, RANGE
-- offsets over DESC keys), used inside expressions, filters, joins, unions, groups and subqueries.
-- jk_a has NaN, infinities, -0.0, 0.0 and NULL in r and d, and the extremes of every integer type.

-- RANGE frames over DOUBLE, REAL and integer keys, most of them DESC. Offsets over a DESC REAL
-- or DOUBLE key raise 0A000.
-- fallback
-- ordered
SELECT id, COUNT(*) OVER (ORDER BY d DESC RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS c
FROM jk_a WHERE d IS NOT NULL ORDER BY id;
-- error 0A000
SELECT id, COUNT(*) OVER (ORDER BY r DESC RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS c
FROM jk_a WHERE r IS NOT NULL ORDER BY id;
-- fallback
-- ordered
SELECT id, COUNT(*) OVER (ORDER BY d RANGE BETWEEN 0 PRECEDING AND UNBOUNDED FOLLOWING) AS c
FROM jk_a WHERE id IN (3, 4, 7) ORDER BY id;
-- error 0A000
SELECT id, COUNT(*) OVER (ORDER BY d DESC RANGE BETWEEN 0 PRECEDING AND 0 FOLLOWING) AS peers,
  COUNT(*) OVER (ORDER BY d DESC RANGE BETWEEN CURRENT ROW AND CURRENT ROW) AS peers2
FROM jk_a WHERE d IS NOT NULL ORDER BY id;
-- The extremes of TINYINT, SMALLINT and INTEGER keys, each alone in its frame. DuckDB adds the
-- offset in the key's type and overflows, so it gets the expected rows as constants.
-- fallback
-- ordered
-- duckdb: SELECT id, 1 AS c, 1 AS c2, 1 AS c3 FROM jk_a WHERE id IN (1, 5) ORDER BY id
-- expect: (1, 1, 1, 1), (5, 1, 1, 1)
SELECT id, COUNT(*) OVER (ORDER BY ti DESC RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS c,
  COUNT(*) OVER (ORDER BY si DESC RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS c2,
  COUNT(*) OVER (ORDER BY i DESC RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS c3
FROM jk_a WHERE id IN (1, 5) ORDER BY id;
-- fallback
-- ordered
SELECT id, COUNT(*) OVER (ORDER BY score DESC RANGE BETWEEN 5 FOLLOWING AND UNBOUNDED FOLLOWING)
  AS c FROM scores WHERE score IS NOT NULL ORDER BY id;
-- fallback
-- ordered
SELECT id, NTH_VALUE(id, 2) OVER (ORDER BY score DESC RANGE BETWEEN 10 PRECEDING AND CURRENT ROW)
  AS v FROM scores WHERE score IS NOT NULL ORDER BY id;

-- NaN is the largest value, so it comes first in DESC order and its frame up to its last peer
-- contains NaN only. Negating the key would keep NaN last, so WarpSQL rejects RANGE offsets over
-- a descending DOUBLE key.
-- error 0A000
SELECT id, COUNT(*) OVER (ORDER BY d DESC RANGE BETWEEN UNBOUNDED PRECEDING AND 0 FOLLOWING) AS c,
  COUNT(*) OVER (ORDER BY d DESC RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS c2
FROM jk_a WHERE id IN (3, 4, 7) ORDER BY id;

-- The smallest BIGINT has no negation in BIGINT, so RANGE offsets over a descending BIGINT key
-- are rejected too.
-- error 0A000
SELECT id, COUNT(*) OVER (ORDER BY bi DESC RANGE BETWEEN UNBOUNDED PRECEDING AND 0 FOLLOWING) AS c
FROM jk_a WHERE id IN (1, 5, 8) ORDER BY id;

-- Rewritten functions inside expressions, in one shared window, and over REAL and DOUBLE keys
-- with NaN, -0.0 and NULL.
-- fallback
-- ordered
SELECT id, NTILE(3) OVER (ORDER BY id) + 1 AS n, CASE WHEN PERCENT_RANK() OVER (ORDER BY score)
  > 0.5 THEN 'hi' ELSE 'lo' END AS band FROM scores ORDER BY id;
-- fallback
-- ordered
SELECT id, NTILE(3) OVER w AS n, PERCENT_RANK() OVER w AS pr, CUME_DIST() OVER w AS cd,
  NTH_VALUE(id, 2) OVER w AS v, MIN(d) OVER w AS mn, MAX(r) OVER w AS mx
FROM jk_a WINDOW w AS (ORDER BY d, id) ORDER BY id;
-- fallback
-- ordered
SELECT id, PERCENT_RANK() OVER (ORDER BY d) AS pr, CUME_DIST() OVER (ORDER BY r DESC) AS cd,
  NTILE(4) OVER (ORDER BY d NULLS FIRST, id) AS n FROM jk_a ORDER BY id;
-- fallback
-- ordered
SELECT id, CUME_DIST() OVER (PARTITION BY d ORDER BY id) AS cd,
  PERCENT_RANK() OVER (PARTITION BY r ORDER BY id) AS pr,
  NTILE(2) OVER (PARTITION BY d ORDER BY id) AS n FROM jk_a ORDER BY id;
-- fallback
-- ordered
SELECT id, NTILE(3) OVER (PARTITION BY d IS NULL ORDER BY r NULLS FIRST, id) AS n,
  PERCENT_RANK() OVER (PARTITION BY b ORDER BY d DESC NULLS LAST) AS pr,
  CUME_DIST() OVER (PARTITION BY b ORDER BY r NULLS FIRST) AS cd FROM jk_a ORDER BY id;
-- fallback
-- ordered
SELECT id, FIRST_VALUE(id) OVER (ORDER BY d DESC, id) AS f,
  LAST_VALUE(d) OVER (PARTITION BY r ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED
  FOLLOWING) AS l FROM jk_a ORDER BY id;

-- MIN and MAX of DOUBLE and REAL over exclusions, empty frames and DISTINCT.
-- fallback
-- ordered
SELECT id, MIN(d) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT ROW)
  AS mn FROM jk_a ORDER BY id;
-- fallback
-- ordered
SELECT id, MIN(d) OVER (ORDER BY id ROWS BETWEEN 2 FOLLOWING AND 3 FOLLOWING) AS mn,
  MAX(DISTINCT r) OVER (PARTITION BY b) AS mx FROM jk_a ORDER BY id;
-- fallback
-- ordered
SELECT id, MIN(d) OVER (ORDER BY d RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS mn,
  MAX(d) OVER (ORDER BY d RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS mx
FROM jk_a WHERE d IS NOT NULL ORDER BY id;

-- NTH_VALUE past the end of its partition is NULL, also under filters and aggregates.
-- fallback
SELECT id FROM (SELECT id, NTH_VALUE(id, 9) OVER () AS v FROM scores) t WHERE v IS NULL;
-- fallback
-- ordered
SELECT id, COALESCE(NTH_VALUE(id, 9) OVER (PARTITION BY grp), -1) AS v,
  NTH_VALUE(id, 3) OVER (PARTITION BY grp) IS NULL AS missing FROM scores ORDER BY id;
-- fallback
SELECT COUNT(v), COUNT(*) FROM (SELECT NTH_VALUE(id, 2) OVER (PARTITION BY grp) AS v FROM scores) t;

-- Calcite's NTH_VALUE, FIRST_VALUE and LAST_VALUE ignore EXCLUDE, so WarpSQL rejects it there.
-- error 0A000
SELECT id, NTH_VALUE(id, 2) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING
  EXCLUDE GROUP) AS g FROM scores ORDER BY id;
-- error 0A000
SELECT id, FIRST_VALUE(id) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING
  EXCLUDE CURRENT ROW) AS f, LAST_VALUE(id) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND
  1 FOLLOWING EXCLUDE CURRENT ROW) AS l FROM scores ORDER BY id;

-- NTILE arguments. DuckDB returns NULL for a NULL argument, and the SQL standard raises 22014
-- for an argument below 1.
-- fallback
-- ordered
-- known-bug Calcite's validator raises 42000 "Argument to function 'NTILE' must not be NULL"
SELECT id, NTILE(NULL) OVER (ORDER BY id) AS n FROM scores ORDER BY id;
-- known-bug Calcite's validator raises 42000 before the rewrite checks the argument
-- error 22014
SELECT id, NTILE(-1) OVER (ORDER BY id) AS n FROM scores ORDER BY id;
-- fallback
-- ordered
SELECT id, NTILE(2147483647) OVER (ORDER BY id) AS n FROM scores ORDER BY id;

-- Rewritten functions in subqueries, ORDER BY, GROUP BY, joins and UNION ALL.
-- fallback
SELECT id FROM scores WHERE id IN (SELECT NTILE(3) OVER (ORDER BY id) FROM scores);
-- fallback
-- ordered
SELECT id FROM scores ORDER BY NTILE(3) OVER (ORDER BY id) DESC, id;
-- fallback
SELECT id, n FROM (SELECT id, NTILE(2) OVER (ORDER BY id) AS n,
  PERCENT_RANK() OVER (ORDER BY id) AS pr FROM scores) t WHERE n = 2 AND pr < 0.9;
-- fallback
-- ordered
SELECT b, MIN(MAX(d)) OVER () AS mm, PERCENT_RANK() OVER (ORDER BY MAX(d)) AS pr,
  MAX(MIN(r)) OVER (ORDER BY b) AS mr FROM jk_a GROUP BY b ORDER BY b;
-- fallback
-- ordered
SELECT o_orderpriority, NTILE(4) OVER (ORDER BY COUNT(*), o_orderpriority) AS n,
  PERCENT_RANK() OVER (ORDER BY AVG(o_totalprice)) AS pr,
  CUME_DIST() OVER (ORDER BY MIN(o_orderdate)) AS cd,
  NTH_VALUE(o_orderpriority, 2) OVER (ORDER BY o_orderpriority) AS v2
FROM orders GROUP BY o_orderpriority ORDER BY o_orderpriority;
-- fallback
-- ordered
SELECT s1.id, s2.id, NTILE(5) OVER (PARTITION BY s1.grp ORDER BY s1.id, s2.id) AS n,
  CUME_DIST() OVER (ORDER BY s2.score) AS cd FROM scores s1 JOIN scores s2 ON s1.grp = s2.grp
ORDER BY s1.id, s2.id;
-- fallback
-- ordered
SELECT c_nationkey, c_custkey,
  NTILE(7) OVER (PARTITION BY c_nationkey ORDER BY c_acctbal DESC, c_custkey) AS n,
  CUME_DIST() OVER (PARTITION BY c_nationkey ORDER BY c_acctbal) AS cd,
  MAX(CAST(c_acctbal AS DOUBLE)) OVER (PARTITION BY c_mktsegment ORDER BY c_custkey ROWS 3
  PRECEDING) AS mx
FROM customer WHERE c_custkey < 300 ORDER BY c_custkey;
-- fallback
-- ordered
SELECT x, NTILE(4) OVER (ORDER BY x) AS n, CUME_DIST() OVER (ORDER BY x) AS cd
FROM (SELECT id AS x FROM scores UNION ALL SELECT id FROM scores) t ORDER BY x;
-- fallback
-- ordered
SELECT id, v FROM (SELECT id, NTILE(2) OVER (ORDER BY id) AS v FROM scores
  UNION ALL SELECT id, NTILE(3) OVER (ORDER BY id DESC) FROM scores) t ORDER BY id, v;
-- fallback
-- expect: no rows
SELECT id, NTILE(3) OVER (ORDER BY id) AS n FROM scores WHERE id > 100;

-- Calcite's decorrelation computes a window over rows that depend on the outer row over the rows
-- of every outer row at once, so WarpSQL rejects it. A window over rows that do not depend on the
-- outer row runs.
-- error 0A000
SELECT id, (SELECT MAX(rk) FROM (SELECT RANK() OVER (ORDER BY s2.score) AS rk
  FROM scores s2 WHERE s2.grp = s1.grp) x) AS m FROM scores s1 ORDER BY id;
-- error 0A000
SELECT id, (SELECT MAX(pr) FROM (SELECT PERCENT_RANK() OVER (ORDER BY s2.score) AS pr
  FROM scores s2 WHERE s2.grp = s1.grp) x) AS m FROM scores s1 ORDER BY id;
-- fallback
-- ordered
SELECT id, (SELECT MAX(rk) FROM (SELECT RANK() OVER (ORDER BY s2.score) AS rk
  FROM scores s2) x WHERE x.rk < s1.id) AS m FROM scores s1 ORDER BY id;

-- Calcite ignores DISTINCT inside a window aggregate, so WarpSQL rejects it there.
-- error 0A000
SELECT id, COUNT(DISTINCT grp) OVER () AS c, SUM(DISTINCT score) OVER () AS s FROM scores
ORDER BY id;
