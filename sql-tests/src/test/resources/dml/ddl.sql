-- CREATE and DROP of schemas, tables and views, CREATE TABLE ... AS, TRUNCATE, and the errors of
-- each. DuckDB runs the same statements; its DDL has the same effect on the rows.

CREATE SCHEMA sales;

CREATE TABLE sales.orders (id INTEGER, region VARCHAR, amount DOUBLE, placed DATE);

INSERT INTO sales.orders VALUES
  (1, 'north', 10.5, DATE '2024-01-05'),
  (2, 'south', 20.0, DATE '2024-02-10'),
  (3, 'north', 5.25, DATE '2024-02-11'),
  (4, 'east', NULL, NULL);

-- error 42P07
CREATE TABLE sales.orders (id INTEGER);

CREATE TABLE IF NOT EXISTS sales.orders (id INTEGER);

SELECT COUNT(*) FROM sales.orders;

-- A table created from a query takes the query's column types and names.
CREATE TABLE sales.by_region AS
  SELECT region, SUM(amount) AS total, COUNT(*) AS orders FROM sales.orders GROUP BY region;

SELECT * FROM sales.by_region;

CREATE TABLE sales.renamed (r, n) AS SELECT region, id FROM sales.orders WHERE id < 3;

SELECT r, n FROM sales.renamed;

-- A created table accepts NULLs even where its query had none.
INSERT INTO sales.renamed VALUES (NULL, NULL);

SELECT COUNT(*), COUNT(r) FROM sales.renamed;

CREATE VIEW sales.big AS SELECT id, amount FROM sales.orders WHERE amount > 6;

SELECT * FROM sales.big;

-- A view reads the current rows of its tables.
INSERT INTO sales.orders VALUES (5, 'west', 99.0, DATE '2024-03-01');

SELECT * FROM sales.big;

SELECT b.id, o.region FROM sales.big b JOIN sales.orders o ON b.id = o.id;

CREATE VIEW sales.named (order_id, doubled) AS SELECT id, amount * 2 FROM sales.orders;

SELECT * FROM sales.named WHERE order_id > 2;

-- A view is not a stored table.
-- error 42000
-- duckdb: SELECT 1
INSERT INTO sales.big VALUES (9, 1.0);

-- error 42000
-- duckdb: SELECT 1
DROP TABLE sales.big;

-- A schema with tables or views in it cannot be dropped.
-- error 2BP01
DROP SCHEMA sales;

TRUNCATE TABLE sales.by_region;

SELECT COUNT(*) FROM sales.by_region;

INSERT INTO sales.by_region VALUES ('south', 1.5, 1);

SELECT * FROM sales.by_region;

DROP VIEW sales.big;

DROP VIEW sales.named;

DROP TABLE sales.by_region;

DROP TABLE sales.renamed;

DROP TABLE sales.orders;

-- error 42P01
DROP TABLE sales.orders;

DROP TABLE IF EXISTS sales.orders;

-- error 42P01
SELECT * FROM sales.orders;

DROP SCHEMA sales;

-- error 3F000
CREATE TABLE sales.orders (id INTEGER);

-- error 0A000
-- duckdb: SELECT 1
CREATE TABLE keyed (id INTEGER, PRIMARY KEY (id));

-- error 0A000
-- duckdb: SELECT 1
CREATE TABLE defaults (id INTEGER DEFAULT 7);

-- The default schema main cannot be dropped.
-- error 42000
DROP SCHEMA main;

-- Column types that no stored column can take.
-- error 22023
-- duckdb: SELECT 1
CREATE TABLE bad_scale (x DECIMAL(5, 6));

-- error 0A000
-- duckdb: SELECT 1
CREATE TABLE too_precise (x DECIMAL(38, 10));

-- error 22023
-- duckdb: SELECT 1
CREATE TABLE empty_string (x VARCHAR(0));
