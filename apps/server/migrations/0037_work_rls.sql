-- The work module's tables: tenant isolation. Hand-written (drizzle-kit generate --custom).
SELECT tessera_enable_tenant_rls('projects');
--> statement-breakpoint
SELECT tessera_enable_tenant_rls('project_milestones');
--> statement-breakpoint
SELECT tessera_enable_tenant_rls('project_assignments');
--> statement-breakpoint
SELECT tessera_enable_tenant_rls('member_capacities');
--> statement-breakpoint
SELECT tessera_enable_tenant_rls('timesheet_weeks');
--> statement-breakpoint
SELECT tessera_enable_tenant_rls('time_entries');
--> statement-breakpoint
SELECT tessera_enable_tenant_rls('time_entry_days');
--> statement-breakpoint
SELECT tessera_enable_tenant_rls('expenses');
--> statement-breakpoint
-- Day totals and week rows are written by the triggers and services, never deleted by the app.
REVOKE DELETE ON time_entry_days FROM tessera_app;
--> statement-breakpoint
REVOKE DELETE ON timesheet_weeks FROM tessera_app;
