import { and, asc, eq, inArray, max } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import {
	agencies,
	clauses,
	commitments,
	inquiries,
	inquiryAskers,
	inquiryClauses,
	inquiryExchanges,
	inquiryFollowUps,
	inquiryRegistrations,
	inquiryRespondents,
	inspectionClauses,
	inspections,
	meetings,
	planItems,
	reportClauses,
	reports,
	users,
} from '#db/schema'
import { can } from '~/auth/permissions'
import type { IsoDate } from '~/domain/dates'
import {
	commitmentDueProblem,
	inquiryAgendaTitle,
	inquiryDeliberationTitle,
	isAnsweringOrgan,
	mayChangeRegistration,
	mayScheduleAt,
	mayTakeInquiryStep,
	type InquiryKind,
	type InquiryStep,
} from '~/domain/inquiries'
import { moveInOrder, type MoveDirection } from '~/domain/meetings'
import { broken, permitted } from '~/domain/refusal'
import { openDeliberation } from '../deliberation/mutations.server'
import { addAgendaItem } from '../meetings/mutations.server'
import { enforce, lockVersioned, refuse, updateVersioned, write, type Actor, type Audit } from '../write.server'
import { inquiriesReadableBy, sessionFacts, type Inquiry } from './queries.server'

// Inquiry sessions, written: scheduled by the secretariat; questions registered beforehand by
// members; the log kept live by the secretariat — each question, answer, follow-up and
// commitment saved on its own as it is entered; the record published; a 专题询问's deliberation
// opened, one per responding agency. Every mutation locks the session row within the actor's
// read scope and checks the session's rule (app/domain/inquiries.ts) inside its transaction.

// ── Scheduling ──────────────────────────────────────────────────────────────────────────────

export type RespondentInput = { agencyId: number; officialName: string; officialTitle: string }

export type ScheduleInput = {
	kind: InquiryKind
	meetingId: number
	// A 询问 names the report or the inspection report being deliberated; a 专题询问 neither.
	reportId: number | null
	inspectionId: number | null
	planItemId: number | null
	topic: string
	heldOn: IsoDate
	withVote: boolean
	clauseIds: Array<number>
	respondents: Array<RespondentInput>
	askerIds: Array<number>
	today: IsoDate
}

