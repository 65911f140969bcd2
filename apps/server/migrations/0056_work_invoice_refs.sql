-- Work (issue #14): a milestone is billed only through its invoice; approved billable expenses are invoiced once.
ALTER TABLE "expenses" ADD COLUMN "invoiced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "expenses" ADD COLUMN "invoice_ref" text;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD COLUMN "invoice_ref" text;--> statement-breakpoint
-- Milestones billed through POST …/invoice before this column existed: their invoice is in the audit log.
UPDATE "project_milestones" m SET "invoice_ref" = a.ref
  FROM (
    SELECT DISTINCT ON (tenant_id, target_id) tenant_id, target_id, changes -> 'invoiceRef' ->> 'to' AS ref
      FROM "audit_logs"
     WHERE action = 'milestone.invoiced' AND target_type = 'milestone'
     ORDER BY tenant_id, target_id, created_at DESC
  ) a
 WHERE m.status = 'billed' AND a.tenant_id = m.tenant_id AND a.target_id = m.id::text AND a.ref IS NOT NULL;--> statement-breakpoint
-- Milestones set billed by hand were never invoiced: they go back to reached (and can be invoiced now).
UPDATE "project_milestones" SET "status" = 'reached', "version" = "version" + 1, "updated_at" = now()
 WHERE "status" = 'billed' AND "invoice_ref" IS NULL;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_invoice_pair" CHECK ((invoiced_at is null) = (invoice_ref is null));--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_invoice_approved" CHECK (invoiced_at is null or (status = 'approved' and billable));--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_billed_invoiced" CHECK ((status = 'billed') = (invoice_ref is not null));--> statement-breakpoint
-- Expenses: as before, plus an expense's invoiced mark is set once (expenses_invoiced_once).
CREATE OR REPLACE FUNCTION work_expense_guard() RETURNS trigger
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
  IF OLD.invoiced_at IS NOT NULL
    AND (NEW.invoiced_at IS DISTINCT FROM OLD.invoiced_at OR NEW.invoice_ref IS DISTINCT FROM OLD.invoice_ref) THEN
    RAISE EXCEPTION 'expense % is already invoiced (expenses_invoiced_once)', OLD.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'expenses_invoiced_once';
  END IF;
  RETURN NEW;
END $$;
