-- ORDER BY on every type, with NULLS FIRST and NULLS LAST, and LIMIT and OFFSET. Every ordered
-- query ends with a unique key (id), so both engines must return one order. Without NULLS FIRST
-- or LAST the test orders DuckDB's NULLs like WarpSQL's: last for ASC, first for DESC.

-- ordered
SELECT id, int_v FROM nullable_types ORDER BY int_v, id;

-- ordered
SELECT id, int_v FROM nullable_types ORDER BY int_v DESC, id;

-- ordered
SELECT id, int_v FROM nullable_types ORDER BY int_v NULLS FIRST, id;

-- ordered
SELECT id, int_v FROM nullable_types ORDER BY int_v DESC NULLS LAST, id;

-- ordered
SELECT id, big_v FROM nullable_types ORDER BY big_v ASC NULLS FIRST, id;

-- ordered
SELECT id, dec_v FROM nullable_types ORDER BY dec_v DESC NULLS FIRST, id;

-- ordered
SELECT id, dec_v FROM nullable_types ORDER BY dec_v ASC NULLS LAST, id DESC;

-- ordered
SELECT id, dbl_v FROM nullable_types ORDER BY dbl_v NULLS FIRST, id;

-- ordered
SELECT id, dbl_v FROM nullable_types ORDER BY dbl_v DESC NULLS LAST, id;

-- ordered
SELECT id, date_v FROM nullable_types ORDER BY date_v NULLS FIRST, id;

-- ordered
SELECT id, date_v FROM nullable_types ORDER BY date_v DESC, id;

-- ordered
SELECT id, str_v FROM nullable_types ORDER BY str_v, id;

-- ordered
SELECT id, str_v FROM nullable_types ORDER BY str_v DESC NULLS LAST, id;

-- ordered
SELECT id, str_v FROM nullable_types ORDER BY str_v NULLS FIRST, id DESC;

-- ordered
SELECT id, bool_v FROM nullable_types ORDER BY bool_v, id;

-- ordered
SELECT id, bool_v FROM nullable_types ORDER BY bool_v DESC NULLS LAST, id;

-- ordered
SELECT id, bool_v, int_v FROM nullable_types ORDER BY bool_v NULLS FIRST, int_v DESC NULLS FIRST, id;

-- ordered
SELECT id FROM nullable_types ORDER BY id DESC;

-- ordered
SELECT id, int_v FROM nullable_types ORDER BY int_v NULLS FIRST, id LIMIT 3;

-- ordered
SELECT id, int_v FROM nullable_types ORDER BY int_v NULLS FIRST, id LIMIT 4 OFFSET 2;

-- ordered
SELECT id FROM nullable_types ORDER BY id OFFSET 12;

-- ordered
-- LIMIT 0 folds to an empty VALUES, a WARP source.
SELECT id FROM nullable_types ORDER BY id LIMIT 0;

-- ordered
SELECT id FROM nullable_types ORDER BY id LIMIT 5 OFFSET 100;

-- ordered
SELECT id, int_v * -1 AS negated FROM nullable_types ORDER BY negated NULLS FIRST, id;

-- ordered
SELECT id, dec_v FROM nullable_types ORDER BY ABS(dec_v), id;

-- ordered
SELECT l_orderkey, l_linenumber, l_extendedprice FROM lineitem
ORDER BY l_extendedprice DESC, l_orderkey, l_linenumber LIMIT 10;

-- ordered
SELECT l_orderkey, l_linenumber, l_shipdate FROM lineitem
ORDER BY l_shipdate, l_orderkey, l_linenumber LIMIT 10 OFFSET 50;

-- ordered
SELECT n_name, n_nationkey FROM nation ORDER BY n_name DESC;

-- ordered
SELECT p_partkey, p_brand, p_container FROM part
ORDER BY p_brand, p_container DESC, p_partkey LIMIT 20;

-- ordered
SELECT l_shipmode, COUNT(*) AS line_count FROM lineitem GROUP BY l_shipmode ORDER BY l_shipmode;

-- ordered
SELECT l_suppkey, COUNT(*) AS line_count FROM lineitem GROUP BY l_suppkey
ORDER BY line_count DESC, l_suppkey LIMIT 5;

-- ordered
SELECT int_v, COUNT(*) AS row_count FROM nullable_types GROUP BY int_v ORDER BY int_v NULLS FIRST;

-- ordered
SELECT DISTINCT str_v FROM nullable_types ORDER BY str_v DESC NULLS FIRST;

-- ordered
SELECT o_orderdate, o_orderkey FROM orders WHERE o_orderpriority = '1-URGENT'
ORDER BY o_orderdate DESC, o_orderkey LIMIT 7;

-- LIMIT without ORDER BY may return any rows, so only the count is compared.
SELECT COUNT(*) FROM (SELECT l_orderkey FROM lineitem LIMIT 17);
