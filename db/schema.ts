import { sql } from 'drizzle-orm'
import {
	boolean,
	customType,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	serial,
	text,
	timestamp,
	uniqueIndex,
} from 'drizzle-orm/pg-core'
import type { Choice, DeliberationState, DeliberationSubjectType, Tally } from '../app/domain/deliberation'
import type { GroupRole, InspectionForm, InspectionState, Severity } from '../app/domain/inspections'
import type { RectificationState } from '../app/domain/rectification'
import type { ReportState, SelfAssessment } from '../app/domain/reports'
import type { AgencyKind, AgencyLevel } from '../app/domain/agencies'
import type { AgencyItemState } from '../app/domain/agency-items'
import type { InquiryKind, InquiryState } from '../app/domain/inquiries'
import type { Role } from '../app/domain/roles'
import type { TaskRole } from '../app/domain/tasks'
import type { AgendaItemKind, AttendanceStatus, PlanItemKind } from '../app/domain/meetings'
import type { AnswerForum, AnswerMode, InterpellationSource, InterpellationState, ReanswerDecision, SignerVerdict } from '../app/domain/interpellations'
import type { ActionState, ResolutionKind, ResolutionSubjectType } from '../app/domain/resolutions'
import type { AssessedStatus } from '../app/domain/status'
import type { ConcernAgencyRole, ConcernRating, ConcernState, District, ResultClass } from '../app/domain/concerns'
import type { PublicationCopy, PublicationKind } from '../app/domain/publications'


// Every table people edit carries `version`, bumped on each update: a stale edit is refused
// (see app/models/write.server.ts). Timestamps are stored with time zone; calendar dates
// (deadlines, adoption dates) are `date`, read as 'YYYY-MM-DD' strings and interpreted in
// Asia/Shanghai by app/domain/dates.ts.

const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
const version = () => integer('version').notNull().default(1)

// ---------------------------------------------------------------------------------------------
// Agencies and accounts
// ---------------------------------------------------------------------------------------------


export const agencies = pgTable(
	'agencies',
	{
		id: serial('id').primaryKey(),
		// A stable slug for seed data and mapping files; null for agencies added in the app.
		key: text('key').unique(),
		name: text('name').notNull().unique(),
		shortName: text('short_name').notNull(),
		kind: text('kind').$type<AgencyKind>().notNull(),
		level: text('level').$type<AgencyLevel>().notNull(),
		district: text('district'),
		// Officials expect the official order, never a collation-dependent sort by name.
		displayOrder: integer('display_order').notNull(),
		active: boolean('active').notNull().default(true),
		createdAt: created(),
		version: version(),
	},
	(t) => [index('agencies_order_idx').on(t.displayOrder)],
)


export const users = pgTable(
	'users',
	{
		id: serial('id').primaryKey(),
		username: text('username').notNull(),
		passwordHash: text('password_hash').notNull(),
		realName: text('real_name').notNull(),
		position: text('position').notNull().default(''),
		phone: text('phone').notNull().default(''),
		role: text('role').$type<Role>().notNull(),
		// Set for role 'agency' only: a liaison belongs to exactly one agency.
		agencyId: integer('agency_id').references(() => agencies.id),
		disabled: boolean('disabled').notNull().default(false),
		mustChangePassword: boolean('must_change_password').notNull().default(false),
		createdAt: created(),
		version: version(),
	},
	(t) => [uniqueIndex('users_username_idx').on(sql`lower(${t.username})`)],
)

export const sessions = pgTable(
	'sessions',
	{
		// SHA-256 of the token, hex: the token itself is never stored (Lucia's guide).
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		createdAt: created(),
		lastActiveAt: timestamp('last_active_at', { withTimezone: true }).notNull().defaultNow(),
		// Absolute end of the session, whatever the activity.
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	},
	(t) => [index('sessions_user_idx').on(t.userId)],
)

export const loginAttempts = pgTable(
	'login_attempts',
	{
		id: serial('id').primaryKey(),
		username: text('username').notNull(),
		address: text('address').notNull(),
		success: boolean('success').notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		index('login_attempts_username_idx').on(t.username, t.at),
		index('login_attempts_address_idx').on(t.address, t.at),
	],
)

// ---------------------------------------------------------------------------------------------
// Settings and audit
// ---------------------------------------------------------------------------------------------

// Only values an admin changed are stored; defaults live in app/domain/settings.ts.
export const settings = pgTable('settings', {
	key: text('key').primaryKey(),
	value: jsonb('value').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
	version: version(),
})

// Facts about this installation, such as whether the demo data was seeded into it.
export const appMeta = pgTable('app_meta', {
	key: text('key').primaryKey(),
	value: jsonb('value').notNull(),
})

export const auditEvents = pgTable(
	'audit_events',
	{
		id: serial('id').primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		// Null for the system (seed, CLI without an account) and for anonymous login failures.
		actorId: integer('actor_id').references(() => users.id),
		action: text('action').notNull(),
		entityType: text('entity_type').notNull(),
		entityId: text('entity_id'),
		before: jsonb('before'),
		after: jsonb('after'),
		address: text('address'),
	},
	(t) => [
		index('audit_at_idx').on(t.at),
		index('audit_entity_idx').on(t.entityType, t.entityId),
		index('audit_actor_idx').on(t.actorId),
	],
)

// ---------------------------------------------------------------------------------------------
// Instruments: the decision, its parts, clauses and tasks
// ---------------------------------------------------------------------------------------------

export const instruments = pgTable('instruments', {
	id: serial('id').primaryKey(),
	title: text('title').notNull(),
	issuer: text('issuer'),
	documentNumber: text('document_number'),
	adoptedOn: date('adopted_on'),
	publishedOn: date('published_on'),
	effectiveOn: date('effective_on'),
	validity: text('validity').$type<'有效' | '已修改' | '已废止'>().notNull().default('有效'),
	preamble: text('preamble'),
	finalProvisions: jsonb('final_provisions').$type<Array<string>>().notNull().default([]),
	sourceText: text('source_text').notNull(),
	createdAt: created(),
	version: version(),
})

