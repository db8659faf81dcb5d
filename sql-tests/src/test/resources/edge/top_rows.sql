-- ORDER BY with a small LIMIT or FETCH, which a device sort narrows by a radix selection on the
-- first key before it sorts by every key. The selection runs when OFFSET + FETCH is at most an
-- eighth of the sort's input rows: lineitem has 60,175 rows, so up to 7,521 of them, and orders
-- 15,000, so up to 1,875. It stops narrowing at 65,536 rows or an eighth of the input, and sorts
-- every row when more than half of the rows come before or tie with the row at the last requested
-- position. With device=ptx-sim every keyed sort runs on the interpreter. Every ordered query ends
-- with unique keys, so both engines must return one order.

-- Integer first keys: unique, a few values with many ties, and the extremes of the type.
-- ordered
SELECT l_orderkey, l_linenumber FROM lineitem ORDER BY l_orderkey DESC, l_linenumber DESC LIMIT 1;
-- ordered
SELECT l_orderkey, l_linenumber, l_partkey FROM lineitem
ORDER BY l_partkey, l_orderkey, l_linenumber LIMIT 25;
-- About 2,200 rows have line number 7: fewer than an eighth of the rows tie.
-- ordered
SELECT l_orderkey, l_linenumber FROM lineitem
ORDER BY l_linenumber DESC, l_orderkey, l_linenumber LIMIT 10;
-- 15,000 rows have line number 1: more than an eighth but fewer than half tie.
-- ordered
SELECT l_orderkey, l_linenumber FROM lineitem ORDER BY l_linenumber, l_orderkey DESC LIMIT 12;
-- ordered
SELECT l_orderkey, l_linenumber FROM lineitem
ORDER BY l_linenumber, l_orderkey DESC OFFSET 14990 ROWS FETCH NEXT 20 ROWS ONLY;
-- Every row ties, so the selection gives up.
-- ordered
SELECT l_orderkey, l_linenumber FROM lineitem
ORDER BY l_linenumber * 0, l_orderkey DESC, l_linenumber LIMIT 7;
-- ordered
SELECT l_orderkey, l_linenumber, k FROM (
  SELECT l_orderkey, l_linenumber,
    CASE WHEN MOD(l_orderkey, 97) = 0 THEN -2147483648
      WHEN MOD(l_orderkey, 89) = 0 THEN 2147483647 ELSE l_partkey END AS k
  FROM lineitem) t
ORDER BY k, l_orderkey, l_linenumber LIMIT 30;
-- ordered
SELECT l_orderkey, l_linenumber, k FROM (
  SELECT l_orderkey, l_linenumber,
    CASE WHEN MOD(l_orderkey, 97) = 0 THEN -2147483648
      WHEN MOD(l_orderkey, 89) = 0 THEN 2147483647 ELSE l_partkey END AS k
  FROM lineitem) t
ORDER BY k DESC, l_orderkey DESC, l_linenumber LIMIT 30;
-- ordered
SELECT l_orderkey, l_linenumber, CAST(l_linenumber AS SMALLINT) AS k FROM lineitem
ORDER BY k DESC, l_orderkey, l_linenumber LIMIT 5;
-- ordered
SELECT l_orderkey, l_linenumber, CAST(l_quantity AS TINYINT) AS k FROM lineitem
ORDER BY k, l_orderkey, l_linenumber LIMIT 40;

