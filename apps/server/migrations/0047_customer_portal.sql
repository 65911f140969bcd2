-- The customer portal (ADR 0035, sales module): portal_access links a member (or a pending invitee's e-mail)
-- to one company of the tenant. Hand-written additions after the generated part: forced RLS, and the stored
-- system roles of existing companies follow the templates (the roles trigger of 0012 drops cached permissions):
-- owner and admin get portal.*, the customer role keeps only portal.view, portal.respond and fields.money.view
-- (no generic quotes/invoices/payments/jobs/documents/appointments view any more, no record scopes).

CREATE TABLE "portal_access" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"email" text NOT NULL,
	"user_id" uuid,
	"company_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "portal_access" ADD CONSTRAINT "portal_access_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_access" ADD CONSTRAINT "portal_access_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_access" ADD CONSTRAINT "portal_access_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_access" ADD CONSTRAINT "portal_access_company_fk" FOREIGN KEY ("tenant_id","company_id") REFERENCES "public"."companies"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "portal_access_email_key" ON "portal_access" USING btree ("tenant_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_access_user_key" ON "portal_access" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "portal_access_company_idx" ON "portal_access" USING btree ("tenant_id","company_id");--> statement-breakpoint
SELECT tessera_enable_tenant_rls('portal_access');--> statement-breakpoint
UPDATE roles SET permissions = permissions || ARRAY(
    SELECT p FROM unnest(ARRAY['portal.view', 'portal.respond', 'portal.manage']) AS p
     WHERE NOT (p = ANY (roles.permissions)))
 WHERE is_system AND key IN ('owner', 'admin');--> statement-breakpoint
UPDATE roles SET permissions = ARRAY['portal.view', 'portal.respond', 'fields.money.view'], scopes = '{}'::jsonb
 WHERE is_system AND key = 'customer';
