CREATE TABLE "contractor_customers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"contractor_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crew_members" (
	"tenant_id" uuid NOT NULL,
	"crew_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "crew_members_tenant_id_crew_id_user_id_pk" PRIMARY KEY("tenant_id","crew_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "crews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"name" text NOT NULL,
	"lead_id" uuid,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"vehicle" text,
	"working_hours" jsonb DEFAULT '{"days":[1,2,3,4,5],"start":"08:00","end":"17:00"}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_status_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"kind" text DEFAULT 'job' NOT NULL,
	"title" text NOT NULL,
	"type" text,
	"priority" text DEFAULT 'normal' NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"description" text,
	"company_id" uuid,
	"contact_id" uuid,
	"deal_id" uuid,
	"customer_name" text,
	"customer_phone" text,
	"customer_email" text,
	"site_address" text,
	"site_lat" double precision,
	"site_lng" double precision,
	"scheduled_start" timestamp with time zone,
	"scheduled_end" timestamp with time zone,
	"estimated_minutes" integer,
	"required_skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"crew_id" uuid,
	"owner_id" uuid,
	"checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"completion_notes" text,
	"signature_name" text,
	"completed_at" timestamp with time zone,
	"pickup_address" text,
	"pickup_from" timestamp with time zone,
	"pickup_to" timestamp with time zone,
	"delivery_address" text,
	"delivery_from" timestamp with time zone,
	"delivery_to" timestamp with time zone,
	"weight_kg" double precision,
	"volume_m3" double precision,
	"reference" text,
	"search_text" text GENERATED ALWAYS AS (lower(coalesce(title, '') || ' ' || coalesce(customer_name, '') || ' ' || coalesce(site_address, '') || ' ' || coalesce(reference, ''))) STORED,
	CONSTRAINT "jobs_window_order" CHECK (scheduled_start is null or scheduled_end is null or scheduled_end > scheduled_start),
	CONSTRAINT "jobs_window_pair" CHECK ((scheduled_start is null) = (scheduled_end is null)),
	CONSTRAINT "jobs_crewed_status" CHECK (crew_id is not null or status not in ('dispatched', 'en_route', 'on_site')),
	CONSTRAINT "jobs_pickup_order" CHECK (pickup_from is null or pickup_to is null or pickup_to >= pickup_from),
	CONSTRAINT "jobs_delivery_order" CHECK (delivery_from is null or delivery_to is null or delivery_to >= delivery_from)
);
--> statement-breakpoint
CREATE TABLE "territories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"name" text NOT NULL,
	"description" text,
	"geometry" jsonb,
	"postal_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"streets" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "territory_agents" (
	"tenant_id" uuid NOT NULL,
	"territory_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "territory_agents_tenant_id_territory_id_user_id_pk" PRIMARY KEY("tenant_id","territory_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"territory_id" uuid,
	"owner_id" uuid,
	"address" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"visited_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"notes" text,
	"contact_name" text,
	"contact_phone" text,
	"contact_email" text,
	"lead_id" uuid,
	"address_key" text GENERATED ALWAYS AS (lower(regexp_replace(trim(address), '\s+', ' ', 'g'))) STORED
);
--> statement-breakpoint
ALTER TABLE "contractor_customers" ADD CONSTRAINT "contractor_customers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contractor_customers" ADD CONSTRAINT "contractor_customers_contractor_id_users_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contractor_customers" ADD CONSTRAINT "contractor_customers_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crew_members" ADD CONSTRAINT "crew_members_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crew_members" ADD CONSTRAINT "crew_members_crew_id_crews_id_fk" FOREIGN KEY ("crew_id") REFERENCES "public"."crews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crew_members" ADD CONSTRAINT "crew_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crews" ADD CONSTRAINT "crews_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crews" ADD CONSTRAINT "crews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crews" ADD CONSTRAINT "crews_lead_id_users_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_status_history" ADD CONSTRAINT "job_status_history_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_status_history" ADD CONSTRAINT "job_status_history_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_status_history" ADD CONSTRAINT "job_status_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_crew_id_crews_id_fk" FOREIGN KEY ("crew_id") REFERENCES "public"."crews"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territories" ADD CONSTRAINT "territories_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territories" ADD CONSTRAINT "territories_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territory_agents" ADD CONSTRAINT "territory_agents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territory_agents" ADD CONSTRAINT "territory_agents_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territory_agents" ADD CONSTRAINT "territory_agents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contractor_customers_key" ON "contractor_customers" USING btree ("tenant_id","contractor_id","company_id");--> statement-breakpoint
CREATE INDEX "contractor_customers_company_idx" ON "contractor_customers" USING btree ("tenant_id","company_id");--> statement-breakpoint
CREATE INDEX "crew_members_tenant_user_idx" ON "crew_members" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "crews_tenant_id_key" ON "crews" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "crews_tenant_name_key" ON "crews" USING btree ("tenant_id",lower("name"));--> statement-breakpoint
CREATE INDEX "crews_tenant_created_idx" ON "crews" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "crews_tenant_lead_idx" ON "crews" USING btree ("tenant_id","lead_id");--> statement-breakpoint
CREATE INDEX "job_status_history_job_idx" ON "job_status_history" USING btree ("tenant_id","job_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_tenant_id_key" ON "jobs" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE INDEX "jobs_tenant_created_idx" ON "jobs" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "jobs_tenant_scheduled_idx" ON "jobs" USING btree ("tenant_id","scheduled_start","id");--> statement-breakpoint
CREATE INDEX "jobs_tenant_crew_start_idx" ON "jobs" USING btree ("tenant_id","crew_id","scheduled_start");--> statement-breakpoint
CREATE INDEX "jobs_tenant_title_idx" ON "jobs" USING btree ("tenant_id","title","id");--> statement-breakpoint
CREATE INDEX "jobs_tenant_priority_idx" ON "jobs" USING btree ("tenant_id",(case priority when 'urgent' then 3 when 'high' then 2 when 'normal' then 1 else 0 end),"id");--> statement-breakpoint
CREATE INDEX "jobs_tenant_company_idx" ON "jobs" USING btree ("tenant_id","company_id");--> statement-breakpoint
CREATE INDEX "jobs_search_idx" ON "jobs" USING gin ("tenant_id","search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "territories_tenant_id_key" ON "territories" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "territories_tenant_name_key" ON "territories" USING btree ("tenant_id",lower("name"));--> statement-breakpoint
CREATE INDEX "territories_tenant_created_idx" ON "territories" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "territory_agents_tenant_user_idx" ON "territory_agents" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "visits_tenant_visited_idx" ON "visits" USING btree ("tenant_id","visited_at","id");--> statement-breakpoint
CREATE INDEX "visits_tenant_agent_visited_idx" ON "visits" USING btree ("tenant_id","owner_id","visited_at");--> statement-breakpoint
CREATE INDEX "visits_tenant_territory_idx" ON "visits" USING btree ("tenant_id","territory_id","visited_at");--> statement-breakpoint
CREATE INDEX "visits_tenant_address_idx" ON "visits" USING btree ("tenant_id","address_key");