CREATE TABLE "login_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL,
	"blocked_until" timestamp with time zone,
	"last_success_at" timestamp with time zone
);
--> statement-breakpoint
-- Sign-in throttling counters: owner connection only (ADR 0006).
REVOKE ALL ON "login_throttles" FROM tessera_app;
