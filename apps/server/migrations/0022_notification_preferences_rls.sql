-- Notification preferences and digest marks: tenant isolation (the service also filters by the user). Hand-written (drizzle-kit generate --custom).
SELECT tessera_enable_tenant_rls('notification_preferences');
--> statement-breakpoint
SELECT tessera_enable_tenant_rls('notification_digests');
--> statement-breakpoint
-- Preferences are upserted, digest marks only inserted (the day's idempotency); neither is deleted by the app.
REVOKE DELETE ON notification_preferences FROM tessera_app;
--> statement-breakpoint
REVOKE DELETE, UPDATE ON notification_digests FROM tessera_app;