export const parts = pgTable(
	'parts',
	{
		id: serial('id').primaryKey(),
		instrumentId: integer('instrument_id')
			.notNull()
			.references(() => instruments.id),
		ordinal: integer('ordinal').notNull(),
		label: text('label').notNull(),
		title: text('title').notNull(),
		// The part's own text before its first clause, or instead of clauses.
		paragraphs: jsonb('paragraphs').$type<Array<string>>().notNull().default([]),
	},
	(t) => [uniqueIndex('parts_instrument_ordinal_idx').on(t.instrumentId, t.ordinal)],
)

export const clauses = pgTable(
	'clauses',
	{
		id: serial('id').primaryKey(),
		instrumentId: integer('instrument_id')
			.notNull()
			.references(() => instruments.id),
		partId: integer('part_id').references(() => parts.id),
		ordinal: integer('ordinal').notNull(),
		label: text('label').notNull(),
		paragraphs: jsonb('paragraphs').$type<Array<string>>().notNull(),
	},
	(t) => [uniqueIndex('clauses_instrument_ordinal_idx').on(t.instrumentId, t.ordinal)],
)

export const tasks = pgTable(
	'tasks',
	{
		id: serial('id').primaryKey(),
		clauseId: integer('clause_id')
			.notNull()
			.references(() => clauses.id),
		// Order within the clause; the 序号 of the 责任分解表 is derived from clause + ordinal.
		ordinal: integer('ordinal').notNull(),
		text: text('text').notNull(),
		// The responsible subject as written in the text, kept for reference after re-assignment.
		subject: text('subject').notNull().default(''),
		coSubjects: jsonb('co_subjects').$type<Array<string>>().notNull().default([]),
		// Null means 长期: a standing duty, never overdue.
		deadline: date('deadline'),
		createdAt: created(),
		version: version(),
	},
	(t) => [index('tasks_clause_idx').on(t.clauseId, t.ordinal)],
)


export const taskAgencies = pgTable(
	'task_agencies',
	{
		taskId: integer('task_id')
			.notNull()
			.references(() => tasks.id, { onDelete: 'cascade' }),
		agencyId: integer('agency_id')
			.notNull()
			.references(() => agencies.id),
		role: text('role').$type<TaskRole>().notNull(),
	},
	(t) => [
		primaryKey({ columns: [t.taskId, t.agencyId] }),
		index('task_agencies_agency_idx').on(t.agencyId),
	],
)

// The secretariat's dated assessments of a task (落实情况评估): each one is kept, the newest by
// date (then by id) is the one the status rule reads; a later assessment supersedes, never
// overwrites. Written through write() and audited.
export const taskAssessments = pgTable(
	'task_assessments',
	{
		id: serial('id').primaryKey(),
		taskId: integer('task_id')
			.notNull()
			.references(() => tasks.id, { onDelete: 'cascade' }),
		status: text('status').$type<AssessedStatus>().notNull(),
		reason: text('reason').notNull(),
		assessedOn: date('assessed_on').notNull(),
		authorId: integer('author_id').references(() => users.id),
		createdAt: created(),
		version: version(),
	},
	(t) => [index('task_assessments_task_idx').on(t.taskId, t.assessedOn)],
)

// Generic subjects in the text ('公安机关', '金融、通信等行业主管部门') → concrete agencies.
export const subjectMappings = pgTable(
	'subject_mappings',
	{
		subject: text('subject').notNull(),
		agencyId: integer('agency_id')
			.notNull()
			.references(() => agencies.id),
		position: integer('position').notNull().default(0),
	},
	(t) => [primaryKey({ columns: [t.subject, t.agencyId] })],
)

// ---------------------------------------------------------------------------------------------
// The annual oversight plan and standing committee meetings (Supervision Law Art. 63)
// ---------------------------------------------------------------------------------------------


export const planItems = pgTable(
	'plan_items',
	{
		id: serial('id').primaryKey(),
		year: integer('year').notNull(),
		kind: text('kind').$type<PlanItemKind>().notNull(),
		title: text('title').notNull(),
		// The organ the item is aimed at (市人民政府, 市监察委员会, 市中级人民法院, 市人民检察院).
		organId: integer('organ_id').references(() => agencies.id),
		// The month it is planned for, 1–12, or null when not yet fixed.
		plannedMonth: integer('planned_month'),
		notes: text('notes').notNull().default(''),
		createdAt: created(),
		version: version(),
	},
	(t) => [index('plan_items_year_idx').on(t.year)],
)

export const planItemClauses = pgTable(
	'plan_item_clauses',
	{
		planItemId: integer('plan_item_id')
			.notNull()
			.references(() => planItems.id, { onDelete: 'cascade' }),
		clauseId: integer('clause_id')
			.notNull()
			.references(() => clauses.id),
	},
	(t) => [primaryKey({ columns: [t.planItemId, t.clauseId] })],
)

export const meetings = pgTable(
	'meetings',
	{
		id: serial('id').primaryKey(),
		// 第N届 (term) and 第N次会议 (session number within the term).
		term: integer('term').notNull(),
		session: integer('session').notNull(),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on').notNull(),
		place: text('place').notNull().default(''),
		createdAt: created(),
		version: version(),
	},
	(t) => [uniqueIndex('meetings_term_session_idx').on(t.term, t.session), index('meetings_starts_idx').on(t.startsOn)],
)

// The agenda is general: each item names the kind of business and, where the app holds it, the
// record it concerns (a report, an inspection report, an inquiry, an interpellation answer, a
// resolution), so later kinds of record join without a schema change.

export const agendaItems = pgTable(
	'agenda_items',
	{
		id: serial('id').primaryKey(),
		meetingId: integer('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		kind: text('kind').$type<AgendaItemKind>().notNull(),
		title: text('title').notNull(),
		subjectType: text('subject_type'),
		subjectId: integer('subject_id'),
	},
	(t) => [index('agenda_meeting_idx').on(t.meetingId, t.position)],
)


export const meetingAttendance = pgTable(
	'meeting_attendance',
	{
		meetingId: integer('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		status: text('status').$type<AttendanceStatus>().notNull(),
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.userId] })],
)

