-- String predicates on one VARCHAR column: the engine evaluates them once per dictionary value.
-- nullable_types.str_v contains an empty string, a trailing blank, mixed case, LIKE wildcards as
-- data and a non-ASCII letter. Comparisons of strings use code point order in both engines.

SELECT id FROM nullable_types WHERE str_v = 'abc';

SELECT id FROM nullable_types WHERE str_v <> 'abc';

SELECT id FROM nullable_types WHERE str_v = '';

SELECT id FROM nullable_types WHERE str_v = 'abc ';

SELECT id FROM nullable_types WHERE str_v < 'b';

SELECT id FROM nullable_types WHERE str_v > 'ABC';

SELECT id FROM nullable_types WHERE str_v >= 'a' AND str_v <= 'a_b';

SELECT id FROM nullable_types WHERE str_v IS NULL;

SELECT id FROM nullable_types WHERE str_v IS NOT NULL;

SELECT id FROM nullable_types WHERE str_v IN ('abc', 'ABC', '');

SELECT id FROM nullable_types WHERE str_v NOT IN ('abc', 'zeta');

SELECT id FROM nullable_types WHERE str_v LIKE 'a%';

SELECT id FROM nullable_types WHERE str_v LIKE 'a_b';

SELECT id FROM nullable_types WHERE str_v LIKE '%';

SELECT id FROM nullable_types WHERE str_v LIKE '_';

SELECT id FROM nullable_types WHERE str_v LIKE '%c';

SELECT id FROM nullable_types WHERE str_v NOT LIKE '%b%';

SELECT id FROM nullable_types WHERE str_v LIKE 'a\%b' ESCAPE '\';

SELECT id FROM nullable_types WHERE str_v LIKE 'ABC';

SELECT id, str_v = 'abc', str_v LIKE 'a%' FROM nullable_types;

SELECT id FROM nullable_types WHERE str_v LIKE 'a%' AND int_v > 0;

SELECT id FROM nullable_types WHERE str_v LIKE 'a%' OR bool_v;

SELECT id FROM nullable_types WHERE NOT (str_v = 'abc' OR str_v = 'xyz');

SELECT id, str_v FROM nullable_types WHERE str_v LIKE '%b';

SELECT n_nationkey FROM nation WHERE n_name = 'GERMANY';

SELECT n_nationkey FROM nation WHERE n_name LIKE 'I%';

SELECT n_nationkey FROM nation WHERE n_name NOT LIKE '%A%';

SELECT n_nationkey FROM nation WHERE n_name BETWEEN 'CHINA' AND 'INDIA';

SELECT n_nationkey FROM nation WHERE n_name IN ('BRAZIL', 'PERU', 'ATLANTIS');

SELECT COUNT(*) FROM lineitem WHERE l_shipmode = 'MAIL';

SELECT COUNT(*) FROM lineitem WHERE l_shipmode IN ('MAIL', 'SHIP') AND l_shipinstruct <> 'NONE';

SELECT COUNT(*) FROM lineitem WHERE l_comment LIKE '%special%';

SELECT COUNT(*) FROM part WHERE p_type LIKE 'PROMO%' AND p_brand <> 'Brand#45';

SELECT COUNT(*) FROM part WHERE p_container LIKE '_M%' OR p_name LIKE '%green%';

SELECT p_partkey FROM part WHERE p_type = 'NO SUCH TYPE';

SELECT COUNT(*) FROM customer WHERE c_mktsegment > 'FURNITURE';

SELECT l_returnflag, l_linestatus, COUNT(*) FROM lineitem
WHERE l_shipmode < 'RAIL' GROUP BY l_returnflag, l_linestatus;

SELECT DISTINCT str_v FROM nullable_types;

SELECT str_v, COUNT(*), COUNT(str_v) FROM nullable_types GROUP BY str_v;

-- fallback
-- String results computed by CASE have no kernel form yet.
SELECT id, CASE WHEN str_v LIKE 'a%' THEN 'a-word' ELSE str_v END FROM nullable_types;

-- Strings computed from two string columns are evaluated once per distinct pair of codes, after
-- a kernel writes both columns' codes. A NULL operand makes || NULL.
SELECT l.id, r.id, l.s || r.s, l.s || '/' || r.s FROM string_keys_left l
JOIN string_keys_right r ON l.n = r.n;

SELECT l.id, COALESCE(l.a, j.label), UPPER(l.a) || LOWER(j.label) FROM join_left l
LEFT JOIN join_labels j ON l.k = j.k;

SELECT x, COUNT(*) FROM (SELECT l.s || r.s AS x FROM string_keys_left l
JOIN string_keys_right r ON l.id + 19 = r.id) t GROUP BY x;

-- ordered
SELECT n_name || ' / ' || r_name AS place FROM nation JOIN region ON n_regionkey = r_regionkey
ORDER BY place;

SELECT c_custkey, c_name || ':' || c_mktsegment FROM customer WHERE c_custkey < 30;

-- A string computed from two columns of one table, joined on afterwards.
SELECT a.id, b.id FROM (SELECT id, s || s AS doubled FROM string_keys_left) a
JOIN (SELECT id, s || s AS doubled FROM string_keys_right) b ON a.doubled = b.doubled;

-- A filter on the computed string stays above the projection, where it reads one column.
SELECT x FROM (SELECT c_name || c_mktsegment AS x FROM customer) t WHERE x LIKE '%BUILDING';

-- A predicate of two string columns has no kernel form, because a kernel compares no codes of
-- two dictionaries.
-- fallback
SELECT c_custkey FROM customer WHERE c_name || c_mktsegment LIKE '%#00000001%BUILDING';
