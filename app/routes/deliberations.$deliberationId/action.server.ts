import { parseWithZod } from '@conform-to/zod/v4'
import type { Submission } from '@conform-to/react'
import { data, redirect, type ActionFunctionArgs } from '@remix-run/node'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission, type CurrentUser } from '~/auth/guards.server'
import { shanghaiDate } from '~/domain/dates'
import { attempt } from '~/http/outcomes.server'
import { fill, messagesFor } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { maxFilesPerUpload } from '~/domain/attachments'
import { readUploadForm } from '~/http/forms.server'
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
import { getReadableDeliberation, listClauseOptions, listMembers, type LoadedDeliberation } from '~/models/deliberation/queries.server'
import { loadSettings } from '~/models/settings.server'
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
import { fileRefusal, handlingFileProblems } from './files.server'

// fileProblems: files the upload reader dropped (too large, too many, the request over its bound).
type Context = { user: CurrentUser; d: LoadedDeliberation; t: Messages; formData: FormData; fileProblems: Array<string> }

// A deliberation the user may not read is 404 before anything else; a form that does not
// validate is 400 with the input kept. Who may take the step and whether the deliberation's
// state allows it is the deliberation's policy, checked by the mutation inside its transaction:
// a step the user never takes is 403, one the state does not allow 409 with its reason, a stale
// version 409 with "changed by someone else"; the input comes back with the message.
export async function deliberationAction(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
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
		const submission = parseWithZod(formData, { schema: opinionSchema(t, await clauseIds()) })
		if (submission.status !== 'success') return reply({ intent: 'opinion' }, submission)
		const { clauseId, text } = submission.value
		return run({ intent: 'opinion' }, submission, t, done(d, 'opinion'), () =>
			addOpinion(getDb(), user, { deliberationId: d.id, clauseId: clauseId ?? null, text }),
		)
	},
	async proxy({ user, d, t, formData }) {
		const members = await listMembers(getDb())
		const submission = parseWithZod(formData, { schema: proxyOpinionSchema(t, members.map((m) => m.id), await clauseIds()) })
		if (submission.status !== 'success') return reply({ intent: 'proxy' }, submission)
		const { memberId, clauseId, text } = submission.value
		return run({ intent: 'proxy' }, submission, t, done(d, 'opinion'), () =>
			addOpinion(getDb(), user, { deliberationId: d.id, memberId, clauseId: clauseId ?? null, text }),
		)
	},
	async editOpinion({ user, d, t, formData }) {
		const submission = parseWithZod(formData, { schema: editOpinionSchema(t, await clauseIds()) })
		const form = { intent: 'editOpinion' as const, opinionId: Number(formData.get('opinionId')) || null }
		if (submission.status !== 'success') return reply(form, submission)
		const { opinionId, version, clauseId, text } = submission.value
		return run(form, submission, t, done(d, 'opinionSaved'), () =>
			updateOpinion(getDb(), user, { deliberationId: d.id, opinionId, version, clauseId: clauseId ?? null, text }),
		)
	},
	async deleteOpinion({ user, d, t, formData }) {
		const submission = parseWithZod(formData, { schema: deleteOpinionSchema })
		const form = { intent: 'deleteOpinion' as const, opinionId: Number(formData.get('opinionId')) || null }
		if (submission.status !== 'success') return reply(form, submission)
		const { opinionId, version } = submission.value
		return run(form, submission, t, done(d, 'opinionDeleted'), () => deleteOpinion(getDb(), user, { deliberationId: d.id, opinionId, version }))
	},
	// SECRET BALLOT: neither the reply nor the redirect carries the choice.
	async vote({ user, d, t, formData }) {
		const submission = parseWithZod(formData, { schema: voteSchema(t) })
		const form = { intent: 'vote' as const, hideFields: ['choice'] }
		if (submission.status !== 'success') return reply(form, submission)
		const { choice } = submission.value
		return run(form, submission, t, done(d, 'voted'), () => castVote(getDb(), user, { deliberationId: d.id, choice }))
	},
	async closeVote({ user, d, t, formData }) {
		const submission = parseWithZod(formData, { schema: versionSchema })
		if (submission.status !== 'success') return reply({ intent: 'closeVote' }, submission)
		const settings = await loadSettings(getDb())
		return run({ intent: 'closeVote' }, submission, t, done(d, 'voteClosed'), () =>
			closeVote(getDb(), user, { deliberationId: d.id, version: submission.value.version, settings }),
		)
	},
	async tally({ user, d, t, formData }) {
		const submission = parseWithZod(formData, { schema: tallySchema(t) })
		if (submission.status !== 'success') return reply({ intent: 'tally' }, submission)
		const { version, replace, ...tally } = submission.value
		const settings = await loadSettings(getDb())
		return run({ intent: 'tally' }, submission, t, done(d, 'tallyEntered'), () =>
			enterTally(getDb(), user, { deliberationId: d.id, version, tally, replace: replace ?? false, settings }),
		)
	},
	async saveLetter({ user, d, t, formData }) {
		const submission = parseWithZod(formData, { schema: letterSchema(t) })
		if (submission.status !== 'success') return reply({ intent: 'saveLetter' }, submission)
		const { version, number, to, cc, body, dueOn } = submission.value
		return run({ intent: 'saveLetter' }, submission, t, done(d, 'letterSaved'), () =>
			saveLetter(getDb(), user, { deliberationId: d.id, version, number, to, cc: cc ?? '', body, dueOn: dueOn ?? null }),
		)
	},
	async sendLetter({ user, d, t, formData }) {
		const submission = parseWithZod(formData, { schema: versionSchema })
		if (submission.status !== 'success') return reply({ intent: 'sendLetter' }, submission)
		const settings = await loadSettings(getDb())
		return run({ intent: 'sendLetter' }, submission, t, done(d, 'letterSent'), () =>
			sendLetter(getDb(), user, { deliberationId: d.id, version: submission.value.version, today: shanghaiDate(new Date()), settings }),
		)
	},
	async submitHandling({ user, d, t, formData, fileProblems }) {
		const submission = parseWithZod(formData, { schema: handlingSchema(t) })
		const files = formData.getAll('files').filter((f): f is File => typeof f !== 'string' && f.size > 0)
		const problems = [...fileProblems, ...(await handlingFileProblems(t, files))]
		if (problems.length) {
			return data({ intent: 'submitHandling' as const, opinionId: null, result: submission.reply({ fieldErrors: { files: problems } }) }, { status: 400 })
		}
		if (submission.status !== 'success') return reply({ intent: 'submitHandling' }, submission)
		const { version, text } = submission.value
		return run({ intent: 'submitHandling' }, submission, t, done(d, 'handlingSubmitted'), () =>
			submitHandling(getDb(), user, { deliberationId: d.id, version, text, today: shanghaiDate(new Date()), files }),
		)
	},
	async acceptHandling({ user, d, t, formData }) {
		const submission = parseWithZod(formData, { schema: versionSchema })
		if (submission.status !== 'success') return reply({ intent: 'acceptHandling' }, submission)
		return run({ intent: 'acceptHandling' }, submission, t, done(d, 'handlingAccepted'), () =>
			acceptHandling(getDb(), user, { deliberationId: d.id, version: submission.value.version, today: shanghaiDate(new Date()) }),
		)
	},
	async returnHandling({ user, d, t, formData }) {
		const submission = parseWithZod(formData, { schema: returnSchema(t) })
		if (submission.status !== 'success') return reply({ intent: 'returnHandling' }, submission)
		const { version, reason } = submission.value
		return run({ intent: 'returnHandling' }, submission, t, done(d, 'handlingReturned'), () =>
			returnHandling(getDb(), user, { deliberationId: d.id, version, reason }),
		)
	},
}

async function clauseIds() {
	return (await listClauseOptions(getDb())).map((c) => c.id)
}

function done(d: LoadedDeliberation, what: DoneKind) {
	return `/deliberations/${d.id}?done=${what}`
}

// Which of the page's forms an answer belongs to: its intent, and for an opinion's own forms the
// opinion. `hideFields` keeps a value out of the answer (the ballot's choice).
type FormOf = { intent: Intent; opinionId?: number | null; hideFields?: Array<string> }

function reply(form: FormOf, submission: Submission<unknown>, status = 400, formErrors?: Array<string>) {
	const result = submission.reply({ ...(formErrors ? { formErrors } : {}), ...(form.hideFields ? { hideFields: form.hideFields } : {}) })
	return data({ intent: form.intent, opinionId: form.opinionId ?? null, result }, { status })
}

// The mutation through attempt(): done, the page again; refused, the form with the message.
async function run(form: FormOf, submission: Submission<unknown>, t: Messages, then: string, mutation: () => Promise<unknown>) {
	const outcome = await attempt(t, mutation)
	if (!outcome.ok) return reply(form, submission, outcome.status, [outcome.message])
	return redirect(then)
}