// ---------------------------------------------------------------------------------------------
// Special work reports (专项工作报告, Art. 11–17)
// ---------------------------------------------------------------------------------------------

export const reports = pgTable(
	'reports',
	{
		id: serial('id').primaryKey(),
		planItemId: integer('plan_item_id').references(() => planItems.id),
		// The reporting organ (市人民政府 / 市监察委员会 / 市中级人民法院 / 市人民检察院) and the
		// department that prepares the report (for the government, one of its departments).
		organId: integer('organ_id')
			.notNull()
			.references(() => agencies.id),
		preparingAgencyId: integer('preparing_agency_id')
			.notNull()
			.references(() => agencies.id),
		meetingId: integer('meeting_id')
			.notNull()
			.references(() => meetings.id),
		topic: text('topic').notNull(),
		state: text('state').$type<ReportState>().notNull().default('scheduled'),
		title: text('title').notNull().default(''),
		period: text('period').notNull().default(''),
		body: text('body').notNull().default(''),
		// Art. 14: the opinions the office collected, for the organ to answer in the report.
		collectedOpinions: text('collected_opinions').notNull().default(''),
		draftSubmittedOn: date('draft_submitted_on'),
		opinionsSentOn: date('opinions_sent_on'),
		revisedSubmittedOn: date('revised_submitted_on'),
		distributedOn: date('distributed_on'),
		// 签发: the responsible official of the organ who signed the report off.
		signedOffBy: text('signed_off_by'),
		signedOffOn: date('signed_off_on'),
		createdAt: created(),
		version: version(),
	},
	(t) => [
		index('reports_meeting_idx').on(t.meetingId),
		index('reports_preparing_idx').on(t.preparingAgencyId),
		index('reports_organ_idx').on(t.organId),
	],
)

export const reportClauses = pgTable(
	'report_clauses',
	{
		reportId: integer('report_id')
			.notNull()
			.references(() => reports.id, { onDelete: 'cascade' }),
		clauseId: integer('clause_id')
			.notNull()
			.references(() => clauses.id),
	},
	(t) => [primaryKey({ columns: [t.reportId, t.clauseId] }), index('report_clauses_clause_idx').on(t.clauseId)],
)

// Per task the report covers: the agency's progress narrative and self-assessed status.
export const reportTaskProgress = pgTable(
	'report_task_progress',
	{
		reportId: integer('report_id')
			.notNull()
			.references(() => reports.id, { onDelete: 'cascade' }),
		taskId: integer('task_id')
			.notNull()
			.references(() => tasks.id, { onDelete: 'cascade' }),
		narrative: text('narrative').notNull().default(''),
		selfAssessment: text('self_assessment').$type<SelfAssessment>(),
	},
	(t) => [primaryKey({ columns: [t.reportId, t.taskId] }), index('report_progress_task_idx').on(t.taskId)],
)

// ---------------------------------------------------------------------------------------------
// Attachments: stored in the database, served only to those who may read their owner
// ---------------------------------------------------------------------------------------------

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
})

export const attachments = pgTable(
	'attachments',
	{
		id: serial('id').primaryKey(),
		// What it belongs to: 'report', 'handling_report', and later kinds.
		ownerType: text('owner_type').notNull(),
		ownerId: integer('owner_id').notNull(),
		fileName: text('file_name').notNull(),
		contentType: text('content_type').notNull(),
		size: integer('size').notNull(),
		sha256: text('sha256').notNull(),
		data: bytea('data').notNull(),
		uploadedBy: integer('uploaded_by').references(() => users.id),
		createdAt: created(),
	},
	(t) => [index('attachments_owner_idx').on(t.ownerType, t.ownerId)],
)

// ---------------------------------------------------------------------------------------------
// Deliberation: opinions, secret ballot, opinion letter, handling report (Art. 17, 37)
// ---------------------------------------------------------------------------------------------

export const deliberations = pgTable(
	'deliberations',
	{
		id: serial('id').primaryKey(),
		// What is deliberated: 'report' (a special work report), later 'inspection', 'inquiry'.
		subjectType: text('subject_type').$type<DeliberationSubjectType>().notNull(),
		subjectId: integer('subject_id').notNull(),
		// The deliberated document's title, as the letter and lists name it.
		title: text('title').notNull(),
		meetingId: integer('meeting_id').references(() => meetings.id),
		// The organ the opinions go to (主送), and the agency whose liaison drafts the organ's
		// handling report (for a government report, the department that prepared it).
		organId: integer('organ_id')
			.notNull()
			.references(() => agencies.id),
		respondingAgencyId: integer('responding_agency_id')
			.notNull()
			.references(() => agencies.id),
		state: text('state').$type<DeliberationState>().notNull().default('open'),
		// False for a deliberation without a satisfaction vote (a 专题询问 may be scheduled so).
		withVote: boolean('with_vote').notNull().default(true),
		// While the vote is open, ballots are keyed by sha256(salt ‖ member id) so a member can change
		// theirs; closing the vote deletes the salt, and no one can link a ballot to a member again.
		ballotSalt: text('ballot_salt'),
		// A tally entered from the meeting's voting system replaces the app's ballots.
		tally: jsonb('tally').$type<Tally>(),
		tallySource: text('tally_source').$type<'ballots' | 'meeting_system'>(),
		voteClosedAt: timestamp('vote_closed_at', { withTimezone: true }),
		// The consolidated opinion letter (审议意见).
		letterNumber: text('letter_number').notNull().default(''),
		letterTo: text('letter_to').notNull().default(''),
		letterCc: text('letter_cc').notNull().default(''),
		letterBody: text('letter_body').notNull().default(''),
		letterSentOn: date('letter_sent_on'),
		handlingDueOn: date('handling_due_on'),
		// The organ's written handling report (研究处理情况报告).
		handlingText: text('handling_text').notNull().default(''),
		handlingSubmittedOn: date('handling_submitted_on'),
		handlingReturnReason: text('handling_return_reason'),
		handlingAcceptedOn: date('handling_accepted_on'),
		createdAt: created(),
		version: version(),
	},
	(t) => [
		uniqueIndex('deliberations_subject_idx').on(t.subjectType, t.subjectId),
		index('deliberations_responding_idx').on(t.respondingAgencyId),
	],
)

