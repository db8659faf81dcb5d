-- LIKE on like_strings. Without an ESCAPE clause no character escapes another, so a backslash
-- is an ordinary character.
--   id  1 abc     id  5 abbc    id  9 a#c     id 13 'abc ' (trailing space)
--   id  2 a%c     id  6 ''      id 10 %
--   id  3 a_c     id  7 NULL    id 11 _
--   id  4 a\c     id  8 ABC     id 12 ac

SELECT * FROM like_strings;

-- % matches any run of characters, the empty one included.
-- expect: 1, 2, 3, 4, 5, 9, 12, 13
SELECT id FROM like_strings WHERE s LIKE 'a%';

-- expect: 1, 2, 3, 4, 5, 9, 12
SELECT id FROM like_strings WHERE s LIKE 'a%c';

-- _ matches exactly one character.
-- expect: 1, 2, 3, 4, 9
SELECT id FROM like_strings WHERE s LIKE 'a_c';

-- expect: 10, 11
SELECT id FROM like_strings WHERE s LIKE '_';

-- expect: 6
SELECT id FROM like_strings WHERE s LIKE '';

-- % matches every string but not NULL.
-- expect: 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13
SELECT id FROM like_strings WHERE s LIKE '%';

-- LIKE compares case and trailing spaces exactly.
-- expect: 8
SELECT id FROM like_strings WHERE s LIKE 'A%';

-- expect: 1
SELECT id FROM like_strings WHERE s LIKE 'abc';

-- expect: 13
SELECT id FROM like_strings WHERE s LIKE 'abc_';

-- ESCAPE '\' makes the next % or _ a literal character.
-- expect: 2
SELECT id FROM like_strings WHERE s LIKE 'a\%c' ESCAPE '\';

-- expect: 3
SELECT id FROM like_strings WHERE s LIKE 'a\_c' ESCAPE '\';

-- expect: 4
SELECT id FROM like_strings WHERE s LIKE 'a\\c' ESCAPE '\';

-- expect: 2, 10
SELECT id FROM like_strings WHERE s LIKE '%\%%' ESCAPE '\';

-- expect: 11
SELECT id FROM like_strings WHERE s LIKE '\_' ESCAPE '\';

-- Without ESCAPE the backslash matches itself and % is still a wildcard.
-- expect: 4
SELECT id FROM like_strings WHERE s LIKE 'a\%';

-- Characters that are special in regular expressions are ordinary in LIKE patterns.
-- expect: no rows
SELECT id FROM like_strings WHERE s LIKE 'a.c' OR s LIKE '[a]bc' OR s LIKE 'a*' OR s LIKE '(a)%';

-- expect: no rows
SELECT id FROM like_strings WHERE s LIKE '^a%' OR s LIKE '%$' OR s LIKE 'a{1}bc' OR s LIKE 'a|b%';

-- expect: 12
SELECT id FROM like_strings WHERE s LIKE '__';

-- expect: 1, 2, 3, 4, 5, 8, 9, 13
SELECT id FROM like_strings WHERE s LIKE '___%';

-- _ matches one character, not one byte.
-- expect: 12
SELECT id FROM nullable_types WHERE str_v LIKE '_';

-- Another escape character.
-- expect: 2
SELECT id FROM like_strings WHERE s LIKE 'a#%c' ESCAPE '#';

-- expect: 9
SELECT id FROM like_strings WHERE s LIKE 'a##c' ESCAPE '#';

-- expect: 3, 11
SELECT id FROM like_strings WHERE s LIKE '%!_%' ESCAPE '!';

-- The escape character may be % or _ itself: '_%' ESCAPE '_' is the one-character string '%'.
-- expect: 10
SELECT id FROM like_strings WHERE s LIKE '_%' ESCAPE '_';

-- expect: 10
SELECT id FROM like_strings WHERE s LIKE 'a%' ESCAPE 'a';

-- expect: 1, 2, 3, 4, 5, 9, 12, 13
SELECT id FROM like_strings WHERE s LIKE 'aa%' ESCAPE 'a';

-- With ESCAPE '%', '%_' is the one-character string '_'.
-- expect: 11
SELECT id FROM like_strings WHERE s LIKE '%_' ESCAPE '%';

-- With ESCAPE '%', 'a%%' is the two-character string 'a%'.
-- expect: no rows
SELECT id FROM like_strings WHERE s LIKE 'a%%' ESCAPE '%';

