-- Scheduling: row-level security, links to the CRM's records and the no-double-booking guarantee.
-- Hand-written (drizzle-kit generate --custom).
SELECT tessera_enable_tenant_rls(t) FROM unnest(ARRAY['scheduling_agents', 'appointment_types', 'appointments']) AS t;
--> statement-breakpoint
-- The CRM records an appointment is with (composite: never another tenant's). Deleting the lead, contact or
-- deal deletes its appointments, as it does its tasks.
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_lead_fk" FOREIGN KEY ("tenant_id","lead_id") REFERENCES "public"."leads"("tenant_id","id") ON DELETE cascade;
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_contact_fk" FOREIGN KEY ("tenant_id","contact_id") REFERENCES "public"."contacts"("tenant_id","id") ON DELETE cascade;
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_deal_fk" FOREIGN KEY ("tenant_id","deal_id") REFERENCES "public"."deals"("tenant_id","id") ON DELETE cascade;
--> statement-breakpoint
-- btree_gist lets one GiST index combine equality on tenant and agent (uuid) with range overlap.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- No double booking: two active (scheduled/confirmed) appointments of one agent never overlap, buffers
-- included. Half-open ranges: one may end exactly where the next starts. Violations are SQLSTATE 23P01.
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap" EXCLUDE USING gist (
  "tenant_id" WITH =,
  "agent_id" WITH =,
  tstzrange("blocked_from", "blocked_to", '[)') WITH &&
) WHERE ("status" IN ('scheduled', 'confirmed'));
