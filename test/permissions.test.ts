import fs from 'node:fs'
import path from 'node:path'
import type { ActionFunction, LoaderFunction } from '@remix-run/node'
import { describe, expect, test } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, attachments, clauses, commitments, concernAgencies, concernCategories, concernConstituents, concerns, deliberations, findings, inquiries, inquiryClauses, inquiryExchanges, inquiryRespondents, inspectionGroup, inspections, instruments, interpellations, interpellationSigners, meetings, planItems, reports, resolutionActions, resolutions, tasks, users, visitAgencies, visitParticipants, visits } from '#db/schema'
import type { Role } from '~/domain/roles'
import { runAction, runLoader } from './helpers'

// The permission matrix: every route × every role (and no session) with its expected answer.
// A route folder without a row fails the first test, so a new route cannot ship unchecked.
// Loaders are called with a GET; actions with an empty form, so a permitted role gets 400
// (validation) — proof that it passed the permission check without changing anything.

type Who = 'anonymous' | Role
const everyone: Array<Who> = ['anonymous', 'admin', 'secretariat', 'member', 'deputy', 'agency']
const demoUser: Record<Role, string> = {
	admin: 'admin',
	secretariat: 'mishu',
	member: 'weiyuan1',
	deputy: 'daibiao1',
	agency: 'gongan',
}

type Expectations = Record<Who, number>
type Row = {
	path: (ids: Ids) => string
	params?: (ids: Ids) => Record<string, string>
	loader?: Expectations
	action?: Expectations
}

type Ids = {
	instrument: number
	clause: number
	task: number
	agency: number
	user: number
	meeting: number
	planItem: number
	deliberation: number
	report: number
	draftReport: number
	attachment: number
	findingInspection: number
	finding: number
	inspection: number
	visit: number
	inquiry: number
	respondent: number
	commitment: number
	interpellation: number
	resolution: number
	concern: number
}

// Signed-in roles get `status`; without a session the answer is a redirect to /login.
function signedIn(status: number, except: Partial<Record<Role, number>> = {}): Expectations {
	return {
		anonymous: 302,
		admin: except.admin ?? status,
		secretariat: except.secretariat ?? status,
		member: except.member ?? status,
		deputy: except.deputy ?? status,
		agency: except.agency ?? status,
	}
}

function only(roles: Array<Role>, status: number): Expectations {
	const result = signedIn(403)
	for (const role of roles) result[role] = status
	return result
}

function same(status: number): Expectations {
	return Object.fromEntries(everyone.map((who) => [who, status])) as Expectations
}

