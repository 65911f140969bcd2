CREATE TABLE "sales_ar_daily" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"owner_id" uuid,
	"currency" text NOT NULL,
	"slot" smallint NOT NULL,
	"invoices" integer DEFAULT 0 NOT NULL,
	"invoiced_cents" bigint DEFAULT 0 NOT NULL,
	"payments" integer DEFAULT 0 NOT NULL,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"credit_notes" integer DEFAULT 0 NOT NULL,
	"credited_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "sales_ar_daily_key" UNIQUE NULLS NOT DISTINCT("tenant_id","day","owner_id","currency","slot")
);
--> statement-breakpoint
CREATE TABLE "sales_ar_open" (
	"tenant_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"issue_date" date NOT NULL,
	"owner_id" uuid,
	"currency" text NOT NULL,
	"slot" smallint NOT NULL,
	"invoices" integer DEFAULT 0 NOT NULL,
	"balance_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "sales_ar_open_key" UNIQUE NULLS NOT DISTINCT("tenant_id","due_on","issue_date","owner_id","currency","slot")
);
--> statement-breakpoint
ALTER TABLE "sales_ar_daily" ADD CONSTRAINT "sales_ar_daily_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_ar_open" ADD CONSTRAINT "sales_ar_open_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payments_tenant_paid_idx" ON "payments" USING btree ("tenant_id","paid_on","created_at","id");--> statement-breakpoint
CREATE INDEX "sales_documents_deal_idx" ON "sales_documents" USING btree ("tenant_id","deal_id") WHERE deal_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "sales_documents_credit_note_issue_idx" ON "sales_documents" USING btree ("tenant_id","issue_date","created_at","id") WHERE kind = 'credit_note';--> statement-breakpoint
-- Invoice KPI roll-ups (ADR 0038), hand-written. Tenant isolation like every tenant table.
SELECT tessera_enable_tenant_rls(t) FROM unnest(ARRAY['sales_ar_daily', 'sales_ar_open']::regclass[]) AS t;
--> statement-breakpoint
-- Kept right in the changing transaction by statement-level triggers with transition tables: each statement
-- adds its signed deltas (old rows -1, new rows +1) grouped by key, under the writer's slot (pid mod 8), in key
-- order. Live = neither draft nor void. A payment counts under its invoice's owner and currency while the
-- invoice is live, so a document whose liveness, owner or currency moves also moves its payments.
-- Rows deleted with their tenant are skipped (the tenant row is gone): the roll-up rows cascade too.
-- enable_seqscan = off for the function's statements: the transition tables are read whole anyway, and the
-- lookups of payments and invoices must go by index even when the statistics are stale (a bulk insert of payments
-- planned as empty made every 10,000-row update scan them once per invoice: quadratic).
CREATE OR REPLACE FUNCTION sales_ar_documents_rollup() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $fn$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, o.* FROM old_rows o WHERE EXISTS (SELECT FROM tenants t WHERE t.id = o.tenant_id)'
    ELSE 'SELECT -1 AS sign, * FROM old_rows UNION ALL SELECT 1 AS sign, * FROM new_rows' END;
BEGIN
  EXECUTE format($q$
    INSERT INTO sales_ar_daily AS r (tenant_id, day, owner_id, currency, slot, invoices, invoiced_cents,
      credit_notes, credited_cents)
    SELECT * FROM (
      SELECT tenant_id, issue_date, owner_id, currency, (pg_backend_pid() %% 8)::smallint,
        coalesce(sum(sign) FILTER (WHERE kind = 'invoice'), 0)::int AS invoices,
        coalesce(sum(sign * total_cents) FILTER (WHERE kind = 'invoice'), 0)::bigint AS invoiced,
        coalesce(sum(sign) FILTER (WHERE kind = 'credit_note'), 0)::int AS notes,
        coalesce(sum(sign * total_cents) FILTER (WHERE kind = 'credit_note'), 0)::bigint AS credited
      FROM (%s) d
      WHERE kind IN ('invoice', 'credit_note') AND status NOT IN ('draft', 'void')
      GROUP BY tenant_id, issue_date, owner_id, currency) g
    WHERE invoices <> 0 OR invoiced <> 0 OR notes <> 0 OR credited <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT sales_ar_daily_key DO UPDATE SET invoices = r.invoices + excluded.invoices,
      invoiced_cents = r.invoiced_cents + excluded.invoiced_cents, credit_notes = r.credit_notes + excluded.credit_notes,
      credited_cents = r.credited_cents + excluded.credited_cents$q$, changed);
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO sales_ar_daily AS r (tenant_id, day, owner_id, currency, slot, payments, paid_cents)
    SELECT * FROM (
      SELECT p.tenant_id, p.paid_on, c.owner_id, c.currency, (pg_backend_pid() % 8)::smallint,
        sum(c.sign)::int AS n, sum(c.sign * p.amount_cents)::bigint AS paid
      FROM (
        -- Invoices whose liveness, owner or currency moved: grouped, unchanged ones cancel out (no join of the
        -- transition tables: they have no index).
        SELECT tenant_id, id, owner_id, currency, sum(sign) AS sign
        FROM (SELECT -1 AS sign, tenant_id, id, owner_id, currency FROM old_rows
              WHERE kind = 'invoice' AND status NOT IN ('draft', 'void')
              UNION ALL
              SELECT 1, tenant_id, id, owner_id, currency FROM new_rows
              WHERE kind = 'invoice' AND status NOT IN ('draft', 'void')) s
        GROUP BY tenant_id, id, owner_id, currency
        HAVING sum(sign) <> 0) c
      JOIN payments p ON p.tenant_id = c.tenant_id AND p.invoice_id = c.id
      GROUP BY p.tenant_id, p.paid_on, c.owner_id, c.currency) g
    WHERE n <> 0 OR paid <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT sales_ar_daily_key DO UPDATE SET payments = r.payments + excluded.payments,
      paid_cents = r.paid_cents + excluded.paid_cents;
  END IF;
  EXECUTE format($q$
    INSERT INTO sales_ar_open AS r (tenant_id, due_on, issue_date, owner_id, currency, slot, invoices, balance_cents)
    SELECT * FROM (
      SELECT tenant_id, coalesce(due_date, issue_date), issue_date, owner_id, currency,
        (pg_backend_pid() %% 8)::smallint, sum(sign)::int AS n, sum(sign * balance_cents)::bigint AS balance
      FROM (%s) d
      WHERE kind = 'invoice' AND status NOT IN ('draft', 'void') AND balance_cents > 0
      GROUP BY tenant_id, coalesce(due_date, issue_date), issue_date, owner_id, currency) g
    WHERE n <> 0 OR balance <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT sales_ar_open_key DO UPDATE SET invoices = r.invoices + excluded.invoices,
      balance_cents = r.balance_cents + excluded.balance_cents$q$, changed);
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER sales_documents_ar_insert AFTER INSERT ON sales_documents REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sales_ar_documents_rollup();
--> statement-breakpoint
CREATE TRIGGER sales_documents_ar_update AFTER UPDATE ON sales_documents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sales_ar_documents_rollup();
--> statement-breakpoint
CREATE TRIGGER sales_documents_ar_delete AFTER DELETE ON sales_documents REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sales_ar_documents_rollup();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sales_ar_payments_rollup() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $fn$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, o.* FROM old_rows o WHERE EXISTS (SELECT FROM tenants t WHERE t.id = o.tenant_id)'
    ELSE 'SELECT -1 AS sign, * FROM old_rows UNION ALL SELECT 1 AS sign, * FROM new_rows' END;