// The session, its clauses, its responding agencies and officials, its askers and — for a
// 专题询问 — the item on the meeting's agenda: one transaction. A 询问 without clauses of its own
// takes those of the report or inspection it is put on.
export async function scheduleInquiry(db: Database, actor: Actor, input: ScheduleInput): Promise<number> {
	return write(db, actor, async (tx, audit) => {
		enforce(permitted(can(actor.role, 'oversight:manage')))
		const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, input.meetingId))
		if (!meeting) enforce(broken('inquiries.meeting', undefined, 400))
		enforce(mayScheduleAt(meeting, input.heldOn, input.today))
		const special = input.kind === 'special'
		const reportId = special ? null : input.reportId
		const inspectionId = special || reportId !== null ? null : input.inspectionId
		let clauseIds = [...new Set(input.clauseIds)]
		if (!special) {
			const subjectMeeting = reportId
				? (await tx.select({ meetingId: reports.meetingId }).from(reports).where(eq(reports.id, reportId)))[0]?.meetingId
				: inspectionId
					? (await tx.select({ meetingId: inspections.reportMeetingId }).from(inspections).where(eq(inspections.id, inspectionId)))[0]?.meetingId
					: undefined
			if (subjectMeeting === undefined || subjectMeeting === null) enforce(broken('inquiries.subjectRequired', undefined, 400))
			if (subjectMeeting !== input.meetingId) enforce(broken('inquiries.subjectMeeting', undefined, 400))
			if (clauseIds.length === 0) {
				clauseIds = reportId
					? (await tx.select({ id: reportClauses.clauseId }).from(reportClauses).where(eq(reportClauses.reportId, reportId))).map((r) => r.id)
					: (await tx.select({ id: inspectionClauses.clauseId }).from(inspectionClauses).where(eq(inspectionClauses.inspectionId, inspectionId as number))).map((r) => r.id)
			}
		}
		if (clauseIds.length === 0) enforce(broken('inquiries.clausesRequired', undefined, 400))
		const knownClauses = await tx.select({ id: clauses.id }).from(clauses).where(inArray(clauses.id, clauseIds))
		if (knownClauses.length !== clauseIds.length) enforce(broken('inquiries.clausesRequired', undefined, 400))
		const agencyIds = input.respondents.map((r) => r.agencyId)
		if (agencyIds.length === 0 || new Set(agencyIds).size !== agencyIds.length) enforce(broken('inquiries.respondent', undefined, 400))
		const organs = await tx.select({ id: agencies.id, kind: agencies.kind, level: agencies.level }).from(agencies).where(inArray(agencies.id, agencyIds))
		if (organs.length !== agencyIds.length || !organs.every(isAnsweringOrgan)) enforce(broken('inquiries.respondent', undefined, 400))
		const askerIds = [...new Set(input.askerIds)]
		if (askerIds.length) {
			const members = await tx
				.select({ id: users.id })
				.from(users)
				.where(and(inArray(users.id, askerIds), eq(users.role, 'member'), eq(users.disabled, false)))
			if (members.length !== askerIds.length) enforce(broken('inquiries.asker', undefined, 400))
		}
		if (input.planItemId !== null) {
			const [item] = await tx.select({ kind: planItems.kind, year: planItems.year }).from(planItems).where(eq(planItems.id, input.planItemId))
			if (!item || item.kind !== 'inquiry' || item.year !== Number(input.heldOn.slice(0, 4))) enforce(broken('inquiries.planItem', undefined, 400))
		}
		const values = {
			kind: input.kind,
			meetingId: input.meetingId,
			reportId,
			inspectionId,
			planItemId: input.planItemId,
			topic: input.topic,
			heldOn: input.heldOn,
			withVote: special && input.withVote,
			state: 'scheduled' as const,
		}
		const [created] = await tx.insert(inquiries).values(values).returning({ id: inquiries.id })
		await tx.insert(inquiryClauses).values(clauseIds.map((clauseId) => ({ inquiryId: created.id, clauseId })))
		await tx.insert(inquiryRespondents).values(input.respondents.map((r, index) => ({ inquiryId: created.id, position: index + 1, ...r })))
		if (askerIds.length) await tx.insert(inquiryAskers).values(askerIds.map((userId) => ({ inquiryId: created.id, userId })))
		await audit({
			action: 'inquiry.schedule',
			entityType: 'inquiry',
			entityId: created.id,
			before: null,
			after: { ...values, clauseIds, respondents: input.respondents, askerIds },
		})
		if (special) {
			await addAgendaItem(tx, audit, input.meetingId, { kind: 'inquiry', title: inquiryAgendaTitle(input.topic), subjectType: 'inquiry', subjectId: created.id })
		}
		return created.id
	})
}

// ── Locking the session ─────────────────────────────────────────────────────────────────────

// The session row, locked within the actor's read scope (out of scope: not found), and the
// step's rule checked on it. Appending to the log and registering take it for update, so that
// positions are taken one at a time; answers and corrections only hold it still ('share'), so
// that the record cannot be published under them.
async function lockSession(
	tx: Database,
	actor: Actor,
	inquiryId: number,
	step: InquiryStep,
	today: IsoDate,
	options: { mode?: 'update' | 'share'; version?: number } = {},
): Promise<Inquiry> {
	const session = await lockVersioned(tx, inquiries, inquiryId, options.version, { mode: options.mode ?? 'update', where: inquiriesReadableBy(actor) })
	enforce(mayTakeInquiryStep(actor, await sessionFacts(tx, session), step, today))
	return session
}

async function respondent(tx: Database, inquiryId: number, agencyId: number) {
	const [row] = await tx
		.select()
		.from(inquiryRespondents)
		.where(and(eq(inquiryRespondents.inquiryId, inquiryId), eq(inquiryRespondents.agencyId, agencyId)))
	if (!row) enforce(broken('inquiries.respondent', undefined, 400))
	return row
}

// ── Registered questions (members, beforehand) ──────────────────────────────────────────────

