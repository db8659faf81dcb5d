-- Window functions, which run in Calcite's Enumerable engine. scores (ids 1 to 8) has groups a to
-- d, ties on score (20 in a and b, 30 in b and c), a group of one row (d) and a NULL score (id 7).
-- The default frame with ORDER BY is RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW, which
-- ends at the current row's last peer, and without ORDER BY it is the whole partition.

-- Ranking functions: ties share a rank, RANK leaves gaps after them and DENSE_RANK does not.
-- ordered
-- fallback
SELECT id, ROW_NUMBER() OVER (ORDER BY score, id) AS rn, RANK() OVER (ORDER BY score) AS r,
  DENSE_RANK() OVER (ORDER BY score) AS dr
FROM scores ORDER BY id;

-- ordered
-- fallback
SELECT id, ROW_NUMBER() OVER (PARTITION BY grp ORDER BY score DESC, id) AS rn,
  RANK() OVER (PARTITION BY grp ORDER BY score DESC) AS r,
  DENSE_RANK() OVER (PARTITION BY grp ORDER BY score DESC) AS dr
FROM scores ORDER BY id;

-- ordered
-- fallback
SELECT id, RANK() OVER (ORDER BY score DESC NULLS LAST) AS r,
  DENSE_RANK() OVER (ORDER BY score NULLS FIRST) AS dr,
  ROW_NUMBER() OVER (ORDER BY score DESC NULLS FIRST, id DESC) AS rn
FROM scores ORDER BY id;

-- Ranks over an expression and over several keys.
-- ordered
-- fallback
SELECT id, RANK() OVER (ORDER BY score / 10) AS r,
  DENSE_RANK() OVER (ORDER BY grp DESC, score) AS dr
FROM scores ORDER BY id;

-- NTILE puts the extra rows in the first buckets: 8 rows in 3 buckets are 3, 3 and 2 rows. With
-- more buckets than rows, each row is its own bucket.
-- ordered
-- fallback
SELECT id, NTILE(3) OVER (ORDER BY id) AS n3, NTILE(1) OVER (ORDER BY id) AS n1,
  NTILE(8) OVER (ORDER BY id DESC) AS n8
FROM scores ORDER BY id;

-- ordered
-- fallback
SELECT id, NTILE(2) OVER (PARTITION BY grp ORDER BY id) AS n2,
  NTILE(3) OVER (PARTITION BY grp ORDER BY score DESC, id) AS n3
FROM scores ORDER BY id;

-- Calcite computes the bucket as 1 + n * (row index) / (rows of the partition), which skips
-- buckets when n does not divide the row count evenly. WarpSQL rewrites NTILE into the standard's
-- split.
-- ordered
-- fallback
SELECT id, NTILE(10) OVER (ORDER BY id) AS n10 FROM scores ORDER BY id;

-- ordered
-- fallback
SELECT id, NTILE(4) OVER (PARTITION BY grp ORDER BY id) AS n4 FROM scores ORDER BY id;

-- The SQL standard raises data exception 22014 for an NTILE argument that is not positive.
-- error 22014
SELECT id, NTILE(0) OVER (ORDER BY id) FROM scores;

-- LAG and LEAD: an offset of 0 is the current row, and an offset past the partition's edge gives
-- the default, NULL unless given. A NULL value in the row at the offset is returned as NULL, not
-- replaced by the default.
-- ordered
-- fallback
SELECT id, LAG(score) OVER (ORDER BY id) AS prev_v, LEAD(score) OVER (ORDER BY id) AS next_v,
  LAG(score, 2) OVER (ORDER BY id) AS prev2, LEAD(score, 2) OVER (ORDER BY id) AS next2
FROM scores ORDER BY id;

-- ordered
-- fallback
SELECT id, LAG(score, 0) OVER (ORDER BY id) AS same, LEAD(id, 0) OVER (ORDER BY id) AS same_id,
  LAG(score, 8) OVER (ORDER BY id) AS prev8, LEAD(score, 100) OVER (ORDER BY id) AS next100
FROM scores ORDER BY id;

