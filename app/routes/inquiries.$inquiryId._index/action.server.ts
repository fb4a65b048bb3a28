import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs } from '@remix-run/node'
import type { z } from 'zod'
import { getDb, type Database } from '#db/client.server'
import { invariantFound, parseId, requirePermission, type CurrentUser } from '~/auth/guards.server'
import { shanghaiDate, type IsoDate } from '~/domain/dates'
import { attempt } from '~/http/outcomes.server'
import { messagesFor } from '~/i18n/i18n'
import {
	addCommitment,
	appendFollowUp,
	appendQuestion,
	askRegistered,
	correctCommitment,
	correctQuestion,
	moveRegistration,
	openInquiryDeliberation,
	publishRecord,
	registerQuestion,
	saveAnswer,
	saveFollowUp,
	updateRegistration,
	withdrawRegistration,
} from '~/models/inquiries/mutations.server'
import { getReadableInquiry } from '~/models/inquiries/queries.server'
import { formKeyOf, isIntent, schemaFor, targetOf, type Intent } from './schema'
import { readForm } from '~/http/forms.server'

// The session page's one action. Who may take which step is the session's policy, checked by the
// mutation inside its transaction: a step the user never takes is 403, one the session's state
// does not allow 409 with its reason, a stale version 409 "changed by someone else" — each with
// the user's input kept. A plain post (no JavaScript) is answered with a redirect back to the
// entry; a post from the page's live forms (`live=1`) with the outcome as data, so the clerk
// stays where they type.

type Value = z.infer<ReturnType<typeof schemaFor>>

export type LiveReply = {
	formKey: string
	ok: boolean
	message: string | null
	result: SubmissionResult<Array<string>> | undefined
	// A saved text's new version, so the form carries on from it.
	version?: number
}

export async function inquiryAction(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'inquiries:take_part')
	const db = getDb()
	const t = messagesFor(args.request)
	const inquiry = await getReadableInquiry(db, user, parseId(args.params.inquiryId))
	invariantFound(inquiry)
	const formData = await readForm(args.request)
	const intent = formData.get('intent')
	if (!isIntent(intent)) throw data({ message: t.inquiries.badRequest }, { status: 400 })
	const live = formData.get('live') === '1'
	const formKey = formKeyOf(intent, targetOf(intent, formData))
	const submission = parseWithZod(formData, { schema: schemaFor(t, intent) })
	if (submission.status !== 'success') return data<LiveReply>({ formKey, ok: false, message: null, result: submission.reply() }, { status: 400 })
	const today = shanghaiDate(new Date())
	const outcome = await attempt(t, () => run(db, user, inquiry.id, submission.value, today))
	if (!outcome.ok) return data<LiveReply>({ formKey, ok: false, message: outcome.message, result: submission.reply() }, { status: outcome.status })
	if (live) {
		// An entry appended: the form is emptied for the next one. A text saved: the form keeps it.
		const appended = intent === 'question' || intent === 'followUp' || intent === 'commitment' || intent === 'register' || intent === 'askRegistered'
		return data<LiveReply>({
			formKey,
			ok: true,
			message: null,
			result: submission.reply(appended ? { resetForm: true } : undefined),
			version: appended ? undefined : outcome.value,
		})
	}
	return redirect(`/inquiries/${inquiry.id}?done=${intent}${anchorOf(intent, submission.value, outcome.value)}`)
}

function anchorOf(intent: Intent, value: Value, result: number | undefined): string {
	switch (intent) {
		case 'question':
		case 'askRegistered':
			return `#exchange-${result}`
		case 'answer':
		case 'correctQuestion':
		case 'followUp':
		case 'commitment':
			return 'exchangeId' in value ? `#exchange-${value.exchangeId}` : ''
		case 'followUpAnswer':
		case 'correctFollowUp':
			return 'followUpId' in value ? `#follow-up-${value.followUpId}` : ''
		case 'register':
		case 'updateRegistration':
		case 'withdrawRegistration':
		case 'moveRegistration':
			return '#registrations'
		default:
			return ''
	}
}

// The mutation each intent calls; it returns the new entry's id or the saved entry's version.
async function run(db: Database, user: CurrentUser, inquiryId: number, value: Value, today: IsoDate): Promise<number | undefined> {
	switch (value.intent) {
		case 'register':
			return registerQuestion(db, user, { inquiryId, agencyId: value.agencyId ?? null, text: value.text, today })
		case 'updateRegistration':
			await updateRegistration(db, user, { inquiryId, registrationId: value.registrationId, version: value.version, agencyId: value.agencyId ?? null, text: value.text, today })
			return undefined
		case 'withdrawRegistration':
			await withdrawRegistration(db, user, { inquiryId, registrationId: value.registrationId, version: value.version, today })
			return undefined
		case 'moveRegistration':
			await moveRegistration(db, user, { inquiryId, registrationId: value.registrationId, direction: value.direction, today })
			return undefined
		case 'askRegistered':
			return askRegistered(db, user, { inquiryId, registrationId: value.registrationId, agencyId: value.agencyId ?? null, today })
		case 'question':
			return appendQuestion(db, user, { inquiryId, ...questionOf(value), registrationId: null, today })
		case 'answer':
			return saveAnswer(db, user, { inquiryId, exchangeId: value.exchangeId, version: value.version, answer: value.answer, today })
		case 'correctQuestion':
			return correctQuestion(db, user, { inquiryId, exchangeId: value.exchangeId, version: value.version, ...questionOf(value), today })
		case 'followUp':
			return appendFollowUp(db, user, { inquiryId, exchangeId: value.exchangeId, question: value.question, today })
		case 'followUpAnswer':
			return saveFollowUp(db, user, { inquiryId, followUpId: value.followUpId, version: value.version, answer: value.answer, today })
		case 'correctFollowUp':
			return saveFollowUp(db, user, { inquiryId, followUpId: value.followUpId, version: value.version, question: value.question, today })
		case 'commitment':
			return addCommitment(db, user, { inquiryId, exchangeId: value.exchangeId, agencyId: value.agencyId, text: value.text, dueOn: value.dueOn, today })
		case 'correctCommitment':
			return correctCommitment(db, user, { inquiryId, commitmentId: value.commitmentId, version: value.version, agencyId: value.agencyId, text: value.text, dueOn: value.dueOn, today })
		case 'publish':
			await publishRecord(db, user, { inquiryId, version: value.version, today })
			return undefined
		case 'openDeliberation':
			await openInquiryDeliberation(db, user, { inquiryId, version: value.version, today })
			return undefined
	}
}

function questionOf(value: { askerId: number; agencyId: number; officialName: string; officialTitle: string; question: string }) {
	return { askerId: value.askerId, agencyId: value.agencyId, officialName: value.officialName, officialTitle: value.officialTitle, question: value.question }
}
