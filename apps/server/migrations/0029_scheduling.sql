CREATE TABLE "appointment_types" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"description" text,
	"duration_minutes" integer NOT NULL,
	"buffer_before_minutes" integer DEFAULT 0 NOT NULL,
	"buffer_after_minutes" integer DEFAULT 0 NOT NULL,
	"slot_step_minutes" integer DEFAULT 30 NOT NULL,
	"min_notice_minutes" integer DEFAULT 0 NOT NULL,
	"max_days_ahead" integer DEFAULT 60 NOT NULL,
	"location_kind" text DEFAULT 'office' NOT NULL,
	"agent_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"required_skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"colour" text DEFAULT '#2563eb' NOT NULL,
	"public_booking" boolean DEFAULT false NOT NULL,
	CONSTRAINT "appointment_types_duration" CHECK (duration_minutes between 5 and 720),
	CONSTRAINT "appointment_types_buffers" CHECK (buffer_before_minutes between 0 and 240 and buffer_after_minutes between 0 and 240),
	CONSTRAINT "appointment_types_step" CHECK (slot_step_minutes between 5 and 240),
	CONSTRAINT "appointment_types_horizon" CHECK (min_notice_minutes >= 0 and max_days_ahead between 1 and 365),
	CONSTRAINT "appointment_types_slug" CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "appointment_types_colour" CHECK (colour ~ '^#[0-9a-fA-F]{6}$')
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"type_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"owner_id" uuid,
	"lead_id" uuid,
	"contact_id" uuid,
	"deal_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"buffer_before_minutes" integer DEFAULT 0 NOT NULL,
	"buffer_after_minutes" integer DEFAULT 0 NOT NULL,
	"blocked_from" timestamp with time zone NOT NULL,
	"blocked_to" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"location_kind" text NOT NULL,
	"location" text,
	"outcome" text,
	"notes" text,
	"cancel_reason" text,
	"source" text DEFAULT 'internal' NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "appointments_order" CHECK (blocked_from <= starts_at and starts_at < ends_at and ends_at <= blocked_to),
	CONSTRAINT "appointments_buffers" CHECK (blocked_from = starts_at - make_interval(mins => buffer_before_minutes) and blocked_to = ends_at + make_interval(mins => buffer_after_minutes)),
	CONSTRAINT "appointments_one_party" CHECK (num_nonnulls(lead_id, contact_id) = 1),
	CONSTRAINT "appointments_outcome_when_completed" CHECK ((status = 'completed') = (outcome is not null))
);
--> statement-breakpoint
CREATE TABLE "scheduling_agents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"user_id" uuid NOT NULL,
	"time_zone" text NOT NULL,
	"weekly_hours" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"breaks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"dates_off" text[] DEFAULT '{}'::text[] NOT NULL,
	"extra_dates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"postal_prefixes" text[] DEFAULT '{}'::text[] NOT NULL,
	"regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "scheduling_agents_priority_range" CHECK (priority between 0 and 1000),
	CONSTRAINT "scheduling_agents_hours_array" CHECK (jsonb_typeof(weekly_hours) = 'array' and jsonb_typeof(breaks) = 'array' and jsonb_typeof(extra_dates) = 'array')
);
--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_types_tenant_id_key" ON "appointment_types" USING btree ("tenant_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_types_tenant_slug_key" ON "appointment_types" USING btree ("tenant_id","slug");
--> statement-breakpoint
CREATE INDEX "appointment_types_tenant_name_idx" ON "appointment_types" USING btree ("tenant_id","name","id");
--> statement-breakpoint
CREATE INDEX "appointment_types_tenant_created_idx" ON "appointment_types" USING btree ("tenant_id","created_at","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_tenant_id_key" ON "appointments" USING btree ("tenant_id","id");
--> statement-breakpoint
CREATE INDEX "appointments_tenant_agent_blocked_idx" ON "appointments" USING btree ("tenant_id","agent_id","blocked_from");
--> statement-breakpoint
CREATE INDEX "appointments_tenant_starts_idx" ON "appointments" USING btree ("tenant_id","starts_at","id");
--> statement-breakpoint
CREATE INDEX "appointments_tenant_created_idx" ON "appointments" USING btree ("tenant_id","created_at","id");
--> statement-breakpoint
CREATE INDEX "appointments_tenant_owner_starts_idx" ON "appointments" USING btree ("tenant_id","owner_id","starts_at");
--> statement-breakpoint
CREATE INDEX "appointments_tenant_lead_idx" ON "appointments" USING btree ("tenant_id","lead_id");
--> statement-breakpoint
CREATE INDEX "appointments_tenant_contact_idx" ON "appointments" USING btree ("tenant_id","contact_id");
--> statement-breakpoint
CREATE INDEX "appointments_tenant_deal_idx" ON "appointments" USING btree ("tenant_id","deal_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "scheduling_agents_tenant_id_key" ON "scheduling_agents" USING btree ("tenant_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "scheduling_agents_tenant_user_key" ON "scheduling_agents" USING btree ("tenant_id","user_id");
--> statement-breakpoint
CREATE INDEX "scheduling_agents_tenant_priority_idx" ON "scheduling_agents" USING btree ("tenant_id","priority","id");
--> statement-breakpoint
CREATE INDEX "scheduling_agents_tenant_created_idx" ON "scheduling_agents" USING btree ("tenant_id","created_at","id");
--> statement-breakpoint
ALTER TABLE "appointment_types" ADD CONSTRAINT "appointment_types_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "appointment_types" ADD CONSTRAINT "appointment_types_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_type_fk" FOREIGN KEY ("tenant_id","type_id") REFERENCES "public"."appointment_types"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_agent_fk" FOREIGN KEY ("tenant_id","agent_id") REFERENCES "public"."scheduling_agents"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "scheduling_agents" ADD CONSTRAINT "scheduling_agents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "scheduling_agents" ADD CONSTRAINT "scheduling_agents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "scheduling_agents" ADD CONSTRAINT "scheduling_agents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
