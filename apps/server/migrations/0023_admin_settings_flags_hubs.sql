CREATE TABLE "feature_flags" (
	"tenant_id" uuid NOT NULL,
	"key" text NOT NULL,
	"enabled" boolean NOT NULL,
	"role_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "feature_flags_tenant_id_key_pk" PRIMARY KEY("tenant_id","key"),
	CONSTRAINT "feature_flags_key_format" CHECK ("feature_flags"."key" ~ '^[a-z][a-z0-9_]{1,40}$'),
	CONSTRAINT "feature_flags_role_ids_count" CHECK (cardinality("feature_flags"."role_ids") <= 100)
);
--> statement-breakpoint
CREATE TABLE "hub_overrides" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"role_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"config" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hub_overrides_version_positive" CHECK ("hub_overrides"."version" >= 1),
	CONSTRAINT "hub_overrides_config_size" CHECK (octet_length("hub_overrides"."config"::text) <= 65536),
	CONSTRAINT "hub_overrides_note_length" CHECK (char_length("hub_overrides"."note") <= 200)
);
--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD COLUMN "company_name" text;--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD COLUMN "logo" text;--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD COLUMN "primary_color" text;--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD COLUMN "accent_color" text;--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD COLUMN "tax_rate_basis_points" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD COLUMN "prices_include_tax" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD COLUMN "tax_id" text;--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD COLUMN "fiscal_year_start_month" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "feature_flags" ADD CONSTRAINT "feature_flags_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_overrides" ADD CONSTRAINT "hub_overrides_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_overrides" ADD CONSTRAINT "hub_overrides_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_overrides" ADD CONSTRAINT "hub_overrides_role_fk" FOREIGN KEY ("tenant_id","role_id") REFERENCES "public"."roles"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hub_overrides_role_version_key" ON "hub_overrides" USING btree ("tenant_id","role_id","version");--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD CONSTRAINT "tenant_settings_company_name_length" CHECK (char_length("tenant_settings"."company_name") between 1 and 200);--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD CONSTRAINT "tenant_settings_logo_data_url" CHECK (char_length("tenant_settings"."logo") <= 140000 and "tenant_settings"."logo" ~ '^data:image/(png|jpeg|webp|gif);base64,');--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD CONSTRAINT "tenant_settings_primary_color" CHECK ("tenant_settings"."primary_color" ~ '^#[0-9a-f]{6}$');--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD CONSTRAINT "tenant_settings_accent_color" CHECK ("tenant_settings"."accent_color" ~ '^#[0-9a-f]{6}$');--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD CONSTRAINT "tenant_settings_tax_rate" CHECK ("tenant_settings"."tax_rate_basis_points" between 0 and 10000);--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD CONSTRAINT "tenant_settings_tax_id_length" CHECK (char_length("tenant_settings"."tax_id") between 1 and 50);--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD CONSTRAINT "tenant_settings_fiscal_month" CHECK ("tenant_settings"."fiscal_year_start_month" between 1 and 12);