-- Keys on both sides of zero, whose sign bit the key encoding flips.
-- ordered
SELECT l_orderkey, l_linenumber, l_partkey - 1000 AS k FROM lineitem
ORDER BY k DESC, l_orderkey, l_linenumber OFFSET 3600 ROWS FETCH NEXT 12 ROWS ONLY;
-- ordered
SELECT l_orderkey, l_linenumber, CAST(l_suppkey AS BIGINT) - 50 AS k FROM lineitem
ORDER BY k, l_orderkey DESC, l_linenumber OFFSET 30000 ROWS FETCH NEXT 12 ROWS ONLY;
-- ordered
SELECT l_orderkey, l_linenumber, CAST(l_suppkey AS BIGINT) - 50 AS k FROM lineitem
WHERE l_suppkey BETWEEN 48 AND 52
ORDER BY k, l_orderkey DESC, l_linenumber OFFSET 1500 ROWS FETCH NEXT 12 ROWS ONLY;
-- Dates from 1964 to 1971, on both sides of day 0.
-- ordered
-- duckdb: SELECT l_orderkey, l_linenumber, CAST(l_shipdate - INTERVAL '10000' DAY AS DATE) AS k FROM lineitem ORDER BY k DESC, l_orderkey, l_linenumber OFFSET 17000 ROWS FETCH NEXT 12 ROWS ONLY;
SELECT l_orderkey, l_linenumber, l_shipdate - INTERVAL '10000' DAY AS k FROM lineitem
ORDER BY k DESC, l_orderkey, l_linenumber OFFSET 17000 ROWS FETCH NEXT 12 ROWS ONLY;
-- Doubles that differ only in the low bytes of their fraction.
-- ordered
SELECT l_orderkey, l_linenumber, 1 + l_orderkey * 1e-15 AS k FROM lineitem
ORDER BY k DESC, l_linenumber DESC LIMIT 20;
-- ordered
SELECT l_orderkey, l_linenumber, -1 - l_orderkey * 1e-15 AS k FROM lineitem
ORDER BY k DESC, l_linenumber LIMIT 20;

-- FETCH that ends at exactly an eighth of the rows (selected), one row past it (not selected),
-- and OFFSET far above FETCH.
-- ordered
SELECT l_orderkey, l_linenumber FROM lineitem
ORDER BY l_partkey DESC, l_orderkey, l_linenumber OFFSET 7516 ROWS FETCH NEXT 5 ROWS ONLY;
-- ordered
SELECT l_orderkey, l_linenumber FROM lineitem
ORDER BY l_partkey DESC, l_orderkey, l_linenumber OFFSET 7517 ROWS FETCH NEXT 5 ROWS ONLY;
-- ordered
SELECT l_orderkey, l_linenumber, l_partkey FROM lineitem
ORDER BY l_partkey, l_orderkey, l_linenumber LIMIT 7521;
-- ordered
SELECT l_orderkey, l_linenumber, l_partkey FROM lineitem
ORDER BY l_partkey, l_orderkey, l_linenumber LIMIT 7522;
-- ordered
SELECT l_orderkey, l_linenumber, l_suppkey FROM lineitem
ORDER BY l_suppkey, l_orderkey DESC, l_linenumber LIMIT 3 OFFSET 7000;
-- ordered
SELECT o_orderkey FROM orders ORDER BY o_custkey, o_orderkey LIMIT 5 OFFSET 1870;
-- ordered
SELECT o_orderkey FROM orders ORDER BY o_custkey, o_orderkey LIMIT 5 OFFSET 1871;

-- BIGINT first keys near both ends of the type, keys whose high bytes are equal in every row and
-- keys that differ only in their highest byte.
-- ordered
SELECT l_orderkey, l_linenumber, 9223372036854775807 - l_orderkey * 8 - l_linenumber AS k
FROM lineitem ORDER BY k, l_orderkey LIMIT 20;
-- ordered
SELECT l_orderkey, l_linenumber, l_orderkey * 8 + l_linenumber - 9223372036854775807 AS k
FROM lineitem ORDER BY k DESC, l_orderkey LIMIT 20;
-- ordered
SELECT l_orderkey, l_linenumber, CAST(72057594037927936 AS BIGINT) + l_linenumber AS k
FROM lineitem ORDER BY k DESC, l_orderkey LIMIT 15;
-- ordered
SELECT l_orderkey, l_linenumber, CAST(l_linenumber AS BIGINT) * 72057594037927936 AS k
FROM lineitem ORDER BY k DESC, l_orderkey LIMIT 15;
-- ordered
SELECT l_orderkey, l_linenumber, CAST(l_partkey AS BIGINT) * 1099511627776 + l_suppkey AS k
FROM lineitem ORDER BY k, l_orderkey, l_linenumber LIMIT 50;
-- ordered
SELECT l_orderkey, l_linenumber, k FROM (
  SELECT l_orderkey, l_linenumber,
    CASE WHEN MOD(l_orderkey, 101) = 0 THEN CAST(-9223372036854775808 AS BIGINT)
      WHEN MOD(l_orderkey, 103) = 0 THEN CAST(9223372036854775807 AS BIGINT)
      ELSE CAST(l_orderkey AS BIGINT) END AS k
  FROM lineitem) t