BEGIN
  EXECUTE format($q$
    INSERT INTO sales_ar_daily AS r (tenant_id, day, owner_id, currency, slot, payments, paid_cents)
    SELECT * FROM (
      SELECT p.tenant_id, p.paid_on, d.owner_id, d.currency, (pg_backend_pid() %% 8)::smallint,
        sum(p.sign)::int AS n, sum(p.sign * p.amount_cents)::bigint AS paid
      FROM (%s) p JOIN sales_documents d ON d.tenant_id = p.tenant_id AND d.id = p.invoice_id
      WHERE d.kind = 'invoice' AND d.status NOT IN ('draft', 'void')
      GROUP BY p.tenant_id, p.paid_on, d.owner_id, d.currency) g
    WHERE n <> 0 OR paid <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT sales_ar_daily_key DO UPDATE SET payments = r.payments + excluded.payments,
      paid_cents = r.paid_cents + excluded.paid_cents$q$, changed);
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER payments_ar_insert AFTER INSERT ON payments REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sales_ar_payments_rollup();
--> statement-breakpoint
CREATE TRIGGER payments_ar_update AFTER UPDATE ON payments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sales_ar_payments_rollup();
--> statement-breakpoint
CREATE TRIGGER payments_ar_delete AFTER DELETE ON payments REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sales_ar_payments_rollup();
--> statement-breakpoint
-- The roll-ups of the documents and payments already there.
INSERT INTO sales_ar_daily (tenant_id, day, owner_id, currency, slot, invoices, invoiced_cents, payments,
  paid_cents, credit_notes, credited_cents)
SELECT tenant_id, day, owner_id, currency, 0, sum(invoices), sum(invoiced), sum(payments), sum(paid),
  sum(notes), sum(credited)
FROM (
  SELECT tenant_id, issue_date AS day, owner_id, currency,
    (kind = 'invoice')::int AS invoices, CASE WHEN kind = 'invoice' THEN total_cents ELSE 0 END AS invoiced,
    0 AS payments, 0 AS paid,
    (kind = 'credit_note')::int AS notes, CASE WHEN kind = 'credit_note' THEN total_cents ELSE 0 END AS credited
  FROM sales_documents WHERE kind IN ('invoice', 'credit_note') AND status NOT IN ('draft', 'void')
  UNION ALL
  SELECT p.tenant_id, p.paid_on, d.owner_id, d.currency, 0, 0, 1, p.amount_cents, 0, 0
  FROM payments p JOIN sales_documents d ON d.tenant_id = p.tenant_id AND d.id = p.invoice_id
  WHERE d.kind = 'invoice' AND d.status NOT IN ('draft', 'void')) f
GROUP BY tenant_id, day, owner_id, currency;
--> statement-breakpoint
INSERT INTO sales_ar_open (tenant_id, due_on, issue_date, owner_id, currency, slot, invoices, balance_cents)
SELECT tenant_id, coalesce(due_date, issue_date), issue_date, owner_id, currency, 0, count(*), sum(balance_cents)
FROM sales_documents
WHERE kind = 'invoice' AND status NOT IN ('draft', 'void') AND balance_cents > 0
GROUP BY tenant_id, coalesce(due_date, issue_date), issue_date, owner_id, currency;