export async function registerQuestion(
	db: Database,
	actor: Actor,
	input: { inquiryId: number; agencyId: number | null; text: string; today: IsoDate },
): Promise<number> {
	return write(db, actor, async (tx, audit) => {
		await lockSession(tx, actor, input.inquiryId, 'register', input.today)
		if (input.agencyId !== null) await respondent(tx, input.inquiryId, input.agencyId)
		const [last] = await tx
			.select({ position: max(inquiryRegistrations.position) })
			.from(inquiryRegistrations)
			.where(eq(inquiryRegistrations.inquiryId, input.inquiryId))
		const values = { inquiryId: input.inquiryId, memberId: actor.id as number, agencyId: input.agencyId, text: input.text, position: (last?.position ?? 0) + 1 }
		const [created] = await tx.insert(inquiryRegistrations).values(values).returning({ id: inquiryRegistrations.id })
		await audit({ action: 'inquiry.registration.create', entityType: 'inquiry_registration', entityId: created.id, before: null, after: values })
		return created.id
	})
}

async function lockRegistration(tx: Database, actor: Actor, input: { inquiryId: number; registrationId: number; version: number; today: IsoDate }) {
	const session = await lockVersioned(tx, inquiries, input.inquiryId, undefined, { mode: 'share', where: inquiriesReadableBy(actor) })
	const registration = await lockVersioned(tx, inquiryRegistrations, input.registrationId, undefined, {
		where: eq(inquiryRegistrations.inquiryId, input.inquiryId),
	})
	enforce(mayChangeRegistration(actor, registration, await sessionFacts(tx, session), input.today))
	if (registration.version !== input.version) refuse({ kind: 'stale' })
	return registration
}

export async function updateRegistration(
	db: Database,
	actor: Actor,
	input: { inquiryId: number; registrationId: number; version: number; agencyId: number | null; text: string; today: IsoDate },
) {
	await write(db, actor, async (tx, audit) => {
		const before = await lockRegistration(tx, actor, input)
		if (input.agencyId !== null) await respondent(tx, input.inquiryId, input.agencyId)
		await updateVersioned(tx, inquiryRegistrations, before.id, input.version, { agencyId: input.agencyId, text: input.text })
		await audit({
			action: 'inquiry.registration.update',
			entityType: 'inquiry_registration',
			entityId: before.id,
			before: { agencyId: before.agencyId, text: before.text },
			after: { agencyId: input.agencyId, text: input.text },
		})
	})
}

export async function withdrawRegistration(
	db: Database,
	actor: Actor,
	input: { inquiryId: number; registrationId: number; version: number; today: IsoDate },
) {
	await write(db, actor, async (tx, audit) => {
		const before = await lockRegistration(tx, actor, input)
		await tx.delete(inquiryRegistrations).where(eq(inquiryRegistrations.id, before.id))
		await audit({
			action: 'inquiry.registration.withdraw',
			entityType: 'inquiry_registration',
			entityId: before.id,
			before: { inquiryId: before.inquiryId, memberId: before.memberId, agencyId: before.agencyId, text: before.text },
			after: null,
		})
	})
}

// The secretariat sets the order in which registered questions are put; positions stay 1..n.
export async function moveRegistration(
	db: Database,
	actor: Actor,
	input: { inquiryId: number; registrationId: number; direction: MoveDirection; today: IsoDate },
) {
	await write(db, actor, async (tx, audit) => {
		await lockSession(tx, actor, input.inquiryId, 'order', input.today)
		const rows = await tx
			.select({ id: inquiryRegistrations.id, position: inquiryRegistrations.position })
			.from(inquiryRegistrations)
			.where(eq(inquiryRegistrations.inquiryId, input.inquiryId))
			.orderBy(asc(inquiryRegistrations.position), asc(inquiryRegistrations.id))
		// Gone meanwhile (withdrawn by its author): the page is out of date.
		if (!rows.some((r) => r.id === input.registrationId)) refuse({ kind: 'stale' })
		const order = moveInOrder(rows.map((r) => r.id), input.registrationId, input.direction)
		for (const [index, id] of order.entries()) {
			if (rows.find((r) => r.id === id)?.position !== index + 1) {
				await tx.update(inquiryRegistrations).set({ position: index + 1 }).where(eq(inquiryRegistrations.id, id))
			}
		}
		await audit({
			action: 'inquiry.registration.move',
			entityType: 'inquiry',
			entityId: input.inquiryId,
			before: { order: rows.map((r) => r.id) },
			after: { order, moved: input.registrationId, direction: input.direction },
		})
	})
}

// ── The live log (the secretariat) ──────────────────────────────────────────────────────────

