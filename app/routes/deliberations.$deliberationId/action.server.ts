import { parseWithZod } from '@conform-to/zod/v4'
import type { Submission } from '@conform-to/react'
import { data, redirect, type ActionFunctionArgs } from '@remix-run/node'
import { getDb } from '#db/client.server'
import { forbidden, invariantFound, parseId, requireUser, type CurrentUser } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { isRespondingLiaison, mayEditOpinion } from '~/domain/deliberation'
import { fill, messagesFor } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import {
	acceptHandling,
	addOpinion,
	castVote,
	closeVote,
	deleteOpinion,
	enterTally,
	returnHandling,
	saveLetter,
	sendLetter,
	submitHandling,
	updateOpinion,
} from '~/models/deliberation/mutations.server'
import { getOpinion, getReadableDeliberation, listClauseOptions, listMembers, type LoadedDeliberation } from '~/models/deliberation/queries.server'
import { shanghaiDate } from '~/domain/dates'
import { maxFilesPerUpload, readUploadForm } from '~/models/attachments.server'
import { loadSettings } from '~/models/settings.server'
import { isRefused } from '~/models/write.server'
import { refusalMessage } from '~/i18n/refusals'
import {
	deleteOpinionSchema,
	intents,
	type DoneKind,
	type Intent,
	editOpinionSchema,
	handlingSchema,
	letterSchema,
	opinionSchema,
	proxyOpinionSchema,
	returnSchema,
	tallySchema,
	versionSchema,
	voteSchema,
} from './schema'
import { fileRefusal, storeHandlingFiles } from './attachments.server'


// fileProblems: files the upload reader dropped (too large, too many, the request over its bound).
type Context = { user: CurrentUser; d: LoadedDeliberation; t: Messages; formData: FormData; fileProblems: Array<string> }

// Every intent checks the role itself (403); a deliberation the user may not read is 404 before
// anything else. A step the deliberation's state does not allow is refused with 409 and its
// reason; a stale version with 409 and "changed by someone else"; the input comes back.
export async function deliberationAction(args: ActionFunctionArgs) {
	const user = await requireUser(args)
	const db = getDb()
	const d = await getReadableDeliberation(db, user, parseId(args.params.deliberationId))
	invariantFound(d)
	const t = messagesFor(args.request)
	const upload = await readUploadForm(args.request, { fileFields: ['files'] })
	const formData = upload.formData
	const fileProblems = upload.ok
		? [
				...upload.oversized.map((f) => fileRefusal(t, { fileName: f.fileName, reason: 'tooLarge' })),
				...upload.excess.map((f) => fill(t.deliberation.tooManyFiles, { name: f.fileName, max: maxFilesPerUpload })),
			]
		: [t.deliberation.requestTooLarge]
	// A request cut short keeps only the fields read before the bound: the intent may be missing.
	const intent = intents.find((i) => i === formData.get('intent')) ?? (upload.ok ? undefined : 'submitHandling')
	if (!intent) throw data({ message: t.deliberation.badIntent }, { status: 400 })
	return handlers[intent]({ user, d, t, formData, fileProblems })
}

