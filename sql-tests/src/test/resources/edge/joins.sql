-- Joins on the hand-made tables join_left, join_right, join_labels and the empty join_empty.
-- Keys: join_left.k is 1, 2, 2, NULL, NULL, 5, 7 (ids 1 to 7) and join_right.k is 1, 2, 2, NULL,
-- 3, 7, 3 (ids 10 to 16). NULL = NULL is UNKNOWN, so a NULL key never matches in an equi-join,
-- and duplicate keys match every pair: key 2 gives 2 x 2 = 4 rows.

-- expect: (1, 10), (2, 11), (2, 12), (3, 11), (3, 12), (7, 15)
SELECT l.id, r.id FROM join_left l JOIN join_right r ON l.k = r.k;

-- expect: (1, 10, 'l1', 'r1'), (2, 11, 'l2', 'r2'), (2, 12, 'l2', 'r3'), (3, 11, 'l3', 'r2'),
-- expect: (3, 12, 'l3', 'r3'), (7, 15, NULL, NULL)
SELECT l.id, r.id, l.a, r.b FROM join_left l INNER JOIN join_right r ON r.k = l.k;

-- The comma join with the condition in WHERE is the same inner join.
SELECT l.id, r.id FROM join_left l, join_right r WHERE l.k = r.k;

SELECT l.id, r.id FROM join_left l JOIN join_right r USING (k);

-- Unmatched left rows, including both NULL keys, come back once with NULLs on the right.
-- expect: (1, 10), (2, 11), (2, 12), (3, 11), (3, 12), (4, NULL), (5, NULL), (6, NULL), (7, 15)
SELECT l.id, r.id FROM join_left l LEFT JOIN join_right r ON l.k = r.k;

-- expect: (1, 10), (2, 11), (2, 12), (3, 11), (3, 12), (7, 15), (NULL, 13), (NULL, 14),
-- expect: (NULL, 16)
SELECT l.id, r.id FROM join_left l RIGHT JOIN join_right r ON l.k = r.k;

-- expect: (1, 10), (2, 11), (2, 12), (3, 11), (3, 12), (7, 15), (4, NULL), (5, NULL),
-- expect: (6, NULL), (NULL, 13), (NULL, 14), (NULL, 16)
SELECT l.id, r.id FROM join_left l FULL JOIN join_right r ON l.k = r.k;

SELECT l.k, r.k, l.a, r.b FROM join_left l FULL OUTER JOIN join_right r ON l.k = r.k;

-- A condition on the inner side in ON only limits which rows match: every left row stays.
-- expect: (1, NULL), (2, 11), (3, 11), (4, NULL), (5, NULL), (6, NULL), (7, NULL)
SELECT l.id, r.id FROM join_left l LEFT JOIN join_right r ON l.k = r.k AND r.b = 'r2';

-- The same condition in WHERE runs after the join and drops the NULL-extended rows.
-- expect: (2, 11), (3, 11)
SELECT l.id, r.id FROM join_left l LEFT JOIN join_right r ON l.k = r.k WHERE r.b = 'r2';

-- A condition on the outer side in ON keeps every left row but lets only l1 match.
-- expect: (1, 10), (2, NULL), (3, NULL), (4, NULL), (5, NULL), (6, NULL), (7, NULL)
SELECT l.id, r.id FROM join_left l LEFT JOIN join_right r ON l.k = r.k AND l.a = 'l1';

-- expect: (1, 10)
SELECT l.id, r.id FROM join_left l LEFT JOIN join_right r ON l.k = r.k WHERE l.a = 'l1';

-- Left rows without a match: the anti-join written as an outer join.
-- expect: 4, 5, 6
SELECT l.id FROM join_left l LEFT JOIN join_right r ON l.k = r.k WHERE r.id IS NULL;

-- r.b IS NULL is TRUE for the NULL-extended rows and for r.id 15, whose b is NULL.
-- expect: (4, NULL), (5, NULL), (6, NULL), (7, 15)
SELECT l.id, r.id FROM join_left l LEFT JOIN join_right r ON l.k = r.k WHERE r.b IS NULL;

-- expect: (NULL, 13), (NULL, 14), (NULL, 16)
SELECT l.id, r.id FROM join_left l RIGHT JOIN join_right r ON l.k = r.k WHERE l.id IS NULL;