export const matrix: Record<string, Row> = {
	_index: { path: () => '/', loader: signedIn(200) },
	login: { path: () => '/login', loader: { ...same(302), anonymous: 200 }, action: same(400) },
	logout: { path: () => '/logout', loader: same(302), action: same(302) },
	lang: { path: () => '/lang', loader: same(302), action: same(302) },
	healthz: { path: () => '/healthz', loader: same(200) },
	'account.password': { path: () => '/account/password', loader: signedIn(200), action: signedIn(400) },
	decision: { path: () => '/decision', loader: signedIn(302) },
	'instruments.$instrumentId': {
		path: (ids) => `/instruments/${ids.instrument}`,
		params: (ids) => ({ instrumentId: String(ids.instrument) }),
		loader: signedIn(200),
	},
	'clauses.$clauseId': {
		path: (ids) => `/clauses/${ids.clause}`,
		params: (ids) => ({ clauseId: String(ids.clause) }),
		loader: signedIn(200),
	},
	'admin._index': { path: () => '/admin', loader: only(['admin', 'secretariat'], 200) },
	'admin.users._index': { path: () => '/admin/users', loader: only(['admin'], 200), action: only(['admin'], 400) },
	'admin.users.$userId': {
		path: (ids) => `/admin/users/${ids.user}`,
		params: (ids) => ({ userId: String(ids.user) }),
		loader: only(['admin'], 200),
		action: only(['admin'], 400),
	},
	'admin.agencies._index': {
		path: () => '/admin/agencies',
		loader: only(['admin', 'secretariat'], 200),
		action: only(['admin', 'secretariat'], 400),
	},
	'admin.agencies.$agencyId': {
		path: (ids) => `/admin/agencies/${ids.agency}`,
		params: (ids) => ({ agencyId: String(ids.agency) }),
		loader: only(['admin', 'secretariat'], 200),
		action: only(['admin', 'secretariat'], 400),
	},
	'admin.subjects': {
		path: () => '/admin/subjects',
		loader: only(['admin', 'secretariat'], 200),
		action: only(['admin', 'secretariat'], 400),
	},
	'admin.settings': { path: () => '/admin/settings', loader: only(['admin'], 200), action: only(['admin'], 400) },
	audit: { path: () => '/audit', loader: only(['admin', 'secretariat'], 200) },
	'admin.import': { path: () => '/admin/import', loader: only(['admin'], 200), action: only(['admin'], 400) },
	'tasks._index': { path: () => '/tasks', loader: signedIn(200) },
	'tasks.print': { path: () => '/tasks/print', loader: signedIn(200) },
	dashboard: { path: () => '/dashboard', loader: only(['admin', 'secretariat', 'member'], 200) },
	'open-items': { path: () => '/open-items', loader: only(['admin', 'secretariat', 'member'], 200) },
	'agencies.$agencyId_.briefing': {
		path: (ids) => `/agencies/${ids.agency}/briefing`,
		params: (ids) => ({ agencyId: String(ids.agency) }),
		loader: only(['admin', 'secretariat', 'member'], 200),
	},
	public: { path: () => '/public', loader: same(200) },
	ranking: { path: () => '/ranking', loader: only(['admin', 'secretariat', 'member', 'agency'], 200) },
	'ranking.export[.]csv': { path: () => '/ranking/export.csv', loader: only(['admin', 'secretariat', 'member', 'agency'], 200) },
	// What the public page shows beyond the status is the office's decision.
	publications: { path: () => '/publications', loader: only(['secretariat'], 200), action: only(['secretariat'], 400) },
	'tasks.$taskId._index': {
		path: (ids) => `/tasks/${ids.task}`,
		params: (ids) => ({ taskId: String(ids.task) }),
		loader: signedIn(200),
		action: only(['secretariat'], 400),
	},
	'tasks.export[.]csv': { path: () => '/tasks/export.csv', loader: signedIn(200) },
	'tasks.$taskId.edit': {
		path: (ids) => `/tasks/${ids.task}/edit`,
		params: (ids) => ({ taskId: String(ids.task) }),
		loader: only(['admin', 'secretariat'], 200),
		action: only(['admin', 'secretariat'], 400),
	},
	'agencies._index': { path: () => '/agencies', loader: signedIn(200) },
	'plan._index': { path: () => '/plan', loader: only(['admin', 'secretariat', 'member'], 200) },
	'plan.new': { path: () => '/plan/new', loader: only(['secretariat'], 200), action: only(['secretariat'], 400) },
	'plan.$itemId.edit': {
		path: (ids) => `/plan/${ids.planItem}/edit`,
		params: (ids) => ({ itemId: String(ids.planItem) }),
		loader: only(['secretariat'], 200),
		action: only(['secretariat'], 400),
	},
	'meetings._index': { path: () => '/meetings', loader: signedIn(200) },
	'meetings.new': { path: () => '/meetings/new', loader: only(['secretariat'], 200), action: only(['secretariat'], 400) },
	'meetings.$meetingId': {
		path: (ids) => `/meetings/${ids.meeting}`,
		params: (ids) => ({ meetingId: String(ids.meeting) }),
		loader: signedIn(200),
		action: only(['secretariat'], 400),
	},
	'meetings.$meetingId_.edit': {
		path: (ids) => `/meetings/${ids.meeting}/edit`,
		params: (ids) => ({ meetingId: String(ids.meeting) }),
		loader: only(['secretariat'], 200),
		action: only(['secretariat'], 400),
	},
	'agencies.$agencyId': {
		path: (ids) => `/agencies/${ids.agency}`,
		params: (ids) => ({ agencyId: String(ids.agency) }),
		loader: signedIn(200),
	},
	// Deliberation (a vote_closed deliberation with a saved draft letter, responding agency psb,
	// made by loadIds): deputies and agencies cannot see it before the letter is sent (404); the
	// draft letter is the secretariat's and admin's only; an empty form is 400 for those who may read.
	'deliberations._index': { path: () => '/deliberations', loader: signedIn(200) },
	'deliberations.$deliberationId': {
		path: (ids) => `/deliberations/${ids.deliberation}`,
		params: (ids) => ({ deliberationId: String(ids.deliberation) }),
		loader: signedIn(200, { deputy: 404, agency: 404 }),
		action: signedIn(400, { deputy: 404, agency: 404 }),
	},
	'deliberations.$deliberationId_.letter': {
		path: (ids) => `/deliberations/${ids.deliberation}/letter`,
		params: (ids) => ({ deliberationId: String(ids.deliberation) }),
		loader: signedIn(200, { member: 404, deputy: 404, agency: 404 }),
	},
	// Special work reports (made by loadIds: one distributed and one scheduled report prepared by
	// psb, gongan's agency, and a PDF on the distributed one). Deputies read a report only once it
	// is deliberated (404 before); only the preparing agency drafts; only the agency and the
	// secretariat take steps.
	'reports._index': { path: () => '/reports', loader: signedIn(200) },
	'reports.export[.]csv': { path: () => '/reports/export.csv', loader: signedIn(200) },
	'reports.new': { path: () => '/reports/new', loader: only(['secretariat'], 200), action: only(['secretariat'], 400) },
	'reports.$reportId._index': {
		path: (ids) => `/reports/${ids.report}`,
		params: (ids) => ({ reportId: String(ids.report) }),
		loader: signedIn(200, { deputy: 404 }),
		action: only(['secretariat', 'agency'], 400),
	},
	'reports.$reportId.edit': {
		path: (ids) => `/reports/${ids.draftReport}/edit`,
		params: (ids) => ({ reportId: String(ids.draftReport) }),
		loader: only(['agency'], 200),
		action: only(['agency'], 400),
	},
	'attachments.$attachmentId': {
		path: (ids) => `/attachments/${ids.attachment}`,
		params: (ids) => ({ attachmentId: String(ids.attachment) }),
		loader: signedIn(200, { deputy: 404 }),
	},
	// Calendar: everyone signed in has their own; the secret feed needs no session, so
	// an unknown token is 404 for everyone (a valid token without a session: feeds route test).
	calendar: { path: () => '/calendar', loader: signedIn(200), action: signedIn(400) },
	'calendar[.]ics': { path: () => '/calendar.ics', loader: signedIn(200) },
	'feeds.$token[.]ics': {
		path: () => `/feeds/${'a'.repeat(52)}.ics`,
		params: () => ({ token: 'a'.repeat(52) }),
		loader: same(404),
	},
	// Findings (made by loadIds: an inspection led by weiyuan2 with daibiao1 as invited deputy —
	// weiyuan1 is outside its group — and a finding about psb, gongan's agency). The group and the
	// secretariat record (a member outside the group 403, agencies and admin 403); everyone reads
	// a psb finding; only psb's liaison and the secretariat take a rectification step.
	'findings._index': { path: () => '/findings', loader: signedIn(200) },
	'findings.export[.]csv': { path: () => '/findings/export.csv', loader: signedIn(200) },
	'findings.$findingId': {
		path: (ids) => `/findings/${ids.finding}`,
		params: (ids) => ({ findingId: String(ids.finding) }),
		loader: signedIn(200),
		action: only(['secretariat', 'agency'], 400),
	},
	'inspections.$inspectionId.findings.new': {
		path: (ids) => `/inspections/${ids.findingInspection}/findings/new`,
		params: (ids) => ({ inspectionId: String(ids.findingInspection) }),
		loader: only(['secretariat', 'deputy'], 200),
		action: only(['secretariat', 'deputy'], 400),
	},
	// Inspections (made by loadIds: a planned inspection led by weiyuan1 — daibiao1 outside its
	// group — with an open visit to psb, gongan's agency). Admin, members and the secretariat
	// read every inspection; a deputy outside the group gets 404; the visited agency reads it.
	// Only the secretariat plans, edits, starts and schedules.
	'inspections._index': { path: () => '/inspections', loader: signedIn(200) },
	'inspections.export[.]csv': { path: () => '/inspections/export.csv', loader: signedIn(200) },
	'inspections.new': { path: () => '/inspections/new', loader: only(['secretariat'], 200), action: only(['secretariat'], 400) },
	'inspections.$inspectionId._index': {
		path: (ids) => `/inspections/${ids.inspection}`,
		params: (ids) => ({ inspectionId: String(ids.inspection) }),
		loader: signedIn(200, { deputy: 404 }),
		action: only(['secretariat'], 400),
	},
	'inspections.$inspectionId.edit': {
		path: (ids) => `/inspections/${ids.inspection}/edit`,
		params: (ids) => ({ inspectionId: String(ids.inspection) }),
		loader: only(['secretariat'], 200),
		action: only(['secretariat'], 400),
	},
	'inspections.$inspectionId.visits.new': {
		path: (ids) => `/inspections/${ids.inspection}/visits/new`,
		params: (ids) => ({ inspectionId: String(ids.inspection) }),
		loader: only(['secretariat'], 200),
		action: only(['secretariat'], 400),
	},
	'inspections.$inspectionId.visits.$visitId.edit': {
		path: (ids) => `/inspections/${ids.inspection}/visits/${ids.visit}/edit`,
		params: (ids) => ({ inspectionId: String(ids.inspection), visitId: String(ids.visit) }),
		loader: only(['secretariat'], 200),
		action: only(['secretariat'], 400),
	},
	// The inspection report (same planned inspection, led by weiyuan1): the secretariat and the
	// group's leader write it (a member who is not the leader: 403, tested in the route's test);
	// its print view is read by those who read the inspection, the visited agency only once the
	// report is published with the opinion letter (404 before; a deputy outside the group 404).
	'inspections.$inspectionId.report': {
		path: (ids) => `/inspections/${ids.inspection}/report`,
		params: (ids) => ({ inspectionId: String(ids.inspection) }),
		loader: only(['secretariat', 'member'], 200),
		action: only(['secretariat', 'member'], 400),
	},
	'inspections.$inspectionId_.report.print': {
		path: (ids) => `/inspections/${ids.inspection}/report/print`,
		params: (ids) => ({ inspectionId: String(ids.inspection) }),
		loader: signedIn(200, { deputy: 404, agency: 404 }),
	},
	// Inquiries (made by loadIds: an unpublished 专题询问 that psb, gongan's agency, answers in,
	// with a question to psb and a commitment of psb). Deputies read published records only (404);
	// the liaison reads the session but not its whole record before publication (print 404);
	// members and the secretariat act on the session; psb's liaison and the secretariat on the
	// commitment. The respondent's address redirects to the session for those who may read it.
	'inquiries._index': { path: () => '/inquiries', loader: signedIn(200) },
	'inquiries.new': { path: () => '/inquiries/new', loader: only(['secretariat'], 200), action: only(['secretariat'], 400) },
	'inquiries.$inquiryId._index': {
		path: (ids) => `/inquiries/${ids.inquiry}`,
		params: (ids) => ({ inquiryId: String(ids.inquiry) }),
		loader: signedIn(200, { deputy: 404 }),
		action: only(['secretariat', 'member'], 400),
	},
	'inquiries.$inquiryId.print': {
		path: (ids) => `/inquiries/${ids.inquiry}/print`,
		params: (ids) => ({ inquiryId: String(ids.inquiry) }),
		loader: signedIn(200, { deputy: 404, agency: 404 }),
	},
	'inquiries.respondents.$respondentId': {
		path: (ids) => `/inquiries/respondents/${ids.respondent}`,
		params: (ids) => ({ respondentId: String(ids.respondent) }),
		loader: signedIn(302, { deputy: 404 }),
	},
	'commitments._index': { path: () => '/commitments', loader: signedIn(200) },
	'commitments.export[.]csv': { path: () => '/commitments/export.csv', loader: signedIn(200) },
	'commitments.$commitmentId': {
		path: (ids) => `/commitments/${ids.commitment}`,
		params: (ids) => ({ commitmentId: String(ids.commitment) }),
		loader: signedIn(200, { deputy: 404 }),
		action: only(['secretariat', 'agency'], 400),
	},
	// Interpellations (made by loadIds: one submitted against psb, gongan's agency, drafted by
	// weiyuan1, not yet referred). Members and the office read it; deputies and the target's
	// liaison only once the council refers it (404 before). Members draft, the office enters one
	// signed on paper; members, the office and the target's liaison take steps.
	'interpellations._index': { path: () => '/interpellations', loader: signedIn(200) },
	'interpellations.export[.]csv': { path: () => '/interpellations/export.csv', loader: signedIn(200) },
	'interpellations.new': {
		path: () => '/interpellations/new',
		loader: only(['member', 'secretariat'], 200),
		action: only(['member', 'secretariat'], 400),
	},
	'interpellations.$interpellationId': {
		path: (ids) => `/interpellations/${ids.interpellation}`,
		params: (ids) => ({ interpellationId: String(ids.interpellation) }),
		loader: signedIn(200, { deputy: 404, agency: 404 }),
		action: { ...only(['member', 'secretariat'], 400), agency: 404 },
	},
	// Deputies' concerns (made by loadIds: one filed by daibiao1 and handed to psb, gongan's
	// agency). The office, members, its deputy and psb read it; a deputy files, the office triages
	// and exports identities; its steps are taken by the office, admin (the audited show), the
	// deputy and the agency. A draft's edit page is 404 for a concern handed in. The 交办函 to psb is
	// for the office and psb.
	'concerns._index': { path: () => '/concerns', loader: signedIn(200) },
	'concerns.export[.]csv': { path: () => '/concerns/export.csv', loader: signedIn(200) },
	'concerns.identities[.]csv': { path: () => '/concerns/identities.csv', loader: only(['secretariat'], 200) },
	'concerns.report': { path: () => '/concerns/report', loader: signedIn(200) },
	'concerns.new': { path: () => '/concerns/new', loader: only(['deputy'], 200), action: only(['deputy'], 400) },
	'concerns.triage': { path: () => '/concerns/triage', loader: only(['secretariat'], 200), action: only(['secretariat'], 400) },
	'concerns.$concernId._index': {
		path: (ids) => `/concerns/${ids.concern}`,
		params: (ids) => ({ concernId: String(ids.concern) }),
		loader: signedIn(200),
		action: only(['admin', 'secretariat', 'deputy', 'agency'], 400),
	},
	'concerns.$concernId.edit': {
		path: (ids) => `/concerns/${ids.concern}/edit`,
		params: (ids) => ({ concernId: String(ids.concern) }),
		loader: only(['deputy'], 404),
		action: only(['deputy'], 404),
	},
	'concerns.$concernId_.letter': {
		path: (ids) => `/concerns/${ids.concern}/letter?agency=${ids.agency}`,
		params: (ids) => ({ concernId: String(ids.concern) }),
		loader: signedIn(200, { member: 404, deputy: 404 }),
	},
	'admin.concern-categories': { path: () => '/admin/concern-categories', loader: only(['admin'], 200), action: only(['admin'], 400) },
	// Resolutions (made by loadIds: one with an action of psb). A resolution is published: everyone
	// reads it; the office enters them; the acting agency and the office act on its actions.
	'resolutions._index': { path: () => '/resolutions', loader: signedIn(200) },
	'resolutions.export[.]csv': { path: () => '/resolutions/export.csv', loader: signedIn(200) },
	'resolutions.new': { path: () => '/resolutions/new', loader: only(['secretariat'], 200), action: only(['secretariat'], 400) },
	'resolutions.$resolutionId': {
		path: (ids) => `/resolutions/${ids.resolution}`,
		params: (ids) => ({ resolutionId: String(ids.resolution) }),
		loader: signedIn(200),
		action: only(['secretariat', 'agency'], 400),
	},
}

