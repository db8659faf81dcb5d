-- UPDATE and DELETE with and without WHERE, with NULL conditions, with expressions over the old
-- values, with sub-queries that read the table being changed, and failures that change nothing.

CREATE TABLE accounts (id INTEGER NOT NULL, owner VARCHAR, balance DECIMAL(12, 2), active BOOLEAN);

INSERT INTO accounts VALUES
  (1, 'ann', 100.00, TRUE),
  (2, 'bob', 250.50, TRUE),
  (3, 'cy', NULL, FALSE),
  (4, NULL, 0.00, NULL),
  (5, 'dee', 75.25, TRUE);

-- A row whose condition is NULL is not updated.
UPDATE accounts SET balance = balance + 10 WHERE balance > 50;

SELECT * FROM accounts;

-- Every row when there is no WHERE; the right side reads the old values.
UPDATE accounts SET balance = balance * 2, active = NOT active;

SELECT * FROM accounts;

UPDATE accounts SET owner = 'anon' WHERE owner IS NULL;

SELECT id, owner FROM accounts;

UPDATE accounts SET owner = UPPER(owner) WHERE id IN (SELECT id FROM accounts WHERE balance > 200);

SELECT id, owner FROM accounts;

-- The sub-query sees the table before the statement, so every row compares with the old maximum.
UPDATE accounts SET balance = (SELECT MAX(balance) FROM accounts) WHERE id = 1;

SELECT id, balance FROM accounts;

-- An UPDATE that matches no row changes nothing.
UPDATE accounts SET balance = 0 WHERE id = 99;

-- A NULL into a NOT NULL column fails the statement and leaves every row as it was.
-- error 23502
UPDATE accounts SET id = NULL WHERE id = 5;

SELECT * FROM accounts;

-- A string longer than its VARCHAR(n) column fails the statement, whether a literal or computed,
-- and leaves every row as it was. DuckDB does not enforce VARCHAR lengths.
CREATE TABLE tags (id INTEGER, tag VARCHAR(4));

INSERT INTO tags VALUES (1, 'ab'), (2, 'cd');

-- error 22001
UPDATE tags SET tag = 'abcdef' WHERE id = 1;

-- error 22001
UPDATE tags SET tag = tag || tag || tag WHERE id = 2;

SELECT id, tag, CHAR_LENGTH(tag) FROM tags;

-- A value that cannot be assigned to the column's type is a validation error.
-- error 42000
UPDATE accounts SET id = DATE '2024-01-01';

DELETE FROM accounts WHERE active;

SELECT * FROM accounts;

-- A row whose condition is NULL is not deleted.
DELETE FROM accounts WHERE balance > 1000 OR active;

SELECT id FROM accounts;

INSERT INTO accounts VALUES (6, 'eve', 1.00, TRUE), (7, 'fay', 2.00, TRUE);

DELETE FROM accounts WHERE id NOT IN (SELECT id FROM accounts WHERE owner > 'd');

SELECT * FROM accounts;

DELETE FROM accounts;

SELECT COUNT(*) FROM accounts;

INSERT INTO accounts VALUES (8, 'gil', 8.00, FALSE);

SELECT * FROM accounts;