export type QuestionInput = {
	inquiryId: number
	askerId: number
	agencyId: number
	// Blank: the agency's attending official as scheduled.
	officialName: string
	officialTitle: string
	question: string
	registrationId: number | null
	today: IsoDate
}

async function checkAsker(tx: Database, askerId: number) {
	const [asker] = await tx.select({ role: users.role }).from(users).where(eq(users.id, askerId))
	if (!asker || asker.role !== 'member') enforce(broken('inquiries.asker', undefined, 400))
}

// Appends a question to the log. The session row is locked for update, so two clerks appending
// at once take turns: each question gets the next position, and neither is lost.
export async function appendQuestion(db: Database, actor: Actor, input: QuestionInput): Promise<number> {
	return write(db, actor, async (tx, audit) => {
		await lockSession(tx, actor, input.inquiryId, 'record', input.today)
		if (input.registrationId !== null) {
			const [registration] = await tx
				.select({ id: inquiryRegistrations.id })
				.from(inquiryRegistrations)
				.where(and(eq(inquiryRegistrations.id, input.registrationId), eq(inquiryRegistrations.inquiryId, input.inquiryId)))
			if (!registration) refuse({ kind: 'stale' })
		}
		return insertQuestion(tx, audit, actor, input)
	})
}

// Puts a registered question to the floor as its member registered it (to the agency the member
// named, or else to `agencyId`).
export async function askRegistered(
	db: Database,
	actor: Actor,
	input: { inquiryId: number; registrationId: number; agencyId: number | null; today: IsoDate },
): Promise<number> {
	return write(db, actor, async (tx, audit) => {
		await lockSession(tx, actor, input.inquiryId, 'record', input.today)
		const [registration] = await tx
			.select()
			.from(inquiryRegistrations)
			.where(and(eq(inquiryRegistrations.id, input.registrationId), eq(inquiryRegistrations.inquiryId, input.inquiryId)))
		// Withdrawn meanwhile: the page is out of date.
		if (!registration) refuse({ kind: 'stale' })
		const agencyId = registration.agencyId ?? input.agencyId
		if (agencyId === null) enforce(broken('inquiries.respondent', undefined, 400))
		return insertQuestion(tx, audit, actor, {
			inquiryId: input.inquiryId,
			askerId: registration.memberId,
			agencyId: agencyId as number,
			officialName: '',
			officialTitle: '',
			question: registration.text,
			registrationId: registration.id,
		})
	})
}

// Inside the transaction, with the session row locked for update: the next position is free.
async function insertQuestion(tx: Database, audit: Audit, actor: Actor, input: Omit<QuestionInput, 'today'>): Promise<number> {
	await checkAsker(tx, input.askerId)
	const attending = await respondent(tx, input.inquiryId, input.agencyId)
	const [last] = await tx
		.select({ position: max(inquiryExchanges.position) })
		.from(inquiryExchanges)
		.where(eq(inquiryExchanges.inquiryId, input.inquiryId))
	const values = {
		inquiryId: input.inquiryId,
		position: (last?.position ?? 0) + 1,
		askerId: input.askerId,
		agencyId: input.agencyId,
		officialName: input.officialName.trim() || attending.officialName,
		officialTitle: input.officialTitle.trim() || attending.officialTitle,
		question: input.question,
		registrationId: input.registrationId,
		enteredBy: actor.id,
	}
	const [created] = await tx.insert(inquiryExchanges).values(values).returning({ id: inquiryExchanges.id })
	await audit({ action: 'inquiry.question', entityType: 'inquiry_exchange', entityId: created.id, before: null, after: values })
	return created.id
}

function lockExchange(tx: Database, inquiryId: number, exchangeId: number, version?: number) {
	return lockVersioned(tx, inquiryExchanges, exchangeId, version, { where: eq(inquiryExchanges.inquiryId, inquiryId) })
}