const handlers: Record<Intent, (c: Context) => Promise<Response | ReturnType<typeof data>>> = {
	async opinion({ user, d, t, formData }) {
		requireMember(user)
		const submission = parseWithZod(formData, { schema: opinionSchema(t, await clauseIds()) })
		if (submission.status !== 'success') return invalid('opinion', submission)
		const { clauseId, text } = submission.value
		return attempt('opinion', submission, t, async () => {
			await addOpinion(getDb(), user, { deliberationId: d.id, clauseId: clauseId ?? null, text })
			return done(d, 'opinion')
		})
	},
	async proxy({ user, d, t, formData }) {
		requireManager(user)
		const members = await listMembers(getDb())
		const submission = parseWithZod(formData, { schema: proxyOpinionSchema(t, members.map((m) => m.id), await clauseIds()) })
		if (submission.status !== 'success') return invalid('proxy', submission)
		const { memberId, clauseId, text } = submission.value
		return attempt('proxy', submission, t, async () => {
			await addOpinion(getDb(), user, { deliberationId: d.id, memberId, clauseId: clauseId ?? null, text })
			return done(d, 'opinion')
		})
	},
	async editOpinion({ user, d, t, formData }) {
		const submission = parseWithZod(formData, { schema: editOpinionSchema(t, await clauseIds()) })
		if (submission.status !== 'success') {
			if (!canEditAny(user)) throw forbidden()
			return invalid('editOpinion', submission, Number(formData.get('opinionId')) || null)
		}
		const { opinionId, version, clauseId, text } = submission.value
		await requireOwnOpinion(user, d, opinionId)
		return attempt('editOpinion', submission, t, async () => {
			await updateOpinion(getDb(), user, { deliberationId: d.id, opinionId, version, clauseId: clauseId ?? null, text })
			return done(d, 'opinionSaved')
		}, opinionId)
	},
	async deleteOpinion({ user, d, t, formData }) {
		const submission = parseWithZod(formData, { schema: deleteOpinionSchema })
		if (submission.status !== 'success') {
			if (!canEditAny(user)) throw forbidden()
			return invalid('deleteOpinion', submission, Number(formData.get('opinionId')) || null)
		}
		const { opinionId, version } = submission.value
		await requireOwnOpinion(user, d, opinionId)
		return attempt('deleteOpinion', submission, t, async () => {
			await deleteOpinion(getDb(), user, { deliberationId: d.id, opinionId, version })
			return done(d, 'opinionDeleted')
		}, opinionId)
	},
	// SECRET BALLOT: neither the reply nor the redirect carries the choice.
	async vote({ user, d, t, formData }) {
		requireMember(user)
		const submission = parseWithZod(formData, { schema: voteSchema(t) })
		const hide = { hideFields: ['choice'] }
		if (submission.status !== 'success') return data({ intent: 'vote' as const, opinionId: null, result: submission.reply(hide) }, { status: 400 })
		try {
			await castVote(getDb(), user, { deliberationId: d.id, choice: submission.value.choice })
		} catch (error) {
			if (isRefused(error)) {
				return data({ intent: 'vote' as const, opinionId: null, result: submission.reply({ ...hide, formErrors: [refusalMessage(t, error.refusal)] }) }, { status: 409 })
			}
			throw error
		}
		return done(d, 'voted')
	},
	async closeVote({ user, d, t, formData }) {
		requireManager(user)
		const submission = parseWithZod(formData, { schema: versionSchema })
		if (submission.status !== 'success') return invalid('closeVote', submission)
		const settings = await loadSettings(getDb())
		return attempt('closeVote', submission, t, async () => {
			await closeVote(getDb(), user, { deliberationId: d.id, version: submission.value.version, settings })
			return done(d, 'voteClosed')
		})
	},
	async tally({ user, d, t, formData }) {
		requireManager(user)
		const submission = parseWithZod(formData, { schema: tallySchema(t) })
		if (submission.status !== 'success') return invalid('tally', submission)
		const { version, replace, ...tally } = submission.value
		const settings = await loadSettings(getDb())
		return attempt('tally', submission, t, async () => {
			await enterTally(getDb(), user, { deliberationId: d.id, version, tally, replace: replace ?? false, settings })
			return done(d, 'tallyEntered')
		})
	},
	async saveLetter({ user, d, t, formData }) {
		requireManager(user)
		const submission = parseWithZod(formData, { schema: letterSchema(t) })
		if (submission.status !== 'success') return invalid('saveLetter', submission)
		const { version, number, to, cc, body, dueOn } = submission.value
		return attempt('saveLetter', submission, t, async () => {
			await saveLetter(getDb(), user, { deliberationId: d.id, version, number, to, cc: cc ?? '', body, dueOn: dueOn ?? null })
			return done(d, 'letterSaved')
		})
	},
	async sendLetter({ user, d, t, formData }) {
		requireManager(user)
		const submission = parseWithZod(formData, { schema: versionSchema })
		if (submission.status !== 'success') return invalid('sendLetter', submission)
		const settings = await loadSettings(getDb())
		return attempt('sendLetter', submission, t, async () => {
			await sendLetter(getDb(), user, { deliberationId: d.id, version: submission.value.version, today: shanghaiDate(new Date()), settings })
			return done(d, 'letterSent')
		})
	},
	async submitHandling({ user, d, t, formData, fileProblems }) {
		if (!isRespondingLiaison(user, d)) throw forbidden()
		const submission = parseWithZod(formData, { schema: handlingSchema(t) })
		const files = formData.getAll('files').filter((f): f is File => typeof f !== 'string' && f.size > 0)
		const stored = await storeHandlingFiles(d.id, user.id, files, t)
		const problems = [...fileProblems, ...(stored.ok ? [] : stored.errors)]
		if (problems.length) {
			return data({ intent: 'submitHandling' as const, opinionId: null, result: submission.reply({ fieldErrors: { files: problems } }) }, { status: 400 })
		}
		if (submission.status !== 'success' || !stored.ok) return invalid('submitHandling', submission)
		return attempt('submitHandling', submission, t, async () => {
			await submitHandling(getDb(), user, {
				deliberationId: d.id,
				version: submission.value.version,
				text: submission.value.text,
				today: shanghaiDate(new Date()),
				storeFiles: stored.store,
			})
			return done(d, 'handlingSubmitted')
		})
	},
	async acceptHandling({ user, d, t, formData }) {
		requireManager(user)
		const submission = parseWithZod(formData, { schema: versionSchema })
		if (submission.status !== 'success') return invalid('acceptHandling', submission)
		return attempt('acceptHandling', submission, t, async () => {
			await acceptHandling(getDb(), user, { deliberationId: d.id, version: submission.value.version, today: shanghaiDate(new Date()) })
			return done(d, 'handlingAccepted')
		})
	},
	async returnHandling({ user, d, t, formData }) {
		requireManager(user)
		const submission = parseWithZod(formData, { schema: returnSchema(t) })
		if (submission.status !== 'success') return invalid('returnHandling', submission)
		return attempt('returnHandling', submission, t, async () => {
			await returnHandling(getDb(), user, { deliberationId: d.id, version: submission.value.version, reason: submission.value.reason })
			return done(d, 'handlingReturned')
		})
	},
}

