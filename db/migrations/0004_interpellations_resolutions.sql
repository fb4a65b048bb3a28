CREATE TABLE "interpellation_clauses" (
	"interpellation_id" integer NOT NULL,
	"clause_id" integer NOT NULL,
	CONSTRAINT "interpellation_clauses_interpellation_id_clause_id_pk" PRIMARY KEY("interpellation_id","clause_id")
);
--> statement-breakpoint
CREATE TABLE "interpellation_rounds" (
	"interpellation_id" integer NOT NULL,
	"round" integer NOT NULL,
	"decided_on" date NOT NULL,
	"mode" text NOT NULL,
	"forum" text,
	"meeting_id" integer,
	"special_meeting" text,
	"answer_due_on" date,
	"answer_text" text,
	"answered_on" date,
	"answerer_name" text,
	"answerer_title" text,
	"answer_entered_by" integer,
	"reanswer_requested_on" date,
	"reanswer_requested_by" integer,
	"reanswer_decision" text,
	"reanswer_decided_on" date,
	"reanswer_note" text DEFAULT '' NOT NULL,
	CONSTRAINT "interpellation_rounds_interpellation_id_round_pk" PRIMARY KEY("interpellation_id","round")
);
--> statement-breakpoint
CREATE TABLE "interpellation_signers" (
	"interpellation_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"invited_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"entered_by" integer,
	CONSTRAINT "interpellation_signers_interpellation_id_member_id_pk" PRIMARY KEY("interpellation_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "interpellation_verdicts" (
	"interpellation_id" integer NOT NULL,
	"round" integer NOT NULL,
	"member_id" integer NOT NULL,
	"verdict" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interpellation_verdicts_interpellation_id_round_member_id_pk" PRIMARY KEY("interpellation_id","round","member_id")
);
--> statement-breakpoint
CREATE TABLE "interpellations" (
	"id" serial PRIMARY KEY NOT NULL,
	"target_agency_id" integer NOT NULL,
	"matter" text NOT NULL,
	"questions" text NOT NULL,
	"source" text NOT NULL,
	"drafter_id" integer,
	"entered_by" integer,
	"state" text DEFAULT 'draft' NOT NULL,
	"year" integer NOT NULL,
	"drafted_on" date NOT NULL,
	"submitted_on" date,
	"referral_decided_on" date,
	"referral_note" text DEFAULT '' NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"closed_on" date,
	"withdrawn_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resolution_actions" (
	"id" serial PRIMARY KEY NOT NULL,
	"resolution_id" integer NOT NULL,
	"position" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"text" text NOT NULL,
	"due_on" date NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"response" text DEFAULT '' NOT NULL,
	"responded_on" date,
	"responded_by" integer,
	"accepted_on" date,
	"reopen_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resolution_clauses" (
	"resolution_id" integer NOT NULL,
	"clause_id" integer NOT NULL,
	CONSTRAINT "resolution_clauses_resolution_id_clause_id_pk" PRIMARY KEY("resolution_id","clause_id")
);
--> statement-breakpoint
CREATE TABLE "resolutions" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"meeting_id" integer NOT NULL,
	"adopted_on" date NOT NULL,
	"year" integer NOT NULL,
	"report_due_on" date NOT NULL,
	"subject_type" text,
	"subject_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "interpellation_clauses" ADD CONSTRAINT "interpellation_clauses_interpellation_id_interpellations_id_fk" FOREIGN KEY ("interpellation_id") REFERENCES "public"."interpellations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellation_clauses" ADD CONSTRAINT "interpellation_clauses_clause_id_clauses_id_fk" FOREIGN KEY ("clause_id") REFERENCES "public"."clauses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellation_rounds" ADD CONSTRAINT "interpellation_rounds_interpellation_id_interpellations_id_fk" FOREIGN KEY ("interpellation_id") REFERENCES "public"."interpellations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellation_rounds" ADD CONSTRAINT "interpellation_rounds_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellation_rounds" ADD CONSTRAINT "interpellation_rounds_answer_entered_by_users_id_fk" FOREIGN KEY ("answer_entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellation_rounds" ADD CONSTRAINT "interpellation_rounds_reanswer_requested_by_users_id_fk" FOREIGN KEY ("reanswer_requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellation_signers" ADD CONSTRAINT "interpellation_signers_interpellation_id_interpellations_id_fk" FOREIGN KEY ("interpellation_id") REFERENCES "public"."interpellations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellation_signers" ADD CONSTRAINT "interpellation_signers_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellation_signers" ADD CONSTRAINT "interpellation_signers_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellation_verdicts" ADD CONSTRAINT "interpellation_verdicts_interpellation_id_interpellations_id_fk" FOREIGN KEY ("interpellation_id") REFERENCES "public"."interpellations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellation_verdicts" ADD CONSTRAINT "interpellation_verdicts_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellations" ADD CONSTRAINT "interpellations_target_agency_id_agencies_id_fk" FOREIGN KEY ("target_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellations" ADD CONSTRAINT "interpellations_drafter_id_users_id_fk" FOREIGN KEY ("drafter_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellations" ADD CONSTRAINT "interpellations_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_actions" ADD CONSTRAINT "resolution_actions_resolution_id_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."resolutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_actions" ADD CONSTRAINT "resolution_actions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_actions" ADD CONSTRAINT "resolution_actions_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_clauses" ADD CONSTRAINT "resolution_clauses_resolution_id_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."resolutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_clauses" ADD CONSTRAINT "resolution_clauses_clause_id_clauses_id_fk" FOREIGN KEY ("clause_id") REFERENCES "public"."clauses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interpellation_clauses_clause_idx" ON "interpellation_clauses" USING btree ("clause_id");--> statement-breakpoint
CREATE INDEX "interpellation_rounds_meeting_idx" ON "interpellation_rounds" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "interpellation_signers_member_idx" ON "interpellation_signers" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "interpellation_verdicts_member_idx" ON "interpellation_verdicts" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "interpellations_target_idx" ON "interpellations" USING btree ("target_agency_id");--> statement-breakpoint
CREATE INDEX "interpellations_state_idx" ON "interpellations" USING btree ("state");--> statement-breakpoint
CREATE INDEX "interpellations_year_idx" ON "interpellations" USING btree ("year");--> statement-breakpoint
CREATE INDEX "interpellations_drafter_idx" ON "interpellations" USING btree ("drafter_id");--> statement-breakpoint
CREATE INDEX "resolution_actions_resolution_idx" ON "resolution_actions" USING btree ("resolution_id","position");--> statement-breakpoint
CREATE INDEX "resolution_actions_agency_idx" ON "resolution_actions" USING btree ("agency_id","state");--> statement-breakpoint
CREATE INDEX "resolution_actions_state_idx" ON "resolution_actions" USING btree ("state","due_on");--> statement-breakpoint
CREATE INDEX "resolution_clauses_clause_idx" ON "resolution_clauses" USING btree ("clause_id");--> statement-breakpoint
CREATE INDEX "resolutions_meeting_idx" ON "resolutions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "resolutions_year_idx" ON "resolutions" USING btree ("year");--> statement-breakpoint
CREATE INDEX "resolutions_subject_idx" ON "resolutions" USING btree ("subject_type","subject_id");