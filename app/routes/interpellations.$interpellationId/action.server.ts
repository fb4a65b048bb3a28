import type { Submission } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs } from '@remix-run/node'
import type { z } from 'zod'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission, type CurrentUser } from '~/auth/guards.server'
import { shanghaiDate } from '~/domain/dates'
import { attempt } from '~/http/outcomes.server'
import { messagesFor } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import {
	closeInterpellation,
	decideReanswer,
	enterAnswer,
	inviteCoSigners,
	recordPaperSignature,
	recordReferral,
	recordVerdict,
	requestReanswer,
	signInterpellation,
	strikePaperSignature,
	submitInterpellation,
	withdrawInterpellation,
	withdrawSignature,
} from '~/models/interpellations/mutations.server'
import { getReadableInterpellation } from '~/models/interpellations/queries.server'
import { loadSettings } from '~/models/settings.server'
import {
	answerSchema,
	arrangementOf,
	emptySchema,
	intents,
	inviteSchema,
	memberSchema,
	reanswerSchema,
	referSchema,
	verdictSchema,
	versionSchema,
	type DoneKind,
	type Intent,
} from './schema'
import { readForm } from '~/http/forms.server'

type Context = { user: CurrentUser; id: number; t: Messages; formData: FormData; today: string }

// An interpellation the user may not read is 404 before anything else; a form that does not
// validate is 400 with the input kept. Who takes the step and whether the interpellation's state
// allows it is its policy, checked by the mutation inside its transaction: a step the user never
// takes is 403, one the state does not allow 409 with its reason, a stale version 409.
export async function interpellationAction(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'interpellations:act')
	const loaded = await getReadableInterpellation(getDb(), user, parseId(args.params.interpellationId))
	invariantFound(loaded)
	const t = messagesFor(args.request)
	const formData = await readForm(args.request)
	const intent = intents.find((i) => i === formData.get('intent'))
	if (!intent) throw data({ message: t.interpellations.badIntent }, { status: 400 })
	return handlers[intent]({ user, id: loaded.interpellation.id, t, formData, today: shanghaiDate(new Date()) })
}

// Parses the form with its schema, then runs the mutation: done, the page again with its notice.
async function step<S extends z.ZodType>(
	intent: Intent,
	c: Context,
	schema: S,
	mutation: (value: z.infer<S>) => Promise<unknown>,
	done: DoneKind | ((result: unknown) => DoneKind) = intent,
) {
	const submission = parseWithZod(c.formData, { schema })
	if (submission.status !== 'success') return reply(intent, submission)
	const outcome = await attempt(c.t, () => mutation(submission.value as z.infer<S>))
	if (!outcome.ok) return reply(intent, submission, outcome.status, [outcome.message])
	return redirect(`/interpellations/${c.id}?done=${typeof done === 'function' ? done(outcome.value) : done}`)
}

function reply(intent: Intent, submission: Submission<unknown>, status = 400, formErrors?: Array<string>) {
	return data({ intent, result: submission.reply(formErrors ? { formErrors } : undefined) }, { status })
}

const db = () => getDb()

const handlers: Record<Intent, (c: Context) => Promise<Response | ReturnType<typeof data>>> = {
	invite: (c) => step('invite', c, inviteSchema(c.t), (v) => inviteCoSigners(db(), c.user, { interpellationId: c.id, memberIds: v.memberIds, today: c.today })),
	sign: (c) => step('sign', c, emptySchema, () => signInterpellation(db(), c.user, { interpellationId: c.id, today: c.today })),
	withdrawSignature: (c) => step('withdrawSignature', c, emptySchema, () => withdrawSignature(db(), c.user, { interpellationId: c.id, today: c.today })),
	recordSignature: (c) =>
		step('recordSignature', c, memberSchema(c.t), (v) => recordPaperSignature(db(), c.user, { interpellationId: c.id, memberId: v.memberId, today: c.today })),
	strikeSignature: (c) =>
		step('strikeSignature', c, memberSchema(c.t), (v) => strikePaperSignature(db(), c.user, { interpellationId: c.id, memberId: v.memberId, today: c.today })),
	submit: async (c) => {
		const settings = await loadSettings(db())
		return step('submit', c, versionSchema, (v) => submitInterpellation(db(), c.user, { interpellationId: c.id, version: v.version, today: c.today, settings }))
	},
	withdraw: (c) => step('withdraw', c, versionSchema, (v) => withdrawInterpellation(db(), c.user, { interpellationId: c.id, version: v.version, today: c.today })),
	refer: (c) =>
		step('refer', c, referSchema(c.t), (v) =>
			recordReferral(db(), c.user, {
				interpellationId: c.id,
				version: v.version,
				today: c.today,
				...(v.decision === 'referred' ? { decision: 'referred', arrangement: arrangementOf(v), note: v.note ?? '' } : { decision: 'not_referred', note: v.note ?? '' }),
			}),
		),
	answer: (c) => step('answer', c, answerSchema(c.t), (v) => enterAnswer(db(), c.user, { interpellationId: c.id, today: c.today, ...v })),
	judge: (c) =>
		step(
			'judge',
			c,
			verdictSchema(c.t),
			(v) => recordVerdict(db(), c.user, { interpellationId: c.id, verdict: v.verdict, today: c.today }),
			(result) => ((result as { concluded: boolean }).concluded ? 'concluded' : 'judge'),
		),
	requestReanswer: (c) => step('requestReanswer', c, emptySchema, () => requestReanswer(db(), c.user, { interpellationId: c.id, today: c.today })),
	decideReanswer: (c) =>
		step('decideReanswer', c, reanswerSchema(c.t), (v) =>
			decideReanswer(db(), c.user, {
				interpellationId: c.id,
				version: v.version,
				today: c.today,
				...(v.decision === 'granted' ? { decision: 'granted', arrangement: arrangementOf(v), note: v.note ?? '' } : { decision: 'refused', note: v.note ?? '' }),
			}),
		),
	close: (c) => step('close', c, versionSchema, (v) => closeInterpellation(db(), c.user, { interpellationId: c.id, version: v.version, today: c.today })),
}
