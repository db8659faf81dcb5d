-- Aggregates and GROUP BY, with NULL keys, NULL arguments and empty inputs.

SELECT COUNT(*), COUNT(int_v), COUNT(dec_v), COUNT(str_v), COUNT(bool_v) FROM nullable_types;

SELECT SUM(int_v), SUM(big_v), SUM(dec_v), SUM(dbl_v) FROM nullable_types
WHERE dbl_v BETWEEN -1e9 AND 1e9 OR dbl_v IS NULL;

SELECT MIN(int_v), MAX(int_v), MIN(big_v), MAX(big_v), MIN(dec_v), MAX(dec_v), MIN(dbl_v),
  MAX(dbl_v)
FROM nullable_types;

-- Several COUNT(DISTINCT) expand into GROUPING SETS, which run on Enumerable.
SELECT COUNT(DISTINCT int_v), COUNT(DISTINCT dec_v), COUNT(DISTINCT str_v),
  COUNT(DISTINCT bool_v)
FROM nullable_types;

-- AVG of DECIMAL: the standard leaves the result's precision and scale to the implementation, and
-- DuckDB returns DOUBLE, which the comparison rounds to WarpSQL's scale.
SELECT AVG(dec_v), AVG(dbl_v) FROM nullable_types WHERE dbl_v BETWEEN -1e9 AND 1e9 OR dbl_v IS NULL;

-- AVG of INTEGER is a DOUBLE in WarpSQL, as in DuckDB; the standard leaves its precision and
-- scale to the implementation.
SELECT AVG(int_v), AVG(id * 7) FROM nullable_types WHERE int_v BETWEEN -100 AND 100;

SELECT l_returnflag, AVG(l_quantity), AVG(l_discount), AVG(l_extendedprice) FROM lineitem
GROUP BY l_returnflag;

-- Aggregates over no rows: COUNT is 0, the others are NULL, and there is exactly one row.
SELECT COUNT(*), COUNT(int_v), SUM(int_v), MIN(dec_v), MAX(date_v), AVG(dbl_v)
FROM nullable_types WHERE id > 100;

SELECT COUNT(*), SUM(l_quantity), AVG(l_extendedprice), MIN(l_shipdate), COUNT(DISTINCT l_suppkey)
FROM lineitem WHERE l_quantity > 1000;

-- With GROUP BY, no rows means no groups.
SELECT l_returnflag, COUNT(*), SUM(l_quantity) FROM lineitem WHERE l_quantity > 1000
GROUP BY l_returnflag;

-- The WHERE clause folds to FALSE, so the input becomes an empty VALUES.
SELECT COUNT(*), SUM(int_v) FROM nullable_types WHERE 1 = 0;

-- Aggregates over only NULLs.
SELECT COUNT(int_v), SUM(int_v), MIN(int_v), MAX(date_v), AVG(dec_v)
FROM nullable_types WHERE id = 3;

-- The standard orders FALSE before TRUE, so MAX(x IS NULL) is TRUE when some x is NULL.
SELECT MAX(str_v IS NULL), MIN(int_v > 0) FROM nullable_types;

-- MIN and MAX of a BOOLEAN column: NULL for a group of NULLs only, and NULL over no rows.
SELECT bool_v, MIN(bool_v), MAX(bool_v), MIN(NOT bool_v) FROM nullable_types GROUP BY bool_v;

SELECT int_v > 0, MIN(bool_v), MAX(bool_v), MAX(int_v > 2) FROM nullable_types GROUP BY int_v > 0;

-- expect: (NULL, NULL)
SELECT MIN(bool_v), MAX(bool_v) FROM nullable_types WHERE id < 0;

-- NULL keys form one group of their own.
SELECT int_v, COUNT(*) FROM nullable_types GROUP BY int_v;

SELECT bool_v, COUNT(*), SUM(dec_v), MIN(str_v IS NULL) FROM nullable_types GROUP BY bool_v;

SELECT bool_v, str_v IS NULL, COUNT(*), MAX(int_v) FROM nullable_types
GROUP BY bool_v, str_v IS NULL;

SELECT dec_v, COUNT(*) FROM nullable_types GROUP BY dec_v;

SELECT dbl_v, COUNT(*) FROM nullable_types GROUP BY dbl_v;

SELECT big_v, date_v, COUNT(*) FROM nullable_types GROUP BY big_v, date_v;

-- Expression keys.
SELECT MOD(int_v, 2), COUNT(*), SUM(big_v) FROM nullable_types WHERE big_v BETWEEN -1000 AND 1000
GROUP BY MOD(int_v, 2);

