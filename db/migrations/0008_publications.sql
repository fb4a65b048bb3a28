CREATE TABLE "publications" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"subject_id" integer,
	"period_from" date,
	"period_to" date,
	"copy" jsonb NOT NULL,
	"published_on" date NOT NULL,
	"published_by" integer,
	"withdrawn_on" date,
	"withdrawn_by" integer,
	"withdraw_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "publications_public_idx" ON "publications" USING btree ("kind","withdrawn_on");--> statement-breakpoint
CREATE UNIQUE INDEX "publications_subject_idx" ON "publications" USING btree ("kind","subject_id") WHERE withdrawn_on is null and subject_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "publications_period_idx" ON "publications" USING btree ("kind","period_from","period_to") WHERE withdrawn_on is null and period_from is not null;