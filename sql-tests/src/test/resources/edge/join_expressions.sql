-- Joins whose keys are expressions, IS NOT DISTINCT FROM, no equality at all, and joins over
-- TPC-H at SF 0.01 with long chains of duplicate keys and NULL-extended rows that feed later joins.

SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.i IS NOT DISTINCT FROM b.i;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.d IS NOT DISTINCT FROM b.d;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.r IS NOT DISTINCT FROM b.r AND a.b IS NOT DISTINCT FROM b.b;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.dc IS NOT DISTINCT FROM b.dc;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.dt IS NOT DISTINCT FROM b.dt;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.b IS NOT DISTINCT FROM b.b;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.ti IS NOT DISTINCT FROM b.ti;
-- fallback
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.s IS NOT DISTINCT FROM b.s;
SELECT a.id FROM jk_a a WHERE a.i NOT IN (SELECT b.i FROM jk_b b WHERE b.id = a.id + 100);
SELECT a.id FROM jk_a a WHERE a.d NOT IN (SELECT b.d FROM jk_b b WHERE b.id = a.id + 100);
SELECT a.id FROM jk_a a WHERE a.i IN (SELECT b.i FROM jk_b b WHERE b.ti = a.ti);
-- fallback
SELECT a.id FROM jk_a a WHERE a.bi NOT IN (SELECT b.bi FROM jk_b b WHERE b.s = a.s);
SELECT a.id, b.id FROM (SELECT * FROM jk_a WHERE id NOT IN (1, 5, 8)) a JOIN jk_b b ON a.i + 1 = b.i;
SELECT a.id, b.id FROM jk_a a JOIN (SELECT * FROM jk_b WHERE id NOT IN (101, 105)) b ON a.i = b.i - 1;
SELECT a.id, b.id FROM (SELECT * FROM jk_a WHERE id NOT IN (1, 8)) a JOIN jk_b b ON -a.ti = b.ti;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.d * 2 = b.d * 2;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON -a.d = b.d;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON -a.r = b.r;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.d - 0.0 = b.d;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.d + 0.0 = b.d + 0.0;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON COALESCE(a.i, 0) = COALESCE(b.i, 0);
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON COALESCE(a.d, 0) = b.d;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON (a.i > 0) = (b.i > 0);
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON (a.i IS NULL) = (b.d IS NULL) AND a.s = b.s;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.b = (b.i > 0);
SELECT a.id, b.id FROM (SELECT * FROM jk_a WHERE id <> 8) a JOIN jk_b b ON CAST(a.d AS REAL) = b.r;
SELECT a.id, b.id FROM jk_a a JOIN (SELECT * FROM jk_b WHERE id <> 109) b ON a.r = CAST(b.d AS REAL);
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON CAST(a.ts AS DATE) = b.dt;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.dt + INTERVAL '1' DAY = b.dt;
SELECT a.id, b.id FROM (SELECT * FROM jk_a WHERE id NOT IN (1, 5, 8)) a JOIN jk_b b ON CAST(a.si AS TINYINT) = b.ti;
SELECT a.id, b.id FROM (SELECT * FROM jk_a WHERE id NOT IN (1, 5, 8)) a JOIN jk_b b ON CAST(a.i AS SMALLINT) = b.si;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.dc * 2 = b.dc * 2;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.dc + 1 = b.dc + 1;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON CASE WHEN a.b THEN a.i ELSE a.si END = b.i;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.i = b.i AND a.i = 5;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.i = b.i AND b.i = -1;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.i = b.i AND a.d = b.d AND a.d IS NOT NULL AND b.s <> 'x';
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.i = b.i AND b.s = 'a';
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.i = b.i AND a.s = 'a';
-- NaN equals NaN and is above every other value in comparisons, as in join keys.
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.i = b.i AND a.d < b.d;
-- NaN equals NaN and is above every other value in comparisons, as in join keys.
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.i = b.i AND a.d <= b.d;
-- NaN equals NaN and is above every other value in comparisons, as in join keys.
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.s = b.s AND a.r <> b.r;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.s = b.s AND a.b <> b.b;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.s = b.s AND (a.b OR b.b);
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.s = b.s AND b.ts > a.ts;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.s = b.s AND b.dc > a.dc;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.s = b.s WHERE b.b IS NOT TRUE;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.s = b.s WHERE b.id IS NULL OR b.dc > 0;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.s = b.s WHERE COALESCE(b.i, 99) > 0;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.i < b.i;
-- NaN equals NaN and is above every other value in comparisons, as in join keys.
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON a.d > b.d;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_empty b ON a.d > b.d;
-- fallback
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.i < b.i OR a.s = b.s;
SELECT a.id, b.id FROM jk_a a, jk_b b;
SELECT a.id, b.id FROM jk_a a, jk_empty b;
SELECT a.id, b.id FROM jk_a a CROSS JOIN jk_b b WHERE a.b;
SELECT a.id FROM jk_a a WHERE a.i > (SELECT AVG(i) FROM jk_b);
-- NaN equals NaN and is above every other value in comparisons, as in join keys.
SELECT a.id FROM jk_a a WHERE a.d > (SELECT MIN(d) FROM jk_b);
SELECT a.id FROM jk_a a WHERE a.i > (SELECT MAX(i) FROM jk_empty);
SELECT a.id FROM jk_a a WHERE a.i = (SELECT MAX(i) FROM jk_b);
SELECT a.id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_b b WHERE b.i > a.i);
-- NaN equals NaN and is above every other value in comparisons, as in join keys.
SELECT a.id FROM jk_a a WHERE EXISTS (SELECT 1 FROM jk_b b WHERE b.d < a.d);
SELECT a.id FROM jk_a a WHERE NOT EXISTS (SELECT 1 FROM jk_empty b WHERE b.i > a.i);
SELECT a.id FROM jk_a a WHERE a.i > ALL (SELECT i FROM jk_b WHERE i < 3);
SELECT a.id FROM jk_a a WHERE a.i > ANY (SELECT i FROM jk_b);
SELECT a.id FROM jk_a a WHERE a.i < ALL (SELECT i FROM jk_empty);
-- fallback
SELECT a.id, (SELECT COUNT(*) FROM jk_b b WHERE b.s = a.s) FROM jk_a a;
SELECT a.id, (SELECT MAX(b.id) FROM jk_b b WHERE b.d = a.d) FROM jk_a a;
SELECT a.id, (SELECT SUM(b.id) FROM jk_b b WHERE b.r = a.r AND b.b) FROM jk_a a;
SELECT a.id FROM jk_a a WHERE (SELECT COUNT(*) FROM jk_b b WHERE b.i = a.i) = 0;
SELECT a.id FROM jk_a a WHERE a.id IN (SELECT b.id - 100 FROM jk_b b WHERE b.s = a.s);
SELECT a.id, v.x FROM jk_a a JOIN (VALUES (-1), (0), (5), (CAST(NULL AS INTEGER))) AS v(x) ON a.i = v.x;
SELECT a.id, v.x FROM jk_a a LEFT JOIN (VALUES (-1), (0), (5), (5)) AS v(x) ON a.i = v.x;
SELECT a.id FROM jk_a a WHERE a.i IN (-1, 0, 5, NULL);
SELECT a.id FROM jk_a a WHERE a.i NOT IN (-1, 0, 5);
SELECT a.id FROM jk_a a WHERE a.d NOT IN (SELECT -d FROM jk_b WHERE d IS NOT NULL);
SELECT x.id, y.id FROM (SELECT id, i FROM jk_a UNION ALL SELECT id, i FROM jk_b) x JOIN (SELECT i, id FROM jk_b UNION ALL SELECT i, id FROM jk_a) y ON x.i = y.i;
SELECT x.i, COUNT(*) FROM (SELECT DISTINCT i FROM jk_b) x JOIN jk_a a ON a.i = x.i GROUP BY x.i;
SELECT a.i, b.c FROM jk_a a JOIN (SELECT i, COUNT(*) AS c FROM jk_b GROUP BY i) b ON a.i = b.i;
SELECT a.i, b.c FROM jk_a a LEFT JOIN (SELECT i, COUNT(*) AS c FROM jk_b GROUP BY i) b ON a.i = b.i;
SELECT a.s, b.c FROM jk_a a LEFT JOIN (SELECT s, COUNT(*) AS c FROM jk_b GROUP BY s) b ON a.s = b.s;
SELECT a.s, b.c FROM jk_a a LEFT JOIN (SELECT UPPER(s) AS s, COUNT(*) AS c FROM jk_b GROUP BY UPPER(s)) b ON a.s = b.s;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON UPPER(a.s) = b.s;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.s || 'q' = b.s || 'q';
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON SUBSTRING(a.s, 1, 1) = b.s;
SELECT a.id, b.id FROM jk_a a LEFT JOIN jk_b b ON TRIM(a.s) = b.s;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.s = 'a' AND b.s = a.s;
SELECT a.id, b.id FROM jk_a a JOIN jk_b b ON a.s = b.s AND a.s LIKE 'a%';
SELECT COUNT(*), COUNT(o.o_orderkey), COUNT(n.n_name) FROM customer c LEFT JOIN orders o ON c.c_custkey = o.o_custkey LEFT JOIN nation n ON o.o_shippriority = n.n_nationkey;
SELECT n.n_name, COUNT(*) FROM customer c LEFT JOIN orders o ON c.c_custkey = o.o_custkey AND o.o_orderdate < DATE '1992-02-01' LEFT JOIN nation n ON o.o_shippriority = n.n_nationkey GROUP BY n.n_name;
SELECT COUNT(*), COUNT(r.r_name) FROM supplier s LEFT JOIN nation n ON s.s_nationkey = n.n_nationkey AND n.n_name = 'CHINA' LEFT JOIN region r ON n.n_regionkey = r.r_regionkey;
SELECT COUNT(*), COUNT(r.r_name) FROM supplier s LEFT JOIN nation n ON s.s_nationkey = n.n_nationkey AND n.n_regionkey > 0 LEFT JOIN region r ON n.n_regionkey - 1 = r.r_regionkey;
SELECT c.c_custkey FROM customer c LEFT JOIN orders o ON c.c_custkey = o.o_custkey AND o.o_totalprice > 500000 WHERE NOT EXISTS (SELECT 1 FROM nation n WHERE n.n_nationkey = o.o_shippriority);
SELECT COUNT(*), SUM(ps.ps_availqty) FROM lineitem l JOIN partsupp ps ON l.l_suppkey = ps.ps_suppkey WHERE l.l_orderkey < 3000;
SELECT COUNT(*) FROM customer c1 JOIN customer c2 ON c1.c_mktsegment = c2.c_mktsegment;
SELECT c1.c_mktsegment, COUNT(*), SUM(c2.c_custkey) FROM customer c1 JOIN customer c2 ON c1.c_mktsegment = c2.c_mktsegment AND c1.c_nationkey = c2.c_nationkey GROUP BY c1.c_mktsegment;
SELECT c.c_custkey, o.o_orderkey FROM customer c JOIN orders o ON c.c_mktsegment = o.o_orderpriority;
SELECT COUNT(*), COUNT(o.o_orderkey) FROM customer c LEFT JOIN orders o ON c.c_custkey = o.o_custkey AND o.o_orderstatus = 'P';
SELECT COUNT(*) FROM customer c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.o_custkey = c.c_custkey);
SELECT COUNT(*) FROM customer c WHERE c.c_custkey NOT IN (SELECT o_custkey FROM orders);
SELECT COUNT(*) FROM customer c WHERE c.c_custkey IN (SELECT o_custkey FROM orders WHERE o_orderstatus = 'F');
SELECT COUNT(*) FROM part p WHERE NOT EXISTS (SELECT 1 FROM lineitem l WHERE l.l_partkey = p.p_partkey AND l.l_quantity > 49);
SELECT COUNT(*), SUM(l.l_quantity) FROM lineitem l JOIN orders o ON l.l_orderkey = o.o_orderkey JOIN customer c ON o.o_custkey = c.c_custkey JOIN nation n ON c.c_nationkey = n.n_nationkey WHERE n.n_name <> 'FRANCE';
SELECT n1.n_name, n2.n_name FROM nation n1 JOIN nation n2 ON n1.n_regionkey = n2.n_regionkey AND n1.n_nationkey < n2.n_nationkey;
SELECT COUNT(*) FROM lineitem l1 JOIN lineitem l2 ON l1.l_orderkey = l2.l_orderkey AND l1.l_linenumber < l2.l_linenumber;
SELECT COUNT(*) FROM lineitem l1 WHERE EXISTS (SELECT 1 FROM lineitem l2 WHERE l1.l_orderkey = l2.l_orderkey AND l2.l_suppkey <> l1.l_suppkey);
SELECT COUNT(*) FROM lineitem l1 WHERE NOT EXISTS (SELECT 1 FROM lineitem l2 WHERE l1.l_orderkey = l2.l_orderkey AND l2.l_suppkey <> l1.l_suppkey);
SELECT l.l_returnflag, COUNT(*), SUM(o.o_totalprice) FROM lineitem l JOIN orders o ON l.l_orderkey = o.o_orderkey AND l.l_shipdate > o.o_orderdate + INTERVAL '100' DAY GROUP BY l.l_returnflag;
SELECT COUNT(*), COUNT(p.p_partkey) FROM lineitem l LEFT JOIN part p ON l.l_partkey = p.p_partkey AND p.p_size = 1;
SELECT COUNT(*) FROM partsupp ps JOIN supplier s ON ps.ps_suppkey = s.s_suppkey AND ps.ps_supplycost < s.s_acctbal;
SELECT COUNT(*) FROM orders o WHERE o.o_totalprice > (SELECT AVG(o_totalprice) FROM orders);
SELECT COUNT(*) FROM orders o JOIN lineitem l ON o.o_orderkey = l.l_orderkey AND o.o_orderdate = l.l_commitdate - INTERVAL '30' DAY;
SELECT COUNT(*) FROM lineitem l JOIN partsupp ps ON l.l_partkey = ps.ps_partkey AND l.l_suppkey = ps.ps_suppkey AND l.l_extendedprice / l.l_quantity > ps.ps_supplycost * 2;
SELECT COUNT(*), SUM(l.l_extendedprice) FROM lineitem l JOIN part p ON l.l_partkey = p.p_partkey JOIN supplier s ON l.l_suppkey = s.s_suppkey JOIN nation n ON s.s_nationkey = n.n_nationkey JOIN region r ON n.n_regionkey = r.r_regionkey WHERE r.r_name = 'ASIA' AND p.p_type LIKE '%BRASS';
