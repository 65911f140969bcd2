-- Index review of leads (ADR 0036): the source and vendor filters get list-order indexes like the status
-- filter (the vendor one still serves the leads_vendor_fk check); the search text gets a finer histogram so
-- that the share of rows a short search term matches is estimated, not guessed (stable search plans).
-- tessera_analyze_import_target: imports refresh the statistics of the table they fill (see the function).
DROP INDEX "leads_tenant_vendor_idx";--> statement-breakpoint
DROP INDEX "leads_tenant_source_idx";--> statement-breakpoint
CREATE INDEX "leads_tenant_vendor_created_idx" ON "leads" USING btree ("tenant_id","vendor_id","created_at","id");--> statement-breakpoint
CREATE INDEX "leads_tenant_source_created_idx" ON "leads" USING btree ("tenant_id","source","created_at","id");--> statement-breakpoint
ALTER TABLE "leads" ALTER COLUMN "search_text" SET STATISTICS 1000;--> statement-breakpoint
-- A big import into a new tenant leaves the planner believing the tenant (or the table) is empty: every index
-- starting with tenant_id then looks equally cheap, and the duplicate lookup by e-mail or phone may probe
-- one that reads the whole tenant per key (quadratic). The import job calls this after its first batch and
-- whenever its row count doubles. Only the owner may ANALYZE, so it runs as the owner; it accepts only the
-- tables an import writes and analyses only the given columns (a small sample, independent of search_text's
-- larger statistics target).
CREATE OR REPLACE FUNCTION tessera_analyze_import_target(target text, columns text[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  IF target NOT IN ('leads', 'contacts', 'companies', 'products') THEN
    RAISE EXCEPTION 'not an import target: %', target;
  END IF;
  EXECUTE format('ANALYZE %I (%s)', target,
    (SELECT string_agg(format('%I', c), ', ') FROM unnest(columns) AS c));
END
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tessera_analyze_import_target(text, text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tessera_analyze_import_target(text, text[]) TO tessera_app;
