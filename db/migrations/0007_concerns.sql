CREATE TABLE "concern_agencies" (
	"concern_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"role" text NOT NULL,
	"opinion" text,
	"opinion_on" date,
	"opinion_by" integer,
	CONSTRAINT "concern_agencies_concern_id_agency_id_pk" PRIMARY KEY("concern_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "concern_categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "concern_categories_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "concern_clauses" (
	"concern_id" integer NOT NULL,
	"clause_id" integer NOT NULL,
	CONSTRAINT "concern_clauses_concern_id_clause_id_pk" PRIMARY KEY("concern_id","clause_id")
);
--> statement-breakpoint
CREATE TABLE "concern_constituents" (
	"id" serial PRIMARY KEY NOT NULL,
	"concern_id" integer NOT NULL,
	"position" integer NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concern_cosigners" (
	"concern_id" integer NOT NULL,
	"deputy_id" integer NOT NULL,
	CONSTRAINT "concern_cosigners_concern_id_deputy_id_pk" PRIMARY KEY("concern_id","deputy_id")
);
--> statement-breakpoint
CREATE TABLE "concern_replies" (
	"id" serial PRIMARY KEY NOT NULL,
	"concern_id" integer NOT NULL,
	"round" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"result_class" text NOT NULL,
	"content" text NOT NULL,
	"reasons" text DEFAULT '' NOT NULL,
	"signed_by" text NOT NULL,
	"promised_on" date,
	"fulfilled_on" date,
	"fulfilment_note" text,
	"replied_on" date NOT NULL,
	"replied_by" integer,
	"rating" text,
	"rating_comment" text,
	"rated_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concerns" (
	"id" serial PRIMARY KEY NOT NULL,
	"filer_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"district" text NOT NULL,
	"community" text DEFAULT '' NOT NULL,
	"category_id" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"priority" boolean DEFAULT false NOT NULL,
	"difficult" boolean DEFAULT false NOT NULL,
	"shareable" boolean DEFAULT false NOT NULL,
	"assignment_text" text DEFAULT '' NOT NULL,
	"decline_reason" text,
	"merged_into_id" integer,
	"year" integer NOT NULL,
	"submitted_on" date,
	"accepted_on" date,
	"declined_on" date,
	"assigned_on" date,
	"reply_due_on" date,
	"returned_on" date,
	"return_reason" text,
	"round" integer DEFAULT 0 NOT NULL,
	"replied_on" date,
	"closed_on" date,
	"closed_unrated" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "concern_agencies" ADD CONSTRAINT "concern_agencies_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_agencies" ADD CONSTRAINT "concern_agencies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_agencies" ADD CONSTRAINT "concern_agencies_opinion_by_users_id_fk" FOREIGN KEY ("opinion_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_clauses" ADD CONSTRAINT "concern_clauses_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_clauses" ADD CONSTRAINT "concern_clauses_clause_id_clauses_id_fk" FOREIGN KEY ("clause_id") REFERENCES "public"."clauses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_constituents" ADD CONSTRAINT "concern_constituents_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_cosigners" ADD CONSTRAINT "concern_cosigners_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_cosigners" ADD CONSTRAINT "concern_cosigners_deputy_id_users_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_replies" ADD CONSTRAINT "concern_replies_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_replies" ADD CONSTRAINT "concern_replies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_replies" ADD CONSTRAINT "concern_replies_replied_by_users_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_filer_id_users_id_fk" FOREIGN KEY ("filer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_category_id_concern_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."concern_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "concern_agencies_agency_idx" ON "concern_agencies" USING btree ("agency_id","role");--> statement-breakpoint
CREATE INDEX "concern_clauses_clause_idx" ON "concern_clauses" USING btree ("clause_id");--> statement-breakpoint
CREATE INDEX "concern_constituents_concern_idx" ON "concern_constituents" USING btree ("concern_id","position");--> statement-breakpoint
CREATE INDEX "concern_cosigners_deputy_idx" ON "concern_cosigners" USING btree ("deputy_id");--> statement-breakpoint
CREATE UNIQUE INDEX "concern_replies_round_idx" ON "concern_replies" USING btree ("concern_id","round");--> statement-breakpoint
CREATE INDEX "concern_replies_agency_idx" ON "concern_replies" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "concerns_filer_idx" ON "concerns" USING btree ("filer_id");--> statement-breakpoint
CREATE INDEX "concerns_state_idx" ON "concerns" USING btree ("state","reply_due_on");--> statement-breakpoint
CREATE INDEX "concerns_district_idx" ON "concerns" USING btree ("district");--> statement-breakpoint
CREATE INDEX "concerns_category_idx" ON "concerns" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "concerns_year_idx" ON "concerns" USING btree ("year");--> statement-breakpoint
CREATE INDEX "concerns_merged_idx" ON "concerns" USING btree ("merged_into_id");--> statement-breakpoint
INSERT INTO "concern_categories" ("name", "position") VALUES ('反诈宣传', 1), ('涉诈资金与账户', 2), ('电话卡与互联网账号', 3), ('校园反诈', 4), ('老年人防骗', 5), ('重点人员管控', 6), ('其他', 7);
