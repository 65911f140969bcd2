-- Notifications: tenant isolation (the service also filters by the recipient). Hand-written (drizzle-kit generate --custom).
SELECT tessera_enable_tenant_rls('notifications');
--> statement-breakpoint
-- Created by the event consumer, marked read by their recipient; never deleted by the app (tenant/user deletion cascades).
REVOKE DELETE ON notifications FROM tessera_app;
