-- Documents: tenant isolation, the current version points at an existing version, versions are append-only.
-- Hand-written (drizzle-kit generate --custom).
SELECT tessera_enable_tenant_rls('documents');
--> statement-breakpoint
SELECT tessera_enable_tenant_rls('document_versions');
--> statement-breakpoint
-- A document's current version is one of its versions (deferred: the document and its first version are
-- inserted in one transaction).
ALTER TABLE "documents" ADD CONSTRAINT "documents_current_version_fk" FOREIGN KEY ("tenant_id","id","current_version") REFERENCES "public"."document_versions"("tenant_id","document_id","number") DEFERRABLE INITIALLY DEFERRED;
--> statement-breakpoint
-- Deleting a document is a soft delete (deleted_at); a version, once written, never changes.
REVOKE DELETE ON documents FROM tessera_app;
--> statement-breakpoint
REVOKE DELETE, UPDATE ON document_versions FROM tessera_app;
