-- Events outbox: tenant isolation, grants, commit-order sequence and wake-up. Hand-written (drizzle-kit generate --custom).
ALTER TABLE event_outbox ADD CONSTRAINT event_outbox_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE event_tenant_sequences ADD CONSTRAINT event_tenant_sequences_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE;
--> statement-breakpoint
SELECT tessera_enable_tenant_rls('event_outbox');
--> statement-breakpoint
SELECT tessera_enable_tenant_rls('event_tenant_sequences');
--> statement-breakpoint
SELECT tessera_enable_tenant_rls('event_deliveries');
--> statement-breakpoint
-- The dispatcher reads every tenant's events on the owner connection. The tables are FORCEd (like every tenant
-- table), so a non-superuser owner needs its own policy to see them; the app role never gets it (it is not a
-- member of the owner role).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['event_outbox', 'event_tenant_sequences', 'event_deliveries'] LOOP
    EXECUTE format('CREATE POLICY events_owner ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
END $$;
--> statement-breakpoint
-- A service may only add events to its own tenant (tenant_isolation WITH CHECK); reading, delivering and pruning
-- belong to the dispatcher.
REVOKE ALL ON event_outbox, event_tenant_sequences, event_deliveries FROM tessera_app;
--> statement-breakpoint
GRANT INSERT ON event_outbox TO tessera_app;
--> statement-breakpoint
-- Runs at COMMIT of the emitting transaction (deferred), after all its other work: takes the tenant's next seq
-- under the row lock of its counter (held only until that commit ends), so seq order is commit order within a
-- tenant and a rollback uses no number. NOTIFY is delivered only if the transaction commits.
CREATE OR REPLACE FUNCTION tessera_event_committed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE next_seq bigint;
BEGIN
  INSERT INTO event_tenant_sequences AS s (tenant_id, last_seq) VALUES (NEW.tenant_id, 1)
    ON CONFLICT (tenant_id) DO UPDATE SET last_seq = s.last_seq + 1
    RETURNING last_seq INTO next_seq;
  UPDATE event_outbox SET seq = next_seq, committed_at = clock_timestamp() WHERE id = NEW.id;
  PERFORM pg_notify('tessera_events', NEW.tenant_id::text);
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tessera_event_committed() FROM PUBLIC;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER event_outbox_commit_order AFTER INSERT ON event_outbox
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tessera_event_committed();
