-- Integrations (outgoing webhooks, inbound lead-capture endpoints): tenant isolation. Hand-written (drizzle-kit generate --custom).
SELECT tessera_enable_tenant_rls('webhook_subscriptions');
--> statement-breakpoint
SELECT tessera_enable_tenant_rls('webhook_deliveries');
--> statement-breakpoint
SELECT tessera_enable_tenant_rls('inbound_endpoints');
--> statement-breakpoint
SELECT tessera_enable_tenant_rls('inbound_calls');
--> statement-breakpoint
-- Two readers work before a tenant is known, on the owner connection: the delivery sweep (due deliveries of every
-- tenant) and `POST /api/hooks/<token>` (the endpoint by its token hash). The tables are FORCEd, so a
-- non-superuser owner needs its own policy; the app role never gets it (like events_owner, ADR 0008).
CREATE POLICY integrations_owner ON webhook_deliveries TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY integrations_owner ON inbound_endpoints TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- The delivery log and the call log are written by the system; the app role reads them and queues replays.
REVOKE DELETE ON webhook_deliveries, inbound_calls FROM tessera_app;
