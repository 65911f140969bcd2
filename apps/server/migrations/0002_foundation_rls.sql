-- Row-level security for the foundation tables. Hand-written (drizzle-kit generate --custom).
SELECT tessera_enable_tenant_rls('tenant_settings');
--> statement-breakpoint
-- tenants has no tenant_id: inside a tenant transaction the app role sees and updates its own row only.
-- Not FORCEd, so the owner (migrations, sign-up, system jobs that iterate tenants) still sees every row.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_self ON tenants
  USING (id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
REVOKE INSERT, DELETE ON tenants FROM tessera_app;
--> statement-breakpoint
-- Platform bookkeeping, never touched inside a tenant transaction.
REVOKE ALL ON idempotency_keys FROM tessera_app;