ORDER BY k, l_linenumber DESC, l_orderkey LIMIT 40;
-- ordered
SELECT l_orderkey, l_linenumber, k FROM (
  SELECT l_orderkey, l_linenumber,
    CASE WHEN MOD(l_orderkey, 101) = 0 THEN CAST(-9223372036854775808 AS BIGINT)
      WHEN MOD(l_orderkey, 103) = 0 THEN CAST(9223372036854775807 AS BIGINT)
      ELSE CAST(l_orderkey AS BIGINT) END AS k
  FROM lineitem) t
ORDER BY k DESC, l_linenumber DESC, l_orderkey LIMIT 40;

-- DECIMAL first keys: a column, a column with 11 values, and a product of scale 4.
-- ordered
SELECT l_orderkey, l_linenumber, l_extendedprice FROM lineitem
ORDER BY l_extendedprice DESC, l_orderkey, l_linenumber LIMIT 10;
-- ordered
SELECT l_orderkey, l_linenumber, l_discount FROM lineitem
ORDER BY l_discount DESC, l_tax, l_orderkey, l_linenumber LIMIT 20;
-- ordered
SELECT l_orderkey, l_linenumber, l_extendedprice * (1 - l_discount) AS net FROM lineitem
ORDER BY net, l_orderkey, l_linenumber LIMIT 20;
-- ordered
SELECT o_orderkey, o_totalprice FROM orders ORDER BY o_totalprice, o_orderkey LIMIT 1;
-- ordered
SELECT ps_partkey, ps_suppkey, ps_supplycost FROM partsupp
ORDER BY ps_supplycost DESC, ps_partkey, ps_suppkey LIMIT 8;
-- ordered
SELECT ps_partkey, ps_suppkey, -ps_supplycost AS k FROM partsupp
ORDER BY k, ps_partkey DESC, ps_suppkey LIMIT 8;

-- DOUBLE and REAL first keys, with -0.0 tying 0.0, NaN above +Infinity and both infinities. The
-- rows with a zero key get -0.0 or 0.0 by line number, so the next key orders them only if -0.0
-- ties with 0.0.
-- ordered
SELECT l_orderkey, l_linenumber, CAST(l_extendedprice AS DOUBLE) / l_quantity AS k FROM lineitem
ORDER BY k DESC, l_orderkey, l_linenumber LIMIT 25;
-- ordered
SELECT l_orderkey, l_linenumber, k FROM (
  SELECT l_orderkey, l_linenumber,
    CASE WHEN l_orderkey < 200 AND MOD(l_linenumber, 2) = 0 THEN CAST('-0.0' AS DOUBLE)
      WHEN l_orderkey < 200 THEN CAST(0.0 AS DOUBLE)
      ELSE CAST(l_extendedprice AS DOUBLE) END AS k
  FROM lineitem) t
ORDER BY k, l_orderkey DESC, l_linenumber DESC LIMIT 40;
-- ordered
SELECT l_orderkey, l_linenumber, k FROM (
  SELECT l_orderkey, l_linenumber,
    CASE WHEN l_orderkey < 200 AND MOD(l_linenumber, 2) = 0 THEN CAST('-0.0' AS DOUBLE)
      WHEN l_orderkey < 200 THEN CAST(0.0 AS DOUBLE)
      ELSE -CAST(l_extendedprice AS DOUBLE) END AS k
  FROM lineitem) t
ORDER BY k DESC, l_orderkey DESC, l_linenumber LIMIT 40;
-- ordered
SELECT l_orderkey, l_linenumber, k FROM (
  SELECT l_orderkey, l_linenumber,
    CASE WHEN MOD(l_orderkey, 500) = 7 THEN CAST('NaN' AS DOUBLE)
      WHEN MOD(l_orderkey, 500) = 9 THEN CAST('Infinity' AS DOUBLE)
      WHEN MOD(l_orderkey, 500) = 11 THEN CAST('-Infinity' AS DOUBLE)
      ELSE CAST(l_quantity AS DOUBLE) END AS k
  FROM lineitem) t
