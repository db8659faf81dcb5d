-- Subqueries on the hand-made tables of joins.sql: join_left.k is 1, 2, 2, NULL, NULL, 5, 7 (ids
-- 1 to 7), join_right.k is 1, 2, 2, NULL, 3, 7, 3 (ids 10 to 16), and join_empty has no rows.

-- EXISTS and NOT EXISTS, correlated: a NULL key finds no match, so NOT EXISTS keeps it.
-- expect: 1, 2, 3, 7
SELECT l.id FROM join_left l WHERE EXISTS (SELECT 1 FROM join_right r WHERE r.k = l.k);

-- expect: 4, 5, 6
SELECT l.id FROM join_left l WHERE NOT EXISTS (SELECT 1 FROM join_right r WHERE r.k = l.k);

-- expect: 1, 2, 3, 4, 5, 6, 7
SELECT id FROM join_left WHERE NOT EXISTS (SELECT * FROM join_empty);

-- expect: no rows
SELECT id FROM join_left WHERE EXISTS (SELECT * FROM join_empty);

-- Uncorrelated EXISTS over a non-empty table keeps every row.
-- expect: 1, 2, 3, 4, 5, 6, 7
SELECT id FROM join_left WHERE EXISTS (SELECT 1 FROM join_right WHERE k IS NULL);

-- expect: 1, 6
SELECT l.id FROM join_left l
WHERE EXISTS (SELECT 1 FROM join_right r WHERE r.k >= l.k AND r.id < 11)
   OR l.k = 5;

-- IN with a subquery: a NULL key on the left is never IN anything.
-- expect: 1, 2, 3, 7
SELECT id FROM join_left WHERE k IN (SELECT k FROM join_right);

-- join_right.k contains a NULL, so for every left key x NOT IN is either FALSE (x is in the
-- list) or UNKNOWN (x <> NULL is UNKNOWN), and no row qualifies.
-- expect: no rows
SELECT id FROM join_left WHERE k NOT IN (SELECT k FROM join_right);

-- Without the NULL only key 5 is missing. The NULL keys of ids 4 and 5 still give UNKNOWN.
-- expect: 6
SELECT id FROM join_left WHERE k NOT IN (SELECT k FROM join_right WHERE k IS NOT NULL);

-- NOT IN an empty set is TRUE even for a NULL key.
-- expect: 1, 2, 3, 4, 5, 6, 7
SELECT id FROM join_left WHERE k NOT IN (SELECT k FROM join_empty);

-- expect: no rows
SELECT id FROM join_left WHERE k IN (SELECT k FROM join_empty);

-- The values of IN and NOT IN themselves, with UNKNOWN as NULL.
-- expect: (1, TRUE, FALSE), (2, TRUE, FALSE), (3, TRUE, FALSE), (4, NULL, NULL),
-- expect: (5, NULL, NULL), (6, NULL, NULL), (7, TRUE, FALSE)
SELECT id, k IN (SELECT k FROM join_right), k NOT IN (SELECT k FROM join_right) FROM join_left;

-- expect: (1, TRUE), (2, TRUE), (3, TRUE), (4, NULL), (5, NULL), (6, FALSE), (7, TRUE)
SELECT id, k IN (SELECT k FROM join_right WHERE k IS NOT NULL) FROM join_left;

-- NOT IN with a NULL in a literal list behaves the same way.
-- expect: no rows
SELECT id FROM join_left WHERE k NOT IN (1, NULL);

-- expect: 1
SELECT id FROM join_left WHERE k IN (1, NULL);

-- Correlated IN.
-- expect: 2
SELECT l.id FROM join_left l WHERE l.k IN (SELECT r.k FROM join_right r WHERE r.id > l.id + 9);

-- Correlated NOT IN, where each row has its own set. For ids 1 and 3 the set contains a NULL but
-- not the key (UNKNOWN), and for id 2 it contains the key (FALSE). Ids 4 and 5 have NULL keys and
-- non-empty sets (UNKNOWN). For id 6 the set is {3} and for id 7 it is empty (both TRUE).
-- Calcite's decorrelator fails on a correlation that is not an equality, so the correlated plan
-- runs as a nested loop in the Enumerable engine.
-- fallback
-- expect: 6, 7
SELECT l.id FROM join_left l WHERE l.k NOT IN (SELECT r.k FROM join_right r WHERE r.id > l.id + 9);

-- fallback
-- expect: (1, NULL), (2, FALSE), (3, NULL), (4, NULL), (5, NULL), (6, TRUE), (7, TRUE)
SELECT l.id, l.k NOT IN (SELECT r.k FROM join_right r WHERE r.id > l.id + 9) FROM join_left l;

-- fallback
-- expect: 6, 7
SELECT l.id FROM join_left l WHERE l.k <> ALL (SELECT r.k FROM join_right r WHERE r.id > l.id + 9);

