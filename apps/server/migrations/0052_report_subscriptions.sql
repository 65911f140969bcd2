-- Scheduled report e-mails (issue #15): a member's KPI subscriptions; the reporting.report-emails job sends them.
CREATE TABLE "report_subscriptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"user_id" uuid NOT NULL,
	"kpi" text NOT NULL,
	"query" jsonb NOT NULL,
	"frequency" text NOT NULL,
	"weekday" smallint,
	"active" boolean DEFAULT true NOT NULL,
	"paused_reason" text,
	"next_run_at" timestamp with time zone NOT NULL,
	"last_sent_period" date,
	CONSTRAINT "report_subscriptions_weekday" CHECK (("report_subscriptions"."frequency" = 'weekly' and "report_subscriptions"."weekday" between 1 and 7) or ("report_subscriptions"."frequency" = 'monthly' and "report_subscriptions"."weekday" is null))
);
--> statement-breakpoint
ALTER TABLE "report_subscriptions" ADD CONSTRAINT "report_subscriptions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_subscriptions" ADD CONSTRAINT "report_subscriptions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_subscriptions" ADD CONSTRAINT "report_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_subscriptions_tenant_user_idx" ON "report_subscriptions" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "report_subscriptions_due_idx" ON "report_subscriptions" USING btree ("next_run_at") WHERE "report_subscriptions"."active";--> statement-breakpoint
SELECT tessera_enable_tenant_rls('report_subscriptions');
--> statement-breakpoint
-- The hourly job finds the due subscriptions of every tenant on the owner connection (then handles each one in
-- its tenant's transaction). The table is FORCEd, so the owner needs its own policy; the app role never gets it
-- (like integrations_owner).
CREATE POLICY report_subscriptions_owner ON report_subscriptions TO CURRENT_USER USING (true) WITH CHECK (true);
