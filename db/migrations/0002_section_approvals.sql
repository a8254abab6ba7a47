CREATE TABLE "section_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"section_id" uuid NOT NULL,
	"requirement_id" uuid NOT NULL,
	"approver_id" uuid NOT NULL,
	"role" text NOT NULL,
	"unit_id" uuid,
	"content_hash" text NOT NULL,
	"approved_content" jsonb NOT NULL,
	"approved_text" text NOT NULL,
	"open_threads" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stale_since" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"ended_by" uuid,
	"revoke_reason" text
);
--> statement-breakpoint
CREATE TABLE "statement_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"document_state" "bytea" NOT NULL,
	"sections" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "section_approvals" ADD CONSTRAINT "section_approvals_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_approvals" ADD CONSTRAINT "section_approvals_requirement_id_section_approval_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."section_approval_requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_approvals" ADD CONSTRAINT "section_approvals_approver_id_users_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_approvals" ADD CONSTRAINT "section_approvals_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_approvals" ADD CONSTRAINT "section_approvals_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_versions" ADD CONSTRAINT "statement_versions_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_versions" ADD CONSTRAINT "statement_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "section_approvals_section_idx" ON "section_approvals" USING btree ("section_id");--> statement-breakpoint
CREATE UNIQUE INDEX "section_approvals_one_active_idx" ON "section_approvals" USING btree ("requirement_id") WHERE ended_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "statement_versions_final_idx" ON "statement_versions" USING btree ("statement_id","kind");