-- Field module: row-level security, the crew double-booking rule and the job status flow. Hand-written
-- (drizzle-kit generate --custom).
SELECT tessera_enable_tenant_rls(t) FROM unnest(ARRAY[
  'crews', 'crew_members', 'jobs', 'job_status_history', 'contractor_customers',
  'territories', 'territory_agents', 'visits'
]::regclass[]) AS t;
--> statement-breakpoint
-- btree_gist: an exclusion constraint mixing equality (tenant, crew) with range overlap.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- A crew never holds two live jobs whose windows overlap (half-open: one may start when the other ends).
-- Cancelled and archived jobs free their slot. Holds under concurrent assignment too (SQLSTATE 23P01).
ALTER TABLE jobs ADD CONSTRAINT jobs_crew_no_overlap EXCLUDE USING gist (
  tenant_id WITH =,
  crew_id WITH =,
  tstzrange(scheduled_start, scheduled_end, '[)') WITH &&
) WHERE (crew_id IS NOT NULL AND scheduled_start IS NOT NULL AND status <> 'cancelled' AND archived_at IS NULL);
--> statement-breakpoint
-- The status flow (contracts: JOB_TRANSITIONS), held by the database as well as the service.
CREATE OR REPLACE FUNCTION tessera_job_status_guard() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT (OLD.status, NEW.status) IN (
    ('scheduled', 'dispatched'), ('scheduled', 'on_hold'), ('scheduled', 'cancelled'),
    ('dispatched', 'scheduled'), ('dispatched', 'en_route'), ('dispatched', 'on_hold'), ('dispatched', 'cancelled'),
    ('en_route', 'on_site'), ('en_route', 'on_hold'), ('en_route', 'cancelled'),
    ('on_site', 'completed'), ('on_site', 'on_hold'),
    ('on_hold', 'scheduled'), ('on_hold', 'dispatched'), ('on_hold', 'cancelled')
  ) THEN
    RAISE EXCEPTION 'job status cannot move from % to %', OLD.status, NEW.status
      USING ERRCODE = 'check_violation', CONSTRAINT = 'jobs_status_flow';
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER jobs_status_flow BEFORE UPDATE OF status ON jobs
  FOR EACH ROW EXECUTE FUNCTION tessera_job_status_guard();
