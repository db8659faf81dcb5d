-- Joins on VARCHAR keys of the hand-made tables string_keys_left (ids 1 to 11) and
-- string_keys_right (ids 20 to 29). Both have duplicates, a NULL and an empty string. 'Apple',
-- 'date' and 'grape' are only on the left, 'elder' and 'fig' only on the right, and 'apple '
-- with a trailing space is a string of its own. Two tables have two dictionaries, so the probe
-- side's codes are translated into the build side's codes, and a string that the build side
-- lacks matches nothing, like a NULL key.

-- expect: (1, 20), (1, 21), (2, 20), (2, 21), (3, 22), (3, 29), (5, 24), (6, 27), (7, 26),
-- expect: (10, 22), (10, 29)
SELECT l.id, r.id FROM string_keys_left l JOIN string_keys_right r ON l.s = r.s;

SELECT l.id, r.id, l.s, r.s, l.n, r.n FROM string_keys_left l, string_keys_right r
WHERE r.s = l.s;

-- Unmatched rows, the NULL key among them, come back once with NULLs on the other side.
SELECT l.id, r.id, r.s FROM string_keys_left l LEFT JOIN string_keys_right r ON l.s = r.s;

SELECT l.id, l.s, r.id FROM string_keys_left l RIGHT JOIN string_keys_right r ON l.s = r.s;

SELECT l.id, r.id, l.s, r.s FROM string_keys_left l FULL JOIN string_keys_right r ON l.s = r.s;

-- Two keys, a string and an integer, in either order.
-- expect: (1, 20), (1, 21), (3, 29), (5, 24), (7, 26), (10, 29)
SELECT l.id, r.id FROM string_keys_left l JOIN string_keys_right r ON l.s = r.s AND l.n = r.n;

SELECT l.id, r.id FROM string_keys_left l LEFT JOIN string_keys_right r
ON l.n = r.n AND l.s = r.s;

SELECT l.id, r.id FROM string_keys_left l FULL JOIN string_keys_right r
ON l.n = r.n AND r.s = l.s;

-- Keys of mixed types: INTEGER with BIGINT next to the string key.
SELECT l.id, r.id FROM string_keys_left l JOIN string_keys_right r
ON l.s = r.s AND CAST(l.n AS BIGINT) = r.n;

-- A residual condition on the pairs that the string key matched.
SELECT l.id, r.id FROM string_keys_left l LEFT JOIN string_keys_right r
ON l.s = r.s AND l.id + 19 < r.id;

-- IN and EXISTS are semi joins, NOT EXISTS is an anti join: the NULL string and the strings
-- that only the left side has have no match.
-- expect: 1, 2, 3, 5, 6, 7, 10
SELECT id FROM string_keys_left WHERE s IN (SELECT s FROM string_keys_right);

SELECT id FROM string_keys_left l
WHERE EXISTS (SELECT 1 FROM string_keys_right r WHERE r.s = l.s AND r.n = l.n);

-- expect: 4, 8, 9, 11
SELECT id FROM string_keys_left l WHERE NOT EXISTS (SELECT 1 FROM string_keys_right r WHERE r.s = l.s);

-- The right side has a NULL string, so NOT IN is never TRUE.
-- expect: no rows
SELECT id FROM string_keys_left WHERE s NOT IN (SELECT s FROM string_keys_right);

-- expect: 8, 9, 11
SELECT id FROM string_keys_left
WHERE s NOT IN (SELECT s FROM string_keys_right WHERE s IS NOT NULL);

-- Joins with an empty table on either side.
-- expect: no rows
SELECT l.id, e.id FROM string_keys_left l JOIN join_empty e ON l.s = e.c;

SELECT l.id, e.id FROM string_keys_left l LEFT JOIN join_empty e ON l.s = e.c;

SELECT l.id, e.id FROM join_empty e RIGHT JOIN string_keys_left l ON e.c = l.s;

SELECT l.id, e.id FROM string_keys_left l FULL JOIN join_empty e ON e.c = l.s;

SELECT id FROM string_keys_left WHERE s NOT IN (SELECT c FROM join_empty);

-- A self-join reads one dictionary on both sides.
SELECT a.id, b.id FROM string_keys_left a JOIN string_keys_left b ON a.s = b.s;

-- Keys computed by a string function, whose results have dictionaries of their own.
SELECT l.id, r.id FROM string_keys_left l JOIN string_keys_right r ON UPPER(l.s) = UPPER(r.s);

SELECT l.id, r.id FROM string_keys_left l LEFT JOIN string_keys_right r
ON SUBSTRING(l.s FROM 1 FOR 3) = r.s;

-- The probe key of the second join is a column of the first join's build side.
SELECT a.id, b.id, c.id FROM string_keys_left a
JOIN string_keys_right b ON a.id + 19 = b.id
JOIN string_keys_left c ON b.s = c.s;

-- Keys from an aggregate's output, and from a UNION of strings of two dictionaries.
SELECT l.id, r.s, r.c FROM string_keys_left l
JOIN (SELECT s, COUNT(*) AS c FROM string_keys_right GROUP BY s) r ON l.s = r.s;

SELECT l.id, u.s FROM string_keys_left l
JOIN (SELECT s FROM string_keys_right UNION SELECT label FROM join_labels) u ON l.s = u.s;

-- TPC-H strings: parts of the types that small parts have, and customers per nation through a
-- join on the nation's name.
SELECT p.p_type, COUNT(*) FROM part p
JOIN (SELECT DISTINCT p_type AS t FROM part WHERE p_size < 3) small ON p.p_type = small.t
GROUP BY p.p_type;

SELECT n1.n_name, COUNT(*) FROM nation n1 JOIN nation n2 ON n1.n_name = n2.n_name
JOIN customer c ON c.c_nationkey = n2.n_nationkey GROUP BY n1.n_name;

-- IS NOT DISTINCT FROM matches the two NULL strings too. A null-safe string key has no kernel
-- form yet: it would need COALESCE with a string constant.
-- fallback
SELECT l.id, r.id FROM string_keys_left l JOIN string_keys_right r ON l.s IS NOT DISTINCT FROM r.s;
