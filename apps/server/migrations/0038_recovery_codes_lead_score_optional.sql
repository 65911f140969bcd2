CREATE TABLE "recovery_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "leads_tenant_score_idx";--> statement-breakpoint
ALTER TABLE "leads" ALTER COLUMN "score" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "leads" ALTER COLUMN "score" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "recovery_codes_user_hash_key" ON "recovery_codes" USING btree ("user_id","code_hash");--> statement-breakpoint
-- CASE, not coalesce(): under RLS COALESCE counts as leaky, so a cursor on it could not be an index condition.
CREATE INDEX "leads_tenant_score_idx" ON "leads" USING btree ("tenant_id",(case when score is null then -1 else score end),"id");--> statement-breakpoint
DROP INDEX "leads_tenant_value_idx";--> statement-breakpoint
CREATE INDEX "leads_tenant_value_idx" ON "leads" USING btree ("tenant_id",(case when estimated_value_cents is null then -1 else estimated_value_cents end),"id");--> statement-breakpoint
-- Hand-written: recovery codes are secrets the app role never touches (like refresh_tokens, see 0004).
ALTER TABLE recovery_codes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON recovery_codes FROM tessera_app;
