CREATE INDEX "deals_tenant_lead_idx" ON "deals" USING btree ("tenant_id","lead_id");--> statement-breakpoint
CREATE INDEX "deals_tenant_contact_idx" ON "deals" USING btree ("tenant_id","contact_id");