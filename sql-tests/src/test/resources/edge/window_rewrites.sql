-- NTH_VALUE, PERCENT_RANK and CUME_DIST, which WarpSQL rewrites into window functions that Calcite
-- runs as the SQL standard defines them. scores (ids 1 to 8) has groups a to d, a group of one row
-- (d), ties on score within c and a NULL score. NTH_VALUE is NULL where the frame has fewer than n
-- rows. PERCENT_RANK is (RANK - 1) / (rows of the partition - 1), 0 for one row, and CUME_DIST the
-- rows up to the current row's last peer over the rows of the partition. Every window runs in
-- Calcite's Enumerable engine.

-- The default frame with ORDER BY ends at the current row's last peer.
-- fallback
-- ordered
SELECT id, NTH_VALUE(score, 2) OVER (ORDER BY id) AS v2 FROM scores ORDER BY id;
-- fallback
-- ordered
SELECT id, NTH_VALUE(score, 3) OVER (ORDER BY score NULLS FIRST) AS third FROM scores ORDER BY id;
-- fallback
-- ordered
SELECT id, NTH_VALUE(id, 2) OVER (PARTITION BY grp ORDER BY score DESC, id) AS v2
FROM scores ORDER BY id;
-- fallback
-- ordered
SELECT id, NTH_VALUE(id, 1) OVER (PARTITION BY grp ORDER BY id) AS first FROM scores ORDER BY id;
-- fallback
-- ordered
SELECT id, NTH_VALUE(id, 9) OVER (ORDER BY id) AS ninth FROM scores ORDER BY id;

-- Explicit ROWS frames, including frames that end before or start after the current row.
-- fallback
-- ordered
SELECT id, NTH_VALUE(id, 2) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS v
FROM scores ORDER BY id;
-- fallback
-- ordered
SELECT id, NTH_VALUE(id, 2) OVER (ORDER BY id ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) AS v
FROM scores ORDER BY id;
-- fallback
-- ordered
SELECT id, NTH_VALUE(id, 3) OVER (ORDER BY id ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING) AS v
FROM scores ORDER BY id;
-- fallback
-- ordered
SELECT id, NTH_VALUE(score, 2)
  OVER (PARTITION BY grp ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS v
FROM scores ORDER BY id;
-- fallback
-- ordered
SELECT id, NTH_VALUE(score, 2) OVER (PARTITION BY grp) AS v FROM scores ORDER BY id;

-- RANGE frames by value.
-- fallback
-- ordered
SELECT id, NTH_VALUE(id, 2) OVER (ORDER BY score RANGE BETWEEN 10 PRECEDING AND CURRENT ROW) AS v
FROM scores WHERE score IS NOT NULL ORDER BY id;

-- NTH_VALUE beside other windows, and over an aggregate.
-- fallback
-- ordered
SELECT id, NTH_VALUE(id, 2) OVER (ORDER BY id) AS v2, ROW_NUMBER() OVER (ORDER BY id) AS n,
  SUM(score) OVER (ORDER BY id) AS running_sum
FROM scores ORDER BY id;
-- fallback
-- ordered
SELECT grp, NTH_VALUE(grp, 2) OVER (ORDER BY grp) AS v FROM scores GROUP BY grp ORDER BY grp;

-- PERCENT_RANK and CUME_DIST over the whole table, partitions, ties and NULLs.
-- fallback
-- ordered
SELECT id, PERCENT_RANK() OVER (ORDER BY score) AS pr FROM scores ORDER BY id;
-- fallback
-- ordered
SELECT id, PERCENT_RANK() OVER (ORDER BY score DESC NULLS LAST) AS pr FROM scores ORDER BY id;
-- fallback
-- ordered
SELECT id, PERCENT_RANK() OVER (PARTITION BY grp ORDER BY score) AS pr FROM scores ORDER BY id;
-- fallback
-- ordered
SELECT id, CUME_DIST() OVER (ORDER BY score) AS cd FROM scores ORDER BY id;
-- fallback
-- ordered
SELECT id, CUME_DIST() OVER (ORDER BY score NULLS FIRST) AS cd FROM scores ORDER BY id;
-- fallback
-- ordered
SELECT id, CUME_DIST() OVER (PARTITION BY grp ORDER BY score DESC) AS cd FROM scores ORDER BY id;
-- fallback
-- ordered
SELECT id, PERCENT_RANK() OVER (PARTITION BY grp ORDER BY id) AS pr,
  CUME_DIST() OVER (PARTITION BY grp ORDER BY id) AS cd,
  RANK() OVER (PARTITION BY grp ORDER BY id) AS r
FROM scores ORDER BY id;
-- fallback
-- ordered
SELECT id, PERCENT_RANK() OVER (ORDER BY score) * 100 AS pct FROM scores ORDER BY id;

-- Filters on the results and an empty input.
-- fallback
SELECT id FROM (SELECT id, CUME_DIST() OVER (ORDER BY score) AS cd FROM scores) t WHERE cd <= 0.5;
-- fallback
SELECT id FROM (SELECT id, NTH_VALUE(id, 2) OVER (ORDER BY id) AS v FROM scores) t WHERE v IS NULL;
-- fallback
SELECT id, PERCENT_RANK() OVER (ORDER BY score) AS pr FROM scores WHERE id > 100;

-- TPC-H: the rank of each line's price within its order.
-- fallback
-- ordered
SELECT l_orderkey, l_linenumber,
  PERCENT_RANK() OVER (PARTITION BY l_orderkey ORDER BY l_extendedprice, l_linenumber) AS pr,
  CUME_DIST() OVER (PARTITION BY l_orderkey ORDER BY l_quantity) AS cd,
  NTH_VALUE(l_linenumber, 3) OVER (PARTITION BY l_orderkey ORDER BY l_linenumber) AS third
FROM lineitem WHERE l_orderkey < 200 ORDER BY l_orderkey, l_linenumber;

-- IGNORE NULLS, which Calcite cannot run for any window function, raises a clear error.
-- error 0A000
SELECT id, FIRST_VALUE(score) IGNORE NULLS OVER (ORDER BY id) AS v FROM scores;
-- error 0A000
SELECT id, NTH_VALUE(score, 2) IGNORE NULLS OVER (ORDER BY id) AS v FROM scores;
-- error 0A000
SELECT id, LAG(score) IGNORE NULLS OVER (ORDER BY id) AS v FROM scores;

-- NTH_VALUE over a NOT NULL column keeps Calcite's NOT NULL type, although it is NULL past the
-- frame, so IS NULL on it is simplified to FALSE.
-- fallback
-- ordered
-- known-bug IS NULL is FALSE in every row although NTH_VALUE is NULL in all three
SELECT i, (NTH_VALUE(i, 9) OVER ()) IS NULL AS missing FROM (VALUES (1), (2), (3)) t(i) ORDER BY i;
