-- Feature flags and hub overrides: tenant isolation, plus the notification that drops every instance's cached
-- flags of a tenant at once. Hand-written (drizzle-kit generate --custom).
SELECT tessera_enable_tenant_rls('feature_flags');
--> statement-breakpoint
SELECT tessera_enable_tenant_rls('hub_overrides');
--> statement-breakpoint
-- Hub overrides are versions: only inserted (a rollback inserts the old config as a new version).
REVOKE DELETE, UPDATE ON hub_overrides FROM tessera_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tessera_notify_feature_flags() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tessera_feature_flags', COALESCE(NEW.tenant_id, OLD.tenant_id)::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER feature_flags_notify AFTER INSERT OR UPDATE OR DELETE ON feature_flags FOR EACH ROW
  EXECUTE FUNCTION tessera_notify_feature_flags();
