-- ORDER BY with LIMIT and OFFSET on scores, whose scores are 10, 20, 20, 30, 30, 30, NULL and 5
-- (ids 1 to 8). Where ties make the chosen rows open, a statement selects only the sort key, or
-- breaks the ties with id, so that every correct engine returns the same rows. NULL sorts above
-- every value, so it comes last ascending and first descending.

-- ordered
-- expect: 5, 10, 20
SELECT score FROM scores ORDER BY score LIMIT 3;

-- Three rows tie at 30, so which two come back is open, but their scores are not.
-- ordered
-- expect: NULL, 30, 30
SELECT score FROM scores ORDER BY score DESC LIMIT 3;

-- ordered
-- expect: 30, 30, 30, 20
SELECT score FROM scores ORDER BY score DESC NULLS LAST LIMIT 4;

-- ordered
-- expect: (7, NULL), (4, 30), (5, 30)
SELECT id, score FROM scores ORDER BY score DESC, id LIMIT 3;

-- ordered
-- expect: (8, 5), (1, 10), (2, 20), (3, 20)
SELECT id, score FROM scores ORDER BY score NULLS FIRST, id LIMIT 4 OFFSET 1;

-- ordered
-- expect: 20, 20
SELECT score FROM scores ORDER BY score LIMIT 2 OFFSET 2;

-- ordered
-- expect: (7, NULL)
SELECT id, score FROM scores ORDER BY score LIMIT 3 OFFSET 7;

-- OFFSET at or beyond the end returns no rows.
-- expect: no rows
SELECT id FROM scores ORDER BY id LIMIT 3 OFFSET 8;

-- expect: no rows
SELECT id FROM scores ORDER BY id LIMIT 3 OFFSET 100;

-- expect: no rows
SELECT id FROM scores ORDER BY id OFFSET 100;

-- ordered
-- expect: 7, 8
SELECT id FROM scores ORDER BY id OFFSET 6;

-- A LIMIT above the row count returns every row.
-- ordered
-- expect: 1, 2, 3, 4, 5, 6, 7, 8
SELECT id FROM scores ORDER BY id LIMIT 100;

-- LIMIT 0 returns no rows.
-- expect: no rows
SELECT id FROM scores ORDER BY id LIMIT 0;

-- expect: no rows
SELECT id FROM scores LIMIT 0;

-- expect: no rows
SELECT id FROM join_empty ORDER BY id LIMIT 5;

-- Without ORDER BY, which rows come back is open, and only their number is fixed.
-- expect: 3
SELECT COUNT(*) FROM (SELECT id FROM scores LIMIT 3) t;

-- expect: 8
SELECT COUNT(*) FROM (SELECT id FROM scores LIMIT 20) t;

-- A LIMIT in a subquery applies before the outer query.
-- expect: 30
SELECT MIN(score) FROM (SELECT score FROM scores ORDER BY score DESC NULLS LAST LIMIT 2) t;

-- expect: 35
SELECT SUM(score) FROM (SELECT score FROM scores ORDER BY score NULLS LAST LIMIT 3) t;

-- expect: 6
SELECT COUNT(*) FROM scores WHERE score > (SELECT score FROM scores ORDER BY score LIMIT 1);

-- Top groups: a and b tie at 2 rows, and grp orders them.
-- ordered
-- expect: ('c', 3), ('a', 2), ('b', 2)
SELECT grp, COUNT(*) AS n FROM scores GROUP BY grp ORDER BY n DESC, grp LIMIT 3;

-- ordered
-- expect: ('c', 60), ('b', 50)
SELECT grp, SUM(score) AS total FROM scores GROUP BY grp ORDER BY total DESC NULLS LAST LIMIT 2;

-- The highest score per group through a correlated subquery, ties kept. The decorrelated plan
-- joins on two keys, the string grp and the integer score.
-- expect: (2, 'a', 20), (4, 'b', 30), (5, 'c', 30), (6, 'c', 30), (8, 'd', 5)
SELECT id, grp, score FROM scores s
WHERE score = (SELECT MAX(score) FROM scores t WHERE t.grp = s.grp);

-- TPC-H: the ten largest orders. Ties on the total price are unlikely, and the key breaks them.
-- ordered
SELECT o_orderkey, o_totalprice FROM orders ORDER BY o_totalprice DESC, o_orderkey LIMIT 10;

-- ordered
SELECT l_orderkey, l_linenumber FROM lineitem
ORDER BY l_orderkey, l_linenumber LIMIT 5 OFFSET 60170;

-- ordered
SELECT o_orderdate FROM orders ORDER BY o_orderdate LIMIT 5;