-- expect: (1, NULL), (2, 11), (3, 11), (4, NULL), (5, NULL), (6, NULL), (7, NULL), (NULL, 10),
-- expect: (NULL, 12), (NULL, 13), (NULL, 14), (NULL, 15), (NULL, 16)
SELECT l.id, r.id FROM join_left l FULL JOIN join_right r ON l.k = r.k AND r.b = 'r2';

-- ON conditions without an equality. ON FALSE keeps every left row once, NULL-extended.
-- ON l.k IS NULL pairs ids 4 and 5 with all 7 right rows and NULL-extends the other 5 left rows.
-- ON r.k IS NULL pairs every left row with id 13, the one right row whose key is NULL.
-- expect: (1, NULL), (2, NULL), (3, NULL), (4, NULL), (5, NULL), (6, NULL), (7, NULL)
SELECT l.id, r.id FROM join_left l LEFT JOIN join_right r ON FALSE;

-- expect: 19
SELECT COUNT(*) FROM join_left l LEFT JOIN join_right r ON l.k IS NULL;

-- expect: (1, 13), (2, 13), (3, 13), (4, 13), (5, 13), (6, 13), (7, 13)
SELECT l.id, r.id FROM join_left l LEFT JOIN join_right r ON r.k IS NULL;

-- COUNT(*) counts NULL-extended rows, COUNT(r.id) does not. Both NULL keys form one group.
-- expect: (NULL, 2, 0), (1, 1, 1), (2, 4, 4), (5, 1, 0), (7, 1, 1)
SELECT l.k, COUNT(*), COUNT(r.id) FROM join_left l LEFT JOIN join_right r ON l.k = r.k
GROUP BY l.k;

-- Self joins: a NULL key does not even match itself.
-- expect: 7
SELECT COUNT(*) FROM join_left a JOIN join_left b ON a.k = b.k;

-- expect: (2, 3)
SELECT a.id, b.id FROM join_left a JOIN join_left b ON a.k = b.k AND a.id < b.id;

SELECT a.id, b.id FROM join_right a LEFT JOIN join_right b ON a.k = b.k AND a.id <> b.id;

-- Three-way joins.
-- expect: (1, 10, 'one'), (2, 11, 'two'), (2, 12, 'two'), (3, 11, 'two'), (3, 12, 'two'),
-- expect: (7, 15, 'seven')
SELECT l.id, r.id, t.label
FROM join_left l JOIN join_right r ON l.k = r.k JOIN join_labels t ON t.k = r.k;

-- join_labels has no key 5 and its NULL key matches nothing.
-- expect: (1, 'one'), (2, 'two'), (3, 'two'), (4, NULL), (5, NULL), (6, NULL), (7, 'seven')
SELECT l.id, t.label FROM join_left l LEFT JOIN join_labels t ON t.k = l.k;

SELECT l.id, r.id, t.label
FROM join_left l LEFT JOIN join_right r ON l.k = r.k LEFT JOIN join_labels t ON t.k = r.k;

SELECT r.id, t.label, COUNT(l.id)
FROM join_right r JOIN join_labels t ON t.k = r.k LEFT JOIN join_left l ON l.k = r.k
GROUP BY r.id, t.label;

-- Joins with an empty table.
-- expect: no rows
SELECT l.id, e.id FROM join_left l JOIN join_empty e ON l.k = e.k;

-- expect: (1, NULL), (2, NULL), (3, NULL), (4, NULL), (5, NULL), (6, NULL), (7, NULL)
SELECT l.id, e.c FROM join_left l LEFT JOIN join_empty e ON l.k = e.k;

-- expect: no rows
SELECT l.id, e.id FROM join_left l RIGHT JOIN join_empty e ON l.k = e.k;

-- expect: no rows
SELECT e.id, l.id FROM join_empty e LEFT JOIN join_left l ON l.k = e.k;

SELECT l.id, e.id FROM join_left l FULL JOIN join_empty e ON l.k = e.k;

-- FULL joins whose condition reads one side only, has no equality, or chains three tables, and
-- an aggregate over a FULL join: each runs as a LEFT join plus the unmatched right rows.
SELECT l.id, r.id FROM join_left l FULL JOIN join_right r ON l.k = r.k AND l.id > 3;

