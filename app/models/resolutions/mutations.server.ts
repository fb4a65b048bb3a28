import { eq, inArray } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, clauses, inspections, meetings, reports, resolutionActions, resolutionClauses, resolutions } from '#db/schema'
import { can } from '~/auth/permissions'
import type { IsoDate } from '~/domain/dates'
import { broken, permitted } from '~/domain/refusal'
import {
	actionStateAfter,
	adoptionRule,
	mayTakeActionStep,
	resolutionAgendaTitle,
	type ResolutionKind,
	type ResolutionSubjectType,
} from '~/domain/resolutions'
import { addAgendaItem } from '../meetings/mutations.server'
import { enforce, lockVersioned, refuse, updateVersioned, write, type Actor } from '../write.server'

// Resolutions and decisions (决议决定), written: the office enters one adopted at a meeting, with the
// actions it requires; the acting agencies' liaisons report on their actions; the office closes
// each action or sends it back with a reason. Each action carries its version.

export type AdoptionInput = {
	kind: ResolutionKind
	title: string
	body: string
	meetingId: number
	adoptedOn: IsoDate
	reportDueOn: IsoDate
	clauseIds: Array<number>
	subject: { type: ResolutionSubjectType; id: number } | null
	actions: Array<{ agencyId: number; text: string; dueOn: IsoDate }>
	today: IsoDate
}

// The resolution, its clauses and actions, and its item on the meeting's agenda: one transaction.
export async function adoptResolution(db: Database, actor: Actor, input: AdoptionInput) {
	return write(db, actor, async (tx, audit) => {
		enforce(permitted(can(actor.role, 'oversight:manage')))
		const [meeting] = await tx.select({ startsOn: meetings.startsOn, endsOn: meetings.endsOn }).from(meetings).where(eq(meetings.id, input.meetingId))
		if (!meeting) enforce(broken('resolutions.unknownMeeting', undefined, 400))
		const agencyIds = [...new Set(input.actions.map((a) => a.agencyId))]
		const agencyRows = agencyIds.length
			? await tx.select({ id: agencies.id, kind: agencies.kind, level: agencies.level, active: agencies.active }).from(agencies).where(inArray(agencies.id, agencyIds))
			: []
		const agencyOf = (id: number) => agencyRows.find((a) => a.id === id && a.active) ?? null
		enforce(adoptionRule({ ...input, actions: input.actions.map((a) => ({ agency: agencyOf(a.agencyId), dueOn: a.dueOn })) }, meeting, input.today))
		if (input.subject && !(await subjectExists(tx, input.subject))) enforce(broken('resolutions.unknownSubject', undefined, 400))
		const clauseIds = [...new Set(input.clauseIds)]
		if (clauseIds.length && (await tx.select({ id: clauses.id }).from(clauses).where(inArray(clauses.id, clauseIds))).length !== clauseIds.length) {
			enforce(broken('resolutions.unknownClause', undefined, 400))
		}
		const [created] = await tx
			.insert(resolutions)
			.values({
				kind: input.kind,
				title: input.title,
				body: input.body,
				meetingId: input.meetingId,
				adoptedOn: input.adoptedOn,
				year: Number(input.adoptedOn.slice(0, 4)),
				reportDueOn: input.reportDueOn,
				subjectType: input.subject?.type ?? null,
				subjectId: input.subject?.id ?? null,
				createdBy: actor.id,
			})
			.returning({ id: resolutions.id })
		if (clauseIds.length) await tx.insert(resolutionClauses).values(clauseIds.map((clauseId) => ({ resolutionId: created.id, clauseId })))
		await tx.insert(resolutionActions).values(input.actions.map((a, index) => ({ resolutionId: created.id, position: index + 1, ...a })))
		const { today: _today, ...recorded } = input
		await audit({ action: 'resolution.adopt', entityType: 'resolution', entityId: created.id, after: recorded })
		await addAgendaItem(tx, audit, input.meetingId, { kind: 'resolution', title: resolutionAgendaTitle(input.title), subjectType: 'resolution', subjectId: created.id })
		return created.id
	})
}

async function subjectExists(tx: Database, subject: { type: ResolutionSubjectType; id: number }) {
	const table = subject.type === 'report' ? reports : inspections
	const [row] = await tx.select({ id: table.id }).from(table).where(eq(table.id, subject.id))
	return Boolean(row)
}

// ── The actions ─────────────────────────────────────────────────────────────────────────────

type ActionInput = { resolutionId: number; actionId: number; version: number; today: IsoDate }

// The action of this resolution, locked; the step's taker and state rule are checked first (so a
// step the action has moved past says why), then the version the user saw.
async function lockAction(tx: Database, actor: Actor, input: ActionInput, step: 'respond' | 'accept' | 'reopen') {
	const action = await lockVersioned(tx, resolutionActions, input.actionId, undefined, { where: eq(resolutionActions.resolutionId, input.resolutionId) })
	enforce(mayTakeActionStep(actor, action, step))
	if (action.version !== input.version) refuse({ kind: 'stale' })
	return action
}

export async function respondToAction(db: Database, actor: Actor, input: ActionInput & { response: string }) {
	await write(db, actor, async (tx, audit) => {
		const action = await lockAction(tx, actor, input, 'respond')
		const state = actionStateAfter('respond')
		await updateVersioned(tx, resolutionActions, action.id, action.version, { state, response: input.response, respondedOn: input.today, respondedBy: actor.id })
		await audit({
			action: 'resolution.action.respond',
			entityType: 'resolution_action',
			entityId: action.id,
			before: { state: action.state, response: action.response },
			after: { state, response: input.response, respondedOn: input.today },
		})
	})
}

export async function acceptAction(db: Database, actor: Actor, input: ActionInput) {
	await write(db, actor, async (tx, audit) => {
		const action = await lockAction(tx, actor, input, 'accept')
		const state = actionStateAfter('accept')
		await updateVersioned(tx, resolutionActions, action.id, action.version, { state, acceptedOn: input.today })
		await audit({ action: 'resolution.action.accept', entityType: 'resolution_action', entityId: action.id, before: { state: action.state }, after: { state, acceptedOn: input.today } })
	})
}

// Sent back with the reason the agency reads; it reports again.
export async function reopenAction(db: Database, actor: Actor, input: ActionInput & { reason: string }) {
	await write(db, actor, async (tx, audit) => {
		const action = await lockAction(tx, actor, input, 'reopen')
		const state = actionStateAfter('reopen')
		await updateVersioned(tx, resolutionActions, action.id, action.version, { state, reopenReason: input.reason, acceptedOn: null })
		await audit({ action: 'resolution.action.reopen', entityType: 'resolution_action', entityId: action.id, before: { state: action.state }, after: { state, reason: input.reason } })
	})
}
