-- H2 cannot run PL/pgSQL; the embedded database relies on the application, which only ever inserts.
SELECT 1;
