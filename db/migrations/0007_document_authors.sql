CREATE TABLE "document_authors" (
	"statement_id" uuid NOT NULL,
	"client_id" bigint NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "document_authors_statement_id_client_id_pk" PRIMARY KEY("statement_id","client_id")
);
--> statement-breakpoint
ALTER TABLE "document_authors" ADD CONSTRAINT "document_authors_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_authors" ADD CONSTRAINT "document_authors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;