// Saves the answer to one question as it is entered, and every correction after: the version the
// clerk saw must be the one stored (a second clerk's save is not overwritten unseen).
export async function saveAnswer(
	db: Database,
	actor: Actor,
	input: { inquiryId: number; exchangeId: number; version: number; answer: string; today: IsoDate },
) {
	return write(db, actor, async (tx, audit) => {
		await lockSession(tx, actor, input.inquiryId, 'record', input.today, { mode: 'share' })
		const before = await lockExchange(tx, input.inquiryId, input.exchangeId, input.version)
		const after = await updateVersioned(tx, inquiryExchanges, before.id, input.version, { answer: input.answer })
		await audit({ action: 'inquiry.answer', entityType: 'inquiry_exchange', entityId: before.id, before: { answer: before.answer }, after: { answer: input.answer } })
		return after.version
	})
}

export async function correctQuestion(
	db: Database,
	actor: Actor,
	input: Omit<QuestionInput, 'registrationId'> & { exchangeId: number; version: number },
) {
	return write(db, actor, async (tx, audit) => {
		await lockSession(tx, actor, input.inquiryId, 'record', input.today, { mode: 'share' })
		const before = await lockExchange(tx, input.inquiryId, input.exchangeId, input.version)
		await checkAsker(tx, input.askerId)
		const attending = await respondent(tx, input.inquiryId, input.agencyId)
		const values = {
			askerId: input.askerId,
			agencyId: input.agencyId,
			officialName: input.officialName.trim() || attending.officialName,
			officialTitle: input.officialTitle.trim() || attending.officialTitle,
			question: input.question,
		}
		const after = await updateVersioned(tx, inquiryExchanges, before.id, input.version, values)
		await audit({
			action: 'inquiry.question.correct',
			entityType: 'inquiry_exchange',
			entityId: before.id,
			before: { askerId: before.askerId, agencyId: before.agencyId, officialName: before.officialName, officialTitle: before.officialTitle, question: before.question },
			after: values,
		})
		return after.version
	})
}

// A follow-up belongs to its question: the question's row is locked while its next position is
// taken.
export async function appendFollowUp(
	db: Database,
	actor: Actor,
	input: { inquiryId: number; exchangeId: number; question: string; today: IsoDate },
): Promise<number> {
	return write(db, actor, async (tx, audit) => {
		await lockSession(tx, actor, input.inquiryId, 'record', input.today, { mode: 'share' })
		const exchange = await lockExchange(tx, input.inquiryId, input.exchangeId)
		const [last] = await tx
			.select({ position: max(inquiryFollowUps.position) })
			.from(inquiryFollowUps)
			.where(eq(inquiryFollowUps.exchangeId, exchange.id))
		const values = { exchangeId: exchange.id, position: (last?.position ?? 0) + 1, question: input.question }
		const [created] = await tx.insert(inquiryFollowUps).values(values).returning({ id: inquiryFollowUps.id })
		await audit({ action: 'inquiry.follow_up', entityType: 'inquiry_follow_up', entityId: created.id, before: null, after: values })
		return created.id
	})
}

// The follow-up's answer as it is entered, or a correction of its question or answer.
export async function saveFollowUp(
	db: Database,
	actor: Actor,
	input: { inquiryId: number; followUpId: number; version: number; question?: string; answer?: string; today: IsoDate },
) {
	return write(db, actor, async (tx, audit) => {
		await lockSession(tx, actor, input.inquiryId, 'record', input.today, { mode: 'share' })
		const ofSession = tx.select({ id: inquiryExchanges.id }).from(inquiryExchanges).where(eq(inquiryExchanges.inquiryId, input.inquiryId))
		const before = await lockVersioned(tx, inquiryFollowUps, input.followUpId, input.version, { where: inArray(inquiryFollowUps.exchangeId, ofSession) })
		const values: { question?: string; answer?: string } = {}
		if (input.question !== undefined) values.question = input.question
		if (input.answer !== undefined) values.answer = input.answer
		const after = await updateVersioned(tx, inquiryFollowUps, before.id, input.version, values)
		await audit({
			action: input.question !== undefined ? 'inquiry.follow_up.correct' : 'inquiry.follow_up.answer',
			entityType: 'inquiry_follow_up',
			entityId: before.id,
			before: { question: before.question, answer: before.answer },
			after: { question: after.question, answer: after.answer },
		})
		return after.version
	})
}

// ── Commitments made in answers ─────────────────────────────────────────────────────────────

export type CommitmentInput = { inquiryId: number; agencyId: number; text: string; dueOn: IsoDate; today: IsoDate }

