CREATE TABLE "document_authors" (
	"statement_id" uuid NOT NULL,
	"client_id" bigint NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "document_authors_statement_id_client_id_pk" PRIMARY KEY("statement_id","client_id")
);
--> statement-breakpoint
DROP INDEX "statement_versions_final_idx";--> statement-breakpoint
ALTER TABLE "statement_versions" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "statement_versions" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "statement_versions" ADD COLUMN "encoding" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "document_authors" ADD CONSTRAINT "document_authors_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_authors" ADD CONSTRAINT "document_authors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "statement_versions_statement_idx" ON "statement_versions" USING btree ("statement_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "statement_versions_final_idx" ON "statement_versions" USING btree ("statement_id","kind") WHERE kind = 'final';