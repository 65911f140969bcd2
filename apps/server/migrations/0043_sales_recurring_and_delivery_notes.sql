-- Sales: recurring invoice templates and their runs (one per period), delivery notes with their lines (issue #11 items 8 and 5).
CREATE TABLE "sales_delivery_note_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"source_line_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"quantity_milli" bigint NOT NULL,
	CONSTRAINT "sales_delivery_note_lines_quantity" CHECK (quantity_milli > 0)
);
--> statement-breakpoint
CREATE TABLE "sales_delivery_notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"number" text NOT NULL,
	"source_id" uuid NOT NULL,
	"source_kind" text NOT NULL,
	"owner_id" uuid,
	"delivered_on" date NOT NULL,
	"notes" text,
	CONSTRAINT "sales_delivery_notes_source_kind" CHECK (source_kind IN ('quote','invoice'))
);
--> statement-breakpoint
CREATE TABLE "sales_recurring_invoices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"name" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"owner_id" uuid,
	"company_id" uuid,
	"contact_id" uuid,
	"currency" text NOT NULL,
	"discount_kind" text,
	"discount_value" bigint,
	"notes" text,
	"buyer_reference" text,
	"customer_name" text,
	"customer_address" jsonb,
	"customer_tax_id" text,
	"customer_email" text,
	"lines" jsonb NOT NULL,
	"total_cents" bigint DEFAULT 0 NOT NULL,
	"unit" text NOT NULL,
	"every" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"max_count" integer,
	"due_days" integer,
	"auto_issue" boolean DEFAULT false NOT NULL,
	"auto_send" boolean DEFAULT false NOT NULL,
	"send_to" text,
	"generated_count" integer DEFAULT 0 NOT NULL,
	"next_date" date,
	"last_run_at" timestamp with time zone,
	"search_text" text GENERATED ALWAYS AS (lower(coalesce(name, '') || ' ' || coalesce(customer_name, ''))) STORED,
	CONSTRAINT "sales_recurring_invoices_status" CHECK (status IN ('active','paused','ended')),
	CONSTRAINT "sales_recurring_invoices_unit" CHECK (unit IN ('day','week','month')),
	CONSTRAINT "sales_recurring_invoices_every" CHECK (every BETWEEN 1 AND 365),
	CONSTRAINT "sales_recurring_invoices_dates" CHECK (end_date IS NULL OR start_date <= end_date),
	CONSTRAINT "sales_recurring_invoices_count" CHECK (generated_count >= 0 AND (max_count IS NULL OR (max_count > 0 AND generated_count <= max_count))),
	CONSTRAINT "sales_recurring_invoices_send" CHECK (NOT auto_send OR auto_issue),
	CONSTRAINT "sales_recurring_invoices_currency_iso" CHECK (currency ~ '^[A-Z]{3}$'),
	CONSTRAINT "sales_recurring_invoices_amounts" CHECK (total_cents >= 0 AND coalesce(discount_value, 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "sales_recurring_runs" (
	"tenant_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"period_index" integer NOT NULL,
	"period_date" date NOT NULL,
	"invoice_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_recurring_runs_index" CHECK (period_index >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "sales_delivery_note_lines_position_key" ON "sales_delivery_note_lines" USING btree ("tenant_id","note_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_delivery_notes_tenant_id_key" ON "sales_delivery_notes" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_delivery_notes_number_key" ON "sales_delivery_notes" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_recurring_invoices_tenant_id_key" ON "sales_recurring_invoices" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_recurring_runs_period_key" ON "sales_recurring_runs" USING btree ("tenant_id","template_id","period_index");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_document_lines_tenant_id_key" ON "sales_document_lines" USING btree ("tenant_id","id");--> statement-breakpoint
ALTER TABLE "sales_delivery_note_lines" ADD CONSTRAINT "sales_delivery_note_lines_note_fk" FOREIGN KEY ("tenant_id","note_id") REFERENCES "public"."sales_delivery_notes"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_delivery_note_lines" ADD CONSTRAINT "sales_delivery_note_lines_source_fk" FOREIGN KEY ("tenant_id","source_line_id") REFERENCES "public"."sales_document_lines"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_delivery_notes" ADD CONSTRAINT "sales_delivery_notes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_delivery_notes" ADD CONSTRAINT "sales_delivery_notes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_delivery_notes" ADD CONSTRAINT "sales_delivery_notes_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_delivery_notes" ADD CONSTRAINT "sales_delivery_notes_source_fk" FOREIGN KEY ("tenant_id","source_id") REFERENCES "public"."sales_documents"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_recurring_invoices" ADD CONSTRAINT "sales_recurring_invoices_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_recurring_invoices" ADD CONSTRAINT "sales_recurring_invoices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_recurring_invoices" ADD CONSTRAINT "sales_recurring_invoices_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_recurring_runs" ADD CONSTRAINT "sales_recurring_runs_template_fk" FOREIGN KEY ("tenant_id","template_id") REFERENCES "public"."sales_recurring_invoices"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sales_delivery_note_lines_source_idx" ON "sales_delivery_note_lines" USING btree ("tenant_id","source_line_id");--> statement-breakpoint
CREATE INDEX "sales_delivery_notes_source_idx" ON "sales_delivery_notes" USING btree ("tenant_id","source_id");--> statement-breakpoint
CREATE INDEX "sales_delivery_notes_created_idx" ON "sales_delivery_notes" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sales_recurring_invoices_due_idx" ON "sales_recurring_invoices" USING btree ("tenant_id","status","next_date");--> statement-breakpoint
CREATE INDEX "sales_recurring_invoices_created_idx" ON "sales_recurring_invoices" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
SELECT tessera_enable_tenant_rls(t) FROM unnest(ARRAY[
  'sales_recurring_invoices', 'sales_recurring_runs', 'sales_delivery_notes', 'sales_delivery_note_lines'
]::regclass[]) AS t;
--> statement-breakpoint
-- Never more delivered than ordered, across all delivery notes of a line: the source line is locked first, so
-- concurrent notes of the same line queue, and the sum (a new snapshot per statement) sees the ones committed
-- before. The line must belong to the note's source document.
CREATE OR REPLACE FUNCTION sales_delivery_line_check() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE ordered bigint; line_doc uuid; note_source uuid; delivered bigint;
BEGIN
  SELECT quantity_milli, document_id INTO ordered, line_doc FROM sales_document_lines
    WHERE tenant_id = NEW.tenant_id AND id = NEW.source_line_id FOR UPDATE;
  SELECT source_id INTO note_source FROM sales_delivery_notes WHERE tenant_id = NEW.tenant_id AND id = NEW.note_id;
  IF line_doc IS DISTINCT FROM note_source THEN
    RAISE EXCEPTION 'sales_delivery_wrong_line: the line is not on the delivered document' USING ERRCODE = '23514';
  END IF;
  SELECT coalesce(sum(quantity_milli), 0) INTO delivered FROM sales_delivery_note_lines
    WHERE tenant_id = NEW.tenant_id AND source_line_id = NEW.source_line_id AND id <> NEW.id;
  IF delivered + NEW.quantity_milli > ordered THEN
    RAISE EXCEPTION 'sales_delivery_over_ordered: % + % > %', delivered, NEW.quantity_milli, ordered USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER sales_delivery_note_lines_check BEFORE INSERT OR UPDATE ON sales_delivery_note_lines
  FOR EACH ROW EXECUTE FUNCTION sales_delivery_line_check();
--> statement-breakpoint
-- A delivery note is numbered when it is made and fixed afterwards (cascades from a deleted tenant pass).
CREATE OR REPLACE FUNCTION sales_delivery_note_guard() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF pg_trigger_depth() > 1 THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'DELETE' OR (OLD.number, OLD.source_id, OLD.delivered_on, OLD.tenant_id)
     IS DISTINCT FROM (NEW.number, NEW.source_id, NEW.delivered_on, NEW.tenant_id) THEN
    RAISE EXCEPTION 'sales_delivery_note_immutable' USING ERRCODE = '55000';
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER sales_delivery_notes_guard BEFORE UPDATE OR DELETE ON sales_delivery_notes
  FOR EACH ROW EXECUTE FUNCTION sales_delivery_note_guard();
--> statement-breakpoint
-- Numbers are never given back: delivery notes and their lines are not deleted by the application.
REVOKE DELETE ON sales_delivery_notes, sales_delivery_note_lines FROM tessera_app;
--> statement-breakpoint
-- The system roles of existing tenants get the new permissions their templates have (owner, admin, manager).
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY[
  'recurring_invoices.view', 'recurring_invoices.manage', 'recurring_invoices.run',
  'delivery_notes.view', 'delivery_notes.create'
]::text[]) ORDER BY 1)
WHERE is_system AND key IN ('owner', 'admin', 'manager');
