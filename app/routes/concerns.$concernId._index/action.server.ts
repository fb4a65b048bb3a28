import type { Submission } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs } from '@remix-run/node'
import type { z } from 'zod'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission, type CurrentUser } from '~/auth/guards.server'
import { maxUploadRequestBytes } from '~/domain/attachments'
import { shanghaiDate } from '~/domain/dates'
import { fileProblems } from '~/http/files.server'
import { readUploadForm, type UploadForm } from '~/http/forms.server'
import { attempt } from '~/http/outcomes.server'
import { fill, messagesFor } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import {
	acceptConcern,
	arrangeConcern,
	assignConcern,
	closeUnrated,
	declineConcern,
	discardDraft,
	fulfilPromise,
	giveOpinion,
	mergeConcern,
	rateReply,
	replyToConcern,
	returnConcern,
	showIdentity,
	submitConcern,
} from '~/models/concerns/mutations.server'
import { getReadableConcern } from '~/models/concerns/queries.server'
import {
	arrangeSchema,
	assignSchema,
	emptySchema,
	fulfilSchema,
	intents,
	mergeSchema,
	opinionSchema,
	rateSchema,
	reasonSchema,
	replySchema,
	versionSchema,
	type DoneKind,
	type Intent,
} from './schema'

type Context = { user: CurrentUser; id: number; t: Messages; upload: Extract<UploadForm, { ok: true }>; today: string }

// A concern the user may not read is 404 before anything else; a form that does not validate is
// 400 with the input kept. Who takes the step and whether the concern's state allows it is its
// policy, checked by the mutation inside its transaction: a step the user never takes is 403, one
// the state does not allow 409 with its reason, a stale version 409.
export async function concernAction(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'concerns:act')
	const loaded = await getReadableConcern(getDb(), user, parseId(args.params.concernId))
	invariantFound(loaded)
	const t = messagesFor(args.request)
	// Only the answer carries files; every other form is read the same way, bounded alike.
	const upload = await readUploadForm(args.request, { fileFields: ['attachments'] })
	if (!upload.ok) {
		const message = fill(t.attachments.requestTooLargeUnread, { mb: Math.floor(maxUploadRequestBytes / 1024 / 1024) })
		return data({ intent: 'reply' as Intent, result: { status: 'error' as const, error: { '': [message] } }, identity: null }, { status: 413 })
	}
	const intent = intents.find((i) => i === upload.formData.get('intent'))
	if (!intent) throw data({ message: t.concerns.badIntent }, { status: 400 })
	return handlers[intent]({ user, id: loaded.concern.id, t, upload, today: shanghaiDate(new Date()) })
}

function reply(intent: Intent, submission: Submission<unknown>, status = 400, formErrors?: Array<string>, fieldErrors?: Record<string, Array<string>>) {
	const options = formErrors || fieldErrors ? { ...(formErrors ? { formErrors } : {}), ...(fieldErrors ? { fieldErrors } : {}) } : undefined
	return data({ intent, result: submission.reply(options), identity: null }, { status })
}

// Parses the form with its schema, then runs the mutation: done, the page again with its notice.
async function step<S extends z.ZodType>(intent: Intent, c: Context, schema: S, mutation: (value: z.infer<S>) => Promise<unknown>, done: DoneKind = intent as DoneKind) {
	const submission = parseWithZod(c.upload.formData, { schema })
	if (submission.status !== 'success') return reply(intent, submission)
	const outcome = await attempt(c.t, () => mutation(submission.value as z.infer<S>))
	if (!outcome.ok) return reply(intent, submission, outcome.status, [outcome.message])
	// A withdrawn draft is gone: back to the list.
	return redirect(intent === 'discard' ? '/concerns?done=discard' : `/concerns/${c.id}?done=${done}`)
}

const db = () => getDb()

