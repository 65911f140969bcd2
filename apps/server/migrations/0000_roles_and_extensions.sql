-- Extensions and the application role. Hand-written (drizzle-kit generate --custom).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- tessera_app: the role every tenant transaction switches to with SET LOCAL ROLE. It cannot log in,
-- is not a superuser, does not own the tables and cannot bypass row-level security.
-- Roles are cluster-wide, so another database of the same cluster may have created it already.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tessera_app') THEN
    CREATE ROLE tessera_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
-- The migrating (owner) role must be allowed to SET ROLE tessera_app.
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'tessera_app', 'MEMBER') THEN
    EXECUTE format('GRANT tessera_app TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO tessera_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tessera_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO tessera_app;
--> statement-breakpoint
-- One mechanism for every tenant table: ENABLE + FORCE row-level security and a policy that compares the
-- row's tenant column with the transaction-local setting app.tenant_id (unset → no rows).
-- Later migrations call: SELECT tessera_enable_tenant_rls('leads');
CREATE OR REPLACE FUNCTION tessera_enable_tenant_rls(target regclass, tenant_column text DEFAULT 'tenant_id')
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', target);
  EXECUTE format(
    $p$CREATE POLICY tenant_isolation ON %s
       USING (%2$I = nullif(current_setting('app.tenant_id', true), '')::uuid)
       WITH CHECK (%2$I = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$,
    target, tenant_column);
END
$fn$;
