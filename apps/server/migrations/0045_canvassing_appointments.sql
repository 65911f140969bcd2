ALTER TABLE "visits" ADD COLUMN "appointment_id" uuid;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- The canvasser system role books appointments at the door (scheduling: read types and slots, book; scope own)
-- and attaches audio recordings and photos to its visits (documents). New tenants get it from the role template.
-- roles has FORCEd row security: lifted for this one statement so the owner (not a superuser) sees every tenant.
ALTER TABLE "roles" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
UPDATE "roles"
SET "permissions" = ARRAY(
      SELECT DISTINCT p FROM unnest("permissions" || ARRAY['appointments.view', 'appointments.manage', 'documents.view', 'documents.manage']::text[]) AS p
      ORDER BY p
    ),
    "scopes" = "scopes" || '{"appointments": "own"}'::jsonb,
    "version" = "version" + 1,
    "updated_at" = now()
WHERE "key" = 'canvasser' AND "is_system";
--> statement-breakpoint
ALTER TABLE "roles" FORCE ROW LEVEL SECURITY;