const handlers: Record<Intent, (c: Context) => Promise<Response | ReturnType<typeof data>>> = {
	submit: (c) => step('submit', c, versionSchema, (v) => submitConcern(db(), c.user, { concernId: c.id, version: v.version, today: c.today })),
	discard: (c) => step('discard', c, versionSchema, (v) => discardDraft(db(), c.user, { concernId: c.id, version: v.version, today: c.today })),
	accept: (c) => step('accept', c, versionSchema, (v) => acceptConcern(db(), c.user, { concernId: c.id, version: v.version, today: c.today })),
	decline: (c) => step('decline', c, reasonSchema(c.t), (v) => declineConcern(db(), c.user, { concernId: c.id, version: v.version, reason: v.reason, today: c.today })),
	merge: (c) => step('merge', c, mergeSchema(c.t), (v) => mergeConcern(db(), c.user, { concernId: c.id, version: v.version, intoId: v.intoId, today: c.today })),
	arrange: (c) =>
		step('arrange', c, arrangeSchema(c.t), (v) =>
			arrangeConcern(db(), c.user, {
				concernId: c.id,
				version: v.version,
				priority: v.priority ?? false,
				difficult: v.difficult ?? false,
				shareable: v.shareable ?? false,
				assignmentText: (v.assignmentText ?? '').replace(/\r\n?/g, '\n'),
				today: c.today,
			}),
		),
	assign: (c) => step('assign', c, assignSchema(c.t), (v) => assignConcern(db(), c.user, { concernId: c.id, version: v.version, leadId: v.leadId, coIds: v.coIds ?? [], today: c.today })),
	return: (c) => step('return', c, reasonSchema(c.t), (v) => returnConcern(db(), c.user, { concernId: c.id, version: v.version, reason: v.reason, today: c.today })),
	opinion: (c) => step('opinion', c, opinionSchema(c.t), (v) => giveOpinion(db(), c.user, { concernId: c.id, opinion: v.opinion, today: c.today })),
	reply: async (c) => {
		const files = c.upload.formData.getAll('attachments').filter((f): f is File => f instanceof File)
		c.upload.formData.delete('attachments')
		const submission = parseWithZod(c.upload.formData, { schema: replySchema(c.t) })
		const problems = await fileProblems(c.t, files, c.upload)
		if (submission.status !== 'success' || problems.length) {
			return reply('reply', submission, 400, undefined, problems.length ? { attachments: [...problems, c.t.attachments.chooseAgain] } : undefined)
		}
		const v = submission.value
		const outcome = await attempt(c.t, () =>
			replyToConcern(db(), c.user, {
				concernId: c.id,
				version: v.version,
				resultClass: v.resultClass,
				content: v.content.replace(/\r\n?/g, '\n'),
				reasons: (v.reasons ?? '').replace(/\r\n?/g, '\n'),
				signedBy: v.signedBy,
				promisedOn: v.promisedOn ?? null,
				files,
				today: c.today,
			}),
		)
		if (!outcome.ok) return reply('reply', submission, outcome.status, [outcome.message])
		return redirect(`/concerns/${c.id}?done=reply`)
	},
	rate: (c) => step('rate', c, rateSchema(c.t), (v) => rateReply(db(), c.user, { concernId: c.id, rating: v.rating, comment: v.comment ?? '', today: c.today })),
	closeUnrated: (c) => step('closeUnrated', c, versionSchema, (v) => closeUnrated(db(), c.user, { concernId: c.id, version: v.version, today: c.today })),
	fulfil: (c) => step('fulfil', c, fulfilSchema(c.t), (v) => fulfilPromise(db(), c.user, { concernId: c.id, note: v.note, today: c.today })),
	// The full identity, for the office, in this answer only: never in the page's loader data.
	showIdentity: async (c) => {
		const submission = parseWithZod(c.upload.formData, { schema: emptySchema })
		const outcome = await attempt(c.t, () => showIdentity(db(), c.user, { concernId: c.id, today: c.today }))
		if (!outcome.ok) return reply('showIdentity', submission, outcome.status, [outcome.message])
		return data({ intent: 'showIdentity' as Intent, result: submission.reply(), identity: outcome.value })
	},
}
