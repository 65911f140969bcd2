-- Search (`search_text LIKE '%q%'`) and tag filters (`tags @> ARRAY[...]`) must use their GIN indexes under
-- row-level security. PostgreSQL only lets a qual run inside an index scan below an RLS policy when its
-- operator function is LEAKPROOF (and hides column statistics otherwise). textlike and arraycontains raise
-- errors only for a malformed pattern/argument — never depending on the rows' values — so marking them
-- leakproof reveals nothing about rows the policy hides. See docs/adr/0005-leakproof-search-operators.md.
-- Only a superuser may do this; without one the migration succeeds with a notice (searches stay correct,
-- just slow on large tenants) and a DBA can run the two ALTER FUNCTION statements later.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION pg_catalog.textlike(text, text) LEAKPROOF;
    ALTER FUNCTION pg_catalog.arraycontains(anyarray, anyarray) LEAKPROOF;
  ELSE
    RAISE NOTICE 'Not a superuser: search and tag filters will not use their indexes under RLS. Ask a DBA to run: ALTER FUNCTION pg_catalog.textlike(text, text) LEAKPROOF; ALTER FUNCTION pg_catalog.arraycontains(anyarray, anyarray) LEAKPROOF;';
  END IF;
END $$;
