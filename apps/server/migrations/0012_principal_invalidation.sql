-- Authentication caches the resolved principal (session or API key → membership, role permissions, tenant)
-- for a few seconds. Every change that can revoke or narrow access announces itself on the channel
-- `tessera_principals` (NOTIFY is transactional: delivered at commit, in commit order, to every instance),
-- so each instance drops the affected cache entries before its next request. The payload names what to drop:
--   s:<session id>  k:<api key id>  m:<tenant id>:<user id>  t:<tenant id>
-- Triggers (not service code) send it, so no write path — present or future, API or SQL — can forget.
-- Writes that touch none of these columns (last_seen_at, last_used_at, names…) notify nothing.
-- See docs/adr/0007-principal-cache.md.
CREATE OR REPLACE FUNCTION tessera_notify_principals() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Each branch reads only its own table's columns (a record has no fields of the other tables).
  IF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('tessera_principals', 's:' || OLD.id);
  ELSIF TG_TABLE_NAME = 'api_keys' THEN
    PERFORM pg_notify('tessera_principals', 'k:' || OLD.id);
  ELSIF TG_TABLE_NAME = 'memberships' THEN
    PERFORM pg_notify('tessera_principals', 'm:' || OLD.tenant_id || ':' || OLD.user_id);
  ELSIF TG_TABLE_NAME = 'roles' THEN
    PERFORM pg_notify('tessera_principals', 't:' || OLD.tenant_id);
  ELSIF TG_TABLE_NAME = 'tenants' THEN
    PERFORM pg_notify('tessera_principals', 't:' || OLD.id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_notify_principals_update AFTER UPDATE ON sessions FOR EACH ROW
  WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
        OR OLD.active_tenant_id IS DISTINCT FROM NEW.active_tenant_id OR OLD.user_id IS DISTINCT FROM NEW.user_id)
  EXECUTE FUNCTION tessera_notify_principals();
--> statement-breakpoint
CREATE TRIGGER sessions_notify_principals_delete AFTER DELETE ON sessions FOR EACH ROW
  EXECUTE FUNCTION tessera_notify_principals();
--> statement-breakpoint
CREATE TRIGGER api_keys_notify_principals_update AFTER UPDATE ON api_keys FOR EACH ROW
  WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
        OR OLD.permissions IS DISTINCT FROM NEW.permissions OR OLD.key_hash IS DISTINCT FROM NEW.key_hash
        OR OLD.created_by IS DISTINCT FROM NEW.created_by OR OLD.tenant_id IS DISTINCT FROM NEW.tenant_id)
  EXECUTE FUNCTION tessera_notify_principals();
--> statement-breakpoint
CREATE TRIGGER api_keys_notify_principals_delete AFTER DELETE ON api_keys FOR EACH ROW
  EXECUTE FUNCTION tessera_notify_principals();
--> statement-breakpoint
CREATE TRIGGER memberships_notify_principals_update AFTER UPDATE ON memberships FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.role_id IS DISTINCT FROM NEW.role_id
        OR OLD.grants IS DISTINCT FROM NEW.grants OR OLD.denials IS DISTINCT FROM NEW.denials
        OR OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.tenant_id IS DISTINCT FROM NEW.tenant_id)
  EXECUTE FUNCTION tessera_notify_principals();
--> statement-breakpoint
CREATE TRIGGER memberships_notify_principals_delete AFTER DELETE ON memberships FOR EACH ROW
  EXECUTE FUNCTION tessera_notify_principals();
--> statement-breakpoint
CREATE TRIGGER roles_notify_principals_update AFTER UPDATE ON roles FOR EACH ROW
  WHEN (OLD.permissions IS DISTINCT FROM NEW.permissions OR OLD.scopes IS DISTINCT FROM NEW.scopes)
  EXECUTE FUNCTION tessera_notify_principals();
--> statement-breakpoint
CREATE TRIGGER roles_notify_principals_delete AFTER DELETE ON roles FOR EACH ROW
  EXECUTE FUNCTION tessera_notify_principals();
--> statement-breakpoint
CREATE TRIGGER tenants_notify_principals_update AFTER UPDATE ON tenants FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION tessera_notify_principals();
--> statement-breakpoint
CREATE TRIGGER tenants_notify_principals_delete AFTER DELETE ON tenants FOR EACH ROW
  EXECUTE FUNCTION tessera_notify_principals();