export const deliberationOpinions = pgTable(
	'deliberation_opinions',
	{
		id: serial('id').primaryKey(),
		deliberationId: integer('deliberation_id')
			.notNull()
			.references(() => deliberations.id, { onDelete: 'cascade' }),
		memberId: integer('member_id')
			.notNull()
			.references(() => users.id),
		clauseId: integer('clause_id').references(() => clauses.id),
		text: text('text').notNull(),
		// Set when the secretariat entered the opinion from group deliberation on the member's behalf.
		enteredBy: integer('entered_by').references(() => users.id),
		createdAt: created(),
		version: version(),
	},
	(t) => [index('opinions_deliberation_idx').on(t.deliberationId)],
)

// Who voted (shown as a count and to the member themself), never how.
export const ballotParticipation = pgTable(
	'ballot_participation',
	{
		deliberationId: integer('deliberation_id')
			.notNull()
			.references(() => deliberations.id, { onDelete: 'cascade' }),
		memberId: integer('member_id')
			.notNull()
			.references(() => users.id),
		votedAt: timestamp('voted_at', { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.deliberationId, t.memberId] })],
)

export const ballots = pgTable(
	'ballots',
	{
		deliberationId: integer('deliberation_id')
			.notNull()
			.references(() => deliberations.id, { onDelete: 'cascade' }),
		voterKey: text('voter_key').notNull(),
		choice: text('choice').$type<Choice>().notNull(),
	},
	(t) => [primaryKey({ columns: [t.deliberationId, t.voterKey] })],
)

// ---------------------------------------------------------------------------------------------
// Law-enforcement inspections (执法检查, Supervision Law Art. 31–37)
// ---------------------------------------------------------------------------------------------

export const inspections = pgTable(
	'inspections',
	{
		id: serial('id').primaryKey(),
		planItemId: integer('plan_item_id').references(() => planItems.id),
		title: text('title').notNull(),
		year: integer('year').notNull(),
		// 座谈会, 实地检查, 第三方评估, 问卷调查, 抽查 (Art. 35)
		forms: jsonb('forms').$type<Array<InspectionForm>>().notNull().default([]),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on').notNull(),
		// The organ the report and its deliberation opinions go to (usually 市人民政府).
		organId: integer('organ_id').references(() => agencies.id),
		state: text('state').$type<InspectionState>().notNull().default('planned'),
		// The inspection report (Art. 36): its four parts.
		reportEvaluation: text('report_evaluation').notNull().default(''),
		reportProblems: text('report_problems').notNull().default(''),
		reportEnforcementSuggestions: text('report_enforcement_suggestions').notNull().default(''),
		reportAmendmentSuggestions: text('report_amendment_suggestions').notNull().default(''),
		reportMeetingId: integer('report_meeting_id').references(() => meetings.id),
		createdAt: created(),
		version: version(),
	},
	(t) => [index('inspections_year_idx').on(t.year)],
)

export const inspectionClauses = pgTable(
	'inspection_clauses',
	{
		inspectionId: integer('inspection_id')
			.notNull()
			.references(() => inspections.id, { onDelete: 'cascade' }),
		clauseId: integer('clause_id')
			.notNull()
			.references(() => clauses.id),
	},
	(t) => [primaryKey({ columns: [t.inspectionId, t.clauseId] })],
)