-- With ESCAPE '%', '%%' is the one-character string '%'. DuckDB 1.4.4 also matches the empty
-- string here, so it runs the equivalent comparison.
-- duckdb: SELECT id FROM like_strings WHERE s = '%';
-- expect: 10
SELECT id FROM like_strings WHERE s LIKE '%%' ESCAPE '%';

-- duckdb: SELECT id FROM like_strings WHERE s <> '%';
-- expect: 1, 2, 3, 4, 5, 6, 8, 9, 11, 12, 13
SELECT id FROM like_strings WHERE s NOT LIKE '%%' ESCAPE '%';

-- NOT LIKE is FALSE where LIKE is TRUE and UNKNOWN where LIKE is UNKNOWN, so NULL stays out.
-- expect: 6, 8, 10, 11
SELECT id FROM like_strings WHERE s NOT LIKE 'a%';

-- expect: 1, 3, 4, 5, 6, 8, 9, 11, 12, 13
SELECT id FROM like_strings WHERE s NOT LIKE '%\%%' ESCAPE '\';

-- NULL operands give UNKNOWN.
-- expect: no rows
SELECT id FROM like_strings WHERE s LIKE NULL;

-- expect: no rows
SELECT id FROM like_strings WHERE s NOT LIKE NULL;

-- expect: no rows
SELECT id FROM like_strings WHERE s LIKE 'a%c' ESCAPE NULL;

-- expect: (1, TRUE, FALSE), (2, TRUE, FALSE), (3, TRUE, FALSE), (4, TRUE, FALSE),
-- expect: (5, FALSE, TRUE), (6, FALSE, TRUE), (7, NULL, NULL), (8, FALSE, TRUE),
-- expect: (9, TRUE, FALSE), (10, FALSE, TRUE), (11, FALSE, TRUE), (12, FALSE, TRUE),
-- expect: (13, FALSE, TRUE)
SELECT id, s LIKE 'a_c', s NOT LIKE 'a_c' FROM like_strings;

-- expect: (NULL, NULL)
SELECT CAST(NULL AS VARCHAR) LIKE 'a%', 'abc' LIKE CAST(NULL AS VARCHAR);

-- LIKE in a CASE: 1 for strings that end in c, 2 for other strings that start with a.
-- expect: (1, 1), (2, 1), (3, 1), (4, 1), (5, 1), (6, 0), (7, 0), (8, 0), (9, 1), (10, 0),
-- expect: (11, 0), (12, 1), (13, 2)
SELECT id, CASE WHEN s LIKE '%c' THEN 1 WHEN s LIKE 'a%' THEN 2 ELSE 0 END FROM like_strings;

-- expect: (TRUE, 8), (FALSE, 4)
SELECT s LIKE 'a%', COUNT(*) FROM like_strings WHERE id <> 7 GROUP BY s LIKE 'a%';

-- A pattern from a column: every string but NULL matches itself, and the strings that
-- contain % or _ match more.
-- fallback
SELECT a.id, b.id FROM like_strings a JOIN like_strings b ON a.s LIKE b.s;

-- An escape character followed by anything but %, _ or itself is an invalid escape sequence,
-- data exception 22025.
-- error 22025
SELECT id FROM like_strings WHERE s LIKE 'a\c' ESCAPE '\';

-- error 22025
SELECT id FROM like_strings WHERE s LIKE 'a\' ESCAPE '\';

-- A pattern that ends in its escape character is invalid too, even when that character is %.
-- error 22025
SELECT id FROM like_strings WHERE s LIKE '%' ESCAPE '%';

-- An escape of other than one character is invalid, data exception 22019.
-- error 22019
SELECT id FROM like_strings WHERE s LIKE 'a%c' ESCAPE '';

-- error 22019
SELECT id FROM like_strings WHERE s LIKE 'a%' ESCAPE '\\';

-- LIKE over TPC-H strings.
SELECT COUNT(*) FROM part WHERE p_name LIKE '%green%';

SELECT COUNT(*) FROM part WHERE p_type LIKE 'PROMO%' AND p_type NOT LIKE '%TIN';

SELECT COUNT(*) FROM customer WHERE c_phone LIKE '1_-%';

SELECT COUNT(*) FROM orders WHERE o_comment NOT LIKE '%special%requests%';
