CREATE TABLE "crm_deal_rollup" (
	"tenant_id" uuid NOT NULL,
	"status" text NOT NULL,
	"grain" text NOT NULL,
	"day" date,
	"owner_id" uuid,
	"pipeline_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"deals" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	"cycle_seconds" numeric NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crm_lead_rollup" (
	"tenant_id" uuid NOT NULL,
	"grain" text NOT NULL,
	"day" date NOT NULL,
	"owner_id" uuid,
	"source" text,
	"vendor_id" uuid,
	"status" text NOT NULL,
	"leads" integer NOT NULL,
	"won_revenue_cents" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "crm_deal_rollup" ADD CONSTRAINT "crm_deal_rollup_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_lead_rollup" ADD CONSTRAINT "crm_lead_rollup_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crm_deal_rollup_tenant_status_day_idx" ON "crm_deal_rollup" USING btree ("tenant_id","status","grain","day");--> statement-breakpoint
CREATE INDEX "crm_lead_rollup_tenant_day_idx" ON "crm_lead_rollup" USING btree ("tenant_id","grain","day");--> statement-breakpoint
SELECT tessera_enable_tenant_rls('crm_lead_rollup');
--> statement-breakpoint
SELECT tessera_enable_tenant_rls('crm_deal_rollup');
--> statement-breakpoint
-- Hand-written (ADR 0037). Roll-ups are append-only signed deltas: each INSERT / UPDATE / DELETE statement on
-- leads or deals adds, in its own transaction, one row per changed key (old rows −1, new rows +1, netted; an
-- update that changes no key adds nothing). No roll-up row is ever updated by a write, so concurrent writers
-- never wait on each other; reads sum the deltas; crm_rollup_compact folds them (job crm.compact-rollups).
-- Each delta is written at two grains: the day, and the month (its first day) for periods of whole months.
-- The day is the creation day (leads) or close day (deals) in the tenant's time zone, read FOR SHARE so that a
-- time-zone change (which rebuilds the tenant's roll-ups) and a write are serialised. Archived rows count nowhere.
CREATE OR REPLACE FUNCTION crm_lead_rollup_write(olds leads[], news leads[]) RETURNS void LANGUAGE sql AS $fn$
  WITH r AS (
    SELECT o.*, -1 AS sign FROM unnest(olds) o UNION ALL SELECT n.*, 1 AS sign FROM unnest(news) n
  ), zone AS (
    SELECT s.tenant_id, s.timezone FROM tenant_settings s
    WHERE s.tenant_id IN (SELECT DISTINCT r.tenant_id FROM r) FOR SHARE
  ), x AS (
    SELECT r.tenant_id, (r.created_at AT TIME ZONE coalesce(zone.timezone, 'UTC'))::date AS day, r.owner_id,
      r.source, r.vendor_id, r.status, r.sign,
      -- A new lead has no deals yet; an updated or deleted one takes its won deals' amounts along.
      CASE WHEN cardinality(olds) > 0 THEN (
        SELECT sum(d.amount_cents) FROM deals d
        WHERE d.tenant_id = r.tenant_id AND d.lead_id = r.id AND d.status = 'won' AND d.archived_at IS NULL) END AS revenue
    FROM r
    JOIN tenants t ON t.id = r.tenant_id
    LEFT JOIN zone ON zone.tenant_id = r.tenant_id
    WHERE r.archived_at IS NULL
  ), d AS (
    INSERT INTO crm_lead_rollup (tenant_id, grain, day, owner_id, source, vendor_id, status, leads, won_revenue_cents)
    SELECT tenant_id, 'day', day, owner_id, source, vendor_id, status, sum(sign)::int,
      coalesce(sum(sign * revenue), 0)::bigint
    FROM x
    GROUP BY tenant_id, day, owner_id, source, vendor_id, status
    HAVING sum(sign) <> 0 OR coalesce(sum(sign * revenue), 0) <> 0
    RETURNING *
  )
  INSERT INTO crm_lead_rollup (tenant_id, grain, day, owner_id, source, vendor_id, status, leads, won_revenue_cents)
  SELECT tenant_id, 'month', date_trunc('month', day)::date, owner_id, source, vendor_id, status, sum(leads),
    sum(won_revenue_cents)
  FROM d
  GROUP BY tenant_id, date_trunc('month', day)::date, owner_id, source, vendor_id, status
  HAVING sum(leads) <> 0 OR sum(won_revenue_cents) <> 0
$fn$;
--> statement-breakpoint
-- Deals: open ones by stage, closed ones by close day (count, amount, cycle seconds); a won deal converted from
-- a live lead also moves its amount in the lead roll-up, under the lead's current key.
CREATE OR REPLACE FUNCTION crm_deal_rollup_write(olds deals[], news deals[]) RETURNS void LANGUAGE sql AS $fn$
  WITH r AS (
    SELECT o.*, -1 AS sign FROM unnest(olds) o UNION ALL SELECT n.*, 1 AS sign FROM unnest(news) n
  ), zone AS (
    SELECT s.tenant_id, s.timezone FROM tenant_settings s
    WHERE s.tenant_id IN (SELECT DISTINCT r.tenant_id FROM r) FOR SHARE
  ), z AS (
    SELECT r.*, coalesce(zone.timezone, 'UTC') AS tz FROM r
    JOIN tenants t ON t.id = r.tenant_id
    LEFT JOIN zone ON zone.tenant_id = r.tenant_id
    WHERE r.archived_at IS NULL
  ), deal_days AS (
    INSERT INTO crm_deal_rollup (tenant_id, status, grain, day, owner_id, pipeline_id, stage_id, deals, amount_cents, cycle_seconds)
    SELECT z.tenant_id, z.status, 'day', CASE WHEN z.status <> 'open' THEN (z.closed_at AT TIME ZONE z.tz)::date END,
      z.owner_id, z.pipeline_id, z.stage_id, sum(z.sign)::int, sum(z.sign * z.amount_cents)::bigint,
      coalesce(sum(z.sign * CASE WHEN z.status <> 'open' THEN extract(epoch FROM z.closed_at - z.created_at) END), 0)
    FROM z
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    HAVING sum(z.sign) <> 0 OR sum(z.sign * z.amount_cents) <> 0
      OR coalesce(sum(z.sign * CASE WHEN z.status <> 'open' THEN extract(epoch FROM z.closed_at - z.created_at) END), 0) <> 0
    RETURNING *
  ), deal_months AS (
    INSERT INTO crm_deal_rollup (tenant_id, status, grain, day, owner_id, pipeline_id, stage_id, deals, amount_cents, cycle_seconds)
    SELECT tenant_id, status, 'month', date_trunc('month', day)::date, owner_id, pipeline_id, stage_id, sum(deals),
      sum(amount_cents), sum(cycle_seconds)
    FROM deal_days
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    HAVING sum(deals) <> 0 OR sum(amount_cents) <> 0 OR sum(cycle_seconds) <> 0
  ), lead_days AS (
    INSERT INTO crm_lead_rollup (tenant_id, grain, day, owner_id, source, vendor_id, status, leads, won_revenue_cents)
    SELECT l.tenant_id, 'day', (l.created_at AT TIME ZONE z.tz)::date, l.owner_id, l.source, l.vendor_id, l.status, 0,
      sum(z.sign * z.amount_cents)::bigint
    FROM z JOIN leads l ON l.tenant_id = z.tenant_id AND l.id = z.lead_id AND l.archived_at IS NULL
    WHERE z.status = 'won'
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    HAVING sum(z.sign * z.amount_cents) <> 0
    RETURNING *
  )
  INSERT INTO crm_lead_rollup (tenant_id, grain, day, owner_id, source, vendor_id, status, leads, won_revenue_cents)
  SELECT tenant_id, 'month', date_trunc('month', day)::date, owner_id, source, vendor_id, status, 0, sum(won_revenue_cents)
  FROM lead_days
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(won_revenue_cents) <> 0
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_leads_rollup() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM crm_lead_rollup_write('{}'::leads[], array(SELECT n::leads FROM new_rows n));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM crm_lead_rollup_write(array(SELECT o::leads FROM old_rows o), array(SELECT n::leads FROM new_rows n));
  ELSIF EXISTS (SELECT 1 FROM old_rows o JOIN tenants t ON t.id = o.tenant_id) THEN
    -- Not when the tenant itself is being deleted (its roll-ups go with it by cascade).
    PERFORM crm_lead_rollup_write(array(SELECT o::leads FROM old_rows o), '{}'::leads[]);
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_deals_rollup() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM crm_deal_rollup_write('{}'::deals[], array(SELECT n::deals FROM new_rows n));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM crm_deal_rollup_write(array(SELECT o::deals FROM old_rows o), array(SELECT n::deals FROM new_rows n));
  ELSIF EXISTS (SELECT 1 FROM old_rows o JOIN tenants t ON t.id = o.tenant_id) THEN
    -- Not when the tenant itself is being deleted (its roll-ups go with it by cascade).
    PERFORM crm_deal_rollup_write(array(SELECT o::deals FROM old_rows o), '{}'::deals[]);
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
-- A trigger with transition tables serves one event.
CREATE TRIGGER crm_leads_rollup_insert AFTER INSERT ON leads REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION crm_leads_rollup();
--> statement-breakpoint
CREATE TRIGGER crm_leads_rollup_update AFTER UPDATE ON leads REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION crm_leads_rollup();
--> statement-breakpoint
CREATE TRIGGER crm_leads_rollup_delete AFTER DELETE ON leads REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION crm_leads_rollup();
--> statement-breakpoint
CREATE TRIGGER crm_deals_rollup_insert AFTER INSERT ON deals REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION crm_deals_rollup();
--> statement-breakpoint
CREATE TRIGGER crm_deals_rollup_update AFTER UPDATE ON deals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION crm_deals_rollup();
--> statement-breakpoint
CREATE TRIGGER crm_deals_rollup_delete AFTER DELETE ON deals REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION crm_deals_rollup();
--> statement-breakpoint
-- A tenant's roll-ups from its leads and deals (the backfill, and a time-zone change).
CREATE OR REPLACE FUNCTION crm_rollup_rebuild(tenant uuid) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  tz text := coalesce((SELECT timezone FROM tenant_settings WHERE tenant_id = tenant), 'UTC');
BEGIN
  DELETE FROM crm_lead_rollup WHERE tenant_id = tenant;
  DELETE FROM crm_deal_rollup WHERE tenant_id = tenant;
  INSERT INTO crm_lead_rollup (tenant_id, grain, day, owner_id, source, vendor_id, status, leads, won_revenue_cents)
  SELECT l.tenant_id, 'day', (l.created_at AT TIME ZONE tz)::date, l.owner_id, l.source, l.vendor_id, l.status,
    count(*), coalesce(sum(w.revenue), 0)
  FROM leads l
  LEFT JOIN (SELECT d.lead_id, sum(d.amount_cents) AS revenue FROM deals d
             WHERE d.tenant_id = tenant AND d.lead_id IS NOT NULL AND d.status = 'won' AND d.archived_at IS NULL
             GROUP BY d.lead_id) w ON w.lead_id = l.id
  WHERE l.tenant_id = tenant AND l.archived_at IS NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
  INSERT INTO crm_lead_rollup (tenant_id, grain, day, owner_id, source, vendor_id, status, leads, won_revenue_cents)
  SELECT tenant_id, 'month', date_trunc('month', day)::date, owner_id, source, vendor_id, status, sum(leads),
    sum(won_revenue_cents)
  FROM crm_lead_rollup WHERE tenant_id = tenant AND grain = 'day'
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
  INSERT INTO crm_deal_rollup (tenant_id, status, grain, day, owner_id, pipeline_id, stage_id, deals, amount_cents, cycle_seconds)
  SELECT d.tenant_id, d.status, 'day', CASE WHEN d.status <> 'open' THEN (d.closed_at AT TIME ZONE tz)::date END,
    d.owner_id, d.pipeline_id, d.stage_id, count(*), sum(d.amount_cents),
    coalesce(sum(CASE WHEN d.status <> 'open' THEN extract(epoch FROM d.closed_at - d.created_at) END), 0)
  FROM deals d
  WHERE d.tenant_id = tenant AND d.archived_at IS NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
  INSERT INTO crm_deal_rollup (tenant_id, status, grain, day, owner_id, pipeline_id, stage_id, deals, amount_cents, cycle_seconds)
  SELECT tenant_id, status, 'month', date_trunc('month', day)::date, owner_id, pipeline_id, stage_id, sum(deals),
    sum(amount_cents), sum(cycle_seconds)
  FROM crm_deal_rollup WHERE tenant_id = tenant AND grain = 'day'
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
END
$fn$;
--> statement-breakpoint
-- One row per key for a tenant. The deltas it reads are deleted and re-added summed in one statement, so a
-- reader sees either; deltas of writers still open are not seen and stay.
CREATE OR REPLACE FUNCTION crm_rollup_compact(tenant uuid) RETURNS void LANGUAGE sql AS $fn$
  WITH gone AS (DELETE FROM crm_lead_rollup WHERE tenant_id = tenant RETURNING *)
  INSERT INTO crm_lead_rollup (tenant_id, grain, day, owner_id, source, vendor_id, status, leads, won_revenue_cents)
  SELECT tenant_id, grain, day, owner_id, source, vendor_id, status, sum(leads), sum(won_revenue_cents) FROM gone
  GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(leads) <> 0 OR sum(won_revenue_cents) <> 0;
  WITH gone AS (DELETE FROM crm_deal_rollup WHERE tenant_id = tenant RETURNING *)
  INSERT INTO crm_deal_rollup (tenant_id, status, grain, day, owner_id, pipeline_id, stage_id, deals, amount_cents, cycle_seconds)
  SELECT tenant_id, status, grain, day, owner_id, pipeline_id, stage_id, sum(deals), sum(amount_cents), sum(cycle_seconds)
  FROM gone GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(deals) <> 0 OR sum(amount_cents) <> 0 OR sum(cycle_seconds) <> 0;
$fn$;
--> statement-breakpoint
-- The day of every row moves with the tenant's time zone: rebuilt in the settings update's transaction.
CREATE OR REPLACE FUNCTION crm_rollup_timezone_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM crm_rollup_rebuild(NEW.tenant_id);
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER crm_rollup_timezone AFTER UPDATE OF timezone ON tenant_settings
  FOR EACH ROW WHEN (OLD.timezone IS DISTINCT FROM NEW.timezone) EXECUTE FUNCTION crm_rollup_timezone_changed();
--> statement-breakpoint
-- Backfill, one tenant at a time in its RLS scope (the tables are FORCEd).
DO $$
DECLARE t uuid;
BEGIN
  FOR t IN SELECT id FROM tenants LOOP
    PERFORM set_config('app.tenant_id', t::text, true);
    PERFORM crm_rollup_rebuild(t);
  END LOOP;
  PERFORM set_config('app.tenant_id', '', true);
END $$;