ORDER BY k DESC, l_orderkey, l_linenumber LIMIT 60;
-- ordered
SELECT l_orderkey, l_linenumber, k FROM (
  SELECT l_orderkey, l_linenumber,
    CASE WHEN MOD(l_orderkey, 500) = 7 THEN CAST('NaN' AS DOUBLE)
      WHEN MOD(l_orderkey, 500) = 9 THEN CAST('Infinity' AS DOUBLE)
      WHEN MOD(l_orderkey, 500) = 11 THEN CAST('-Infinity' AS DOUBLE)
      ELSE CAST(l_quantity AS DOUBLE) END AS k
  FROM lineitem) t
ORDER BY k, l_orderkey DESC, l_linenumber LIMIT 60;
-- ordered
SELECT l_orderkey, l_linenumber, CAST(l_extendedprice AS REAL) AS k FROM lineitem
ORDER BY k, l_orderkey, l_linenumber LIMIT 30;
-- ordered
SELECT l_orderkey, l_linenumber, CAST(l_discount AS REAL) AS k FROM lineitem
ORDER BY k DESC, l_orderkey DESC, l_linenumber LIMIT 30;
-- ordered
SELECT l_orderkey, l_linenumber, k FROM (
  SELECT l_orderkey, l_linenumber,
    CASE WHEN MOD(l_orderkey, 300) = 1 THEN CAST('NaN' AS REAL)
      WHEN MOD(l_orderkey, 300) = 2 THEN CAST('-0.0' AS REAL)
      WHEN MOD(l_orderkey, 300) = 3 THEN CAST(0.0 AS REAL)
      ELSE CAST(l_tax AS REAL) + 1 END AS k
  FROM lineitem) t
ORDER BY k, l_orderkey DESC, l_linenumber LIMIT 60;

-- DATE and TIMESTAMP first keys, with about 25 rows a day.
-- ordered
SELECT l_orderkey, l_linenumber, l_shipdate FROM lineitem
ORDER BY l_shipdate, l_orderkey, l_linenumber LIMIT 30;
-- ordered
SELECT l_orderkey, l_linenumber, l_shipdate FROM lineitem
ORDER BY l_shipdate DESC, l_orderkey DESC, l_linenumber DESC LIMIT 30;
-- ordered
SELECT o_orderkey, o_orderdate FROM orders ORDER BY o_orderdate DESC, o_orderkey LIMIT 100;
-- ordered
SELECT l_orderkey, l_linenumber, CAST(l_receiptdate AS TIMESTAMP) AS k FROM lineitem
ORDER BY k DESC, l_orderkey, l_linenumber LIMIT 25;
-- ordered
SELECT o_orderkey, CAST(o_orderdate AS TIMESTAMP) AS k FROM orders
ORDER BY k, o_orderkey DESC LIMIT 25;
-- Casts of a DATE that the planner cannot sort as the DATE itself, and timestamps and times that
-- differ only in their microseconds, joined to lineitem by line number. Line number 7 joins the
-- moment whose timestamp and time are NULL.
-- ordered
SELECT l_orderkey, l_linenumber, k FROM (
  SELECT l_orderkey, l_linenumber,
    CASE WHEN MOD(l_orderkey, 2) = 0 THEN CAST(l_shipdate AS TIMESTAMP)
      ELSE CAST(l_receiptdate AS TIMESTAMP) END AS k
  FROM lineitem) t
ORDER BY k DESC, l_orderkey, l_linenumber LIMIT 25;
-- ordered
SELECT l_orderkey, l_linenumber, id FROM lineitem JOIN moments ON id = l_linenumber
ORDER BY ts DESC, l_orderkey DESC, l_linenumber LIMIT 25;
-- ordered
SELECT l_orderkey, l_linenumber, id FROM lineitem JOIN moments ON id = l_linenumber + 1
ORDER BY ts NULLS FIRST, l_orderkey, l_linenumber LIMIT 25;
-- ordered
SELECT l_orderkey, l_linenumber, id FROM lineitem JOIN moments ON id = l_linenumber + 1
ORDER BY tm DESC NULLS LAST, l_orderkey, l_linenumber LIMIT 25;

