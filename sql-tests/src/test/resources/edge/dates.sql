-- DATE columns: EXTRACT, comparisons with literals, and intervals that the planner folds into
-- constants. nullable_types.date_v contains dates before 1970, a leap day and a NULL.

SELECT id, EXTRACT(YEAR FROM date_v), EXTRACT(MONTH FROM date_v), EXTRACT(DAY FROM date_v)
FROM nullable_types;

SELECT o_orderkey, EXTRACT(YEAR FROM o_orderdate), EXTRACT(MONTH FROM o_orderdate),
  EXTRACT(DAY FROM o_orderdate)
FROM orders WHERE o_orderkey < 200;

SELECT id FROM nullable_types WHERE date_v < DATE '1970-01-01';

SELECT id FROM nullable_types WHERE date_v >= DATE '1992-01-01';

SELECT id FROM nullable_types WHERE date_v = DATE '2000-02-29';

SELECT id FROM nullable_types WHERE date_v <> DATE '1969-12-31';

SELECT id FROM nullable_types WHERE date_v BETWEEN DATE '1969-12-31' AND DATE '1992-01-01';

SELECT id FROM nullable_types WHERE date_v IN (DATE '1992-01-01', DATE '2100-12-31');

SELECT id FROM nullable_types WHERE date_v IS NULL;

SELECT id FROM nullable_types WHERE EXTRACT(MONTH FROM date_v) = 12;

SELECT id FROM nullable_types WHERE EXTRACT(YEAR FROM date_v) < 1970;

SELECT id FROM nullable_types WHERE date_v > DATE '2000-02-28' + INTERVAL '1' DAY;

SELECT id FROM nullable_types WHERE date_v < DATE '1970-01-01' - INTERVAL '1' YEAR;

SELECT id FROM nullable_types WHERE date_v >= DATE '2000-01-31' + INTERVAL '1' MONTH;

SELECT COUNT(*) FROM lineitem WHERE l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY;

SELECT COUNT(*) FROM lineitem
WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1994-01-01' + INTERVAL '1' YEAR;

SELECT COUNT(*) FROM lineitem
WHERE l_receiptdate > DATE '1995-03-15' + INTERVAL '3' MONTH AND l_shipdate < DATE '1995-03-15';

SELECT l_orderkey, l_linenumber FROM lineitem
WHERE l_commitdate < l_shipdate AND l_receiptdate < l_commitdate AND l_orderkey < 3000;

SELECT COUNT(*) FROM orders WHERE o_orderdate = DATE '1996-01-02';

SELECT EXTRACT(YEAR FROM o_orderdate), COUNT(*) FROM orders GROUP BY EXTRACT(YEAR FROM o_orderdate);

SELECT EXTRACT(YEAR FROM l_shipdate), EXTRACT(MONTH FROM l_shipdate), SUM(l_quantity)
FROM lineitem WHERE l_shipdate >= DATE '1998-01-01'
GROUP BY EXTRACT(YEAR FROM l_shipdate), EXTRACT(MONTH FROM l_shipdate);

-- COUNT(DISTINCT) beside other aggregates expands into GROUPING SETS, which run on Enumerable.
SELECT MIN(date_v), MAX(date_v), COUNT(date_v), COUNT(DISTINCT date_v) FROM nullable_types;

SELECT MIN(o_orderdate), MAX(o_orderdate) FROM orders WHERE o_orderstatus = 'F';

SELECT date_v, COUNT(*) FROM nullable_types GROUP BY date_v;

SELECT id, CASE WHEN date_v < DATE '1970-01-01' THEN 1 ELSE 0 END FROM nullable_types;

SELECT id, COALESCE(EXTRACT(YEAR FROM date_v), -1) FROM nullable_types;