SELECT COUNT(*), COUNT(l.id), COUNT(r.id) FROM join_left l FULL JOIN join_right r ON l.k > r.k;

SELECT l.id, r.id, e.id
FROM join_left l FULL JOIN join_right r ON l.k = r.k FULL JOIN join_empty e ON r.k = e.k;

SELECT COALESCE(l.k, r.k) AS k, COUNT(*) AS n
FROM join_left l FULL JOIN join_right r ON l.k = r.k
GROUP BY COALESCE(l.k, r.k);

SELECT l.id, r.id FROM join_left l FULL JOIN join_right r ON l.k = r.k WHERE r.id IS NULL;

-- A condition on the left side only matches no pair here, so every right row comes back once,
-- equal rows included: join_right has key 2 twice and key 3 twice.
SELECT COUNT(*), COUNT(r.k), SUM(r.k) FROM join_left l FULL JOIN join_right r ON l.k = 100000;

SELECT r.k, COUNT(*) FROM join_left l FULL JOIN join_right r ON l.k = 100000 GROUP BY r.k;

-- expect: 0
SELECT COUNT(*) FROM join_left CROSS JOIN join_empty;

-- Cross joins: 7 x 7 rows.
-- expect: 49
SELECT COUNT(*) FROM join_left CROSS JOIN join_right;

SELECT l.id, r.id FROM join_left l CROSS JOIN join_right r WHERE l.id = 1;

SELECT l.id, t.k FROM join_left l, join_labels t WHERE l.id IN (4, 6);

-- Non-equi conditions: NULL < x is UNKNOWN too.
-- expect: 12
SELECT COUNT(*) FROM join_left l JOIN join_right r ON l.k < r.k;

SELECT l.id, r.id FROM join_left l JOIN join_right r ON l.k < r.k;

SELECT l.id, r.id FROM join_left l LEFT JOIN join_right r ON l.k > r.k;

-- An equality plus a residual condition on both sides.
-- expect: (2, 12)
SELECT l.id, r.id FROM join_left l JOIN join_right r ON l.k = r.k AND l.id + 9 < r.id;

-- expect: (1, NULL), (2, 12), (3, NULL), (4, NULL), (5, NULL), (6, NULL), (7, NULL)
SELECT l.id, r.id FROM join_left l LEFT JOIN join_right r ON l.k = r.k AND l.id + 9 < r.id;

SELECT l.id, r.id FROM join_left l JOIN join_right r ON l.k = r.k OR l.id = 1;

-- Keys that are expressions.
SELECT l.id, r.id FROM join_left l JOIN join_right r ON l.k + 1 = r.k;

-- IS NOT DISTINCT FROM matches NULL keys with each other: 6 rows plus 2 x 1 NULL pairs.
-- expect: (1, 10), (2, 11), (2, 12), (3, 11), (3, 12), (7, 15), (4, 13), (5, 13)
SELECT l.id, r.id FROM join_left l JOIN join_right r ON l.k IS NOT DISTINCT FROM r.k;

-- The same under LEFT, SEMI and ANTI joins, and with a residual condition.
SELECT l.id, r.id FROM join_left l LEFT JOIN join_right r
ON l.k IS NOT DISTINCT FROM r.k AND r.id > 11;

SELECT l.id FROM join_left l
WHERE EXISTS (SELECT 1 FROM join_right r WHERE r.k IS NOT DISTINCT FROM l.k);

SELECT l.id FROM join_left l
WHERE NOT EXISTS (SELECT 1 FROM join_right r WHERE r.k IS NOT DISTINCT FROM l.k AND r.id < 13);

-- Joins with TPC-H tables: every nation has a region, every region has 5 nations.
-- expect: 25
SELECT COUNT(*) FROM nation n JOIN region r ON n.n_regionkey = r.r_regionkey;

SELECT r.r_name, COUNT(n.n_nationkey)
FROM region r LEFT JOIN nation n ON n.n_regionkey = r.r_regionkey AND n.n_name LIKE 'A%'
GROUP BY r.r_name;

-- The TPC-H generator gives orders only to customers whose key is not a multiple of 3.
-- expect: 500
SELECT COUNT(*) FROM customer c LEFT JOIN orders o ON o.o_custkey = c.c_custkey
WHERE o.o_orderkey IS NULL;