-- VARCHAR first keys: 7 values of about 8,600 rows each, near-unique comments and names.
-- ordered
SELECT l_orderkey, l_linenumber, l_shipmode FROM lineitem
ORDER BY l_shipmode, l_orderkey DESC, l_linenumber LIMIT 15;
-- ordered
SELECT l_orderkey, l_linenumber, l_shipmode FROM lineitem
ORDER BY l_shipmode DESC, l_orderkey, l_linenumber LIMIT 15;
-- ordered
SELECT l_orderkey, l_linenumber, l_comment FROM lineitem
ORDER BY l_comment, l_orderkey, l_linenumber LIMIT 20;
-- ordered
SELECT l_orderkey, l_linenumber, l_comment FROM lineitem
ORDER BY l_comment DESC, l_orderkey, l_linenumber LIMIT 20;
-- ordered
SELECT o_orderkey, o_clerk FROM orders ORDER BY o_clerk DESC, o_orderkey LIMIT 30;
-- ordered
SELECT l_orderkey, l_linenumber, l_returnflag || l_linestatus AS k FROM lineitem
ORDER BY k DESC, l_orderkey DESC, l_linenumber LIMIT 12;

-- VARCHAR keys that functions compute on the host.
-- ordered
SELECT l_orderkey, l_linenumber, SUBSTRING(l_comment, 3, 4) AS k FROM lineitem
ORDER BY k DESC, l_orderkey, l_linenumber LIMIT 20;
-- ordered
SELECT l_orderkey, l_linenumber, UPPER(l_shipinstruct) AS k FROM lineitem
ORDER BY k, l_orderkey DESC, l_linenumber LIMIT 20;
-- ordered
SELECT p_partkey, p_type FROM part ORDER BY p_type DESC, p_partkey DESC LIMIT 10;

-- BOOLEAN first keys: about 1,200 rows have l_quantity = 50, and every row has l_quantity > 0.
-- ordered
SELECT l_orderkey, l_linenumber, l_quantity = 50 AS k FROM lineitem
ORDER BY k DESC, l_orderkey, l_linenumber LIMIT 20;
-- ordered
SELECT l_orderkey, l_linenumber, l_quantity <> 50 AS k FROM lineitem
ORDER BY k, l_orderkey DESC, l_linenumber LIMIT 20;
-- ordered
SELECT l_orderkey, l_linenumber, l_quantity > 0 AS k FROM lineitem
ORDER BY k DESC, l_orderkey DESC, l_linenumber DESC LIMIT 20;

-- Nullable first keys. NULLs first with many NULLs, NULLs last with few values, and FETCH that
-- ends among the NULLs.
-- ordered
SELECT l_orderkey, l_linenumber, k FROM (
  SELECT l_orderkey, l_linenumber,
    CASE WHEN l_linenumber = 1 THEN NULL ELSE l_extendedprice END AS k
  FROM lineitem) t
ORDER BY k NULLS FIRST, l_orderkey DESC, l_linenumber LIMIT 10;
-- ordered
SELECT l_orderkey, l_linenumber, k FROM (
  SELECT l_orderkey, l_linenumber,
    CASE WHEN l_linenumber = 1 THEN NULL ELSE l_extendedprice END AS k
  FROM lineitem) t
ORDER BY k NULLS FIRST, l_orderkey DESC, l_linenumber OFFSET 14995 ROWS FETCH NEXT 10 ROWS ONLY;
-- ordered
SELECT l_orderkey, l_linenumber, k FROM (
  SELECT l_orderkey, l_linenumber,
    CASE WHEN l_linenumber > 1 THEN NULL ELSE l_extendedprice END AS k
  FROM lineitem) t
ORDER BY k NULLS LAST, l_orderkey, l_linenumber LIMIT 10;
-- ordered
SELECT l_orderkey, l_linenumber, k FROM (
  SELECT l_orderkey, l_linenumber,
    CASE WHEN l_linenumber > 1 THEN NULL ELSE l_extendedprice END AS k
  FROM lineitem) t
ORDER BY k DESC NULLS LAST, l_orderkey, l_linenumber LIMIT 10;
-- ordered
SELECT l_orderkey, l_linenumber, k FROM (
  SELECT l_orderkey, l_linenumber,
    CASE WHEN l_linenumber > 1 THEN NULL ELSE l_extendedprice END AS k
  FROM lineitem) t