async function checkCommitment(tx: Database, session: Inquiry, input: CommitmentInput) {
	await respondent(tx, input.inquiryId, input.agencyId)
	if (commitmentDueProblem(input.dueOn, session.heldOn)) enforce(broken('inquiries.dueNotAfterSession', undefined, 400))
}

export async function addCommitment(db: Database, actor: Actor, input: CommitmentInput & { exchangeId: number }): Promise<number> {
	return write(db, actor, async (tx, audit) => {
		const session = await lockSession(tx, actor, input.inquiryId, 'record', input.today, { mode: 'share' })
		const exchange = await lockVersioned(tx, inquiryExchanges, input.exchangeId, undefined, { mode: 'share', where: eq(inquiryExchanges.inquiryId, input.inquiryId) })
		await checkCommitment(tx, session, input)
		const values = { inquiryId: input.inquiryId, exchangeId: exchange.id, agencyId: input.agencyId, text: input.text, dueOn: input.dueOn }
		const [created] = await tx.insert(commitments).values(values).returning({ id: commitments.id })
		await audit({ action: 'commitment.create', entityType: 'commitment', entityId: created.id, before: null, after: values })
		return created.id
	})
}

// A commitment recorded wrongly is corrected while the log is open and the agency has not yet
// reported on it.
export async function correctCommitment(db: Database, actor: Actor, input: CommitmentInput & { commitmentId: number; version: number }) {
	return write(db, actor, async (tx, audit) => {
		const session = await lockSession(tx, actor, input.inquiryId, 'record', input.today, { mode: 'share' })
		const before = await lockVersioned(tx, commitments, input.commitmentId, input.version, { where: eq(commitments.inquiryId, input.inquiryId) })
		if (before.state !== 'open') enforce(broken('inquiries.commitmentUnderway'))
		await checkCommitment(tx, session, input)
		const values = { agencyId: input.agencyId, text: input.text, dueOn: input.dueOn }
		const after = await updateVersioned(tx, commitments, before.id, input.version, values)
		await audit({
			action: 'commitment.correct',
			entityType: 'commitment',
			entityId: before.id,
			before: { agencyId: before.agencyId, text: before.text, dueOn: before.dueOn },
			after: values,
		})
		return after.version
	})
}

// ── Publishing and deliberation ─────────────────────────────────────────────────────────────

// The record goes to everyone who reads the session: deputies, and each liaison the whole of it.
export async function publishRecord(db: Database, actor: Actor, input: { inquiryId: number; version: number; today: IsoDate }) {
	await write(db, actor, async (tx, audit) => {
		const session = await lockSession(tx, actor, input.inquiryId, 'publish', input.today, { version: input.version })
		await updateVersioned(tx, inquiries, session.id, input.version, { state: 'published', publishedOn: input.today })
		await audit({
			action: 'inquiry.publish',
			entityType: 'inquiry',
			entityId: session.id,
			before: { state: session.state },
			after: { state: 'published', publishedOn: input.today },
		})
	})
}

// One deliberation per responding agency (Art. 50: the opinions go to each agency concerned, each
// reporting its own handling), with or without the satisfaction vote chosen at scheduling.
export async function openInquiryDeliberation(db: Database, actor: Actor, input: { inquiryId: number; version: number; today: IsoDate }) {
	await write(db, actor, async (tx, audit) => {
		const session = await lockSession(tx, actor, input.inquiryId, 'openDeliberation', input.today, { version: input.version })
		const rows = await tx
			.select({ id: inquiryRespondents.id, agencyId: inquiryRespondents.agencyId })
			.from(inquiryRespondents)
			.where(eq(inquiryRespondents.inquiryId, session.id))
			.orderBy(asc(inquiryRespondents.position), asc(inquiryRespondents.id))
		for (const row of rows) {
			await openDeliberation(tx, audit, {
				subjectType: 'inquiry',
				subjectId: row.id,
				title: inquiryDeliberationTitle(session.topic),
				meetingId: session.meetingId,
				organId: row.agencyId,
				respondingAgencyId: row.agencyId,
				withVote: session.withVote,
			})
		}
		await updateVersioned(tx, inquiries, session.id, input.version, {})
		await audit({
			action: 'inquiry.deliberation.open',
			entityType: 'inquiry',
			entityId: session.id,
			before: null,
			after: { respondents: rows.map((r) => r.agencyId), withVote: session.withVote },
		})
	})
}
