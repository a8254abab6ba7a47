ALTER TABLE "statements" ADD COLUMN "coordinator_id" uuid;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_coordinator_id_users_id_fk" FOREIGN KEY ("coordinator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
UPDATE "statements" SET "coordinator_id" = "created_by" WHERE "coordinator_id" IS NULL;