CREATE TABLE "agenda_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"subject_type" text,
	"subject_id" integer
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ballot_participation" (
	"deliberation_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"voted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ballot_participation_deliberation_id_member_id_pk" PRIMARY KEY("deliberation_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "ballots" (
	"deliberation_id" integer NOT NULL,
	"voter_key" text NOT NULL,
	"choice" text NOT NULL,
	CONSTRAINT "ballots_deliberation_id_voter_key_pk" PRIMARY KEY("deliberation_id","voter_key")
);
--> statement-breakpoint
CREATE TABLE "deliberation_opinions" (
	"id" serial PRIMARY KEY NOT NULL,
	"deliberation_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"clause_id" integer,
	"text" text NOT NULL,
	"entered_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliberations" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" integer NOT NULL,
	"title" text NOT NULL,
	"meeting_id" integer,
	"organ_id" integer NOT NULL,
	"responding_agency_id" integer NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"ballot_salt" text,
	"tally" jsonb,
	"tally_source" text,
	"vote_closed_at" timestamp with time zone,
	"letter_number" text DEFAULT '' NOT NULL,
	"letter_to" text DEFAULT '' NOT NULL,
	"letter_cc" text DEFAULT '' NOT NULL,
	"letter_body" text DEFAULT '' NOT NULL,
	"letter_sent_on" date,
	"handling_due_on" date,
	"handling_text" text DEFAULT '' NOT NULL,
	"handling_submitted_on" date,
	"handling_return_reason" text,
	"handling_accepted_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"meeting_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "meeting_attendance_meeting_id_user_id_pk" PRIMARY KEY("meeting_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"term" integer NOT NULL,
	"session" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_item_clauses" (
	"plan_item_id" integer NOT NULL,
	"clause_id" integer NOT NULL,
	CONSTRAINT "plan_item_clauses_plan_item_id_clause_id_pk" PRIMARY KEY("plan_item_id","clause_id")
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"organ_id" integer,
	"planned_month" integer,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_clauses" (
	"report_id" integer NOT NULL,
	"clause_id" integer NOT NULL,
	CONSTRAINT "report_clauses_report_id_clause_id_pk" PRIMARY KEY("report_id","clause_id")
);
--> statement-breakpoint
CREATE TABLE "report_task_progress" (
	"report_id" integer NOT NULL,
	"task_id" integer NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"self_assessment" text,
	CONSTRAINT "report_task_progress_report_id_task_id_pk" PRIMARY KEY("report_id","task_id")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_item_id" integer,
	"organ_id" integer NOT NULL,
	"preparing_agency_id" integer NOT NULL,
	"meeting_id" integer NOT NULL,
	"topic" text NOT NULL,
	"state" text DEFAULT 'scheduled' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"period" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"collected_opinions" text DEFAULT '' NOT NULL,
	"draft_submitted_on" date,
	"opinions_sent_on" date,
	"revised_submitted_on" date,
	"distributed_on" date,
	"signed_off_by" text,
	"signed_off_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_participation" ADD CONSTRAINT "ballot_participation_deliberation_id_deliberations_id_fk" FOREIGN KEY ("deliberation_id") REFERENCES "public"."deliberations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_participation" ADD CONSTRAINT "ballot_participation_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_deliberation_id_deliberations_id_fk" FOREIGN KEY ("deliberation_id") REFERENCES "public"."deliberations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_opinions" ADD CONSTRAINT "deliberation_opinions_deliberation_id_deliberations_id_fk" FOREIGN KEY ("deliberation_id") REFERENCES "public"."deliberations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_opinions" ADD CONSTRAINT "deliberation_opinions_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_opinions" ADD CONSTRAINT "deliberation_opinions_clause_id_clauses_id_fk" FOREIGN KEY ("clause_id") REFERENCES "public"."clauses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_opinions" ADD CONSTRAINT "deliberation_opinions_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberations" ADD CONSTRAINT "deliberations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberations" ADD CONSTRAINT "deliberations_organ_id_agencies_id_fk" FOREIGN KEY ("organ_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberations" ADD CONSTRAINT "deliberations_responding_agency_id_agencies_id_fk" FOREIGN KEY ("responding_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_clauses" ADD CONSTRAINT "plan_item_clauses_plan_item_id_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_clauses" ADD CONSTRAINT "plan_item_clauses_clause_id_clauses_id_fk" FOREIGN KEY ("clause_id") REFERENCES "public"."clauses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_organ_id_agencies_id_fk" FOREIGN KEY ("organ_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_clauses" ADD CONSTRAINT "report_clauses_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_clauses" ADD CONSTRAINT "report_clauses_clause_id_clauses_id_fk" FOREIGN KEY ("clause_id") REFERENCES "public"."clauses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_task_progress" ADD CONSTRAINT "report_task_progress_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_task_progress" ADD CONSTRAINT "report_task_progress_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_plan_item_id_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_organ_id_agencies_id_fk" FOREIGN KEY ("organ_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_preparing_agency_id_agencies_id_fk" FOREIGN KEY ("preparing_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_meeting_idx" ON "agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "opinions_deliberation_idx" ON "deliberation_opinions" USING btree ("deliberation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deliberations_subject_idx" ON "deliberations" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "deliberations_responding_idx" ON "deliberations" USING btree ("responding_agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_term_session_idx" ON "meetings" USING btree ("term","session");--> statement-breakpoint
CREATE INDEX "meetings_starts_idx" ON "meetings" USING btree ("starts_on");--> statement-breakpoint
CREATE INDEX "plan_items_year_idx" ON "plan_items" USING btree ("year");--> statement-breakpoint
CREATE INDEX "report_clauses_clause_idx" ON "report_clauses" USING btree ("clause_id");--> statement-breakpoint
CREATE INDEX "report_progress_task_idx" ON "report_task_progress" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "reports_meeting_idx" ON "reports" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "reports_preparing_idx" ON "reports" USING btree ("preparing_agency_id");--> statement-breakpoint
CREATE INDEX "reports_organ_idx" ON "reports" USING btree ("organ_id");