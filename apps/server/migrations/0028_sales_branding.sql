CREATE TABLE "sales_branding" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"primary_color" text,
	"accent_color" text,
	"logo" "bytea",
	"logo_type" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_branding_colors" CHECK ((primary_color IS NULL OR primary_color ~ '^#[0-9a-f]{6}$') AND (accent_color IS NULL OR accent_color ~ '^#[0-9a-f]{6}$')),
	CONSTRAINT "sales_branding_logo" CHECK ((logo IS NULL AND logo_type IS NULL) OR (logo_type IN ('image/png', 'image/jpeg') AND octet_length(logo) BETWEEN 1 AND 524288))
);
--> statement-breakpoint
ALTER TABLE "sales_branding" ADD CONSTRAINT "sales_branding_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Added by hand: tenant isolation (forced RLS), as every tenant table.
SELECT tessera_enable_tenant_rls('sales_branding');