async function clauseIds() {
	return (await listClauseOptions(getDb())).map((c) => c.id)
}

function requireMember(user: CurrentUser) {
	if (!can(user.role, 'deliberation:participate')) throw forbidden()
}

function requireManager(user: CurrentUser) {
	if (!can(user.role, 'oversight:manage')) throw forbidden()
}

function canEditAny(user: CurrentUser) {
	return can(user.role, 'deliberation:participate') || can(user.role, 'oversight:manage')
}

// A member edits their own opinions; the secretariat those it entered on a member's behalf.
// An opinion of another deliberation is not found; someone else's opinion is forbidden.
async function requireOwnOpinion(user: CurrentUser, d: LoadedDeliberation, opinionId: number) {
	if (!canEditAny(user)) throw forbidden()
	const opinion = await getOpinion(getDb(), d.id, opinionId)
	if (!opinion) return // deleted meanwhile: the write answers "changed by someone else"
	if (!mayEditOpinion(user, opinion)) throw forbidden()
}

function done(d: LoadedDeliberation, what: DoneKind) {
	return redirect(`/deliberations/${d.id}?done=${what}`)
}

function invalid(intent: Intent, submission: Submission<unknown>, opinionId: number | null = null) {
	return data({ intent, opinionId, result: submission.reply() }, { status: 400 })
}

async function attempt(
	intent: Intent,
	submission: Submission<unknown>,
	t: Messages,
	mutate: () => Promise<Response>,
	opinionId: number | null = null,
) {
	try {
		return await mutate()
	} catch (error) {
		if (isRefused(error)) {
			return data({ intent, opinionId, result: submission.reply({ formErrors: [refusalMessage(t, error.refusal)] }) }, { status: 409 })
		}
		throw error
	}
}
