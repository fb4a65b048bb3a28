import { and, eq, inArray, ne, sql } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies, clauses, concernAgencies, concernCategories, concernClauses, concernConstituents, concernCosigners, concernReplies, concerns, users } from '#db/schema'
import {
	maskName,
	maskPhone,
	mayTakeConcernStep,
	rehandleDueOn,
	replyDueOn,
	stateAfterRating,
	type ConcernRating,
	type ConcernStep,
	type District,
	type ResultClass,
} from '~/domain/concerns'
import type { IsoDate } from '~/domain/dates'
import { broken, permitted } from '~/domain/refusal'
import { can } from '~/auth/permissions'
import { storeAttachment } from '../attachments.server'
import { rowsOf } from '../sql.server'
import { loadSettings } from '../settings.server'
import { enforce, lockVersioned, refuse, updateVersioned, write, type Actor, type Audit } from '../write.server'
import { concernsReadableBy, constituentsFor, policyConcernOf, relationOf } from './queries.server'

// Deputies' concerns (代表建议), written. Every step locks the concern within the actor's read
// scope (out of scope is not found), asks the policy (app/domain/concerns.ts) inside the
// transaction and writes its audit event. The audit log is read by the office, which may see
// constituents only through the audited "show": their names and phones enter it masked.

export type Constituent = { name: string; phone: string }

export type ConcernDraft = {
	title: string
	description: string
	district: District
	community: string
	categoryId: number
	clauseIds: Array<number>
	constituents: Array<Constituent>
	cosignerIds: Array<number>
	files: Array<File>
}

function maskedAll(constituents: Array<Constituent>) {
	return constituents.map((c) => ({ name: maskName(c.name), phone: maskPhone(c.phone) }))
}

async function checkDraft(tx: Database, actor: Actor, input: ConcernDraft) {
	const [category] = await tx.select({ active: concernCategories.active }).from(concernCategories).where(eq(concernCategories.id, input.categoryId))
	if (!category?.active) enforce(broken('concerns.unknownCategory', undefined, 400))
	const clauseIds = [...new Set(input.clauseIds)]
	if (clauseIds.length) {
		const found = await tx.select({ id: clauses.id }).from(clauses).where(inArray(clauses.id, clauseIds))
		if (found.length !== clauseIds.length) enforce(broken('concerns.unknownClause', undefined, 400))
	}
	const cosignerIds = [...new Set(input.cosignerIds)].filter((id) => id !== actor.id)
	if (cosignerIds.length) {
		const found = await tx
			.select({ id: users.id })
			.from(users)
			.where(and(inArray(users.id, cosignerIds), eq(users.role, 'deputy'), eq(users.disabled, false)))
		if (found.length !== cosignerIds.length) enforce(broken('concerns.notDeputy', undefined, 400))
	}
	return { clauseIds, cosignerIds, constituents: input.constituents.filter((c) => c.name.trim() || c.phone.trim()) }
}

async function writeChildren(tx: Database, actor: Actor, audit: Audit, id: number, input: ConcernDraft, checked: Awaited<ReturnType<typeof checkDraft>>) {
	await tx.delete(concernClauses).where(eq(concernClauses.concernId, id))
	await tx.delete(concernCosigners).where(eq(concernCosigners.concernId, id))
	await tx.delete(concernConstituents).where(eq(concernConstituents.concernId, id))
	if (checked.clauseIds.length) await tx.insert(concernClauses).values(checked.clauseIds.map((clauseId) => ({ concernId: id, clauseId })))
	if (checked.cosignerIds.length) await tx.insert(concernCosigners).values(checked.cosignerIds.map((deputyId) => ({ concernId: id, deputyId })))
	if (checked.constituents.length) {
		await tx.insert(concernConstituents).values(checked.constituents.map((c, i) => ({ concernId: id, position: i + 1, name: c.name.trim(), phone: c.phone.trim() })))
	}
	for (const file of input.files) await storeAttachment(tx, audit, { ownerType: 'concern', ownerId: id, file, uploadedBy: actor.id })
}

// The concern's own columns as the deputy wrote them; handed in at once or kept as a draft.
function draftValues(input: ConcernDraft & { submit: boolean; today: IsoDate }) {
	return {
		title: input.title,
		description: input.description,
		district: input.district,
		community: input.community,
		categoryId: input.categoryId,
		state: input.submit ? ('submitted' as const) : ('draft' as const),
		year: Number(input.today.slice(0, 4)),
		submittedOn: input.submit ? input.today : null,
	}
}

