DROP INDEX "statement_versions_final_idx";--> statement-breakpoint
ALTER TABLE "statement_versions" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "statement_versions" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "statement_versions" ADD COLUMN "encoding" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "statement_versions_statement_idx" ON "statement_versions" USING btree ("statement_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "statement_versions_final_idx" ON "statement_versions" USING btree ("statement_id","kind") WHERE kind = 'final';