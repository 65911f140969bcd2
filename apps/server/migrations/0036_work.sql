-- The work module: projects, milestones, assignments, timesheets, expenses; CRM tasks and activities link to projects (ADR 0021).
CREATE TABLE "project_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text,
	"allocation_percent" numeric(5, 1),
	"minutes_per_week" integer,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"rate_cents" bigint,
	CONSTRAINT "project_assignments_end_after_start" CHECK (end_date >= start_date),
	CONSTRAINT "project_assignments_one_allocation" CHECK (num_nonnulls(allocation_percent, minutes_per_week) = 1 and coalesce(allocation_percent, 1) > 0 and coalesce(minutes_per_week, 1) > 0)
);
--> statement-breakpoint
CREATE TABLE "expenses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"user_id" uuid NOT NULL,
	"expense_date" date NOT NULL,
	"project_id" uuid NOT NULL,
	"category" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"tax_cents" bigint DEFAULT 0 NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"billable" boolean DEFAULT false NOT NULL,
	"note" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reimbursed_at" timestamp with time zone,
	CONSTRAINT "expenses_amounts" CHECK (amount_cents > 0 and tax_cents >= 0 and tax_cents <= amount_cents),
	CONSTRAINT "expenses_reimbursed_when_approved" CHECK (reimbursed_at is null or status = 'approved')
);
--> statement-breakpoint
CREATE TABLE "member_capacities" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"minutes_per_week" integer NOT NULL,
	CONSTRAINT "member_capacities_tenant_id_user_id_pk" PRIMARY KEY("tenant_id","user_id"),
	CONSTRAINT "member_capacities_range" CHECK (minutes_per_week between 0 and 4800)
);
--> statement-breakpoint
CREATE TABLE "project_milestones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"due_date" date,
	"amount_cents" bigint,
	"status" text DEFAULT 'open' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"company_id" uuid,
	"contact_id" uuid,
	"manager_id" uuid,
	"start_date" date,
	"end_date" date,
	"budget_minutes" integer,
	"budget_cents" bigint,
	"currency" text DEFAULT 'USD' NOT NULL,
	"billing_mode" text DEFAULT 'time_and_materials' NOT NULL,
	"default_rate_cents" bigint,
	"role_rates" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description" text,
	"search_text" text GENERATED ALWAYS AS (lower(coalesce(name, '') || ' ' || code)) STORED,
	CONSTRAINT "projects_end_after_start" CHECK (end_date is null or start_date is null or end_date >= start_date),
	CONSTRAINT "projects_budget_not_negative" CHECK (coalesce(budget_minutes, 0) >= 0 and coalesce(budget_cents, 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "time_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"user_id" uuid NOT NULL,
	"work_date" date NOT NULL,
	"week_start" date GENERATED ALWAYS AS ((work_date - (extract(isodow from work_date)::int - 1))) STORED NOT NULL,
	"project_id" uuid NOT NULL,
	"task_id" uuid,
	"minutes" integer NOT NULL,
	"billable" boolean DEFAULT true NOT NULL,
	"note" text,
	"invoiced_at" timestamp with time zone,
	"invoice_ref" text,
	CONSTRAINT "time_entries_quarter_hours" CHECK (minutes > 0 and minutes <= 1440 and minutes % 15 = 0),
	CONSTRAINT "time_entries_invoice_pair" CHECK ((invoiced_at is null) = (invoice_ref is null))
);
--> statement-breakpoint
CREATE TABLE "time_entry_days" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"work_date" date NOT NULL,
	"minutes" integer NOT NULL,
	CONSTRAINT "time_entry_days_tenant_id_user_id_work_date_pk" PRIMARY KEY("tenant_id","user_id","work_date"),
	CONSTRAINT "time_entry_days_at_most_24h" CHECK (minutes between 0 and 1440)
);
--> statement-breakpoint
CREATE TABLE "timesheet_weeks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"user_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	CONSTRAINT "timesheet_weeks_monday" CHECK (extract(isodow from week_start) = 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "project_assignments_tenant_id_key" ON "project_assignments" USING btree ("tenant_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "expenses_tenant_id_key" ON "expenses" USING btree ("tenant_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "project_milestones_tenant_id_key" ON "project_milestones" USING btree ("tenant_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "project_milestones_project_key" ON "project_milestones" USING btree ("tenant_id","project_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "projects_tenant_id_key" ON "projects" USING btree ("tenant_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "projects_tenant_code_key" ON "projects" USING btree ("tenant_id",lower("code"));
--> statement-breakpoint
CREATE UNIQUE INDEX "time_entries_tenant_id_key" ON "time_entries" USING btree ("tenant_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "timesheet_weeks_tenant_id_key" ON "timesheet_weeks" USING btree ("tenant_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "timesheet_weeks_user_week_key" ON "timesheet_weeks" USING btree ("tenant_id","user_id","week_start");
--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_tenant_id_key" ON "tasks" USING btree ("tenant_id","id");
--> statement-breakpoint
ALTER TABLE "activities" DROP CONSTRAINT "activities_one_related";
--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_at_most_one_related";
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "project_id" uuid;
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "project_id" uuid;
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "milestone_id" uuid;
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "estimate_minutes" integer;
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "checklist" jsonb DEFAULT '[]'::jsonb NOT NULL;
--> statement-breakpoint
ALTER TABLE "project_assignments" ADD CONSTRAINT "project_assignments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "project_assignments" ADD CONSTRAINT "project_assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "project_assignments" ADD CONSTRAINT "project_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "project_assignments" ADD CONSTRAINT "project_assignments_project_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_project_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "member_capacities" ADD CONSTRAINT "member_capacities_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "member_capacities" ADD CONSTRAINT "member_capacities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_project_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_project_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "time_entry_days" ADD CONSTRAINT "time_entry_days_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "timesheet_weeks" ADD CONSTRAINT "timesheet_weeks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "timesheet_weeks" ADD CONSTRAINT "timesheet_weeks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "timesheet_weeks" ADD CONSTRAINT "timesheet_weeks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "timesheet_weeks" ADD CONSTRAINT "timesheet_weeks_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "project_assignments_project_idx" ON "project_assignments" USING btree ("tenant_id","project_id","start_date","id");
--> statement-breakpoint
CREATE INDEX "project_assignments_user_idx" ON "project_assignments" USING btree ("tenant_id","user_id","start_date");
--> statement-breakpoint
CREATE INDEX "expenses_user_date_idx" ON "expenses" USING btree ("tenant_id","user_id","expense_date","id");
--> statement-breakpoint
CREATE INDEX "expenses_project_idx" ON "expenses" USING btree ("tenant_id","project_id","expense_date");
--> statement-breakpoint
CREATE INDEX "expenses_status_idx" ON "expenses" USING btree ("tenant_id","status","expense_date","id");
--> statement-breakpoint
CREATE INDEX "project_milestones_project_idx" ON "project_milestones" USING btree ("tenant_id","project_id","due_date","id");
--> statement-breakpoint
CREATE INDEX "projects_tenant_name_idx" ON "projects" USING btree ("tenant_id",lower("name"),"id");
--> statement-breakpoint
CREATE INDEX "projects_tenant_start_idx" ON "projects" USING btree ("tenant_id","start_date","id");
--> statement-breakpoint
CREATE INDEX "projects_tenant_created_idx" ON "projects" USING btree ("tenant_id","created_at","id");
--> statement-breakpoint
CREATE INDEX "projects_search_idx" ON "projects" USING gin ("search_text" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "time_entries_user_date_idx" ON "time_entries" USING btree ("tenant_id","user_id","work_date","id");
--> statement-breakpoint
CREATE INDEX "time_entries_project_date_idx" ON "time_entries" USING btree ("tenant_id","project_id","work_date");
--> statement-breakpoint
CREATE INDEX "time_entries_date_idx" ON "time_entries" USING btree ("tenant_id","work_date","id");
--> statement-breakpoint
CREATE INDEX "timesheet_weeks_status_idx" ON "timesheet_weeks" USING btree ("tenant_id","status","week_start","id");
--> statement-breakpoint
CREATE INDEX "activities_tenant_project_idx" ON "activities" USING btree ("tenant_id","project_id","occurred_at");
--> statement-breakpoint
CREATE INDEX "tasks_tenant_project_idx" ON "tasks" USING btree ("tenant_id","project_id","status");
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_one_related" CHECK (num_nonnulls(lead_id, contact_id, company_id, deal_id, project_id) = 1);
--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_milestone_needs_project" CHECK (milestone_id is null or project_id is not null);
--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_estimate_range" CHECK (estimate_minutes is null or estimate_minutes between 0 and 1000000);
--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_at_most_one_related" CHECK (num_nonnulls(lead_id, contact_id, company_id, deal_id, project_id) <= 1);
--> statement-breakpoint
-- Hand-written below. Tenant foreign keys across modules (each module's drizzle tables stay its own).
ALTER TABLE "projects" ADD CONSTRAINT "projects_company_fk" FOREIGN KEY ("tenant_id","company_id") REFERENCES "public"."companies"("tenant_id","id");
--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_contact_fk" FOREIGN KEY ("tenant_id","contact_id") REFERENCES "public"."contacts"("tenant_id","id");
--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_task_fk" FOREIGN KEY ("tenant_id","task_id") REFERENCES "public"."tasks"("tenant_id","id") ON DELETE SET NULL ("task_id");
--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_project_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_project_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE CASCADE;
--> statement-breakpoint
-- A task's milestone is one of the project the task is linked to.
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_milestone_fk" FOREIGN KEY ("tenant_id","project_id","milestone_id") REFERENCES "public"."project_milestones"("tenant_id","project_id","id") ON DELETE SET NULL ("milestone_id");
--> statement-breakpoint
-- The state of a member's week (creating its draft row when asked), read FOR SHARE: a submit or approval
-- (an UPDATE of that row) and a booking in the same week wait for each other instead of racing.
CREATE FUNCTION work_week_status(p_tenant uuid, p_user uuid, p_date date, p_create boolean) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  monday date := p_date - (extract(isodow from p_date)::int - 1);
  s text;
BEGIN
  IF p_create THEN
    INSERT INTO timesheet_weeks (id, tenant_id, user_id, week_start)
    VALUES (gen_random_uuid(), p_tenant, p_user, monday)
    ON CONFLICT (tenant_id, user_id, week_start) DO NOTHING;
  END IF;
  SELECT status INTO s FROM timesheet_weeks
  WHERE tenant_id = p_tenant AND user_id = p_user AND week_start = monday FOR SHARE;
  RETURN coalesce(s, 'draft');
END $$;
--> statement-breakpoint
-- Entries of a submitted or approved week are locked; the invoice mark is set once, only on approved
-- billable time. Deletes cascading from a removed tenant or user (trigger depth > 1) pass.
CREATE FUNCTION work_time_entry_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  s text;
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    s := work_week_status(OLD.tenant_id, OLD.user_id, OLD.work_date, false);
    IF TG_OP = 'UPDATE'
      AND (NEW.user_id, NEW.work_date, NEW.project_id, NEW.minutes, NEW.billable)
        = (OLD.user_id, OLD.work_date, OLD.project_id, OLD.minutes, OLD.billable)
      AND NEW.task_id IS NOT DISTINCT FROM OLD.task_id AND NEW.note IS NOT DISTINCT FROM OLD.note THEN
      IF OLD.invoiced_at IS NOT NULL
        AND (NEW.invoiced_at IS DISTINCT FROM OLD.invoiced_at OR NEW.invoice_ref IS DISTINCT FROM OLD.invoice_ref) THEN
        RAISE EXCEPTION 'time entry % is already invoiced (time_entries_invoiced_once)', OLD.id
          USING ERRCODE = 'check_violation', CONSTRAINT = 'time_entries_invoiced_once';
      END IF;
      IF OLD.invoiced_at IS NULL AND NEW.invoiced_at IS NOT NULL AND (s <> 'approved' OR NOT NEW.billable) THEN
        RAISE EXCEPTION 'only approved billable time is invoiced (time_entries_invoice_approved)'
          USING ERRCODE = 'check_violation', CONSTRAINT = 'time_entries_invoice_approved';
      END IF;
      RETURN NEW;
    END IF;
    IF s IN ('submitted', 'approved') OR OLD.invoiced_at IS NOT NULL THEN
      RAISE EXCEPTION 'time entry % is locked (time_entries_locked)', OLD.id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'time_entries_locked';
    END IF;
    IF TG_OP = 'DELETE' THEN
      RETURN OLD;
    END IF;
  END IF;
  IF NEW.invoiced_at IS NOT NULL THEN
    RAISE EXCEPTION 'only approved billable time is invoiced (time_entries_invoice_approved)'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'time_entries_invoice_approved';
  END IF;
  s := work_week_status(NEW.tenant_id, NEW.user_id, NEW.work_date, true);
  IF s IN ('submitted', 'approved') THEN
    RAISE EXCEPTION 'the week of % is % (time_entries_locked)', NEW.work_date, s
      USING ERRCODE = 'check_violation', CONSTRAINT = 'time_entries_locked';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER time_entries_guard BEFORE INSERT OR UPDATE OR DELETE ON time_entries
  FOR EACH ROW EXECUTE FUNCTION work_time_entry_guard();
--> statement-breakpoint
-- The 24-hour rule: minutes per member and day are summed into time_entry_days, whose CHECK refuses more
-- than 1440. The upsert locks the member-day row, so concurrent bookings of the same day are serialised.
CREATE FUNCTION work_time_entry_day_totals() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW.user_id, NEW.work_date, NEW.minutes) = (OLD.user_id, OLD.work_date, OLD.minutes) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE time_entry_days SET minutes = minutes - OLD.minutes
    WHERE tenant_id = OLD.tenant_id AND user_id = OLD.user_id AND work_date = OLD.work_date;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO time_entry_days (tenant_id, user_id, work_date, minutes)
    VALUES (NEW.tenant_id, NEW.user_id, NEW.work_date, NEW.minutes)
    ON CONFLICT (tenant_id, user_id, work_date) DO UPDATE SET minutes = time_entry_days.minutes + EXCLUDED.minutes;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER time_entries_day_totals AFTER INSERT OR UPDATE OR DELETE ON time_entries
  FOR EACH ROW EXECUTE FUNCTION work_time_entry_day_totals();
--> statement-breakpoint
-- An approved week stays approved.
CREATE FUNCTION work_week_final() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'approved' AND NEW.status <> 'approved' THEN
    RAISE EXCEPTION 'an approved week stays approved (timesheet_weeks_approved_final)'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'timesheet_weeks_approved_final';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER timesheet_weeks_final BEFORE UPDATE ON timesheet_weeks
  FOR EACH ROW EXECUTE FUNCTION work_week_final();
--> statement-breakpoint
-- Expenses: a submitted or approved expense keeps its content; reimbursed once; an approved one stays approved.
CREATE FUNCTION work_expense_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF pg_trigger_depth() = 1 AND OLD.status IN ('submitted', 'approved') THEN
      RAISE EXCEPTION 'expense % is locked (expenses_locked)', OLD.id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'expenses_locked';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status IN ('submitted', 'approved')
    AND ((NEW.user_id, NEW.expense_date, NEW.project_id, NEW.category, NEW.amount_cents, NEW.tax_cents, NEW.currency, NEW.billable)
      <> (OLD.user_id, OLD.expense_date, OLD.project_id, OLD.category, OLD.amount_cents, OLD.tax_cents, OLD.currency, OLD.billable)
      OR NEW.note IS DISTINCT FROM OLD.note) THEN
    RAISE EXCEPTION 'expense % is locked (expenses_locked)', OLD.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'expenses_locked';
  END IF;
  IF OLD.status = 'approved' AND NEW.status <> 'approved' THEN
    RAISE EXCEPTION 'an approved expense stays approved (expenses_locked)'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'expenses_locked';
  END IF;
  IF OLD.reimbursed_at IS NOT NULL AND NEW.reimbursed_at IS DISTINCT FROM OLD.reimbursed_at THEN
    RAISE EXCEPTION 'expense % is already reimbursed (expenses_reimbursed_once)', OLD.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'expenses_reimbursed_once';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER expenses_guard BEFORE UPDATE OR DELETE ON expenses
  FOR EACH ROW EXECUTE FUNCTION work_expense_guard();
