CREATE TABLE "section_template_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_section_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"role" text NOT NULL,
	"unit_id" uuid
);
--> statement-breakpoint
CREATE TABLE "section_template_owners" (
	"template_section_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "section_template_owners_template_section_id_unit_id_pk" PRIMARY KEY("template_section_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "section_template_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"guidance" text,
	"ownership" text NOT NULL,
	"starting_content" jsonb
);
--> statement-breakpoint
CREATE TABLE "section_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"deactivated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sections" ADD COLUMN "guidance" text;--> statement-breakpoint
ALTER TABLE "statements" ADD COLUMN "template_id" uuid;--> statement-breakpoint
ALTER TABLE "section_template_approvals" ADD CONSTRAINT "section_template_approvals_template_section_id_section_template_sections_id_fk" FOREIGN KEY ("template_section_id") REFERENCES "public"."section_template_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_template_approvals" ADD CONSTRAINT "section_template_approvals_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_template_owners" ADD CONSTRAINT "section_template_owners_template_section_id_section_template_sections_id_fk" FOREIGN KEY ("template_section_id") REFERENCES "public"."section_template_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_template_owners" ADD CONSTRAINT "section_template_owners_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_template_sections" ADD CONSTRAINT "section_template_sections_template_id_section_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."section_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_templates" ADD CONSTRAINT "section_templates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "section_template_approvals_section_idx" ON "section_template_approvals" USING btree ("template_section_id");--> statement-breakpoint
CREATE UNIQUE INDEX "section_template_sections_key_idx" ON "section_template_sections" USING btree ("template_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "section_templates_org_name_idx" ON "section_templates" USING btree ("organisation_id","name");--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_template_id_section_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."section_templates"("id") ON DELETE no action ON UPDATE no action;