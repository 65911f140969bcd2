-- A message's HTML alternative (report e-mails) in its own column instead of a mail_attachments row at position -1.
ALTER TABLE "mail_outbox" ADD COLUMN "html_body" text;--> statement-breakpoint
UPDATE "mail_outbox" m SET "html_body" = convert_from(a."content", 'UTF8')
  FROM "mail_attachments" a WHERE a."mail_id" = m."id" AND a."position" = -1;--> statement-breakpoint
DELETE FROM "mail_attachments" WHERE "position" = -1;
