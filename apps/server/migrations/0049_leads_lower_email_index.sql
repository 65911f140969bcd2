-- The public booking page matches its lead by lower(email) (issue #12): an expression index, so that the match is
-- an index lookup within the tenant instead of a scan of all its leads. leads_tenant_email_idx stays (the
-- duplicate finder and the import compare the stored value).
CREATE INDEX "leads_tenant_lower_email_idx" ON "leads" USING btree ("tenant_id",lower("email"));--> statement-breakpoint
-- Under row-level security a condition may only be an index condition when every function it applies to a
-- column is LEAKPROOF (ADR 0005); lower(text) is not marked so, and the index above would never be used.
-- lower(text) raises no error that depends on the value (only a missing collation, which depends on the
-- query), so marking it leakproof reveals nothing about rows the policy hides. Superuser only, as in 0011.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION pg_catalog.lower(text) LEAKPROOF;
  ELSE
    RAISE NOTICE 'Not a superuser: the booking lead match will not use leads_tenant_lower_email_idx under RLS. Ask a DBA to run: ALTER FUNCTION pg_catalog.lower(text) LEAKPROOF;';
  END IF;
END $$;
