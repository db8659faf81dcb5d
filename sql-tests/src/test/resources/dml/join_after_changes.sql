-- Joins over tables that change between queries, so that columns already on the device must not
-- be read again after an INSERT, UPDATE or DELETE.

CREATE TABLE facts (id INTEGER NOT NULL, k INTEGER, d DOUBLE, s VARCHAR);

CREATE TABLE dims (k INTEGER, label VARCHAR, w DOUBLE);

INSERT INTO facts VALUES (1, 1, 1.5, 'a'), (2, 2, -0.0, 'b'), (3, NULL, 0.0, 'c'), (4, 4, 2.5, NULL), (5, 1, 1.5, 'a');

INSERT INTO dims VALUES (1, 'one', 0.0), (2, 'two', 1.5), (3, 'three', NULL), (NULL, 'none', 2.5);

SELECT f.id, d.label FROM facts f JOIN dims d ON f.k = d.k;

SELECT f.id, d.label FROM facts f LEFT JOIN dims d ON f.k = d.k;

SELECT f.id, d.label FROM facts f JOIN dims d ON f.d = d.w;

SELECT f.id FROM facts f WHERE NOT EXISTS (SELECT 1 FROM dims d WHERE d.k = f.k);

UPDATE facts SET k = 3 WHERE id = 3;

SELECT f.id, d.label FROM facts f JOIN dims d ON f.k = d.k;

SELECT f.id, d.label FROM facts f LEFT JOIN dims d ON f.k = d.k;

UPDATE dims SET k = 4 WHERE label = 'none';

SELECT f.id, d.label FROM facts f LEFT JOIN dims d ON f.k = d.k;

SELECT f.id FROM facts f WHERE f.k NOT IN (SELECT k FROM dims);

UPDATE facts SET d = d * -1.0, s = UPPER(s);

SELECT f.id, d.label FROM facts f JOIN dims d ON f.d = d.w;

SELECT f.id, f.s, d.label FROM facts f LEFT JOIN dims d ON f.k = d.k;

DELETE FROM facts WHERE id = 1;

SELECT f.id, d.label FROM facts f JOIN dims d ON f.k = d.k;

INSERT INTO facts VALUES (6, 2, 0.0, 'b'), (7, 2, NULL, NULL), (8, NULL, NULL, 'z');

SELECT f.id, d.label FROM facts f JOIN dims d ON f.k = d.k;

SELECT f.id, d.label FROM facts f LEFT JOIN dims d ON f.k = d.k;

SELECT d.label, COUNT(*), SUM(f.id) FROM facts f JOIN dims d ON f.k = d.k GROUP BY d.label;

DELETE FROM dims WHERE k = 2;

SELECT f.id, d.label FROM facts f LEFT JOIN dims d ON f.k = d.k;

SELECT f.id FROM facts f WHERE f.k IN (SELECT k FROM dims);

INSERT INTO dims SELECT k + 10, s, d FROM facts;

SELECT f.id, d.label FROM facts f JOIN dims d ON f.k + 10 = d.k;

SELECT f.id, d.label FROM facts f JOIN dims d ON f.s = d.label;

UPDATE dims SET label = 'B' WHERE label = 'b';

SELECT f.id, d.label FROM facts f JOIN dims d ON f.s = d.label;

DELETE FROM facts;

SELECT f.id, d.label FROM facts f RIGHT JOIN dims d ON f.k = d.k;

INSERT INTO facts SELECT COALESCE(k, 0), k, w, label FROM dims;

SELECT f.id, d.label FROM facts f JOIN dims d ON f.s = d.label AND f.d = d.w;

SELECT f.id, d.label FROM facts f LEFT JOIN dims d ON f.k = d.k AND f.d IS NOT DISTINCT FROM d.w;
