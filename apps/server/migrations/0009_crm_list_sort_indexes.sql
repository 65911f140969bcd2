CREATE INDEX "activities_tenant_created_idx" ON "activities" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "companies_tenant_updated_idx" ON "companies" USING btree ("tenant_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "contacts_tenant_updated_idx" ON "contacts" USING btree ("tenant_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "deals_tenant_updated_idx" ON "deals" USING btree ("tenant_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "deals_tenant_amount_idx" ON "deals" USING btree ("tenant_id","amount_cents","id");--> statement-breakpoint
CREATE INDEX "deals_tenant_title_idx" ON "deals" USING btree ("tenant_id","title","id");--> statement-breakpoint
CREATE INDEX "deals_tenant_close_idx" ON "deals" USING btree ("tenant_id",coalesce(expected_close_date, '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "tasks_tenant_due_sort_idx" ON "tasks" USING btree ("tenant_id",coalesce(due_at, 'infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "tasks_tenant_priority_idx" ON "tasks" USING btree ("tenant_id",(case priority when 'urgent' then 3 when 'high' then 2 when 'normal' then 1 else 0 end),"id");