ORDER BY k DESC NULLS FIRST, l_orderkey, l_linenumber LIMIT 10;
-- About 800 rows have a value and the rest are NULL, so FETCH ends among the NULLs.
-- ordered
SELECT l_orderkey, l_linenumber, k FROM (
  SELECT l_orderkey, l_linenumber,
    CASE WHEN l_orderkey < 800 THEN l_partkey END AS k
  FROM lineitem) t
ORDER BY k NULLS LAST, l_orderkey DESC, l_linenumber LIMIT 1000;
-- ordered
SELECT l_orderkey, l_linenumber, NULLIF(l_linenumber, 1) AS k FROM lineitem
ORDER BY k NULLS LAST, l_orderkey, l_linenumber LIMIT 10;
-- ordered
SELECT l_orderkey, l_linenumber, NULLIF(l_linenumber, 7) AS k FROM lineitem
ORDER BY k DESC NULLS LAST, l_orderkey, l_linenumber LIMIT 10;
-- ordered
SELECT l_orderkey, l_linenumber, NULLIF(l_linenumber, 7) AS k FROM lineitem
ORDER BY k DESC NULLS FIRST, l_orderkey DESC, l_linenumber LIMIT 10;
-- ordered
SELECT l_orderkey, l_linenumber, NULLIF(l_shipmode, 'AIR') AS k FROM lineitem
ORDER BY k NULLS FIRST, l_orderkey, l_linenumber LIMIT 10;
-- ordered
SELECT l_orderkey, l_linenumber, NULLIF(l_shipmode, 'AIR') AS k FROM lineitem
ORDER BY k DESC NULLS LAST, l_orderkey, l_linenumber LIMIT 10;
-- ordered
SELECT l_orderkey, l_linenumber, NULLIF(l_shipdate, DATE '1992-01-04') AS k FROM lineitem
ORDER BY k NULLS LAST, l_orderkey, l_linenumber LIMIT 10;
-- ordered
SELECT l_orderkey, l_linenumber, NULLIF(l_quantity > 48, FALSE) AS k FROM lineitem
ORDER BY k NULLS LAST, l_orderkey DESC, l_linenumber LIMIT 10;
-- ordered
SELECT l_orderkey, l_linenumber, NULLIF(l_quantity > 48, FALSE) AS k FROM lineitem
ORDER BY k DESC NULLS FIRST, l_orderkey DESC, l_linenumber LIMIT 10;

-- The selection gives NULL the key of an extreme value, so they tie: the smallest INTEGER with
-- NULLs first, and with NULLs last the smallest BIGINT in descending order or the largest in
-- ascending order. NaN, the largest DOUBLE, comes just before the NULLs.
-- ordered
SELECT l_orderkey, l_linenumber, k FROM (
  SELECT l_orderkey, l_linenumber,
    CASE WHEN MOD(l_orderkey, 50) = 1 THEN NULL
      WHEN MOD(l_orderkey, 50) = 2 THEN -2147483648 ELSE l_partkey END AS k
  FROM lineitem) t
ORDER BY k NULLS FIRST, l_orderkey DESC, l_linenumber LIMIT 300;
-- ordered
SELECT l_orderkey, l_linenumber, k FROM (
  SELECT l_orderkey, l_linenumber,
    CASE WHEN MOD(l_orderkey, 50) = 1 THEN NULL
      WHEN MOD(l_orderkey, 50) = 2 THEN -2147483648 ELSE l_partkey END AS k
  FROM lineitem) t
ORDER BY k NULLS FIRST, l_orderkey DESC, l_linenumber OFFSET 1150 ROWS FETCH NEXT 100 ROWS ONLY;
-- ordered
SELECT l_orderkey, l_linenumber, k FROM (
  SELECT l_orderkey, l_linenumber,
    CASE WHEN l_orderkey < 2000 THEN CAST(l_partkey AS BIGINT)
      WHEN l_orderkey < 3000 THEN CAST(-9223372036854775808 AS BIGINT) END AS k
  FROM lineitem) t
ORDER BY k DESC NULLS LAST, l_orderkey, l_linenumber LIMIT 3000;
-- ordered
SELECT l_orderkey, l_linenumber, k FROM (
  SELECT l_orderkey, l_linenumber,
    CASE WHEN l_orderkey < 2000 THEN CAST(l_partkey AS BIGINT)
      WHEN l_orderkey < 3000 THEN CAST(9223372036854775807 AS BIGINT) END AS k
  FROM lineitem) t
