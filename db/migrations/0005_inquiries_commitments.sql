CREATE TABLE "commitments" (
	"id" serial PRIMARY KEY NOT NULL,
	"inquiry_id" integer NOT NULL,
	"exchange_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"text" text NOT NULL,
	"due_on" date NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"response" text DEFAULT '' NOT NULL,
	"responded_on" date,
	"verified_on" date,
	"reopen_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inquiries" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"meeting_id" integer NOT NULL,
	"report_id" integer,
	"inspection_id" integer,
	"plan_item_id" integer,
	"topic" text NOT NULL,
	"held_on" date NOT NULL,
	"with_vote" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'scheduled' NOT NULL,
	"published_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inquiry_askers" (
	"inquiry_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	CONSTRAINT "inquiry_askers_inquiry_id_user_id_pk" PRIMARY KEY("inquiry_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "inquiry_clauses" (
	"inquiry_id" integer NOT NULL,
	"clause_id" integer NOT NULL,
	CONSTRAINT "inquiry_clauses_inquiry_id_clause_id_pk" PRIMARY KEY("inquiry_id","clause_id")
);
--> statement-breakpoint
CREATE TABLE "inquiry_exchanges" (
	"id" serial PRIMARY KEY NOT NULL,
	"inquiry_id" integer NOT NULL,
	"position" integer NOT NULL,
	"asker_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"official_name" text NOT NULL,
	"official_title" text NOT NULL,
	"question" text NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"registration_id" integer,
	"entered_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inquiry_follow_ups" (
	"id" serial PRIMARY KEY NOT NULL,
	"exchange_id" integer NOT NULL,
	"position" integer NOT NULL,
	"question" text NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inquiry_registrations" (
	"id" serial PRIMARY KEY NOT NULL,
	"inquiry_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"agency_id" integer,
	"text" text NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inquiry_respondents" (
	"id" serial PRIMARY KEY NOT NULL,
	"inquiry_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"position" integer NOT NULL,
	"official_name" text NOT NULL,
	"official_title" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deliberations" ADD COLUMN "with_vote" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_exchange_id_inquiry_exchanges_id_fk" FOREIGN KEY ("exchange_id") REFERENCES "public"."inquiry_exchanges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_plan_item_id_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_askers" ADD CONSTRAINT "inquiry_askers_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_askers" ADD CONSTRAINT "inquiry_askers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_clauses" ADD CONSTRAINT "inquiry_clauses_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_clauses" ADD CONSTRAINT "inquiry_clauses_clause_id_clauses_id_fk" FOREIGN KEY ("clause_id") REFERENCES "public"."clauses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_exchanges" ADD CONSTRAINT "inquiry_exchanges_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_exchanges" ADD CONSTRAINT "inquiry_exchanges_asker_id_users_id_fk" FOREIGN KEY ("asker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_exchanges" ADD CONSTRAINT "inquiry_exchanges_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_exchanges" ADD CONSTRAINT "inquiry_exchanges_registration_id_inquiry_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."inquiry_registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_exchanges" ADD CONSTRAINT "inquiry_exchanges_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_follow_ups" ADD CONSTRAINT "inquiry_follow_ups_exchange_id_inquiry_exchanges_id_fk" FOREIGN KEY ("exchange_id") REFERENCES "public"."inquiry_exchanges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_registrations" ADD CONSTRAINT "inquiry_registrations_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_registrations" ADD CONSTRAINT "inquiry_registrations_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_registrations" ADD CONSTRAINT "inquiry_registrations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_respondents" ADD CONSTRAINT "inquiry_respondents_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_respondents" ADD CONSTRAINT "inquiry_respondents_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitments_inquiry_idx" ON "commitments" USING btree ("inquiry_id");--> statement-breakpoint
CREATE INDEX "commitments_exchange_idx" ON "commitments" USING btree ("exchange_id");--> statement-breakpoint
CREATE INDEX "commitments_agency_idx" ON "commitments" USING btree ("agency_id","state");--> statement-breakpoint
CREATE INDEX "commitments_due_idx" ON "commitments" USING btree ("state","due_on");--> statement-breakpoint
CREATE INDEX "inquiries_meeting_idx" ON "inquiries" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "inquiries_held_idx" ON "inquiries" USING btree ("held_on");--> statement-breakpoint
CREATE INDEX "inquiries_report_idx" ON "inquiries" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "inquiries_inspection_idx" ON "inquiries" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "inquiry_askers_user_idx" ON "inquiry_askers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "inquiry_clauses_clause_idx" ON "inquiry_clauses" USING btree ("clause_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inquiry_exchanges_position_idx" ON "inquiry_exchanges" USING btree ("inquiry_id","position");--> statement-breakpoint
CREATE INDEX "inquiry_exchanges_agency_idx" ON "inquiry_exchanges" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inquiry_follow_ups_position_idx" ON "inquiry_follow_ups" USING btree ("exchange_id","position");--> statement-breakpoint
CREATE INDEX "inquiry_registrations_inquiry_idx" ON "inquiry_registrations" USING btree ("inquiry_id","position");--> statement-breakpoint
CREATE INDEX "inquiry_registrations_member_idx" ON "inquiry_registrations" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inquiry_respondents_agency_idx" ON "inquiry_respondents" USING btree ("inquiry_id","agency_id");--> statement-breakpoint
CREATE INDEX "inquiry_respondents_by_agency_idx" ON "inquiry_respondents" USING btree ("agency_id");