CREATE TABLE "appointment_reminders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"recipient" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_reminders_kind" CHECK (kind in ('24h', '1h') and recipient in ('customer', 'agent'))
);
--> statement-breakpoint
CREATE TABLE "scheduling_bookings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text NOT NULL,
	"address" text,
	"postal_code" text,
	"time_zone" text NOT NULL,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheduling_calendar_feeds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "appointment_reminders" ADD CONSTRAINT "appointment_reminders_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_reminders" ADD CONSTRAINT "appointment_reminders_appointment_fk" FOREIGN KEY ("tenant_id","appointment_id") REFERENCES "public"."appointments"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling_bookings" ADD CONSTRAINT "scheduling_bookings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling_bookings" ADD CONSTRAINT "scheduling_bookings_appointment_fk" FOREIGN KEY ("tenant_id","appointment_id") REFERENCES "public"."appointments"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling_calendar_feeds" ADD CONSTRAINT "scheduling_calendar_feeds_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling_calendar_feeds" ADD CONSTRAINT "scheduling_calendar_feeds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling_calendar_feeds" ADD CONSTRAINT "scheduling_calendar_feeds_agent_fk" FOREIGN KEY ("tenant_id","agent_id") REFERENCES "public"."scheduling_agents"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_reminders_key" ON "appointment_reminders" USING btree ("tenant_id","appointment_id","kind","recipient");--> statement-breakpoint
CREATE UNIQUE INDEX "scheduling_bookings_appointment_key" ON "scheduling_bookings" USING btree ("tenant_id","appointment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scheduling_calendar_feeds_live_key" ON "scheduling_calendar_feeds" USING btree ("tenant_id","agent_id") WHERE revoked_at is null;--> statement-breakpoint
CREATE INDEX "scheduling_calendar_feeds_tenant_agent_idx" ON "scheduling_calendar_feeds" USING btree ("tenant_id","agent_id","created_at");--> statement-breakpoint
SELECT tessera_enable_tenant_rls('scheduling_bookings');--> statement-breakpoint
SELECT tessera_enable_tenant_rls('scheduling_calendar_feeds');--> statement-breakpoint
SELECT tessera_enable_tenant_rls('appointment_reminders');