ORDER BY k NULLS LAST, l_orderkey, l_linenumber OFFSET 1900 ROWS FETCH NEXT 200 ROWS ONLY;
-- ordered
SELECT l_orderkey, l_linenumber, k FROM (
  SELECT l_orderkey, l_linenumber,
    CASE WHEN l_orderkey < 2000 THEN CAST(l_discount AS DOUBLE)
      WHEN l_orderkey < 3000 THEN CAST('NaN' AS DOUBLE) END AS k
  FROM lineitem) t
ORDER BY k NULLS LAST, l_orderkey, l_linenumber OFFSET 1900 ROWS FETCH NEXT 200 ROWS ONLY;

-- LIMIT 1 over the 12 rows of jk_a selects and stops narrowing at one row: every key type, with
-- type minimums and maximums, NaN, both infinities, -0.0 and NULL. jk_a and jk_b together have 25
-- rows, so LIMIT 3 selects over them.
-- ordered
SELECT id, d FROM jk_a ORDER BY d DESC NULLS LAST, id LIMIT 1;
-- ordered
SELECT id, d FROM jk_a ORDER BY d DESC NULLS FIRST, id LIMIT 1;
-- ordered
SELECT id, d FROM jk_a ORDER BY d NULLS LAST, id LIMIT 1;
-- ordered
SELECT id, r FROM jk_a ORDER BY r NULLS LAST, id LIMIT 1;
-- ordered
SELECT id, r FROM jk_a ORDER BY r DESC NULLS LAST, id DESC LIMIT 1;
-- ordered
SELECT id, bi FROM jk_a ORDER BY bi DESC NULLS LAST, id LIMIT 1;
-- ordered
SELECT id, bi FROM jk_a ORDER BY bi NULLS LAST, id DESC LIMIT 1;
-- ordered
SELECT id, i FROM jk_a ORDER BY i NULLS FIRST, id DESC LIMIT 1;
-- ordered
SELECT id, i FROM jk_a ORDER BY i DESC NULLS LAST, id LIMIT 1;
-- ordered
SELECT id, ti, si FROM jk_a ORDER BY ti NULLS LAST, si, id DESC LIMIT 1;
-- ordered
SELECT id, dc FROM jk_a ORDER BY dc DESC NULLS LAST, id LIMIT 1;
-- ordered
SELECT id, dt FROM jk_a ORDER BY dt NULLS LAST, id LIMIT 1;
-- ordered
SELECT id, s FROM jk_a ORDER BY s DESC NULLS LAST, id LIMIT 1;
-- ordered
SELECT id, s FROM jk_a ORDER BY s NULLS LAST, id LIMIT 1;
-- ordered
SELECT id, b FROM jk_a ORDER BY b DESC NULLS LAST, id DESC LIMIT 1;
-- ordered
SELECT id, CAST(ts AS VARCHAR) FROM jk_a ORDER BY ts NULLS LAST, id DESC LIMIT 1;
-- ordered
SELECT id, dbl_v FROM nullable_types ORDER BY dbl_v DESC NULLS LAST, id LIMIT 1;
-- ordered
SELECT id, d FROM (SELECT id, d FROM jk_a UNION ALL SELECT id, d FROM jk_b) t
ORDER BY d NULLS LAST, id DESC LIMIT 3;
-- ordered
SELECT id, d FROM (SELECT id, d FROM jk_a UNION ALL SELECT id, d FROM jk_b) t
ORDER BY d DESC NULLS LAST, id DESC LIMIT 3;
-- ordered
SELECT id, bi FROM (SELECT id, bi FROM jk_a UNION ALL SELECT id, bi FROM jk_b) t
ORDER BY bi NULLS FIRST, id LIMIT 3;
-- Three rows of jk_a have -0.0 or 0.0, which tie, so a.id orders them.
-- ordered
SELECT a.id, b.id FROM jk_a a, jk_b b WHERE a.d BETWEEN -0.5 AND 0.05
ORDER BY a.d DESC, a.id, b.id LIMIT 8;

