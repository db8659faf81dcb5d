-- Set operations on the keys of join_left (1, 2, 2, NULL, NULL, 5, 7) and join_right (1, 2, 2,
-- NULL, 3, 7, 3). Unlike comparisons, set operations treat two NULLs as duplicates of each other.
-- Results are compared as multisets, since none of these statements orders its rows.
-- UNION, INTERSECT and EXCEPT run on WARP operators, through aggregates with FILTER. The ALL
-- forms of INTERSECT and EXCEPT fall back: Calcite plans them as Minus and Intersect operators.

-- UNION removes duplicates, NULLs included.
-- expect: NULL, 1, 2, 3, 5, 7
SELECT k FROM join_left UNION SELECT k FROM join_right;

-- UNION ALL keeps every row of both inputs.
-- expect: NULL, NULL, NULL, 1, 1, 2, 2, 2, 2, 3, 3, 5, 7, 7
SELECT k FROM join_left UNION ALL SELECT k FROM join_right;

-- expect: 14
SELECT COUNT(*) FROM (SELECT k FROM join_left UNION ALL SELECT k FROM join_right) u;

-- expect: 6
SELECT COUNT(*) FROM (SELECT k FROM join_left UNION SELECT k FROM join_right) u;

-- A UNION of one input with itself is its DISTINCT.
-- expect: NULL, 1, 2, 5, 7
SELECT k FROM join_left UNION SELECT k FROM join_left;

-- expect: NULL, 1, 2, 7
SELECT k FROM join_left INTERSECT SELECT k FROM join_right;

-- INTERSECT ALL keeps min(m, n) copies of a row that occurs m and n times.
-- expect: NULL, 1, 2, 2, 7
-- fallback
SELECT k FROM join_left INTERSECT ALL SELECT k FROM join_right;

-- expect: 5
SELECT k FROM join_left EXCEPT SELECT k FROM join_right;

-- expect: 3
SELECT k FROM join_right EXCEPT SELECT k FROM join_left;

-- EXCEPT ALL keeps max(m - n, 0) copies: one of the two NULLs of join_left remains.
-- expect: NULL, 5
-- fallback
SELECT k FROM join_left EXCEPT ALL SELECT k FROM join_right;

-- expect: 3, 3
-- fallback
SELECT k FROM join_right EXCEPT ALL SELECT k FROM join_left;

-- With an empty input.
-- expect: NULL, 1, 2, 5, 7
SELECT k FROM join_left UNION SELECT k FROM join_empty;

-- expect: NULL, NULL, 1, 2, 2, 5, 7
SELECT k FROM join_left UNION ALL SELECT k FROM join_empty;

-- expect: no rows
SELECT k FROM join_left INTERSECT SELECT k FROM join_empty;

-- expect: NULL, 1, 2, 5, 7
SELECT k FROM join_left EXCEPT SELECT k FROM join_empty;

-- expect: no rows
SELECT k FROM join_empty EXCEPT SELECT k FROM join_left;

-- Rows of two columns are duplicates only when both columns are: (7, NULL) from join_left and
-- (7, NULL) from join_right are one row.
-- expect: (NULL, 'l4'), (NULL, 'l5'), (NULL, 'r4'), (1, 'l1'), (1, 'r1'), (2, 'l2'), (2, 'l3'),
-- expect: (2, 'r2'), (2, 'r3'), (3, 'r5'), (3, 'r6'), (5, 'l6'), (7, NULL)
SELECT k, a FROM join_left UNION SELECT k, b FROM join_right;

-- expect: (7, NULL)
SELECT k, a FROM join_left INTERSECT SELECT k, b FROM join_right;

-- expect: (NULL, NULL)
SELECT k, CAST(NULL AS VARCHAR) FROM join_left WHERE k IS NULL
INTERSECT
SELECT k, CAST(NULL AS VARCHAR) FROM join_right WHERE k IS NULL;

-- Three inputs: UNION ALL then UNION removes the duplicates of all three.
-- expect: NULL, 1, 2, 3, 5, 7
SELECT k FROM join_left UNION ALL SELECT k FROM join_right UNION SELECT k FROM join_labels;

-- INTERSECT binds tighter than UNION.
-- expect: NULL, 1, 2, 5, 7
SELECT k FROM join_left UNION SELECT k FROM join_right INTERSECT SELECT k FROM join_left;

-- expect: 5
(SELECT k FROM join_left UNION SELECT k FROM join_right) EXCEPT SELECT k FROM join_labels;

-- Set operations inside a larger query.
-- expect: (NULL, 3), (1, 2), (2, 4), (3, 2), (5, 1), (7, 2)
SELECT k, COUNT(*) FROM (SELECT k FROM join_left UNION ALL SELECT k FROM join_right) u
GROUP BY k;

-- expect: 1, 2, 3, 7
SELECT id FROM join_left WHERE k IN (SELECT k FROM join_right INTERSECT SELECT k FROM join_labels);

-- ordered
-- expect: NULL, 7, 5, 3, 2, 1
SELECT k FROM join_left UNION SELECT k FROM join_right ORDER BY k DESC;

-- ordered
-- expect: 1, 1, 2
SELECT k FROM join_left UNION ALL SELECT k FROM join_right ORDER BY k LIMIT 3;

-- Inputs of different types: the result type is the wider one.
SELECT k FROM join_left UNION SELECT CAST(k AS BIGINT) * 10 FROM join_right;

SELECT id, a FROM join_left UNION ALL SELECT id, CAST(NULL AS VARCHAR) FROM join_empty;

-- TPC-H: nation keys that have a supplier or a customer, and those that have both.
SELECT s_nationkey FROM supplier UNION SELECT c_nationkey FROM customer;

SELECT s_nationkey FROM supplier INTERSECT SELECT c_nationkey FROM customer;

SELECT COUNT(*) FROM (
  SELECT o_custkey FROM orders WHERE o_orderdate < DATE '1994-01-01'
  EXCEPT
  SELECT o_custkey FROM orders WHERE o_orderdate >= DATE '1994-01-01'
) t;
