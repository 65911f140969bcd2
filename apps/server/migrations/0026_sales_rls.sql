-- Sales: tenant isolation and the rules drizzle cannot express. Hand-written (drizzle-kit generate --custom).
SELECT tessera_enable_tenant_rls(t) FROM unnest(ARRAY[
  'product_categories', 'tax_rates', 'products', 'sales_settings', 'sales_counters', 'sales_documents',
  'sales_document_lines', 'payments', 'sales_reminders'
]::regclass[]) AS t;
--> statement-breakpoint
-- Numbers are never given back by hand: a counter row only grows (the issuing transaction increments it).
REVOKE DELETE ON sales_counters FROM tessera_app;
--> statement-breakpoint
-- A document that left draft keeps its content: only its status, payment totals, owner and timestamps move.
-- A void document stays void; nothing goes back to draft. Deleting is for drafts only (cascades from a
-- deleted tenant run inside the foreign key's trigger, pg_trigger_depth() > 1, and are let through).
CREATE OR REPLACE FUNCTION sales_document_guard() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' AND pg_trigger_depth() = 1 THEN
      RAISE EXCEPTION 'sales_document_immutable: % % is not a draft', OLD.kind, OLD.number USING ERRCODE = '55000';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'draft' THEN
    RETURN NEW;
  END IF;
  IF NEW.status = 'draft' OR (OLD.status = 'void' AND NEW.status <> 'void') OR
     (OLD.kind, OLD.number, OLD.company_id, OLD.contact_id, OLD.deal_id, OLD.source_id, OLD.issue_date,
      OLD.due_date, OLD.currency, OLD.rounding, OLD.discount_kind, OLD.discount_value, OLD.notes,
      OLD.buyer_reference, OLD.customer_name, OLD.customer_address, OLD.customer_tax_id, OLD.customer_email,
      OLD.subtotal_cents, OLD.discount_cents, OLD.net_cents, OLD.tax_cents, OLD.total_cents, OLD.tax_breakdown,
      OLD.issued_at, OLD.tenant_id, OLD.created_at)
     IS DISTINCT FROM
     (NEW.kind, NEW.number, NEW.company_id, NEW.contact_id, NEW.deal_id, NEW.source_id, NEW.issue_date,
      NEW.due_date, NEW.currency, NEW.rounding, NEW.discount_kind, NEW.discount_value, NEW.notes,
      NEW.buyer_reference, NEW.customer_name, NEW.customer_address, NEW.customer_tax_id, NEW.customer_email,
      NEW.subtotal_cents, NEW.discount_cents, NEW.net_cents, NEW.tax_cents, NEW.total_cents, NEW.tax_breakdown,
      NEW.issued_at, NEW.tenant_id, NEW.created_at) THEN
    RAISE EXCEPTION 'sales_document_immutable: % % is not a draft', OLD.kind, OLD.number USING ERRCODE = '55000';
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER sales_documents_guard BEFORE UPDATE OR DELETE ON sales_documents
  FOR EACH ROW EXECUTE FUNCTION sales_document_guard();
--> statement-breakpoint
-- Lines change only while their document is a draft.
CREATE OR REPLACE FUNCTION sales_document_line_guard() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE doc_status text;
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  SELECT status INTO doc_status FROM sales_documents
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.document_id ELSE NEW.document_id END;
  IF doc_status IS NOT NULL AND doc_status <> 'draft' THEN
    RAISE EXCEPTION 'sales_document_immutable: the lines of a % document are fixed', doc_status USING ERRCODE = '55000';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.document_id <> NEW.document_id THEN
    RAISE EXCEPTION 'sales_document_immutable: a line stays on its document' USING ERRCODE = '55000';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER sales_document_lines_guard BEFORE INSERT OR UPDATE OR DELETE ON sales_document_lines
  FOR EACH ROW EXECUTE FUNCTION sales_document_line_guard();
