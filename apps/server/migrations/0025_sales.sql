CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"invoice_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"method" text NOT NULL,
	"reference" text,
	CONSTRAINT "payments_amount_positive" CHECK (amount_cents > 0)
);
--> statement-breakpoint
CREATE TABLE "product_categories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"name" text NOT NULL,
	"parent_id" uuid,
	CONSTRAINT "product_categories_not_own_parent" CHECK (parent_id IS DISTINCT FROM id)
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"kind" text DEFAULT 'product' NOT NULL,
	"unit" text DEFAULT 'pcs' NOT NULL,
	"unit_price_cents" bigint NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"tax_rate_id" uuid,
	"category_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"sku_key" text GENERATED ALWAYS AS (lower(sku)) STORED,
	"search_text" text GENERATED ALWAYS AS (lower(coalesce(sku, '') || ' ' || coalesce(name, ''))) STORED,
	CONSTRAINT "products_price_non_negative" CHECK (unit_price_cents >= 0),
	CONSTRAINT "products_currency_iso" CHECK (currency ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "sales_counters" (
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"last_value" bigint NOT NULL,
	CONSTRAINT "sales_counters_tenant_id_kind_period_pk" PRIMARY KEY("tenant_id","kind","period"),
	CONSTRAINT "sales_counters_positive" CHECK (last_value > 0)
);
--> statement-breakpoint
CREATE TABLE "sales_document_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"product_id" uuid,
	"sku" text,
	"description" text NOT NULL,
	"unit" text,
	"quantity_milli" bigint NOT NULL,
	"unit_price_cents" bigint NOT NULL,
	"discount_kind" text,
	"discount_value" bigint,
	"tax_rate_id" uuid,
	"tax_rate_bp" integer NOT NULL,
	"tax_inclusive" boolean NOT NULL,
	"tax_category" text DEFAULT 'S' NOT NULL,
	"discount_cents" bigint NOT NULL,
	"net_cents" bigint NOT NULL,
	"tax_cents" bigint NOT NULL,
	"total_cents" bigint NOT NULL,
	CONSTRAINT "sales_document_lines_amounts" CHECK (quantity_milli > 0 AND unit_price_cents >= 0 AND discount_cents >= 0 AND net_cents >= 0 AND tax_cents >= 0 AND total_cents >= 0 AND coalesce(discount_value, 0) >= 0 AND tax_rate_bp BETWEEN 0 AND 10000)
);
--> statement-breakpoint
CREATE TABLE "sales_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"kind" text NOT NULL,
	"number" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"owner_id" uuid,
	"company_id" uuid,
	"contact_id" uuid,
	"deal_id" uuid,
	"source_id" uuid,
	"issue_date" date NOT NULL,
	"due_date" date,
	"currency" text NOT NULL,
	"rounding" text NOT NULL,
	"discount_kind" text,
	"discount_value" bigint,
	"notes" text,
	"buyer_reference" text,
	"customer_name" text,
	"customer_address" jsonb,
	"customer_tax_id" text,
	"customer_email" text,
	"subtotal_cents" bigint DEFAULT 0 NOT NULL,
	"discount_cents" bigint DEFAULT 0 NOT NULL,
	"net_cents" bigint DEFAULT 0 NOT NULL,
	"tax_cents" bigint DEFAULT 0 NOT NULL,
	"total_cents" bigint DEFAULT 0 NOT NULL,
	"tax_breakdown" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"credited_cents" bigint DEFAULT 0 NOT NULL,
	"balance_cents" bigint GENERATED ALWAYS AS (total_cents - paid_cents - credited_cents) STORED,
	"issued_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_ip" text,
	"search_text" text GENERATED ALWAYS AS (lower(coalesce(number, '') || ' ' || coalesce(customer_name, ''))) STORED,
	CONSTRAINT "sales_documents_dates" CHECK (due_date IS NULL OR issue_date <= due_date),
	CONSTRAINT "sales_documents_amounts" CHECK (subtotal_cents >= 0 AND discount_cents >= 0 AND net_cents >= 0 AND tax_cents >= 0 AND total_cents >= 0 AND paid_cents >= 0 AND credited_cents >= 0 AND coalesce(discount_value, 0) >= 0),
	CONSTRAINT "sales_documents_no_overpayment" CHECK (paid_cents + credited_cents <= total_cents),
	CONSTRAINT "sales_documents_numbered" CHECK (status = 'draft' OR number IS NOT NULL),
	CONSTRAINT "sales_documents_status" CHECK ((kind = 'quote' AND status IN ('draft','sent','accepted','declined','expired','invoiced'))
       OR (kind = 'invoice' AND status IN ('draft','issued','sent','partially_paid','paid','overdue','void'))
       OR (kind = 'credit_note' AND status IN ('draft','issued','void'))),
	CONSTRAINT "sales_documents_currency_iso" CHECK (currency ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "sales_reminders" (
	"tenant_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"day_offset" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"invoice_pattern" text DEFAULT 'INV-{YYYY}-{SEQ:5}' NOT NULL,
	"quote_pattern" text DEFAULT 'QUO-{YYYY}-{SEQ:5}' NOT NULL,
	"credit_note_pattern" text DEFAULT 'CN-{YYYY}-{SEQ:5}' NOT NULL,
	"delivery_note_pattern" text DEFAULT 'DN-{YYYY}-{SEQ:5}' NOT NULL,
	"rounding" text DEFAULT 'document' NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"locale" text DEFAULT 'en-US' NOT NULL,
	"seller_name" text,
	"seller_address" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"seller_tax_id" text,
	"seller_registration_id" text,
	"seller_email" text,
	"bank" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"payment_terms_days" integer DEFAULT 14 NOT NULL,
	"footer" text,
	"reminder_days" integer[] DEFAULT '{3,7,14}'::integer[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_settings_terms" CHECK (payment_terms_days BETWEEN 0 AND 365),
	CONSTRAINT "sales_settings_rounding" CHECK (rounding IN ('line','document'))
);
--> statement-breakpoint
CREATE TABLE "tax_rates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"name" text NOT NULL,
	"rate_bp" integer NOT NULL,
	"inclusive" boolean DEFAULT false NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"category" text DEFAULT 'S' NOT NULL,
	CONSTRAINT "tax_rates_rate_range" CHECK (rate_bp BETWEEN 0 AND 10000),
	CONSTRAINT "tax_rates_category" CHECK (category IN ('S','Z','E','AE','K','G','O'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "payments_tenant_id_key" ON "payments" USING btree ("tenant_id","id");
--> statement-breakpoint
CREATE INDEX "payments_tenant_invoice_idx" ON "payments" USING btree ("tenant_id","invoice_id","paid_on");
--> statement-breakpoint
CREATE INDEX "payments_tenant_created_idx" ON "payments" USING btree ("tenant_id","created_at","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "product_categories_tenant_id_key" ON "product_categories" USING btree ("tenant_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "product_categories_tenant_name_key" ON "product_categories" USING btree ("tenant_id",lower("name"));
--> statement-breakpoint
CREATE INDEX "product_categories_tenant_parent_idx" ON "product_categories" USING btree ("tenant_id","parent_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "products_tenant_id_key" ON "products" USING btree ("tenant_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "products_tenant_sku_key" ON "products" USING btree ("tenant_id","sku_key");
--> statement-breakpoint
CREATE INDEX "products_tenant_name_idx" ON "products" USING btree ("tenant_id","name","id");
--> statement-breakpoint
CREATE INDEX "products_tenant_price_idx" ON "products" USING btree ("tenant_id","unit_price_cents","id");
--> statement-breakpoint
CREATE INDEX "products_tenant_created_idx" ON "products" USING btree ("tenant_id","created_at","id");
--> statement-breakpoint
CREATE INDEX "products_tenant_category_idx" ON "products" USING btree ("tenant_id","category_id");
--> statement-breakpoint
CREATE INDEX "products_search_idx" ON "products" USING gin ("tenant_id","search_text" gin_trgm_ops);
--> statement-breakpoint
CREATE UNIQUE INDEX "sales_document_lines_position_key" ON "sales_document_lines" USING btree ("tenant_id","document_id","position");
--> statement-breakpoint
CREATE INDEX "sales_document_lines_tenant_doc_idx" ON "sales_document_lines" USING btree ("tenant_id","document_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "sales_documents_tenant_id_key" ON "sales_documents" USING btree ("tenant_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "sales_documents_number_key" ON "sales_documents" USING btree ("tenant_id","kind","number");
--> statement-breakpoint
CREATE INDEX "sales_documents_kind_created_idx" ON "sales_documents" USING btree ("tenant_id","kind","created_at","id");
--> statement-breakpoint
CREATE INDEX "sales_documents_kind_issue_idx" ON "sales_documents" USING btree ("tenant_id","kind","issue_date","id");
--> statement-breakpoint
CREATE INDEX "sales_documents_kind_number_idx" ON "sales_documents" USING btree ("tenant_id","kind","number","id");
--> statement-breakpoint
CREATE INDEX "sales_documents_kind_total_idx" ON "sales_documents" USING btree ("tenant_id","kind","total_cents","id");
--> statement-breakpoint
CREATE INDEX "sales_documents_kind_due_idx" ON "sales_documents" USING btree ("tenant_id","kind","due_date","id");
--> statement-breakpoint
CREATE INDEX "sales_documents_company_idx" ON "sales_documents" USING btree ("tenant_id","company_id");
--> statement-breakpoint
CREATE INDEX "sales_documents_source_idx" ON "sales_documents" USING btree ("tenant_id","source_id");
--> statement-breakpoint
CREATE INDEX "sales_documents_search_idx" ON "sales_documents" USING gin ("tenant_id","search_text" gin_trgm_ops);
--> statement-breakpoint
CREATE UNIQUE INDEX "sales_reminders_key" ON "sales_reminders" USING btree ("tenant_id","invoice_id","day_offset");
--> statement-breakpoint
CREATE UNIQUE INDEX "tax_rates_tenant_id_key" ON "tax_rates" USING btree ("tenant_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "tax_rates_tenant_name_key" ON "tax_rates" USING btree ("tenant_id",lower("name"));
--> statement-breakpoint
CREATE UNIQUE INDEX "tax_rates_one_default" ON "tax_rates" USING btree ("tenant_id") WHERE is_default AND archived_at IS NULL;
--> statement-breakpoint
CREATE INDEX "tax_rates_tenant_rate_idx" ON "tax_rates" USING btree ("tenant_id","rate_bp","id");
--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."sales_documents"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "product_categories" ADD CONSTRAINT "product_categories_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "product_categories" ADD CONSTRAINT "product_categories_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "product_categories" ADD CONSTRAINT "product_categories_parent_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."product_categories"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_tax_rate_fk" FOREIGN KEY ("tenant_id","tax_rate_id") REFERENCES "public"."tax_rates"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_category_fk" FOREIGN KEY ("tenant_id","category_id") REFERENCES "public"."product_categories"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "sales_counters" ADD CONSTRAINT "sales_counters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "sales_document_lines" ADD CONSTRAINT "sales_document_lines_document_fk" FOREIGN KEY ("tenant_id","document_id") REFERENCES "public"."sales_documents"("tenant_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "sales_document_lines" ADD CONSTRAINT "sales_document_lines_product_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "sales_documents" ADD CONSTRAINT "sales_documents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "sales_documents" ADD CONSTRAINT "sales_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "sales_documents" ADD CONSTRAINT "sales_documents_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "sales_documents" ADD CONSTRAINT "sales_documents_source_fk" FOREIGN KEY ("tenant_id","source_id") REFERENCES "public"."sales_documents"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "sales_reminders" ADD CONSTRAINT "sales_reminders_invoice_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."sales_documents"("tenant_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "sales_settings" ADD CONSTRAINT "sales_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "tax_rates" ADD CONSTRAINT "tax_rates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "tax_rates" ADD CONSTRAINT "tax_rates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