function draftAudit(input: ConcernDraft, checked: Awaited<ReturnType<typeof checkDraft>>) {
	return {
		title: input.title,
		district: input.district,
		community: input.community,
		categoryId: input.categoryId,
		clauseIds: checked.clauseIds,
		cosignerIds: checked.cosignerIds,
		constituents: maskedAll(checked.constituents),
	}
}

// A deputy files a concern: kept as a draft, or handed to the office at once.
export async function fileConcern(db: Database, actor: Actor, input: ConcernDraft & { submit: boolean; today: IsoDate }) {
	return write(db, actor, async (tx, audit) => {
		enforce(permitted(actor.role === 'deputy' && actor.id !== null))
		const checked = await checkDraft(tx, actor, input)
		const [created] = await tx
			.insert(concerns)
			.values({ filerId: actor.id as number, ...draftValues(input) })
			.returning({ id: concerns.id })
		await writeChildren(tx, actor, audit, created.id, input, checked)
		await audit({ action: input.submit ? 'concern.file' : 'concern.draft', entityType: 'concern', entityId: created.id, after: draftAudit(input, checked) })
		return created.id
	})
}

// Locks the concern within the actor's read scope and checks the step on it as it is now; only
// then is the version the user saw compared.
async function lockForStep(tx: Database, actor: Actor, input: { concernId: number; version?: number; today: IsoDate }, step: ConcernStep) {
	const row = await lockVersioned(tx, concerns, input.concernId, undefined, { where: concernsReadableBy(actor) })
	const relation = await relationOf(tx, actor, row)
	const policyConcern = await policyConcernOf(tx, row, relation, actor.agencyId)
	const settings = await loadSettings(tx)
	enforce(mayTakeConcernStep(actor, policyConcern, relation, step, input.today, settings))
	if (input.version !== undefined && row.version !== input.version) refuse({ kind: 'stale' })
	return { row, relation, settings }
}

export async function editDraft(db: Database, actor: Actor, input: ConcernDraft & { concernId: number; version: number; submit: boolean; today: IsoDate }) {
	await write(db, actor, async (tx, audit) => {
		const { row } = await lockForStep(tx, actor, input, 'edit')
		const checked = await checkDraft(tx, actor, input)
		await updateVersioned(tx, concerns, row.id, row.version, draftValues(input))
		await writeChildren(tx, actor, audit, row.id, input, checked)
		await audit({ action: input.submit ? 'concern.file' : 'concern.edit', entityType: 'concern', entityId: row.id, before: { title: row.title }, after: draftAudit(input, checked) })
	})
}

export async function submitConcern(db: Database, actor: Actor, input: { concernId: number; version: number; today: IsoDate }) {
	await write(db, actor, async (tx, audit) => {
		const { row } = await lockForStep(tx, actor, input, 'submit')
		await updateVersioned(tx, concerns, row.id, row.version, { state: 'submitted', submittedOn: input.today, year: Number(input.today.slice(0, 4)) })
		await audit({ action: 'concern.file', entityType: 'concern', entityId: row.id, before: { state: row.state }, after: { state: 'submitted' } })
	})
}

// A draft is the deputy's working paper: withdrawing it deletes it.
export async function discardDraft(db: Database, actor: Actor, input: { concernId: number; version: number; today: IsoDate }) {
	await write(db, actor, async (tx, audit) => {
		const { row } = await lockForStep(tx, actor, input, 'discard')
		await tx.execute(sql`delete from attachments where owner_type = 'concern' and owner_id = ${row.id}`)
		await tx.delete(concerns).where(eq(concerns.id, row.id))
		await audit({ action: 'concern.discard', entityType: 'concern', entityId: row.id, before: { title: row.title, state: row.state } })
	})
}

// ── The office ──────────────────────────────────────────────────────────────────────────────

export async function acceptConcern(db: Database, actor: Actor, input: { concernId: number; version: number; today: IsoDate }) {
	await write(db, actor, async (tx, audit) => {
		const { row } = await lockForStep(tx, actor, input, 'accept')
		await updateVersioned(tx, concerns, row.id, row.version, { state: 'accepted', acceptedOn: input.today })
		await audit({ action: 'concern.accept', entityType: 'concern', entityId: row.id, before: { state: row.state }, after: { state: 'accepted' } })
	})
}