const routesDir = path.resolve(__dirname, '../app/routes')
const routeFolders = fs
	.readdirSync(routesDir, { withFileTypes: true })
	.filter((entry) => entry.isDirectory() || /\.tsx?$/.test(entry.name))
	.map((entry) => entry.name.replace(/\.tsx?$/, ''))

async function loadIds(): Promise<Ids> {
	const db = getDb()
	const [instrument] = await db.select({ id: instruments.id }).from(instruments).orderBy(asc(instruments.id)).limit(1)
	const [clause] = await db.select({ id: clauses.id }).from(clauses).where(eq(clauses.label, '（十一）'))
	const [task] = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.clauseId, clause.id)).limit(1)
	const [agency] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.key, 'psb'))
	const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'weiyuan1'))
	// A meeting and a plan item for the routes that take one.
	const meeting = await firstOr(
		() => db.select({ id: meetings.id }).from(meetings).orderBy(asc(meetings.id)).limit(1),
		() =>
			db
				.insert(meetings)
				.values({ term: 15, session: 99, startsOn: '2099-06-01', endsOn: '2099-06-02', place: '测试' })
				.returning({ id: meetings.id }),
	)
	const planItem = await firstOr(
		() => db.select({ id: planItems.id }).from(planItems).orderBy(asc(planItems.id)).limit(1),
		() => db.insert(planItems).values({ year: 2099, kind: 'report_hearing', title: '测试计划项目' }).returning({ id: planItems.id }),
	)
	// A deliberation whose vote is closed and whose letter is drafted, not sent (its own, so that
	// the demo data's states do not matter).
	const [organ] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.key, 'gov'))
	const deliberation = await firstOr(
		() => db.select({ id: deliberations.id }).from(deliberations).where(eq(deliberations.title, '权限矩阵测试审议（示例）')),
		() =>
			db
				.insert(deliberations)
				.values({
					subjectType: 'report',
					subjectId: 999_999,
					title: '权限矩阵测试审议（示例）',
					organId: organ.id,
					respondingAgencyId: agency.id,
					state: 'vote_closed',
					tally: { satisfied: 1, basically_satisfied: 0, unsatisfied: 0 },
					tallySource: 'meeting_system',
					letterNumber: '武人常办〔2099〕1号',
					letterTo: '武汉市人民政府',
					letterBody: '意见。',
				})
				.returning({ id: deliberations.id }),
	)
	// Reports prepared by psb (gongan's agency) for the government: one distributed, with a PDF,
	// and one still scheduled (the draft).
	const reportOf = (topic: string, state: 'distributed' | 'scheduled') =>
		firstOr(
			() => db.select({ id: reports.id }).from(reports).where(eq(reports.topic, topic)),
			() =>
				db
					.insert(reports)
					.values({ organId: organ.id, preparingAgencyId: agency.id, meetingId: meeting, topic, state })
					.returning({ id: reports.id }),
		)
	const report = await reportOf('权限矩阵测试报告（示例）', 'distributed')
	const draftReport = await reportOf('权限矩阵测试草稿（示例）', 'scheduled')
	const attachment = await firstOr(
		() => db.select({ id: attachments.id }).from(attachments).where(eq(attachments.fileName, '权限矩阵测试附件（示例）.pdf')),
		() =>
			db
				.insert(attachments)
				.values({
					ownerType: 'report',
					ownerId: report,
					fileName: '权限矩阵测试附件（示例）.pdf',
					contentType: 'application/pdf',
					size: 9,
					sha256: '0'.repeat(64),
					data: Buffer.from('%PDF-1.7\n'),
				})
				.returning({ id: attachments.id }),
	)
	// An inspection of its own for the findings routes (led by weiyuan2, daibiao1 invited,
	// weiyuan1 outside the group) with a finding about psb.
	const findingInspection = await firstOr(
		() => db.select({ id: inspections.id }).from(inspections).where(eq(inspections.title, '权限矩阵测试执法检查（问题）')),
		async () => {
			const created = await db
				.insert(inspections)
				.values({ title: '权限矩阵测试执法检查（问题）', year: 2099, startsOn: '2099-03-01', endsOn: '2099-05-31', state: 'in_progress' })
				.returning({ id: inspections.id })
			const member = async (username: string) => (await db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0].id
			await db.insert(inspectionGroup).values([
				{ inspectionId: created[0].id, userId: await member('weiyuan2'), role: 'leader' },
				{ inspectionId: created[0].id, userId: await member('daibiao1'), role: 'deputy' },
			])
			return created
		},
	)
	const finding = await firstOr(
		() => db.select({ id: findings.id }).from(findings).where(eq(findings.inspectionId, findingInspection)),
		() =>
			db
				.insert(findings)
				.values({
					inspectionId: findingInspection,
					clauseId: clause.id,
					agencyId: agency.id,
					severity: 'general',
					description: '权限矩阵测试问题（示例）',
					recordedBy: user.id,
					rectificationDueOn: '2099-08-31',
				})
				.returning({ id: findings.id }),
	)
	// A planned inspection for the inspection routes (led by weiyuan1, daibiao1 outside the
	// group) with an open visit to psb.
	const inspection = await firstOr(
		() => db.select({ id: inspections.id }).from(inspections).where(eq(inspections.title, '权限矩阵测试执法检查（行程）')),
		async () => {
			const created = await db
				.insert(inspections)
				.values({ title: '权限矩阵测试执法检查（行程）', year: 2099, forms: ['field'], startsOn: '2099-06-01', endsOn: '2099-06-30', organId: organ.id })
				.returning({ id: inspections.id })
			await db.insert(inspectionGroup).values({ inspectionId: created[0].id, userId: user.id, role: 'leader' })
			return created
		},
	)
	const visit = await firstOr(
		() => db.select({ id: visits.id }).from(visits).where(eq(visits.inspectionId, inspection)),
		async () => {
			const created = await db
				.insert(visits)
				.values({ inspectionId: inspection, on: '2099-06-10', startTime: '09:00', endTime: '11:00', place: '权限矩阵测试地点' })
				.returning({ id: visits.id })
			await db.insert(visitAgencies).values({ visitId: created[0].id, agencyId: agency.id })
			await db.insert(visitParticipants).values({ visitId: created[0].id, userId: user.id })
			return created
		},
	)
	// An unpublished 专题询问 psb answers in, with a question to psb and psb's commitment.
	const inquiry = await firstOr(
		() => db.select({ id: inquiries.id }).from(inquiries).where(eq(inquiries.topic, '权限矩阵测试询问（示例）')),
		async () => {
			const created = await db
				.insert(inquiries)
				.values({ kind: 'special', meetingId: meeting, topic: '权限矩阵测试询问（示例）', heldOn: '2099-06-01' })
				.returning({ id: inquiries.id })
			await db.insert(inquiryClauses).values({ inquiryId: created[0].id, clauseId: clause.id })
			return created
		},
	)
	const respondent = await firstOr(
		() => db.select({ id: inquiryRespondents.id }).from(inquiryRespondents).where(eq(inquiryRespondents.inquiryId, inquiry)),
		() =>
			db
				.insert(inquiryRespondents)
				.values({ inquiryId: inquiry, agencyId: agency.id, position: 1, officialName: '测试', officialTitle: '副局长' })
				.returning({ id: inquiryRespondents.id }),
	)
	const exchange = await firstOr(
		() => db.select({ id: inquiryExchanges.id }).from(inquiryExchanges).where(eq(inquiryExchanges.inquiryId, inquiry)),
		() =>
			db
				.insert(inquiryExchanges)
				.values({ inquiryId: inquiry, position: 1, askerId: user.id, agencyId: agency.id, officialName: '测试', officialTitle: '副局长', question: '权限矩阵测试提问' })
				.returning({ id: inquiryExchanges.id }),
	)
	const commitment = await firstOr(
		() => db.select({ id: commitments.id }).from(commitments).where(eq(commitments.inquiryId, inquiry)),
		() =>
			db
				.insert(commitments)
				.values({ inquiryId: inquiry, exchangeId: exchange, agencyId: agency.id, text: '权限矩阵测试承诺', dueOn: '2099-09-01' })
				.returning({ id: commitments.id }),
	)
	// A submitted interpellation of psb (not referred: its liaison may not see it yet).
	const interpellation = await firstOr(
		() => db.select({ id: interpellations.id }).from(interpellations).where(eq(interpellations.matter, '权限矩阵测试质询案（示例）')),
		async () => {
			const created = await db
				.insert(interpellations)
				.values({
					targetAgencyId: agency.id,
					matter: '权限矩阵测试质询案（示例）',
					questions: '请说明。',
					source: 'app',
					drafterId: user.id,
					state: 'submitted',
					year: 2099,
					draftedOn: '2099-01-01',
					submittedOn: '2099-01-02',
				})
				.returning({ id: interpellations.id })
			await db.insert(interpellationSigners).values({ interpellationId: created[0].id, memberId: user.id, signedAt: new Date() })
			return created
		},
	)
	const resolution = await firstOr(
		() => db.select({ id: resolutions.id }).from(resolutions).where(eq(resolutions.title, '权限矩阵测试决议（示例）')),
		async () => {
			const created = await db
				.insert(resolutions)
				.values({ kind: 'resolution', title: '权限矩阵测试决议（示例）', body: '决议。', meetingId: meeting, adoptedOn: '2099-06-01', year: 2099, reportDueOn: '2099-12-31' })
				.returning({ id: resolutions.id })
			await db.insert(resolutionActions).values({ resolutionId: created[0].id, position: 1, agencyId: agency.id, text: '落实。', dueOn: '2099-10-31' })
			return created
		},
	)
	// A concern daibiao1 filed, handed to psb as lead.
	const concern = await firstOr(
		() => db.select({ id: concerns.id }).from(concerns).where(eq(concerns.title, '权限矩阵测试代表建议（示例）')),
		async () => {
			const [category] = await db.select({ id: concernCategories.id }).from(concernCategories).limit(1)
			const [deputy] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'daibiao1'))
			const created = await db
				.insert(concerns)
				.values({
					filerId: deputy.id,
					title: '权限矩阵测试代表建议（示例）',
					description: '请研究。',
					district: '江岸区',
					categoryId: category.id,
					state: 'assigned',
					year: 2099,
					submittedOn: '2099-01-02',
					assignedOn: '2099-01-03',
					replyDueOn: '2099-04-03',
					assignmentText: '请研究办理。',
				})
				.returning({ id: concerns.id })
			await db.insert(concernAgencies).values({ concernId: created[0].id, agencyId: agency.id, role: 'lead' })
			await db.insert(concernConstituents).values({ concernId: created[0].id, position: 1, name: '权矩测', phone: '13900000000' })
			return created
		},
	)
	return {
		concern,
		instrument: instrument.id,
		clause: clause.id,
		task: task.id,
		agency: agency.id,
		user: user.id,
		meeting,
		planItem,
		deliberation,
		report,
		draftReport,
		attachment,
		findingInspection,
		finding,
		inspection,
		visit,
		inquiry,
		respondent,
		commitment,
		interpellation,
		resolution,
	}
}

