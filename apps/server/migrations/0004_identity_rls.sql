-- Row-level security for identity, access, audit and mail. Hand-written (drizzle-kit generate --custom).
-- Tenant tables: ENABLE + FORCE + tenant_isolation policy (see 0000).
SELECT tessera_enable_tenant_rls('roles');
--> statement-breakpoint
SELECT tessera_enable_tenant_rls('memberships');
--> statement-breakpoint
SELECT tessera_enable_tenant_rls('teams');
--> statement-breakpoint
SELECT tessera_enable_tenant_rls('team_members');
--> statement-breakpoint
SELECT tessera_enable_tenant_rls('invitations');
--> statement-breakpoint
SELECT tessera_enable_tenant_rls('api_keys');
--> statement-breakpoint
SELECT tessera_enable_tenant_rls('audit_logs');
--> statement-breakpoint
-- The audit log is append-only for the application.
REVOKE UPDATE, DELETE ON audit_logs FROM tessera_app;
--> statement-breakpoint
-- A signed-in user may read their own memberships in every tenant (tenant switcher), nothing more.
CREATE POLICY member_self ON memberships FOR SELECT
  USING (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
--> statement-breakpoint
-- ...and the names of the tenants they belong to.
CREATE POLICY tenant_of_member ON tenants FOR SELECT
  USING (EXISTS (SELECT 1 FROM memberships m
                 WHERE m.tenant_id = tenants.id
                   AND m.user_id = nullif(current_setting('app.user_id', true), '')::uuid));
--> statement-breakpoint
-- ...and the names of their roles there.
CREATE POLICY role_of_member ON roles FOR SELECT
  USING (EXISTS (SELECT 1 FROM memberships m
                 WHERE m.role_id = roles.id
                   AND m.user_id = nullif(current_setting('app.user_id', true), '')::uuid));
--> statement-breakpoint
-- Global identity tables: RLS enabled (not forced: the owner runs sign-in before any tenant is known).
-- Users: the app role sees itself and the members of the current tenant.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY user_self_or_colleague ON users
  USING (id = nullif(current_setting('app.user_id', true), '')::uuid
         OR EXISTS (SELECT 1 FROM memberships m
                    WHERE m.user_id = users.id
                      AND m.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (id = nullif(current_setting('app.user_id', true), '')::uuid);
--> statement-breakpoint
REVOKE INSERT, DELETE ON users FROM tessera_app;
--> statement-breakpoint
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY session_self ON sessions
  USING (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
--> statement-breakpoint
-- Secrets the app role never touches: only the owner connection (sign-in, refresh, reset) uses them.
ALTER TABLE refresh_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON refresh_tokens FROM tessera_app;
--> statement-breakpoint
ALTER TABLE password_resets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON password_resets FROM tessera_app;
--> statement-breakpoint
-- Mail outbox: the app role may queue messages inside its transaction, not read them.
ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON mail_outbox FROM tessera_app;
--> statement-breakpoint
GRANT INSERT ON mail_outbox TO tessera_app;
--> statement-breakpoint
CREATE POLICY mail_queue ON mail_outbox FOR INSERT WITH CHECK (status = 'queued');
