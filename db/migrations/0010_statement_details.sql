CREATE TABLE "statement_contacts" (
	"statement_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"phone" text,
	"email" text,
	CONSTRAINT "statement_contacts_statement_id_position_pk" PRIMARY KEY("statement_id","position")
);
--> statement-breakpoint
ALTER TABLE "statements" ADD COLUMN "statement_date" date;--> statement-breakpoint
ALTER TABLE "statement_contacts" ADD CONSTRAINT "statement_contacts_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;