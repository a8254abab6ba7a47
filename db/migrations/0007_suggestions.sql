ALTER TABLE "comments" ADD COLUMN "proposed_text" text;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "suggestion_outcome" text;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "decision_reason" text;