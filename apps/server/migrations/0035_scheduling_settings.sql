CREATE TABLE "scheduling_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"strategy" text DEFAULT 'load_balanced' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "scheduling_settings" ADD CONSTRAINT "scheduling_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
SELECT tessera_enable_tenant_rls('scheduling_settings');
