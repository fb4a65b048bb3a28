import { sql } from 'drizzle-orm'
import {
	boolean,
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

// Every table people edit carries `version`, bumped on each update: a stale edit is refused
// (see app/models/write.server.ts). Timestamps are stored with time zone; calendar dates
// (deadlines, adoption dates) are `date`, read as 'YYYY-MM-DD' strings and interpreted in
// Asia/Shanghai by app/domain/dates.ts.

const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
const version = () => integer('version').notNull().default(1)

// ---------------------------------------------------------------------------------------------
// Agencies and accounts
// ---------------------------------------------------------------------------------------------

export const agencyKinds = [
	'government',
	'department',
	'vertical',
	'supervisory_commission',
	'court',
	'procuratorate',
	'party_body',
	'congress',
	'other',
] as const
export type AgencyKind = (typeof agencyKinds)[number]

export const agencies = pgTable(
	'agencies',
	{
		id: serial('id').primaryKey(),
		// A stable slug for seed data and mapping files; null for agencies added in the app.
		key: text('key').unique(),
		name: text('name').notNull().unique(),
		shortName: text('short_name').notNull(),
		kind: text('kind').$type<AgencyKind>().notNull(),
		level: text('level').$type<'市' | '区'>().notNull(),
		district: text('district'),
		// Officials expect the official order, never a collation-dependent sort by name.
		displayOrder: integer('display_order').notNull(),
		active: boolean('active').notNull().default(true),
		createdAt: created(),
		version: version(),
	},
	(t) => [index('agencies_order_idx').on(t.displayOrder)],
)

export const roles = ['admin', 'secretariat', 'member', 'deputy', 'agency'] as const
export type Role = (typeof roles)[number]

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

export const taskRoles = ['lead', 'co'] as const
export type TaskRole = (typeof taskRoles)[number]

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
