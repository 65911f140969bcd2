ALTER TABLE "sales_delivery_notes" ADD COLUMN "status" text DEFAULT 'delivered' NOT NULL;--> statement-breakpoint
ALTER TABLE "sales_delivery_notes" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sales_delivery_notes" ADD COLUMN "cancelled_by" uuid;--> statement-breakpoint
ALTER TABLE "sales_delivery_notes" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "sales_delivery_notes" ADD CONSTRAINT "sales_delivery_notes_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_delivery_notes" ADD CONSTRAINT "sales_delivery_notes_status" CHECK ((status = 'delivered' AND cancelled_at IS NULL AND cancel_reason IS NULL) OR (status = 'cancelled' AND cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL));--> statement-breakpoint
-- Never more delivered than ordered, counting only notes that are not cancelled (a cancelled note's quantities are
-- open again, so a corrected note can be made); no lines are added to a cancelled note.
CREATE OR REPLACE FUNCTION sales_delivery_line_check() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE ordered bigint; line_doc uuid; note_source uuid; note_status text; delivered bigint;
BEGIN
  SELECT quantity_milli, document_id INTO ordered, line_doc FROM sales_document_lines
    WHERE tenant_id = NEW.tenant_id AND id = NEW.source_line_id FOR UPDATE;
  SELECT source_id, status INTO note_source, note_status FROM sales_delivery_notes
    WHERE tenant_id = NEW.tenant_id AND id = NEW.note_id;
  IF line_doc IS DISTINCT FROM note_source THEN
    RAISE EXCEPTION 'sales_delivery_wrong_line: the line is not on the delivered document' USING ERRCODE = '23514';
  END IF;
  IF note_status = 'cancelled' THEN
    RAISE EXCEPTION 'sales_delivery_note_immutable: the note is cancelled' USING ERRCODE = '55000';
  END IF;
  SELECT coalesce(sum(l.quantity_milli), 0) INTO delivered FROM sales_delivery_note_lines l
    JOIN sales_delivery_notes n ON n.tenant_id = l.tenant_id AND n.id = l.note_id
    WHERE l.tenant_id = NEW.tenant_id AND l.source_line_id = NEW.source_line_id AND l.id <> NEW.id
      AND n.status <> 'cancelled';
  IF delivered + NEW.quantity_milli > ordered THEN
    RAISE EXCEPTION 'sales_delivery_over_ordered: % + % > %', delivered, NEW.quantity_milli, ordered USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
-- A delivery note is numbered when it is made and fixed afterwards; the one change is cancelling it once
-- (delivered → cancelled with when and why), and a cancelled note changes no more. Cascades pass.
CREATE OR REPLACE FUNCTION sales_delivery_note_guard() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF pg_trigger_depth() > 1 THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'DELETE' OR (OLD.number, OLD.source_id, OLD.delivered_on, OLD.tenant_id)
     IS DISTINCT FROM (NEW.number, NEW.source_id, NEW.delivered_on, NEW.tenant_id) THEN
    RAISE EXCEPTION 'sales_delivery_note_immutable' USING ERRCODE = '55000';
  END IF;
  IF OLD.status = 'cancelled' AND (OLD.status, OLD.cancelled_at, OLD.cancelled_by, OLD.cancel_reason)
     IS DISTINCT FROM (NEW.status, NEW.cancelled_at, NEW.cancelled_by, NEW.cancel_reason) THEN
    RAISE EXCEPTION 'sales_delivery_note_immutable: the note is cancelled' USING ERRCODE = '55000';
  END IF;
  RETURN NEW;
END
$fn$;