-- Sorts of joins, aggregates and UNION ALL results.
-- ordered
SELECT l_orderkey, l_linenumber, p_retailprice FROM lineitem JOIN part ON p_partkey = l_partkey
ORDER BY p_retailprice DESC, l_orderkey, l_linenumber LIMIT 15;
-- ordered
SELECT o_orderkey, c_name, o_totalprice FROM orders JOIN customer ON c_custkey = o_custkey
WHERE c_mktsegment = 'BUILDING' ORDER BY c_name, o_totalprice DESC, o_orderkey LIMIT 20;
-- ordered
SELECT l_orderkey, COUNT(*) AS n, SUM(l_quantity) AS q FROM lineitem GROUP BY l_orderkey
ORDER BY n DESC, q DESC, l_orderkey LIMIT 10;
-- ordered
SELECT l_partkey, SUM(l_extendedprice) AS revenue FROM lineitem GROUP BY l_partkey
ORDER BY revenue DESC, l_partkey LIMIT 10;
-- ordered
SELECT o_custkey, MAX(o_orderdate) AS last_order FROM orders GROUP BY o_custkey
ORDER BY last_order, o_custkey LIMIT 12;
-- ordered
SELECT k, n, src FROM (
  SELECT l_orderkey AS k, l_linenumber AS n, 1 AS src FROM lineitem
  UNION ALL SELECT o_orderkey, 0, 2 FROM orders
  UNION ALL SELECT ps_partkey, ps_suppkey, 3 FROM partsupp) t
ORDER BY k DESC, n, src LIMIT 30;
-- ordered
SELECT k, n, src FROM (
  SELECT l_orderkey AS k, l_linenumber AS n, 1 AS src FROM lineitem
  UNION ALL SELECT o_orderkey, 0, 2 FROM orders
  UNION ALL SELECT ps_partkey, ps_suppkey, 3 FROM partsupp) t
ORDER BY n DESC, k, src LIMIT 30;

-- Sorts with LIMIT inside subqueries, and a sort of a sorted subquery.
-- fallback
-- ordered
SELECT o_orderkey, o_totalprice FROM orders
WHERE o_orderkey IN (
  SELECT l_orderkey FROM lineitem ORDER BY l_extendedprice DESC, l_orderkey, l_linenumber LIMIT 20)
ORDER BY o_orderkey;
-- fallback
SELECT COUNT(*) FROM orders
WHERE EXISTS (
  SELECT 1 FROM lineitem WHERE l_orderkey = o_orderkey ORDER BY l_quantity LIMIT 1);
SELECT COUNT(*) FROM orders
WHERE o_totalprice >= (SELECT o_totalprice FROM orders ORDER BY o_totalprice DESC LIMIT 1 OFFSET 9);
SELECT SUM(l_quantity), COUNT(*) FROM (
  SELECT l_quantity FROM lineitem ORDER BY l_shipdate DESC, l_orderkey, l_linenumber LIMIT 500) t;
-- ordered
SELECT l_orderkey, l_linenumber, l_discount FROM (
  SELECT l_orderkey, l_linenumber, l_discount, l_extendedprice FROM lineitem
  ORDER BY l_extendedprice DESC, l_orderkey, l_linenumber LIMIT 5000) t
ORDER BY l_discount, l_orderkey DESC, l_linenumber LIMIT 10;
-- ordered
SELECT l_orderkey, l_linenumber FROM lineitem
WHERE l_shipmode = 'MAIL' AND l_discount > 0.02
ORDER BY l_receiptdate DESC, l_orderkey, l_linenumber LIMIT 8;
-- Keys that the select list leaves out, an ordinal key, and one sorted CTE read twice.
-- ordered
SELECT l_orderkey FROM lineitem
ORDER BY l_extendedprice * l_discount DESC, l_orderkey, l_linenumber LIMIT 10;
-- ordered
SELECT l_shipdate, l_orderkey, l_linenumber FROM lineitem ORDER BY 1 DESC, 2, 3 LIMIT 10;
-- ordered
WITH top_orders AS (
  SELECT o_orderkey, o_totalprice FROM orders ORDER BY o_totalprice DESC, o_orderkey LIMIT 50)
SELECT a.o_orderkey, b.o_orderkey FROM top_orders a JOIN top_orders b
  ON b.o_totalprice < a.o_totalprice AND b.o_totalprice > a.o_totalprice - 300
ORDER BY a.o_orderkey, b.o_orderkey;
