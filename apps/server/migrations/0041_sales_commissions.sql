CREATE TABLE "commission_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"period" date NOT NULL,
	"base_cents" bigint NOT NULL,
	"rate_bp" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commission_lines_period_month_start" CHECK (extract(day from period) = 1)
);--> statement-breakpoint
CREATE TABLE "commission_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"name" text NOT NULL,
	"user_id" uuid,
	"role_id" uuid,
	"category_id" uuid,
	"rate_bp" integer NOT NULL,
	"tiers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "commission_rules_rate" CHECK (rate_bp between 0 and 10000),
	CONSTRAINT "commission_rules_one_target" CHECK ((user_id is null) <> (role_id is null)),
	CONSTRAINT "commission_rules_name_length" CHECK (char_length(name) between 1 and 200)
);--> statement-breakpoint
CREATE UNIQUE INDEX "commission_lines_tenant_id_key" ON "commission_lines" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "commission_rules_tenant_id_key" ON "commission_rules" USING btree ("tenant_id","id");--> statement-breakpoint
ALTER TABLE "commission_lines" ADD CONSTRAINT "commission_lines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_lines" ADD CONSTRAINT "commission_lines_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_lines" ADD CONSTRAINT "commission_lines_invoice_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."sales_documents"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_lines" ADD CONSTRAINT "commission_lines_rule_fk" FOREIGN KEY ("tenant_id","rule_id") REFERENCES "public"."commission_rules"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_rules" ADD CONSTRAINT "commission_rules_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_rules" ADD CONSTRAINT "commission_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_rules" ADD CONSTRAINT "commission_rules_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_rules" ADD CONSTRAINT "commission_rules_role_fk" FOREIGN KEY ("tenant_id","role_id") REFERENCES "public"."roles"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_rules" ADD CONSTRAINT "commission_rules_category_fk" FOREIGN KEY ("tenant_id","category_id") REFERENCES "public"."product_categories"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commission_lines_tenant_user_period_idx" ON "commission_lines" USING btree ("tenant_id","user_id","period");--> statement-breakpoint
CREATE INDEX "commission_lines_tenant_invoice_idx" ON "commission_lines" USING btree ("tenant_id","invoice_id");--> statement-breakpoint
SELECT tessera_enable_tenant_rls('commission_rules');--> statement-breakpoint
SELECT tessera_enable_tenant_rls('commission_lines');