-- Calcite types LAG and LEAD with a NOT NULL default as NOT NULL, so a NULL value at the offset
-- fails to convert.
-- ordered
-- fallback
-- known-bug a NULL value at the offset raises XX000 "Cannot convert null to int"
SELECT id, LAG(score, 1, -1) OVER (PARTITION BY grp ORDER BY id) AS prev_v,
  LEAD(score, 1, -1) OVER (PARTITION BY grp ORDER BY id) AS next_v,
  LEAD(score, 3, 0) OVER (PARTITION BY grp ORDER BY id) AS next3
FROM scores ORDER BY id;

-- The default may be an expression of the current row.
-- ordered
-- fallback
SELECT id, LAG(id, 1, id * 100) OVER (PARTITION BY grp ORDER BY id) AS prev_v,
  LEAD(grp, 1, 'none') OVER (ORDER BY id) AS next_grp
FROM scores ORDER BY id;

-- LAG and LEAD of DECIMAL, DATE, VARCHAR and BOOLEAN columns with NULLs.
-- ordered
-- fallback
SELECT id, LAG(dec_v) OVER (ORDER BY id) AS dec_prev, LEAD(date_v) OVER (ORDER BY id) AS date_next,
  LAG(str_v, 2) OVER (ORDER BY id) AS str_prev2, LEAD(bool_v) OVER (ORDER BY id) AS bool_next
FROM nullable_types ORDER BY id;

-- ordered
-- fallback
-- known-bug an INTEGER default of a DECIMAL value generates Java code that does not compile
SELECT id, LAG(dec_v, 1, 0) OVER (ORDER BY id) AS dec_prev FROM nullable_types ORDER BY id;

-- ordered
-- fallback
-- known-bug a NULL value at the offset raises XX000 "Cannot convert null to int"
SELECT id, LEAD(date_v, 1, DATE '2000-01-01') OVER (ORDER BY id) AS date_next
FROM nullable_types ORDER BY id;

-- FIRST_VALUE and LAST_VALUE. With ORDER BY and the default frame, LAST_VALUE is the value of the
-- current row's last peer.
-- ordered
-- fallback
SELECT id, FIRST_VALUE(score) OVER (PARTITION BY grp ORDER BY id) AS first_score,
  LAST_VALUE(score) OVER (PARTITION BY grp ORDER BY id) AS last_score
FROM scores ORDER BY id;

-- ordered
-- fallback
SELECT id, FIRST_VALUE(id) OVER (ORDER BY score NULLS FIRST, id) AS first_id,
  LAST_VALUE(score) OVER (ORDER BY score) AS last_score,
  FIRST_VALUE(score) OVER (ORDER BY score NULLS FIRST) AS first_score
FROM scores ORDER BY id;

-- ordered
-- fallback
SELECT id, FIRST_VALUE(id)
    OVER (PARTITION BY grp ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
    AS first_id,
  LAST_VALUE(id)
    OVER (PARTITION BY grp ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
    AS last_id,
  LAST_VALUE(id) OVER (PARTITION BY grp ORDER BY id RANGE BETWEEN CURRENT ROW AND UNBOUNDED
    FOLLOWING) AS last_range
FROM scores ORDER BY id;

-- Frames that lie before or after the current row are empty at the partition's edges, and the
-- value is then NULL.
-- ordered
-- fallback
SELECT id, FIRST_VALUE(id) OVER (ORDER BY id ROWS BETWEEN 1 FOLLOWING AND 2 FOLLOWING) AS f,
  LAST_VALUE(id) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING) AS l,
  LAST_VALUE(score) OVER (PARTITION BY grp ORDER BY id ROWS BETWEEN 1 FOLLOWING AND 5 FOLLOWING)
    AS l_grp
FROM scores ORDER BY id;

-- Aggregates over ROWS frames with offsets on one side, both sides and neither.
-- ordered
-- fallback
SELECT id, SUM(score) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS s,
  MIN(score) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS mn,
  MAX(score) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS mx,
  COUNT(*) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS c,
  COUNT(score) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS c_score
FROM scores ORDER BY id;

-- ordered
-- fallback
SELECT id, SUM(score) OVER (ORDER BY id ROWS 2 PRECEDING) AS s2,
  COUNT(score) OVER (ORDER BY id ROWS 2 PRECEDING) AS c2,
  SUM(score) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS rest,
  SUM(score) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before,
  SUM(score) OVER (ORDER BY id ROWS BETWEEN 0 PRECEDING AND 0 FOLLOWING) AS own
FROM scores ORDER BY id;

-- ordered
-- fallback
SELECT id, SUM(score) OVER (ORDER BY id ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING) AS before3,
  COUNT(*) OVER (ORDER BY id ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING) AS c_before3,
  MAX(score) OVER (ORDER BY id ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) AS after3,
  COUNT(score) OVER (ORDER BY id ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) AS c_after3,
  SUM(score) OVER (ORDER BY id ROWS BETWEEN 100 PRECEDING AND 100 FOLLOWING) AS everything
FROM scores ORDER BY id;

-- A frame whose start lies after its end is empty in every row: COUNT is 0 and the others NULL.
-- ordered
-- fallback
SELECT id, SUM(score) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND 3 PRECEDING) AS s,
  COUNT(*) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND 3 PRECEDING) AS c,
  MIN(score) OVER (ORDER BY id ROWS BETWEEN 3 FOLLOWING AND 1 FOLLOWING) AS mn
