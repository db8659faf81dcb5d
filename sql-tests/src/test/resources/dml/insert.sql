-- INSERT into a new table: VALUES with one and many rows, column lists with the missing columns
-- filled with NULL, INSERT ... SELECT from the table itself, and implicit casts to column types.

CREATE TABLE items (id INTEGER NOT NULL, name VARCHAR(20), price DECIMAL(10, 2), qty BIGINT);

SELECT COUNT(*) FROM items;

INSERT INTO items VALUES (1, 'bolt', 0.25, 100);

INSERT INTO items VALUES (2, 'nut', 0.10, 250), (3, 'washer', 0.05, NULL), (4, NULL, 12.5, 3);

INSERT INTO items (id, name) VALUES (5, 'gear');

SELECT * FROM items;

SELECT name, price * qty AS total FROM items WHERE qty IS NOT NULL;

-- The statement reads the table as it was before the statement, so this doubles it once.
INSERT INTO items SELECT id + 10, name, price, qty FROM items;

SELECT COUNT(*), SUM(qty), MIN(id), MAX(id) FROM items;

-- A string grows the column's dictionary; existing strings keep their codes.
INSERT INTO items VALUES (30, 'spring', 1.75, 7);

SELECT name, COUNT(*) FROM items GROUP BY name;

SELECT id FROM items WHERE name LIKE 's%';

-- An INTEGER literal goes into DECIMAL and BIGINT columns exactly.
INSERT INTO items VALUES (31, 'pin', 3, 2147483648);

SELECT id, price, qty FROM items WHERE id = 31;

-- NULL in a NOT NULL column fails the whole statement, and the table is unchanged.
-- error 23502
INSERT INTO items SELECT CASE WHEN id = 13 THEN NULL ELSE id + 100 END, name, price, qty FROM items;

SELECT COUNT(*) FROM items;

-- A value that does not fit the column's precision fails the whole statement.
-- error 22003
INSERT INTO items VALUES (40, 'big', 123456789.5, 1);

-- A string longer than VARCHAR(20) fails the whole statement.
-- error 22001
INSERT INTO items VALUES (41, 'a name much longer than twenty characters', 1, 1);

-- So does a longer string from a query, an expression or one branch of a UNION: the SQL
-- standard's store assignment raises "string data, right truncation" where a CAST would cut.
-- DuckDB does not enforce VARCHAR lengths, so these run on WarpSQL only.
-- error 22001
INSERT INTO items SELECT 42, name || ' with a much longer suffix', 1, 1 FROM items WHERE id = 1;

-- error 22001
INSERT INTO items (id, name) SELECT 43, 'short' UNION ALL SELECT 44, 'a string well past twenty';

-- error 22001
INSERT INTO items (id, name) VALUES (45, UPPER('a name much longer than twenty characters'));

SELECT COUNT(*), COUNT(name), COUNT(price) FROM items;

-- A column list that names a missing column is a validation error.
-- error 42000
INSERT INTO items (id, colour) VALUES (50, 'red');

INSERT INTO items (qty, id) SELECT 9, 60 FROM items WHERE id = 1;

SELECT * FROM items WHERE id = 60;

-- Many small inserts stay correct when the last chunk is rewritten each time.
INSERT INTO items VALUES (70, 'a', 1, 1);

INSERT INTO items VALUES (71, 'b', 2, 2);

INSERT INTO items VALUES (72, 'c', 3, 3);

SELECT id, name, price, qty FROM items WHERE id >= 70;

SELECT COUNT(*) FROM items;

-- Strings of different lengths from a UNION or CASE are VARCHAR, not space-padded CHAR.
CREATE TABLE ragged (s VARCHAR(10));

INSERT INTO ragged SELECT 'x' UNION ALL SELECT 'yyyy';

INSERT INTO ragged SELECT CASE WHEN id = 1 THEN 'p' ELSE 'qqqq' END FROM items WHERE id <= 2;

SELECT s, CHAR_LENGTH(s) FROM ragged;

SELECT COUNT(*) FROM ragged WHERE s = 'x';