-- With an equality correlation each set has at most one row: id 6 and 7 find none. Calcite
-- decorrelates these into joins on IS NOT DISTINCT FROM keys, which WARP joins on two plain keys
-- each: the value or zero, and whether it is NULL.
-- expect: 6, 7
SELECT l.id FROM join_left l WHERE l.k NOT IN (SELECT r.k FROM join_right r WHERE r.id = l.id + 9);

-- For a NULL key the set is empty, so NOT IN is TRUE.
-- expect: 4, 5, 6
SELECT l.id FROM join_left l WHERE l.k NOT IN (SELECT r.k FROM join_right r WHERE r.k = l.k);

-- A subquery with ORDER BY and LIMIT.
-- expect: 4, 5
SELECT id FROM scores WHERE id IN (SELECT id FROM scores ORDER BY score DESC NULLS LAST, id LIMIT 2);

-- expect: no rows
SELECT id FROM join_left WHERE EXISTS (SELECT 1 FROM join_right LIMIT 0);

-- Quantified comparisons: > ALL over an empty set is TRUE, > ANY over it is FALSE, and a NULL
-- in the set makes > ALL UNKNOWN unless some value already makes it FALSE.
-- expect: 1, 2, 3, 4, 5, 6, 7
SELECT id FROM join_left WHERE k > ALL (SELECT k FROM join_empty);

-- expect: no rows
SELECT id FROM join_left WHERE k > ANY (SELECT k FROM join_empty);

-- expect: no rows
SELECT id FROM join_left WHERE k > ALL (SELECT k FROM join_right);

-- expect: 7
SELECT id FROM join_left WHERE k >= ALL (SELECT k FROM join_right WHERE k IS NOT NULL);

-- expect: 2, 3, 6, 7
SELECT id FROM join_left WHERE k > ANY (SELECT k FROM join_right);

-- Scalar subqueries: one that finds no row is NULL. Calcite checks that a scalar subquery returns
-- at most one row with a SINGLE_VALUE aggregate, which WARP has no operator for.
-- expect: NULL
-- fallback
SELECT (SELECT k FROM join_empty);

-- expect: (1, NULL), (2, NULL), (3, NULL), (4, NULL), (5, NULL), (6, NULL), (7, NULL)
-- fallback
SELECT id, (SELECT b FROM join_right WHERE id = 99) FROM join_left;

-- An aggregate without GROUP BY returns one row even over no rows: COUNT 0, MAX NULL.
-- expect: (0, NULL)
SELECT (SELECT COUNT(*) FROM join_empty), (SELECT MAX(k) FROM join_empty);

-- The average of 1, 2, 2, 3, 7 and 3 is exactly 3.
-- expect: 6, 7
SELECT id FROM join_left WHERE k > (SELECT AVG(k) FROM join_right);

-- A comparison with an empty scalar subquery is UNKNOWN.
-- expect: no rows
-- fallback
SELECT id FROM join_left WHERE k = (SELECT k FROM join_empty);

-- Correlated scalar subqueries.
-- expect: (1, NULL), (2, 1), (3, 1), (4, NULL), (5, NULL), (6, 3), (7, 3)
SELECT l.id, (SELECT MAX(r.k) FROM join_right r WHERE r.k < l.k) FROM join_left l;

-- Calcite decorrelates a correlated COUNT into outer joins on IS NOT DISTINCT FROM keys.
-- expect: (1, 1), (2, 2), (3, 2), (4, 0), (5, 0), (6, 0), (7, 1)
SELECT l.id, (SELECT COUNT(*) FROM join_right r WHERE r.k = l.k) FROM join_left l;

-- expect: (1, 'r1'), (2, NULL), (3, NULL), (4, NULL), (5, NULL), (6, NULL), (7, NULL)
-- fallback
SELECT l.id, (SELECT r.b FROM join_right r WHERE r.k = l.k AND r.k = 1) FROM join_left l;

SELECT l.id FROM join_left l
WHERE l.id > (SELECT COUNT(*) FROM join_right r WHERE r.k <= l.k);

-- A scalar subquery that returns two rows is a cardinality violation, SQLState 21000.
-- error 21000
SELECT (SELECT k FROM join_right WHERE id IN (10, 11));

-- error 21000
SELECT id, (SELECT k FROM join_right) FROM join_left;

-- Correlated: key 2 has two matches in join_right.
-- error 21000
SELECT l.id, (SELECT r.id FROM join_right r WHERE r.k = l.k) FROM join_left l;

-- Subqueries in the select list and in HAVING over TPC-H.
-- fallback
SELECT n_name, (SELECT r_name FROM region WHERE r_regionkey = n_regionkey) FROM nation;

SELECT o_orderpriority, COUNT(*) FROM orders
GROUP BY o_orderpriority
HAVING COUNT(*) > (SELECT COUNT(*) / 5 FROM orders);

SELECT COUNT(*) FROM customer
WHERE c_custkey NOT IN (SELECT o_custkey FROM orders);

SELECT COUNT(*) FROM part
WHERE p_size IN (SELECT p_size FROM part WHERE p_brand = 'Brand#12');