FROM scores ORDER BY id;

-- ROWS frames stop at the partition's edges.
-- ordered
-- fallback
SELECT id, SUM(score) OVER (PARTITION BY grp ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING)
    AS s,
  COUNT(*) OVER (PARTITION BY grp ORDER BY id ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)
    AS c_after,
  AVG(score) OVER (PARTITION BY grp ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
    AS running_avg
FROM scores ORDER BY id;

-- The default frame with ORDER BY includes the current row's peers, so tied rows share a running
-- sum. Without ORDER BY the frame is the whole partition.
-- ordered
-- fallback
SELECT id, SUM(score) OVER (ORDER BY score) AS run_total, COUNT(*) OVER (ORDER BY score) AS c,
  MAX(id) OVER (ORDER BY score) AS max_id, SUM(score) OVER () AS total,
  COUNT(score) OVER (PARTITION BY grp) AS c_grp
FROM scores ORDER BY id;

-- ordered
-- fallback
SELECT id, SUM(score) OVER (ORDER BY score ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
    - SUM(score) OVER (ORDER BY score RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS diff,
  COUNT(*) OVER (ORDER BY score RANGE BETWEEN CURRENT ROW AND CURRENT ROW) AS peers,
  COUNT(*) OVER (ORDER BY score RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS from_here
FROM scores WHERE id <> 7 ORDER BY id;

-- RANGE frames with numeric offsets include every row whose key lies within the offset, peers
-- included.
-- ordered
-- fallback
SELECT id, SUM(score) OVER (ORDER BY score RANGE BETWEEN 10 PRECEDING AND CURRENT ROW) AS s,
  COUNT(*) OVER (ORDER BY score RANGE BETWEEN 5 PRECEDING AND 5 FOLLOWING) AS c5,
  COUNT(*) OVER (ORDER BY score RANGE BETWEEN CURRENT ROW AND 10 FOLLOWING) AS c_next,
  MIN(id) OVER (ORDER BY score RANGE BETWEEN 20 PRECEDING AND 5 PRECEDING) AS before
FROM scores WHERE score IS NOT NULL ORDER BY id;

-- With DESC, PRECEDING means larger keys. Calcite subtracts the offset whatever the direction, so
-- WarpSQL orders by the negated key ascending instead.
-- ordered
-- fallback
SELECT id, SUM(score) OVER (ORDER BY score DESC RANGE BETWEEN 10 PRECEDING AND CURRENT ROW) AS s,
  COUNT(*) OVER (ORDER BY score DESC RANGE BETWEEN CURRENT ROW AND 15 FOLLOWING) AS c
FROM scores WHERE score IS NOT NULL ORDER BY id;

-- A NULL key's RANGE frame with offsets contains the NULL keys only, because no offset reaches
-- NULL.
-- ordered
-- fallback
-- known-bug a NULL key raises XX000, a NullPointerException in the frame bound
SELECT id, COUNT(*) OVER (ORDER BY score RANGE BETWEEN 10 PRECEDING AND 10 FOLLOWING) AS c,
  SUM(id) OVER (ORDER BY score NULLS FIRST RANGE BETWEEN 100 PRECEDING AND CURRENT ROW) AS s
FROM scores ORDER BY id;

-- RANGE offsets on DECIMAL and DOUBLE keys. Calcite writes key - offset in Java, which does not
-- compile for a BigDecimal.
-- ordered
-- fallback
-- known-bug XX000: the generated Java code does not compile
SELECT id, COUNT(*) OVER (ORDER BY dec_v RANGE BETWEEN 1.5 PRECEDING AND 1.5 FOLLOWING) AS c,
  SUM(dec_v) OVER (ORDER BY dec_v RANGE BETWEEN 0.1 PRECEDING AND CURRENT ROW) AS s
FROM nullable_types WHERE dec_v IS NOT NULL ORDER BY id;

-- ordered
-- fallback
SELECT id, COUNT(*) OVER (ORDER BY dbl_v RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS c
FROM nullable_types WHERE dbl_v BETWEEN -10 AND 10 ORDER BY id;

-- ordered
-- fallback
-- known-bug XX000: double minus a DECIMAL offset does not compile
SELECT id, SUM(dbl_v) OVER (ORDER BY dbl_v RANGE BETWEEN 0.5 PRECEDING AND CURRENT ROW) AS s
FROM nullable_types WHERE dbl_v BETWEEN -10 AND 10 ORDER BY id;

-- RANGE frames over DATE keys with INTERVAL offsets raise 0A000. Calcite subtracts the interval's
-- number from the date's day number: milliseconds for a day-time interval and months for a
-- year-month one.
-- error 0A000
SELECT id, COUNT(*) OVER (ORDER BY d RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW)
  AS c
FROM calendar_days ORDER BY id;

-- error 0A000
SELECT id, COUNT(*) OVER (ORDER BY d RANGE BETWEEN INTERVAL '1' MONTH PRECEDING AND CURRENT ROW)
  AS c
FROM calendar_days WHERE d IS NOT NULL ORDER BY id;

-- error 0A000
SELECT o_orderkey, SUM(o_totalprice) OVER (ORDER BY o_orderdate RANGE BETWEEN INTERVAL '7' DAY
  PRECEDING AND CURRENT ROW) AS week_total
FROM orders WHERE o_orderkey < 400 ORDER BY o_orderkey;

-- A DATE and a TIMESTAMP key without an offset.
-- ordered
-- fallback
SELECT id, RANK() OVER (ORDER BY d DESC) AS r, LAG(d) OVER (ORDER BY d, id) AS prev_d
FROM calendar_days ORDER BY id;

-- ordered
-- fallback
SELECT id, RANK() OVER (ORDER BY CAST(d AS TIMESTAMP)) AS r,
  LEAD(CAST(d AS TIMESTAMP)) OVER (ORDER BY id) AS next_ts
FROM calendar_days ORDER BY id;

-- PARTITION BY puts NULL keys in one partition of their own, apart from the empty string.
-- ordered
-- fallback
SELECT id, COUNT(*) OVER (PARTITION BY str_v) AS c, SUM(id) OVER (PARTITION BY bool_v) AS s,
  ROW_NUMBER() OVER (PARTITION BY int_v IS NULL ORDER BY id) AS rn
FROM nullable_types ORDER BY id;

-- ordered
-- fallback
SELECT id, COUNT(*) OVER (PARTITION BY k) AS c, MIN(a) OVER (PARTITION BY k) AS first_a,
  ROW_NUMBER() OVER (PARTITION BY k ORDER BY id DESC) AS rn
FROM join_left ORDER BY id;

-- NULLS FIRST and NULLS LAST inside OVER, against the running sum of each order.
-- ordered
-- fallback
SELECT id, SUM(id) OVER (ORDER BY score NULLS FIRST) AS nf,
  SUM(id) OVER (ORDER BY score NULLS LAST) AS nl,
  SUM(id) OVER (ORDER BY score DESC NULLS FIRST) AS dnf,
  SUM(id) OVER (ORDER BY score DESC NULLS LAST) AS dnl,
  SUM(id) OVER (ORDER BY score DESC) AS d_default
FROM scores ORDER BY id;

-- DECIMAL sums and maximums.
-- ordered
-- fallback
SELECT id, SUM(dec_v) OVER (ORDER BY id) AS run_total, SUM(dec_v) OVER (PARTITION BY bool_v)
    AS by_bool,
  MAX(dec_v) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS mx
FROM nullable_types ORDER BY id;

-- AVG of DECIMAL: the standard leaves its precision and scale to the implementation, and DuckDB
-- returns DOUBLE, which the comparison rounds to WarpSQL's scale.
-- ordered
-- fallback
SELECT id, AVG(dec_v) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS a2,
  AVG(dec_v) OVER (PARTITION BY bool_v) AS by_bool
FROM nullable_types ORDER BY id;

-- AVG of INTEGER is a DOUBLE, as in the AVG aggregate, not an INTEGER.
-- ordered
-- fallback
SELECT id, AVG(id) OVER (PARTITION BY grp) AS a, AVG(score) OVER (ORDER BY id ROWS 1 PRECEDING)
  AS a2
FROM scores ORDER BY id;

-- SUM of INTEGER and BIGINT. DuckDB sums into a 128-bit integer.
-- ordered
-- fallback
SELECT id, SUM(int_v) OVER (ORDER BY id) AS s_int, SUM(big_v) OVER (ORDER BY id ROWS 1 PRECEDING)
  AS s_big
FROM nullable_types WHERE id <> 5 ORDER BY id;

-- The sum of INTEGER goes beyond the INTEGER range.
-- ordered
-- fallback
SELECT id, SUM(i) OVER (ORDER BY id) AS s FROM jk_a ORDER BY id;

-- DOUBLE sums and MIN with infinities, NaN and -0.0. NaN is larger than every other value,
-- and -0.0 equals 0.0.
-- ordered
-- fallback
SELECT id, SUM(d) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s,
  MIN(d) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS mn
FROM jk_a ORDER BY id;

-- ordered
-- fallback
SELECT id, MAX(d) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS mx
FROM jk_a ORDER BY id;

-- ordered
-- fallback
SELECT id, MIN(r) OVER (PARTITION BY b) AS mn FROM jk_a ORDER BY id;

-- Calcite starts MIN at Double.MAX_VALUE and MAX at -Double.MAX_VALUE, so a frame of only
-- Infinity, -Infinity or NaN returned one of those. WarpSQL computes window MIN and MAX of REAL
-- and DOUBLE values on BIGINT keys in the total order instead.
-- ordered
-- fallback
SELECT id, MIN(d) OVER (ORDER BY id ROWS CURRENT ROW) AS mn,
  MAX(d) OVER (ORDER BY id ROWS CURRENT ROW) AS mx
FROM jk_a WHERE id IN (3, 5, 7) ORDER BY id;

-- Row 1 is the only -0.0 in d and r.
-- ordered
-- fallback
SELECT id, RANK() OVER (ORDER BY d) AS r_double, COUNT(*) OVER (PARTITION BY d) AS c,
  DENSE_RANK() OVER (ORDER BY r DESC) AS dr_real
FROM jk_a WHERE id <> 1 ORDER BY id;

-- ordered
-- fallback
SELECT id, RANK() OVER (ORDER BY d) AS r_double, COUNT(*) OVER (PARTITION BY d) AS c
FROM jk_a ORDER BY id;

-- Several windows with different partitions and orders in one SELECT.
-- ordered
-- fallback
SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS rn, SUM(score) OVER (PARTITION BY grp) AS grp_sum,
  COUNT(*) OVER () AS total, RANK() OVER (ORDER BY score DESC) AS r,
  score - AVG(score) OVER (PARTITION BY grp) AS diff, SUM(score * 2) OVER (ORDER BY id) AS s2
FROM scores ORDER BY id;

-- A window function in ORDER BY.
-- ordered
-- fallback
SELECT id FROM scores ORDER BY ROW_NUMBER() OVER (ORDER BY score DESC NULLS LAST, id DESC);

-- Windows over GROUP BY results.
-- ordered
-- fallback
SELECT grp, SUM(score) AS s, SUM(SUM(score)) OVER () AS total,
  RANK() OVER (ORDER BY SUM(score) DESC) AS r, COUNT(*) OVER () AS group_count,
  SUM(COUNT(*)) OVER (ORDER BY grp) AS running_rows
FROM scores GROUP BY grp ORDER BY grp;

-- ordered
-- fallback
SELECT l_returnflag, l_linestatus, COUNT(*) AS c,
  SUM(COUNT(*)) OVER (PARTITION BY l_returnflag) AS flag_total,
  CAST(SUM(SUM(l_extendedprice)) OVER (ORDER BY l_returnflag, l_linestatus) AS VARCHAR) AS run_total
FROM lineitem GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus;

-- ordered
-- fallback
SELECT grp, MAX(score) AS mx, LAG(MAX(score)) OVER (ORDER BY grp) AS prev_mx
FROM scores GROUP BY grp HAVING COUNT(*) > 1 ORDER BY grp;

-- One group over no rows: the window functions run over that one row.
-- fallback
SELECT COUNT(*), SUM(score), SUM(COUNT(*)) OVER (), SUM(SUM(score)) OVER ()
FROM scores WHERE id > 100;

-- Windows over joins, with NULL join keys that only the outer join keeps.
-- ordered
-- fallback
SELECT l.id, r.id, ROW_NUMBER() OVER (PARTITION BY l.k ORDER BY l.id, r.id) AS rn,
  COUNT(*) OVER (PARTITION BY l.k) AS c
FROM join_left l JOIN join_right r ON l.k = r.k ORDER BY l.id, r.id;

-- ordered
-- fallback
SELECT l.id, r.id, COUNT(r.id) OVER (PARTITION BY l.k) AS match_count,
  RANK() OVER (ORDER BY r.id NULLS FIRST) AS r
FROM join_left l LEFT JOIN join_right r ON l.k = r.k ORDER BY l.id, r.id;

-- ordered
-- fallback
SELECT o.o_orderkey, c.c_nationkey,
  RANK() OVER (PARTITION BY c.c_nationkey ORDER BY o.o_totalprice DESC) AS r
FROM orders o JOIN customer c ON o.o_custkey = c.c_custkey
WHERE o.o_orderkey < 1000 ORDER BY o.o_orderkey;

-- Top N per group: a window in a subquery, filtered outside.
-- ordered
-- fallback
SELECT id, grp FROM (
  SELECT id, grp, ROW_NUMBER() OVER (PARTITION BY grp ORDER BY score DESC NULLS LAST, id) AS rn
  FROM scores) t
WHERE rn = 1 ORDER BY grp;

-- RANK keeps every tie of the first rank.
-- ordered
-- fallback
SELECT id FROM (SELECT id, RANK() OVER (PARTITION BY grp ORDER BY score DESC) AS r FROM scores) t
WHERE r = 1 ORDER BY id;

-- ordered
-- fallback
SELECT id, score FROM (SELECT id, score, AVG(score) OVER (PARTITION BY grp) AS a FROM scores) t
WHERE score > a ORDER BY id;

-- ordered
-- fallback
SELECT l_orderkey, l_linenumber, l_extendedprice FROM (
  SELECT l_orderkey, l_linenumber, l_extendedprice,
    ROW_NUMBER() OVER (PARTITION BY l_orderkey ORDER BY l_extendedprice DESC, l_linenumber) AS rn
  FROM lineitem) t
WHERE rn <= 2 AND l_orderkey < 500 ORDER BY l_orderkey, l_linenumber;

-- DISTINCT after a window function.
-- fallback
SELECT DISTINCT grp, COUNT(*) OVER (PARTITION BY grp) AS c FROM scores;

-- Named windows, used alone, built on one another, and refined with a frame.
-- ordered
-- fallback
SELECT id, SUM(score) OVER w AS s, ROW_NUMBER() OVER w AS rn, MAX(score) OVER w AS mx
FROM scores WINDOW w AS (PARTITION BY grp ORDER BY id) ORDER BY id;

-- ordered
-- fallback
SELECT id, SUM(score) OVER w AS run_total FROM scores WINDOW w AS (ORDER BY id) ORDER BY id;

-- Calcite's SqlWindow.overlay keeps the named window's frame in place of the new one, so WarpSQL
-- rejects a frame added to a named window.
-- error 0A000
SELECT id, SUM(score) OVER (w ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s2
FROM scores WINDOW w AS (ORDER BY id) ORDER BY id;

-- ordered
-- fallback
SELECT id, COUNT(*) OVER w1 AS c, ROW_NUMBER() OVER w2 AS rn, LAG(id) OVER w2 AS prev_v
FROM scores WINDOW w1 AS (PARTITION BY grp), w2 AS (w1 ORDER BY id) ORDER BY id;

-- Windows over no rows return no rows.
-- expect: no rows
-- fallback
SELECT id, ROW_NUMBER() OVER (ORDER BY id), SUM(i) OVER (), LAG(s) OVER (ORDER BY id)
FROM jk_empty;

-- expect: no rows
-- fallback
SELECT id, RANK() OVER (PARTITION BY grp ORDER BY score), COUNT(*) OVER ()
FROM scores WHERE score > 1000;

-- expect: no rows
-- fallback
SELECT l_orderkey, SUM(l_quantity) OVER (PARTITION BY l_orderkey) FROM lineitem
WHERE l_quantity > 1000;

-- A filter that keeps one row of each partition.
-- ordered
-- fallback
SELECT id, COUNT(*) OVER (PARTITION BY grp), ROW_NUMBER() OVER (PARTITION BY grp ORDER BY id),
  LAG(id) OVER (PARTITION BY grp ORDER BY id)
FROM scores WHERE id IN (1, 3, 5, 8) ORDER BY id;

-- TPC-H lineitem partitioned by order.
-- ordered
-- fallback
SELECT l_orderkey, l_linenumber,
  ROW_NUMBER() OVER (PARTITION BY l_orderkey ORDER BY l_linenumber DESC) AS rn,
  COUNT(*) OVER (PARTITION BY l_orderkey) AS lines,
  SUM(l_quantity) OVER (PARTITION BY l_orderkey ORDER BY l_linenumber) AS running_quantity,
  LAG(l_shipdate) OVER (PARTITION BY l_orderkey ORDER BY l_linenumber) AS prev_ship
FROM lineitem WHERE l_orderkey < 300 ORDER BY l_orderkey, l_linenumber;

-- ordered
-- fallback
SELECT l_orderkey, l_linenumber,
  RANK() OVER (PARTITION BY l_orderkey ORDER BY l_quantity) AS r,
  DENSE_RANK() OVER (PARTITION BY l_orderkey ORDER BY l_returnflag) AS dr,
  NTILE(3) OVER (PARTITION BY l_orderkey ORDER BY l_linenumber) AS n,
  AVG(l_discount) OVER (PARTITION BY l_orderkey ORDER BY l_linenumber ROWS BETWEEN 1
    PRECEDING AND 1 FOLLOWING) AS avg_discount
FROM lineitem WHERE l_orderkey BETWEEN 1000 AND 1300 ORDER BY l_orderkey, l_linenumber;

-- Aggregates over window results cover all of lineitem.
-- fallback
SELECT COUNT(*), SUM(rn), MAX(rn), SUM(CASE WHEN rn = lines THEN 1 ELSE 0 END)
FROM (SELECT ROW_NUMBER() OVER (PARTITION BY l_orderkey ORDER BY l_linenumber) AS rn,
    COUNT(*) OVER (PARTITION BY l_orderkey) AS lines
  FROM lineitem) t;

-- ordered
-- fallback
SELECT n_name, CAST(SUM(o_totalprice) AS VARCHAR) AS total,
  RANK() OVER (ORDER BY SUM(o_totalprice) DESC) AS r,
  CAST(SUM(SUM(o_totalprice)) OVER (PARTITION BY n_regionkey) AS VARCHAR) AS region_total
FROM orders JOIN customer ON o_custkey = c_custkey JOIN nation ON c_nationkey = n_nationkey
GROUP BY n_name, n_regionkey ORDER BY n_name;

-- IGNORE NULLS, which Calcite cannot run for any window function, raises 0A000 instead of an
-- internal error.
-- error 0A000
SELECT id, LAG(score) IGNORE NULLS OVER (ORDER BY id) FROM scores ORDER BY id;
-- error 0A000
SELECT id, LAST_VALUE(score) IGNORE NULLS OVER () FROM scores ORDER BY id;
