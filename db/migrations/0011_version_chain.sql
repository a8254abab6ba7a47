ALTER TABLE "statement_versions" ADD COLUMN "base_version_id" uuid;--> statement-breakpoint
ALTER TABLE "statement_versions" ADD COLUMN "state_vector" "bytea";--> statement-breakpoint
ALTER TABLE "statement_versions" ADD COLUMN "chain_depth" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "statement_versions" ADD COLUMN "chain_bytes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "statement_versions" ADD CONSTRAINT "statement_versions_base_version_id_statement_versions_id_fk" FOREIGN KEY ("base_version_id") REFERENCES "public"."statement_versions"("id") ON DELETE no action ON UPDATE no action;