CREATE TABLE "document_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"file_name" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"content_type" text NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_versions_number_positive" CHECK (number >= 1),
	CONSTRAINT "document_versions_size" CHECK (size_bytes >= 0),
	CONSTRAINT "document_versions_sha256" CHECK (sha256 ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "document_versions_file_name_length" CHECK (char_length(file_name) between 1 and 255)
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"name" text NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	CONSTRAINT "documents_name_length" CHECK (char_length(name) between 1 and 255),
	CONSTRAINT "documents_record_type_format" CHECK (record_type ~ '^[a-z][a-z_]{0,39}$'),
	CONSTRAINT "documents_current_version_positive" CHECK (current_version >= 1),
	CONSTRAINT "documents_deleted_by_with_at" CHECK (deleted_by is null or deleted_at is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_tenant_id_key" ON "document_versions" USING btree ("tenant_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_number_key" ON "document_versions" USING btree ("tenant_id","document_id","number");
--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_storage_key" ON "document_versions" USING btree ("tenant_id","storage_key");
--> statement-breakpoint
CREATE UNIQUE INDEX "documents_tenant_id_key" ON "documents" USING btree ("tenant_id","id");
--> statement-breakpoint
CREATE INDEX "documents_tenant_record_idx" ON "documents" USING btree ("tenant_id","record_type","record_id","created_at","id");
--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_fk" FOREIGN KEY ("tenant_id","document_id") REFERENCES "public"."documents"("tenant_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
