-- ORDER BY as the device radix sort runs it. With device=ptx-sim every keyed sort runs on the
-- PTX interpreter, and a GPU sorts inputs of 4,096 rows or more. Every ordered query ends with
-- unique keys, so both engines must return one order.
--
-- The queries under "OFFSET and FETCH below a projection" put a projection after the sort, which
-- runs on the CPU because a device pipeline materializes its rows in no particular order. Run
-- this suite with -Dwarp.device=ptx-sim -Dwarp.ptxsim.seed=3 to interleave the interpreter's
-- threads, which returned them out of order when the projection ran on the device.

-- Every key type of jk_a, including type minimums, NaN, both infinities, -0.0 and NULL.
-- ordered
SELECT id, ti FROM jk_a ORDER BY ti, id;
-- ordered
SELECT id, si FROM jk_a ORDER BY si DESC NULLS LAST, id;
-- ordered
SELECT id, i FROM jk_a ORDER BY i NULLS FIRST, id DESC;
-- ordered
SELECT id, bi FROM jk_a ORDER BY bi DESC, id;
-- ordered
SELECT id, r FROM jk_a ORDER BY r, id;
-- ordered
SELECT id, d FROM jk_a ORDER BY d DESC NULLS LAST, id DESC;
-- ordered
SELECT id, dc FROM jk_a ORDER BY dc DESC, id;
-- ordered
SELECT id, dt FROM jk_a ORDER BY dt NULLS FIRST, id;
-- ordered
SELECT id, s FROM jk_a ORDER BY s DESC, id;
-- ordered
SELECT id, b FROM jk_a ORDER BY b NULLS FIRST, id DESC;
-- ordered
SELECT id, CAST(ts AS VARCHAR) FROM jk_a ORDER BY ts DESC, id;
-- ordered
SELECT id FROM jk_a ORDER BY b DESC, s NULLS FIRST, d, ti DESC NULLS LAST, dt, id;
-- ordered
SELECT id FROM jk_a ORDER BY r DESC NULLS LAST, dc, bi DESC, si, i NULLS FIRST, ts, id;
-- ordered
SELECT id, -d AS negated FROM jk_a ORDER BY negated, id;
-- ordered
SELECT id FROM jk_a ORDER BY CAST(ti AS BIGINT) * 100000000000 DESC, id;

-- TIME and TIMESTAMP keys that differ only in their microseconds.
-- ordered
SELECT id, EXTRACT(MICROSECOND FROM ts) FROM moments ORDER BY ts DESC, id;
-- ordered
SELECT id FROM moments ORDER BY tm NULLS FIRST, id;
-- ordered
SELECT id, CAST(tm AS VARCHAR) FROM moments ORDER BY tm DESC NULLS LAST, id;

-- Strings that differ only in case or a trailing space, empty strings and NULL.
-- ordered
SELECT id, s FROM string_keys_left ORDER BY s, id;
-- ordered
SELECT id, s FROM string_keys_left ORDER BY s DESC NULLS LAST, n, id;

-- Inputs of several radix tiles (4,096 rows each), from a scan, a filter, a join, an aggregate and
-- a union.
-- ordered
SELECT l_orderkey, l_linenumber FROM lineitem
ORDER BY l_tax, l_discount DESC, l_returnflag, l_shipinstruct DESC, l_receiptdate, l_orderkey,
  l_linenumber;
-- ordered
SELECT l_orderkey, l_linenumber, l_shipdate FROM lineitem
ORDER BY l_shipdate DESC, l_orderkey DESC, l_linenumber OFFSET 60170 ROWS;
-- ordered
SELECT o_orderkey, o_comment FROM orders ORDER BY o_comment DESC, o_orderkey;
-- ordered
SELECT l_orderkey, l_linenumber, l_quantity > 25 AS big FROM lineitem WHERE l_discount > 0.05
ORDER BY big DESC, l_orderkey, l_linenumber;
-- ordered
SELECT c_custkey, o_orderkey, o_totalprice FROM customer
LEFT JOIN orders ON o_custkey = c_custkey
ORDER BY o_totalprice DESC NULLS LAST, c_custkey, o_orderkey;
-- ordered
SELECT l_orderkey, SUM(l_extendedprice * (1 - l_discount)) AS revenue FROM lineitem
GROUP BY l_orderkey ORDER BY revenue DESC, l_orderkey;
-- ordered
SELECT k FROM (SELECT n_name AS k FROM nation UNION ALL SELECT r_name FROM region
  UNION ALL SELECT s_name FROM supplier) ORDER BY k DESC;

-- OFFSET past the end and FETCH 0.
-- ordered
SELECT o_orderkey FROM orders ORDER BY o_orderkey DESC OFFSET 15000 ROWS;
-- ordered
SELECT o_orderkey FROM orders ORDER BY o_orderkey OFFSET 14999 ROWS FETCH NEXT 0 ROWS ONLY;
-- ordered
SELECT o_orderkey FROM orders ORDER BY o_orderkey OFFSET 9223372036854775807 ROWS
FETCH NEXT 10 ROWS ONLY;

-- OFFSET and FETCH below a projection.
-- ordered
SELECT l_orderkey FROM lineitem ORDER BY l_extendedprice DESC, l_orderkey, l_linenumber LIMIT 100;
-- ordered
SELECT l_orderkey * 10 + l_linenumber AS line FROM lineitem ORDER BY l_orderkey, l_linenumber
LIMIT 100;
-- ordered
SELECT o_orderkey FROM orders ORDER BY o_totalprice DESC, o_orderkey OFFSET 14900 ROWS;
-- ordered
SELECT c_name FROM customer ORDER BY c_acctbal, c_custkey LIMIT 40;
-- ordered
SELECT p_name FROM part ORDER BY p_size DESC, p_partkey LIMIT 200 OFFSET 10;
-- ordered
SELECT c_name || c_address AS label FROM customer ORDER BY c_custkey LIMIT 150;
-- ordered
SELECT c_custkey + 1, c_name || c_address AS label FROM customer ORDER BY c_custkey LIMIT 150;

-- A sort in Calcite's Enumerable engine, under a projection that runs as kernels.
-- fallback
-- ordered
SELECT o_orderkey * 2 AS doubled
FROM (SELECT o_orderkey, RANK() OVER (ORDER BY o_orderkey) AS r FROM orders) t
ORDER BY r LIMIT 200;