export async function declineConcern(db: Database, actor: Actor, input: { concernId: number; version: number; reason: string; today: IsoDate }) {
	await write(db, actor, async (tx, audit) => {
		const { row } = await lockForStep(tx, actor, input, 'decline')
		await updateVersioned(tx, concerns, row.id, row.version, { state: 'declined', declineReason: input.reason, declinedOn: input.today, closedOn: input.today })
		await audit({ action: 'concern.decline', entityType: 'concern', entityId: row.id, before: { state: row.state }, after: { state: 'declined', reason: input.reason } })
	})
}

// A duplicate is handled with its main concern: its deputy keeps their own filing and
// constituents, and follows the main one's handling.
export async function mergeConcern(db: Database, actor: Actor, input: { concernId: number; version: number; intoId: number; today: IsoDate }) {
	await write(db, actor, async (tx, audit) => {
		const { row } = await lockForStep(tx, actor, input, 'merge')
		const [target] = await tx
			.select({ id: concerns.id, state: concerns.state, mergedIntoId: concerns.mergedIntoId })
			.from(concerns)
			.where(eq(concerns.id, input.intoId))
			.for('share')
		const open = target && target.id !== row.id && !['draft', 'declined', 'merged', 'closed'].includes(target.state) && target.mergedIntoId === null
		if (!open) enforce(broken('concerns.mergeTarget', undefined, 400))
		await updateVersioned(tx, concerns, row.id, row.version, { state: 'merged', mergedIntoId: input.intoId, closedOn: input.today })
		await audit({ action: 'concern.merge', entityType: 'concern', entityId: row.id, before: { state: row.state }, after: { state: 'merged', mergedIntoId: input.intoId } })
	})
}

export type Arrangement = { priority: boolean; difficult: boolean; shareable: boolean; assignmentText: string }

export async function arrangeConcern(db: Database, actor: Actor, input: Arrangement & { concernId: number; version: number; today: IsoDate }) {
	await write(db, actor, async (tx, audit) => {
		const { row, settings } = await lockForStep(tx, actor, input, 'arrange')
		const changes: Record<string, unknown> = {
			priority: input.priority,
			difficult: input.difficult,
			shareable: input.shareable,
			assignmentText: input.assignmentText,
		}
		// Marked difficult (or not) while the first answer is awaited: the period follows (Art. 51).
		if (row.state === 'assigned' && row.round === 0 && row.assignedOn && row.difficult !== input.difficult) {
			changes.replyDueOn = replyDueOn(row.assignedOn, input.difficult, settings)
		}
		await updateVersioned(tx, concerns, row.id, row.version, changes)
		await audit({
			action: 'concern.arrange',
			entityType: 'concern',
			entityId: row.id,
			before: { priority: row.priority, difficult: row.difficult, shareable: row.shareable, assignmentText: row.assignmentText },
			after: changes,
		})
	})
}

export type Handover = { leadId: number; coIds: Array<number> }

async function checkHandover(tx: Database, handover: Handover) {
	const coIds = [...new Set(handover.coIds)]
	const ids = [handover.leadId, ...coIds]
	const found = await tx
		.select({ id: agencies.id })
		.from(agencies)
		.where(and(inArray(agencies.id, ids), eq(agencies.active, true), ne(agencies.kind, 'congress')))
	if (coIds.includes(handover.leadId) || found.length !== ids.length) enforce(broken('concerns.leadAgency', undefined, 400))
	return coIds
}

async function assignLocked(tx: Database, actor: Actor, audit: Audit, input: Handover & { concernId: number; version?: number; today: IsoDate }) {
	const { row, settings } = await lockForStep(tx, actor, input, 'assign')
	const coIds = await checkHandover(tx, input)
	const dueOn = replyDueOn(input.today, row.difficult, settings)
	await tx.delete(concernAgencies).where(eq(concernAgencies.concernId, row.id))
	await tx.insert(concernAgencies).values([
		{ concernId: row.id, agencyId: input.leadId, role: 'lead' as const },
		...coIds.map((agencyId) => ({ concernId: row.id, agencyId, role: 'co' as const })),
	])
	await updateVersioned(tx, concerns, row.id, row.version, {
		state: 'assigned',
		acceptedOn: row.acceptedOn ?? input.today,
		assignedOn: input.today,
		replyDueOn: dueOn,
		// The office's hand-over text; the title stands in where none was written.
		assignmentText: row.assignmentText.trim() ? row.assignmentText : row.title,
	})
	await audit({
		action: row.assignedOn ? 'concern.reassign' : 'concern.assign',
		entityType: 'concern',
		entityId: row.id,
		before: { state: row.state, assignedOn: row.assignedOn, replyDueOn: row.replyDueOn },
		after: { state: 'assigned', leadId: input.leadId, coIds, assignedOn: input.today, replyDueOn: dueOn },
	})
}