// The first row there is, or one made by `create` while the demo data holds none.
async function firstOr(find: () => Promise<Array<{ id: number }>>, create: () => Promise<Array<{ id: number }>>) {
	const [found] = await find()
	if (found) return found.id
	const [created] = await create()
	return created.id
}

async function routeModule(folder: string) {
	const file = ['route.tsx', 'route.ts'].map((name) => path.join(routesDir, folder, name)).find(fs.existsSync)
	const target = file ?? path.join(routesDir, `${folder}.tsx`)
	return (await import(target)) as { loader?: LoaderFunction; action?: ActionFunction }
}

test('every route has a row in the permission matrix', () => {
	const missing = routeFolders.filter((folder) => !(folder in matrix))
	expect(missing, `routes without a permission-matrix row: ${missing.join(', ')}`).toEqual([])
	const stale = Object.keys(matrix).filter((key) => !routeFolders.includes(key))
	expect(stale, `matrix rows for routes that no longer exist: ${stale.join(', ')}`).toEqual([])
})

test('every row covers what its route exports', async () => {
	for (const [folder, row] of Object.entries(matrix)) {
		const mod = await routeModule(folder)
		expect(Boolean(mod.loader), `${folder}: loader row vs export`).toBe(Boolean(row.loader))
		expect(Boolean(mod.action), `${folder}: action row vs export`).toBe(Boolean(row.action))
	}
})

describe.each(Object.entries(matrix))('%s', (folder, row) => {
	test.each(everyone)('as %s', async (who) => {
		const ids = await loadIds()
		const mod = await routeModule(folder)
		const as = who === 'anonymous' ? null : demoUser[who]
		const options = { path: row.path(ids), params: row.params?.(ids), as }
		if (row.loader && mod.loader) {
			const outcome = await runLoader(mod.loader, options)
			expect(outcome.status, `GET ${options.path} as ${who}`).toBe(row.loader[who])
			if (who === 'anonymous' && outcome.status === 302 && row.loader.admin !== 302) {
				expect(outcome.location).toMatch(/^\/login/)
			}
		}
		if (row.action && mod.action) {
			const outcome = await runAction(mod.action, { ...options, form: {} })
			expect(outcome.status, `POST ${options.path} as ${who}`).toBe(row.action[who])
		}
	})
})
