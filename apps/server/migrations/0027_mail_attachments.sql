CREATE TABLE "mail_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mail_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "cc_addresses" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_attachments" ADD CONSTRAINT "mail_attachments_mail_id_mail_outbox_id_fk" FOREIGN KEY ("mail_id") REFERENCES "public"."mail_outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_attachments_mail_idx" ON "mail_attachments" USING btree ("mail_id","position");--> statement-breakpoint
-- Added by hand: sizes the mail transport can carry, and the same rights as mail_outbox (the app role may queue
-- attachments inside its transaction, never read them; the mail.send job reads them on the owner connection).
ALTER TABLE "mail_attachments" ADD CONSTRAINT "mail_attachments_size_check" CHECK (octet_length("content") <= 10485760 AND length("filename") BETWEEN 1 AND 255 AND length("content_type") BETWEEN 3 AND 255);
--> statement-breakpoint
ALTER TABLE mail_attachments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON mail_attachments FROM tessera_app;
--> statement-breakpoint
GRANT INSERT ON mail_attachments TO tessera_app;
--> statement-breakpoint
CREATE POLICY mail_attachment_queue ON mail_attachments FOR INSERT WITH CHECK (true);