// One hand-over (交办); a reassignment starts a new period from its own day.
export async function assignConcern(db: Database, actor: Actor, input: Handover & { concernId: number; version: number; today: IsoDate }) {
	await write(db, actor, (tx, audit) => assignLocked(tx, actor, audit, input))
}

// Many at once from the triage queue, to the same agencies: all or none.
export async function assignConcerns(db: Database, actor: Actor, input: Handover & { concernIds: Array<number>; today: IsoDate }) {
	const ids = [...new Set(input.concernIds)].sort((a, b) => a - b)
	await write(db, actor, async (tx, audit) => {
		for (const concernId of ids) await assignLocked(tx, actor, audit, { ...input, concernId })
	})
	return ids.length
}

// ── The agencies ────────────────────────────────────────────────────────────────────────────

export async function returnConcern(db: Database, actor: Actor, input: { concernId: number; version: number; reason: string; today: IsoDate }) {
	await write(db, actor, async (tx, audit) => {
		const { row } = await lockForStep(tx, actor, input, 'return')
		await updateVersioned(tx, concerns, row.id, row.version, { state: 'returned', returnedOn: input.today, returnReason: input.reason })
		await audit({ action: 'concern.return', entityType: 'concern', entityId: row.id, before: { state: row.state }, after: { state: 'returned', reason: input.reason, agencyId: actor.agencyId } })
	})
}

// A co-agency's opinion to the lead: its own act, no version needed.
export async function giveOpinion(db: Database, actor: Actor, input: { concernId: number; opinion: string; today: IsoDate }) {
	await write(db, actor, async (tx, audit) => {
		const { row } = await lockForStep(tx, actor, input, 'opinion')
		await tx
			.update(concernAgencies)
			.set({ opinion: input.opinion, opinionOn: input.today, opinionBy: actor.id })
			.where(and(eq(concernAgencies.concernId, row.id), eq(concernAgencies.agencyId, actor.agencyId as number)))
		await audit({ action: 'concern.opinion', entityType: 'concern', entityId: row.id, after: { agencyId: actor.agencyId, opinion: input.opinion } })
	})
}

export type ReplyInput = {
	resultClass: ResultClass
	content: string
	reasons: string
	signedBy: string
	promisedOn: IsoDate | null
	files: Array<File>
}

export async function replyToConcern(db: Database, actor: Actor, input: ReplyInput & { concernId: number; version: number; today: IsoDate }) {
	return write(db, actor, async (tx, audit) => {
		const { row } = await lockForStep(tx, actor, input, 'reply')
		if (input.resultClass !== 'A' && !input.reasons.trim()) enforce(broken('concerns.reasonsRequired', undefined, 400))
		if (input.resultClass === 'B' && (!input.promisedOn || input.promisedOn < input.today)) enforce(broken('concerns.promiseRequired', undefined, 400))
		const round = row.round + 1
		const [created] = await tx
			.insert(concernReplies)
			.values({
				concernId: row.id,
				round,
				agencyId: actor.agencyId as number,
				resultClass: input.resultClass,
				content: input.content,
				reasons: input.reasons,
				signedBy: input.signedBy,
				promisedOn: input.resultClass === 'B' ? input.promisedOn : null,
				repliedOn: input.today,
				repliedBy: actor.id,
			})
			.returning({ id: concernReplies.id })
		await updateVersioned(tx, concerns, row.id, row.version, { state: 'replied', round, repliedOn: input.today })
		for (const file of input.files) await storeAttachment(tx, audit, { ownerType: 'concern_reply', ownerId: created.id, file, uploadedBy: actor.id })
		await audit({
			action: 'concern.reply',
			entityType: 'concern',
			entityId: row.id,
			before: { state: row.state },
			after: { state: 'replied', round, resultClass: input.resultClass, signedBy: input.signedBy, promisedOn: input.promisedOn },
		})
		return created.id
	})
}

// The lead reports a class-B promise kept: the item leaves its open items.
export async function fulfilPromise(db: Database, actor: Actor, input: { concernId: number; note: string; today: IsoDate }) {
	await write(db, actor, async (tx, audit) => {
		const { row } = await lockForStep(tx, actor, input, 'fulfil')
		const updated = await tx
			.update(concernReplies)
			.set({ fulfilledOn: input.today, fulfilmentNote: input.note })
			.where(and(eq(concernReplies.concernId, row.id), eq(concernReplies.round, row.round)))
			.returning({ id: concernReplies.id })
		await audit({ action: 'concern.fulfil', entityType: 'concern', entityId: row.id, after: { replyId: updated[0]?.id, note: input.note } })
	})
}