// The inspection group (Art. 33): a leader, members, invited deputies.
export const inspectionGroup = pgTable(
	'inspection_group',
	{
		inspectionId: integer('inspection_id')
			.notNull()
			.references(() => inspections.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		role: text('role').$type<GroupRole>().notNull(),
	},
	(t) => [primaryKey({ columns: [t.inspectionId, t.userId] }), index('inspection_group_user_idx').on(t.userId)],
)

export const visits = pgTable(
	'visits',
	{
		id: serial('id').primaryKey(),
		inspectionId: integer('inspection_id')
			.notNull()
			.references(() => inspections.id, { onDelete: 'cascade' }),
		on: date('on').notNull(),
		startTime: text('start_time').notNull(), // 'HH:MM' Asia/Shanghai
		endTime: text('end_time').notNull(),
		place: text('place').notNull(),
		district: text('district'),
		form: text('form').$type<InspectionForm>(),
		// 暗访: hidden from the visited agencies everywhere (schedule, calendar, feeds).
		unannounced: boolean('unannounced').notNull().default(false),
		// Why the secretariat saved despite the conflicts it was warned about.
		conflictReason: text('conflict_reason'),
		createdAt: created(),
		version: version(),
	},
	(t) => [index('visits_inspection_idx').on(t.inspectionId), index('visits_on_idx').on(t.on)],
)

export const visitAgencies = pgTable(
	'visit_agencies',
	{
		visitId: integer('visit_id')
			.notNull()
			.references(() => visits.id, { onDelete: 'cascade' }),
		agencyId: integer('agency_id')
			.notNull()
			.references(() => agencies.id),
	},
	(t) => [primaryKey({ columns: [t.visitId, t.agencyId] }), index('visit_agencies_agency_idx').on(t.agencyId)],
)

export const visitParticipants = pgTable(
	'visit_participants',
	{
		visitId: integer('visit_id')
			.notNull()
			.references(() => visits.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
	},
	(t) => [primaryKey({ columns: [t.visitId, t.userId] }), index('visit_participants_user_idx').on(t.userId)],
)

// A finding (问题) against a clause and an agency, with its rectification (整改).
export const findings = pgTable(
	'findings',
	{
		id: serial('id').primaryKey(),
		inspectionId: integer('inspection_id')
			.notNull()
			.references(() => inspections.id),
		clauseId: integer('clause_id')
			.notNull()
			.references(() => clauses.id),
		agencyId: integer('agency_id')
			.notNull()
			.references(() => agencies.id),
		taskId: integer('task_id').references(() => tasks.id, { onDelete: 'set null' }),
		visitId: integer('visit_id').references(() => visits.id, { onDelete: 'set null' }),
		severity: text('severity').$type<Severity>().notNull(),
		description: text('description').notNull(),
		evidence: text('evidence').notNull().default(''),
		recordedBy: integer('recorded_by')
			.notNull()
			.references(() => users.id),
		rectificationDueOn: date('rectification_due_on').notNull(),
		rectificationState: text('rectification_state').$type<RectificationState>().notNull().default('open'),
		response: text('response').notNull().default(''),
		respondedOn: date('responded_on'),
		verifiedOn: date('verified_on'),
		reopenReason: text('reopen_reason'),
		createdAt: created(),
		version: version(),
	},
	(t) => [
		index('findings_inspection_idx').on(t.inspectionId),
		index('findings_agency_idx').on(t.agencyId),
		index('findings_clause_idx').on(t.clauseId),
	],
)

// Each user's secret calendar feed address: only the SHA-256 of its token is stored; a new
// token replaces the old, which then stops working.
export const calendarFeeds = pgTable('calendar_feeds', {
	userId: integer('user_id')
		.primaryKey()
		.references(() => users.id),
	tokenHash: text('token_hash').notNull().unique(),
	createdAt: created(),
})

// ---------------------------------------------------------------------------------------------
// Inquiries (询问 / 专题询问, Supervision Law Art. 46–50) and the commitments made in answers
// ---------------------------------------------------------------------------------------------

// One inquiry session at a meeting: a 询问 while a report or an inspection report is deliberated
// (linked to it), or a 专题询问 of its own. Its log is entered live, question by question.
export const inquiries = pgTable(
	'inquiries',
	{
		id: serial('id').primaryKey(),
		kind: text('kind').$type<InquiryKind>().notNull(),
		meetingId: integer('meeting_id')
			.notNull()
			.references(() => meetings.id),
		// A 询问 is put while one of these is deliberated; a 专题询问 has neither.
		reportId: integer('report_id').references(() => reports.id),
		inspectionId: integer('inspection_id').references(() => inspections.id),
		planItemId: integer('plan_item_id').references(() => planItems.id),
		topic: text('topic').notNull(),
		// The day of the meeting the session is held on.
		heldOn: date('held_on').notNull(),
		// A 专题询问's optional satisfaction vote, chosen when it is scheduled (per responding agency).
		withVote: boolean('with_vote').notNull().default(false),
		state: text('state').$type<InquiryState>().notNull().default('scheduled'),
		publishedOn: date('published_on'),
		createdAt: created(),
		version: version(),
	},
	(t) => [
		index('inquiries_meeting_idx').on(t.meetingId),
		index('inquiries_held_idx').on(t.heldOn),
		index('inquiries_report_idx').on(t.reportId),
		index('inquiries_inspection_idx').on(t.inspectionId),
	],
)

export const inquiryClauses = pgTable(
	'inquiry_clauses',
	{
		inquiryId: integer('inquiry_id')
			.notNull()
			.references(() => inquiries.id, { onDelete: 'cascade' }),
		clauseId: integer('clause_id')
			.notNull()
			.references(() => clauses.id),
	},
	(t) => [primaryKey({ columns: [t.inquiryId, t.clauseId] }), index('inquiry_clauses_clause_idx').on(t.clauseId)],
)

// The agencies that must attend and answer (Art. 46/47), each with its responsible official
// (负责人). Each row is also what a 专题询问's deliberation is about: one opinion letter per
// responding agency (Art. 50), deliberation subject ('inquiry', this row's id).
export const inquiryRespondents = pgTable(
	'inquiry_respondents',
	{
		id: serial('id').primaryKey(),
		inquiryId: integer('inquiry_id')
			.notNull()
			.references(() => inquiries.id, { onDelete: 'cascade' }),
		agencyId: integer('agency_id')
			.notNull()
			.references(() => agencies.id),
		position: integer('position').notNull(),
		officialName: text('official_name').notNull(),
		officialTitle: text('official_title').notNull(),
	},
	(t) => [
		uniqueIndex('inquiry_respondents_agency_idx').on(t.inquiryId, t.agencyId),
		index('inquiry_respondents_by_agency_idx').on(t.agencyId),
	],
)

// The members designated to ask.
export const inquiryAskers = pgTable(
	'inquiry_askers',
	{
		inquiryId: integer('inquiry_id')
			.notNull()
			.references(() => inquiries.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
	},
	(t) => [primaryKey({ columns: [t.inquiryId, t.userId] }), index('inquiry_askers_user_idx').on(t.userId)],
)

// Questions members register beforehand, in the order the secretariat sets.
export const inquiryRegistrations = pgTable(
	'inquiry_registrations',
	{
		id: serial('id').primaryKey(),
		inquiryId: integer('inquiry_id')
			.notNull()
			.references(() => inquiries.id, { onDelete: 'cascade' }),
		memberId: integer('member_id')
			.notNull()
			.references(() => users.id),
		// The responding agency the question is for, when the member names one.
		agencyId: integer('agency_id').references(() => agencies.id),
		text: text('text').notNull(),
		position: integer('position').notNull(),
		createdAt: created(),
		version: version(),
	},
	(t) => [index('inquiry_registrations_inquiry_idx').on(t.inquiryId, t.position), index('inquiry_registrations_member_idx').on(t.memberId)],
)

// The log: a question, the agency and official who answered, the answer. Each is saved on its
// own as the clerk enters it; `position` is taken under a lock of the session row, and the
// unique index makes a second clerk's question the next one, never the same one.
export const inquiryExchanges = pgTable(
	'inquiry_exchanges',
	{
		id: serial('id').primaryKey(),
		inquiryId: integer('inquiry_id')
			.notNull()
			.references(() => inquiries.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		askerId: integer('asker_id')
			.notNull()
			.references(() => users.id),
		agencyId: integer('agency_id')
			.notNull()
			.references(() => agencies.id),
		officialName: text('official_name').notNull(),
		officialTitle: text('official_title').notNull(),
		question: text('question').notNull(),
		answer: text('answer').notNull().default(''),
		registrationId: integer('registration_id').references(() => inquiryRegistrations.id, { onDelete: 'set null' }),
		enteredBy: integer('entered_by').references(() => users.id),
		createdAt: created(),
		version: version(),
	},
	(t) => [
		uniqueIndex('inquiry_exchanges_position_idx').on(t.inquiryId, t.position),
		index('inquiry_exchanges_agency_idx').on(t.agencyId),
	],
)

// A follow-up question (追问) belongs to its question, and is answered in turn.
export const inquiryFollowUps = pgTable(
	'inquiry_follow_ups',
	{
		id: serial('id').primaryKey(),
		exchangeId: integer('exchange_id')
			.notNull()
			.references(() => inquiryExchanges.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		question: text('question').notNull(),
		answer: text('answer').notNull().default(''),
		createdAt: created(),
		version: version(),
	},
	(t) => [uniqueIndex('inquiry_follow_ups_position_idx').on(t.exchangeId, t.position)],
)

// A commitment (承诺事项) made in an answer: the agency, what it undertook, by when; tracked as an
// agency item (app/domain/agency-items.ts). `inquiryId` repeats the exchange's for the filters.
export const commitments = pgTable(
	'commitments',
	{
		id: serial('id').primaryKey(),
		inquiryId: integer('inquiry_id')
			.notNull()
			.references(() => inquiries.id),
		exchangeId: integer('exchange_id')
			.notNull()
			.references(() => inquiryExchanges.id),
		agencyId: integer('agency_id')
			.notNull()
			.references(() => agencies.id),
		text: text('text').notNull(),
		dueOn: date('due_on').notNull(),
		state: text('state').$type<AgencyItemState>().notNull().default('open'),
		response: text('response').notNull().default(''),
		respondedOn: date('responded_on'),
		verifiedOn: date('verified_on'),
		reopenReason: text('reopen_reason'),
		createdAt: created(),
		version: version(),
	},
	(t) => [
		index('commitments_inquiry_idx').on(t.inquiryId),
		index('commitments_exchange_idx').on(t.exchangeId),
		index('commitments_agency_idx').on(t.agencyId, t.state),
		index('commitments_due_idx').on(t.state, t.dueOn),
	],
)

// ---------------------------------------------------------------------------------------------
// Interpellations (质询案, Supervision Law Art. 51–54) and resolutions (决议决定, Art. 17, 37)
// ---------------------------------------------------------------------------------------------

export const interpellations = pgTable(
	'interpellations',
	{
		id: serial('id').primaryKey(),
		// 质询对象: the government of the city or one of its departments, the supervisory commission,
		// the court or the procuratorate (Art. 51).
		targetAgencyId: integer('target_agency_id')
			.notNull()
			.references(() => agencies.id),
		// 质询的问题 and 质询的内容 (Art. 51 para. 2).
		matter: text('matter').notNull(),
		questions: text('questions').notNull(),
		source: text('source').$type<InterpellationSource>().notNull(),
		// The member who drafted it in the app (its first signer); null for one signed on paper.
		drafterId: integer('drafter_id').references(() => users.id),
		// The office's clerk who entered one signed on paper.
		enteredBy: integer('entered_by').references(() => users.id),
		state: text('state').$type<InterpellationState>().notNull().default('draft'),
		// The year it was drafted, and from submission the year it was handed in: the list's filter.
		year: integer('year').notNull(),
		draftedOn: date('drafted_on').notNull(),
		submittedOn: date('submitted_on'),
		// The chairpersons' council on referral (Art. 52), with its note (why not referred).
		referralDecidedOn: date('referral_decided_on'),
		referralNote: text('referral_note').notNull().default(''),
		// The answer round now under way: 1, or 2 after a granted re-answer (Art. 53).
		round: integer('round').notNull().default(1),
		closedOn: date('closed_on'),
		withdrawnOn: date('withdrawn_on'),
		createdAt: created(),
		version: version(),
	},
	(t) => [
		index('interpellations_target_idx').on(t.targetAgencyId),
		index('interpellations_state_idx').on(t.state),
		index('interpellations_year_idx').on(t.year),
		index('interpellations_drafter_idx').on(t.drafterId),
	],
)

export const interpellationClauses = pgTable(
	'interpellation_clauses',
	{
		interpellationId: integer('interpellation_id')
			.notNull()
			.references(() => interpellations.id, { onDelete: 'cascade' }),
		clauseId: integer('clause_id')
			.notNull()
			.references(() => clauses.id),
	},
	(t) => [primaryKey({ columns: [t.interpellationId, t.clauseId] }), index('interpellation_clauses_clause_idx').on(t.clauseId)],
)

// One row per member and interpellation: a member signs once (the primary key), asked to
// co-sign by the drafter (invitedAt), signed (signedAt) and perhaps withdrawn before submission
// (withdrawnAt; signing again clears it). A signature stands when signed and not withdrawn.
export const interpellationSigners = pgTable(
	'interpellation_signers',
	{
		interpellationId: integer('interpellation_id')
			.notNull()
			.references(() => interpellations.id, { onDelete: 'cascade' }),
		memberId: integer('member_id')
			.notNull()
			.references(() => users.id),
		invitedAt: timestamp('invited_at', { withTimezone: true }),
		signedAt: timestamp('signed_at', { withTimezone: true }),
		withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
		// The clerk who recorded a signature made on paper.
		enteredBy: integer('entered_by').references(() => users.id),
	},
	(t) => [primaryKey({ columns: [t.interpellationId, t.memberId] }), index('interpellation_signers_member_idx').on(t.memberId)],
)

// Each answer round: the council's arrangement (Art. 52), the answer and the responsible official
// who gave or signed it (Art. 54), and the signers' request for a re-answer with the council's
// decision on it (Art. 53). Changed only under the interpellation's lock.
export const interpellationRounds = pgTable(
	'interpellation_rounds',
	{
		interpellationId: integer('interpellation_id')
			.notNull()
			.references(() => interpellations.id, { onDelete: 'cascade' }),
		round: integer('round').notNull(),
		decidedOn: date('decided_on').notNull(),
		mode: text('mode').$type<AnswerMode>().notNull(),
		forum: text('forum').$type<AnswerForum>(),
		meetingId: integer('meeting_id').references(() => meetings.id),
		// A special committee's meeting, named in words, and its day.
		specialMeeting: text('special_meeting'),
		// The written answer's due date, or the special committee meeting's day (a standing
		// committee meeting's day is its own).
		answerDueOn: date('answer_due_on'),
		answerText: text('answer_text'),
		answeredOn: date('answered_on'),
		answererName: text('answerer_name'),
		answererTitle: text('answerer_title'),
		answerEnteredBy: integer('answer_entered_by').references(() => users.id),
		reanswerRequestedOn: date('reanswer_requested_on'),
		reanswerRequestedBy: integer('reanswer_requested_by').references(() => users.id),
		reanswerDecision: text('reanswer_decision').$type<ReanswerDecision>(),
		reanswerDecidedOn: date('reanswer_decided_on'),
		reanswerNote: text('reanswer_note').notNull().default(''),
	},
	(t) => [primaryKey({ columns: [t.interpellationId, t.round] }), index('interpellation_rounds_meeting_idx').on(t.meetingId)],
)

// Each signer's verdict on a round's answer: one per signer and round (the primary key).
export const interpellationVerdicts = pgTable(
	'interpellation_verdicts',
	{
		interpellationId: integer('interpellation_id')
			.notNull()
			.references(() => interpellations.id, { onDelete: 'cascade' }),
		round: integer('round').notNull(),
		memberId: integer('member_id')
			.notNull()
			.references(() => users.id),
		verdict: text('verdict').$type<SignerVerdict>().notNull(),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.interpellationId, t.round, t.memberId] }), index('interpellation_verdicts_member_idx').on(t.memberId)],
)

export const resolutions = pgTable(
	'resolutions',
	{
		id: serial('id').primaryKey(),
		kind: text('kind').$type<ResolutionKind>().notNull(),
		title: text('title').notNull(),
		body: text('body').notNull(),
		meetingId: integer('meeting_id')
			.notNull()
			.references(() => meetings.id),
		adoptedOn: date('adopted_on').notNull(),
		year: integer('year').notNull(),
		// The date by which the agencies report on its execution (Art. 17, 37).
		reportDueOn: date('report_due_on').notNull(),
		// The special work report or inspection it resolves on, if any.
		subjectType: text('subject_type').$type<ResolutionSubjectType>(),
		subjectId: integer('subject_id'),
		createdBy: integer('created_by').references(() => users.id),
		createdAt: created(),
		version: version(),
	},
	(t) => [
		index('resolutions_meeting_idx').on(t.meetingId),
		index('resolutions_year_idx').on(t.year),
		index('resolutions_subject_idx').on(t.subjectType, t.subjectId),
	],
)

export const resolutionClauses = pgTable(
	'resolution_clauses',
	{
		resolutionId: integer('resolution_id')
			.notNull()
			.references(() => resolutions.id, { onDelete: 'cascade' }),
		clauseId: integer('clause_id')
			.notNull()
			.references(() => clauses.id),
	},
	(t) => [primaryKey({ columns: [t.resolutionId, t.clauseId] }), index('resolution_clauses_clause_idx').on(t.clauseId)],
)

// An action the resolution requires of an agency, with its due date; the agency reports what it
// did, the office closes it or sends it back (the rectification's lifecycle).
export const resolutionActions = pgTable(
	'resolution_actions',
	{
		id: serial('id').primaryKey(),
		resolutionId: integer('resolution_id')
			.notNull()
			.references(() => resolutions.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		agencyId: integer('agency_id')
			.notNull()
			.references(() => agencies.id),
		text: text('text').notNull(),
		dueOn: date('due_on').notNull(),
		state: text('state').$type<ActionState>().notNull().default('open'),
		response: text('response').notNull().default(''),
		respondedOn: date('responded_on'),
		respondedBy: integer('responded_by').references(() => users.id),
		acceptedOn: date('accepted_on'),
		reopenReason: text('reopen_reason'),
		createdAt: created(),
		version: version(),
	},
	(t) => [
		index('resolution_actions_resolution_idx').on(t.resolutionId, t.position),
		index('resolution_actions_agency_idx').on(t.agencyId, t.state),
		index('resolution_actions_state_idx').on(t.state, t.dueOn),
	],
)

// ---------------------------------------------------------------------------------------------
// Deputies' constituent concerns and suggestions (代表建议), Deputies Law Art. 51–52
// ---------------------------------------------------------------------------------------------

// The categories deputies file under: a list the office keeps in settings; a category in use is
// retired (inactive), never deleted.
export const concernCategories = pgTable('concern_categories', {
	id: serial('id').primaryKey(),
	name: text('name').notNull().unique(),
	position: integer('position').notNull(),
	active: boolean('active').notNull().default(true),
	createdAt: created(),
	version: version(),
})

export const concerns = pgTable(
	'concerns',
	{
		id: serial('id').primaryKey(),
		// The deputy who filed it: the only one, with the office, who sees its constituents.
		filerId: integer('filer_id')
			.notNull()
			.references(() => users.id),
		title: text('title').notNull(),
		// The deputy's own words: reach an agency only when the office marks them shareable.
		description: text('description').notNull(),
		district: text('district').$type<District>().notNull(),
		community: text('community').notNull().default(''),
		categoryId: integer('category_id')
			.notNull()
			.references(() => concernCategories.id),
		state: text('state').$type<ConcernState>().notNull().default('draft'),
		// 重点督办 (Art. 52 para. 2), wide-ranging or difficult (six months, Art. 51), and whether the
		// deputy's original text and files go to the agencies.
		priority: boolean('priority').notNull().default(false),
		difficult: boolean('difficult').notNull().default(false),
		shareable: boolean('shareable').notNull().default(false),
		// What the agencies receive: the office's 交办 text, cleared of personal details.
		assignmentText: text('assignment_text').notNull().default(''),
		declineReason: text('decline_reason'),
		mergedIntoId: integer('merged_into_id'),
		// The year it was handed in (the annual report's year); the drafting year until then.
		year: integer('year').notNull(),
		submittedOn: date('submitted_on'),
		acceptedOn: date('accepted_on'),
		declinedOn: date('declined_on'),
		// The current hand-over (a reassignment starts a new period) and the answer it owes.
		assignedOn: date('assigned_on'),
		replyDueOn: date('reply_due_on'),
		returnedOn: date('returned_on'),
		returnReason: text('return_reason'),
		// Answers given so far (a re-handling adds one); the latest one's day.
		round: integer('round').notNull().default(0),
		repliedOn: date('replied_on'),
		closedOn: date('closed_on'),
		closedUnrated: boolean('closed_unrated').notNull().default(false),
		createdAt: created(),
		version: version(),
	},
	(t) => [
		index('concerns_filer_idx').on(t.filerId),
		index('concerns_state_idx').on(t.state, t.replyDueOn),
		index('concerns_district_idx').on(t.district),
		index('concerns_category_idx').on(t.categoryId),
		index('concerns_year_idx').on(t.year),
		index('concerns_merged_idx').on(t.mergedIntoId),
	],
)

// The constituents a deputy recorded: personal data (个人信息保护法). Read through the model's
// identity functions only, which decide full, masked or nothing.
export const concernConstituents = pgTable(
	'concern_constituents',
	{
		id: serial('id').primaryKey(),
		concernId: integer('concern_id')
			.notNull()
			.references(() => concerns.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		name: text('name').notNull().default(''),
		phone: text('phone').notNull().default(''),
	},
	(t) => [index('concern_constituents_concern_idx').on(t.concernId, t.position)],
)

// Deputies who co-sign (联名) a concern: they follow it, and never see its constituents.
export const concernCosigners = pgTable(
	'concern_cosigners',
	{
		concernId: integer('concern_id')
			.notNull()
			.references(() => concerns.id, { onDelete: 'cascade' }),
		deputyId: integer('deputy_id')
			.notNull()
			.references(() => users.id),
	},
	(t) => [primaryKey({ columns: [t.concernId, t.deputyId] }), index('concern_cosigners_deputy_idx').on(t.deputyId)],
)

export const concernClauses = pgTable(
	'concern_clauses',
	{
		concernId: integer('concern_id')
			.notNull()
			.references(() => concerns.id, { onDelete: 'cascade' }),
		clauseId: integer('clause_id')
			.notNull()
			.references(() => clauses.id),
	},
	(t) => [primaryKey({ columns: [t.concernId, t.clauseId] }), index('concern_clauses_clause_idx').on(t.clauseId)],
)

// The current hand-over: one lead agency and its co-agencies, each co-agency's opinion to the lead.
export const concernAgencies = pgTable(
	'concern_agencies',
	{
		concernId: integer('concern_id')
			.notNull()
			.references(() => concerns.id, { onDelete: 'cascade' }),
		agencyId: integer('agency_id')
			.notNull()
			.references(() => agencies.id),
		role: text('role').$type<ConcernAgencyRole>().notNull(),
		opinion: text('opinion'),
		opinionOn: date('opinion_on'),
		opinionBy: integer('opinion_by').references(() => users.id),
	},
	(t) => [primaryKey({ columns: [t.concernId, t.agencyId] }), index('concern_agencies_agency_idx').on(t.agencyId, t.role)],
)

// The lead agency's answers (答复), one per round, each rated by the filing deputy.
export const concernReplies = pgTable(
	'concern_replies',
	{
		id: serial('id').primaryKey(),
		concernId: integer('concern_id')
			.notNull()
			.references(() => concerns.id, { onDelete: 'cascade' }),
		round: integer('round').notNull(),
		agencyId: integer('agency_id')
			.notNull()
			.references(() => agencies.id),
		resultClass: text('result_class').$type<ResultClass>().notNull(),
		content: text('content').notNull(),
		// Why it is class B or C: the plan, or the conditions that stand in the way.
		reasons: text('reasons').notNull().default(''),
		// The official who signed the answer (签发人).
		signedBy: text('signed_by').notNull(),
		// A class-B answer's promised date; the agency reports the work done (fulfilledOn).
		promisedOn: date('promised_on'),
		fulfilledOn: date('fulfilled_on'),
		fulfilmentNote: text('fulfilment_note'),
		repliedOn: date('replied_on').notNull(),
		repliedBy: integer('replied_by').references(() => users.id),
		rating: text('rating').$type<ConcernRating>(),
		ratingComment: text('rating_comment'),
		ratedOn: date('rated_on'),
		createdAt: created(),
	},
	(t) => [uniqueIndex('concern_replies_round_idx').on(t.concernId, t.round), index('concern_replies_agency_idx').on(t.agencyId)],
)

// ---------------------------------------------------------------------------------------------
// Publication on the public page
// ---------------------------------------------------------------------------------------------

// What the office made public (a satisfaction result, an inspection report, a ranking notice):
// the copy the public sees, taken when it was published, until it is withdrawn. The subject is
// the deliberation or the inspection; a ranking notice has none (its period is in the copy).
export const publications = pgTable(
	'publications',
	{
		id: serial('id').primaryKey(),
		kind: text('kind').$type<PublicationKind>().notNull(),
		subjectId: integer('subject_id'),
		// The ranking notice's period, so that one period is published once at a time.
		periodFrom: date('period_from'),
		periodTo: date('period_to'),
		copy: jsonb('copy').$type<PublicationCopy>().notNull(),
		publishedOn: date('published_on').notNull(),
		publishedBy: integer('published_by').references(() => users.id),
		withdrawnOn: date('withdrawn_on'),
		withdrawnBy: integer('withdrawn_by').references(() => users.id),
		withdrawReason: text('withdraw_reason'),
		createdAt: created(),
		version: version(),
	},
	(t) => [
		index('publications_public_idx').on(t.kind, t.withdrawnOn),
		uniqueIndex('publications_subject_idx')
			.on(t.kind, t.subjectId)
			.where(sql`withdrawn_on is null and subject_id is not null`),
		uniqueIndex('publications_period_idx')
			.on(t.kind, t.periodFrom, t.periodTo)
			.where(sql`withdrawn_on is null and period_from is not null`),
	],
)
