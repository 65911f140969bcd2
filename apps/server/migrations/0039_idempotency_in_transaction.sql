-- Idempotency-Key claimed and answered inside the service's own tenant transaction (one commit per create; ADR 0026).
-- Hand-written. The app role still has no privilege on idempotency_keys: these two functions are its only way in,
-- and only for keys whose scope is the current tenant's (`t:<app.tenant_id>:…`).
CREATE OR REPLACE FUNCTION tessera_idempotency_claim(p_scope text, p_key text, p_hash text, p_ttl_hours integer)
RETURNS TABLE (claimed boolean, request_hash text, status_code integer, response_body jsonb)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE taken integer;
BEGIN
  IF left(p_scope, 39) IS DISTINCT FROM 't:' || current_setting('app.tenant_id', true) || ':' THEN
    RAISE EXCEPTION 'idempotency scope is not the current tenant''s' USING ERRCODE = '42501';
  END IF;
  -- Waits for a concurrent transaction holding the same key; takes over an expired key or a dead reservation.
  INSERT INTO idempotency_keys AS k (scope, key, request_hash, expires_at)
  VALUES (p_scope, p_key, p_hash, now() + make_interval(hours => p_ttl_hours))
  ON CONFLICT (scope, key) DO UPDATE
    SET request_hash = excluded.request_hash, status_code = null, response_body = null,
        created_at = now(), expires_at = excluded.expires_at
    WHERE k.expires_at < now() OR (k.status_code IS NULL AND k.created_at < now() - interval '2 minutes')
  RETURNING 1 INTO taken;
  IF taken IS NOT NULL THEN
    RETURN QUERY SELECT true, p_hash, null::integer, null::jsonb;
    RETURN;
  END IF;
  -- A new statement, so a new snapshot: it sees the answer the transaction we waited for committed.
  RETURN QUERY SELECT false, i.request_hash, i.status_code, i.response_body
    FROM idempotency_keys i WHERE i.scope = p_scope AND i.key = p_key;
END
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tessera_idempotency_store(p_scope text, p_key text, p_status integer, p_body jsonb)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  IF left(p_scope, 39) IS DISTINCT FROM 't:' || current_setting('app.tenant_id', true) || ':' THEN
    RAISE EXCEPTION 'idempotency scope is not the current tenant''s' USING ERRCODE = '42501';
  END IF;
  UPDATE idempotency_keys SET status_code = p_status, response_body = p_body WHERE scope = p_scope AND key = p_key;
END
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tessera_idempotency_claim(text, text, text, integer) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tessera_idempotency_store(text, text, integer, jsonb) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tessera_idempotency_claim(text, text, text, integer) TO tessera_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tessera_idempotency_store(text, text, integer, jsonb) TO tessera_app;