// ── The deputy's rating, and the office's closing ─────────────────────────────────────────────

export async function rateReply(db: Database, actor: Actor, input: { concernId: number; rating: ConcernRating; comment: string; today: IsoDate }) {
	return write(db, actor, async (tx, audit) => {
		const { row, settings } = await lockForStep(tx, actor, input, 'rate')
		const next = stateAfterRating(input.rating)
		await tx
			.update(concernReplies)
			.set({ rating: input.rating, ratingComment: input.comment, ratedOn: input.today })
			.where(and(eq(concernReplies.concernId, row.id), eq(concernReplies.round, row.round)))
		const changes =
			next === 'rehandling'
				? { state: next, replyDueOn: rehandleDueOn(input.today, settings) }
				: { state: next, closedOn: input.today }
		await updateVersioned(tx, concerns, row.id, row.version, changes)
		await audit({ action: 'concern.rate', entityType: 'concern', entityId: row.id, before: { state: row.state }, after: { ...changes, rating: input.rating, round: row.round } })
		return next
	})
}

export async function closeUnrated(db: Database, actor: Actor, input: { concernId: number; version: number; today: IsoDate }) {
	await write(db, actor, async (tx, audit) => {
		const { row } = await lockForStep(tx, actor, input, 'closeUnrated')
		await updateVersioned(tx, concerns, row.id, row.version, { state: 'closed', closedOn: input.today, closedUnrated: true })
		await audit({ action: 'concern.close_unrated', entityType: 'concern', entityId: row.id, before: { state: row.state }, after: { state: 'closed', closedUnrated: true } })
	})
}

// ── Identity: every full showing is an audit event naming who saw whose identity ─────────────

export async function showIdentity(db: Database, actor: Actor, input: { concernId: number; today: IsoDate }) {
	return write(db, actor, async (tx, audit) => {
		const { row } = await lockForStep(tx, actor, input, 'showIdentity')
		const constituents = await constituentsFor(tx, row.id, 'full')
		await audit({
			action: 'concern.identity_shown',
			entityType: 'concern',
			entityId: row.id,
			after: { constituents: maskedAll(constituents), filerId: row.filerId },
		})
		return constituents
	})
}

// The office's export with identity: one audit event naming the concerns whose constituents left.
export async function exportIdentities(db: Database, actor: Actor) {
	return write(db, actor, async (tx, audit) => {
		enforce(permitted(actor.role === 'secretariat'))
		const rows = rowsOf<{ id: number; title: string; district: string; filer: string; position: number; name: string; phone: string }>(
			await tx.execute(sql`select c.id, c.title, c.district, u.real_name as filer, k.position, k.name, k.phone
				from concerns c join users u on u.id = c.filer_id join concern_constituents k on k.concern_id = c.id
				where c.state <> 'draft' order by c.id, k.position`),
		)
		await audit({ action: 'concern.identity_export', entityType: 'concern', entityId: null, after: { concernIds: [...new Set(rows.map((r) => r.id))], rows: rows.length } })
		return rows
	})
}

// ── Categories: a list in settings ───────────────────────────────────────────────────────────

export async function addCategory(db: Database, actor: Actor, input: { name: string }) {
	return write(db, actor, async (tx, audit) => {
		enforce(permitted(can(actor.role, 'settings:edit')))
		const [{ next }] = await tx.select({ next: sql<number>`coalesce(max(${concernCategories.position}), 0) + 1`.mapWith(Number) }).from(concernCategories)
		const [created] = await tx.insert(concernCategories).values({ name: input.name, position: next }).onConflictDoNothing().returning({ id: concernCategories.id })
		if (!created) enforce(broken('concerns.categoryExists', undefined, 400))
		await audit({ action: 'concern_category.add', entityType: 'concern_category', entityId: created.id, after: { name: input.name } })
		return created.id
	})
}

export async function updateCategory(db: Database, actor: Actor, input: { categoryId: number; version: number; name: string; active: boolean }) {
	await write(db, actor, async (tx, audit) => {
		enforce(permitted(can(actor.role, 'settings:edit')))
		const row = await lockVersioned(tx, concernCategories, input.categoryId, input.version)
		await updateVersioned(tx, concernCategories, row.id, row.version, { name: input.name, active: input.active })
		await audit({ action: 'concern_category.update', entityType: 'concern_category', entityId: row.id, before: { name: row.name, active: row.active }, after: { name: input.name, active: input.active } })
	})
}