SELECT CASE WHEN dec_v > 0 THEN 1 WHEN dec_v < 0 THEN -1 END, COUNT(*), SUM(dec_v)
FROM nullable_types GROUP BY CASE WHEN dec_v > 0 THEN 1 WHEN dec_v < 0 THEN -1 END;

-- COUNT(DISTINCT) beside other aggregates expands into GROUPING SETS, which run on Enumerable.
SELECT l_returnflag, l_linestatus, COUNT(*), SUM(l_quantity), MIN(l_extendedprice),
  MAX(l_discount), COUNT(DISTINCT l_partkey)
FROM lineitem GROUP BY l_returnflag, l_linestatus;

SELECT l_shipmode, l_shipinstruct, COUNT(*), SUM(l_extendedprice * (1 - l_discount))
FROM lineitem GROUP BY l_shipmode, l_shipinstruct;

SELECT l_linenumber, COUNT(*), MIN(l_quantity), MAX(l_quantity) FROM lineitem
GROUP BY l_linenumber;

SELECT o_orderpriority, COUNT(*) FROM orders WHERE o_orderdate >= DATE '1995-01-01'
GROUP BY o_orderpriority;

SELECT l_suppkey, COUNT(*) FROM lineitem GROUP BY l_suppkey;

SELECT l_orderkey, SUM(l_quantity) FROM lineitem WHERE l_orderkey < 2000 GROUP BY l_orderkey;

SELECT o_custkey, COUNT(*), SUM(o_totalprice), MAX(o_orderdate) FROM orders GROUP BY o_custkey;

-- fallback
-- Two COUNT(DISTINCT) of different columns expand into GROUPING SETS as well.
SELECT l_returnflag, COUNT(DISTINCT l_shipmode), COUNT(DISTINCT l_suppkey) FROM lineitem
GROUP BY l_returnflag;

SELECT SUM(l_quantity) * 2, COUNT(*) + 1, MAX(l_discount) - MIN(l_discount) FROM lineitem;

SELECT l_returnflag, SUM(l_quantity) / COUNT(*) FROM lineitem GROUP BY l_returnflag;

-- Keys with small ranges (dictionary codes, BOOLEAN, zone maps) index groups directly. The NULLs
-- of each key form their own group.
SELECT str_v, bool_v, COUNT(*), SUM(int_v), MIN(dec_v) FROM nullable_types GROUP BY str_v, bool_v;

SELECT l_linenumber, l_returnflag, l_shipmode, COUNT(*), SUM(l_quantity) FROM lineitem
GROUP BY l_linenumber, l_returnflag, l_shipmode;

SELECT l_quantity, COUNT(*), MAX(l_discount) FROM lineitem GROUP BY l_quantity;

SELECT l_returnflag, COUNT(*) FROM lineitem WHERE l_shipdate > DATE '1998-11-01'
GROUP BY l_returnflag;

-- The key columns' ranges give more than 64K slots, so this groups through the hash index.
SELECT l_quantity, l_linenumber, l_linestatus, COUNT(*) FROM lineitem
GROUP BY l_quantity, l_linenumber, l_linestatus;

SELECT n_name, COUNT(*), SUM(s_acctbal) FROM supplier JOIN nation ON s_nationkey = n_nationkey
GROUP BY n_name;

-- HAVING filters groups after aggregation.
SELECT l_suppkey, COUNT(*) FROM lineitem GROUP BY l_suppkey HAVING COUNT(*) > 650;

SELECT l_returnflag, l_linestatus, SUM(l_quantity) FROM lineitem
GROUP BY l_returnflag, l_linestatus HAVING SUM(l_quantity) < 100000;

SELECT int_v, COUNT(*) FROM nullable_types GROUP BY int_v HAVING int_v IS NULL OR int_v > 2;

SELECT bool_v, COUNT(*) FROM nullable_types GROUP BY bool_v HAVING MIN(int_v) < 0;

SELECT o_orderstatus, COUNT(*) FROM orders GROUP BY o_orderstatus HAVING COUNT(*) > 100000;

-- SELECT DISTINCT.
SELECT DISTINCT bool_v FROM nullable_types;

SELECT DISTINCT int_v IS NULL, bool_v FROM nullable_types;

SELECT DISTINCT l_returnflag, l_linestatus FROM lineitem;

SELECT DISTINCT l_quantity FROM lineitem WHERE l_quantity < 5;

SELECT DISTINCT EXTRACT(YEAR FROM o_orderdate) FROM orders;

SELECT COUNT(*) FROM (SELECT DISTINCT l_partkey FROM lineitem);
