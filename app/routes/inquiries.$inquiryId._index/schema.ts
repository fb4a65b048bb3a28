import { z } from 'zod'
import { isIsoDate } from '~/domain/dates'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { int4 } from '~/domain/form-values'

// The session page's forms, one schema per intent, shared by the page (constraints) and the
// action. Every form that changes an existing entry carries the version the user saw.

export const maxQuestion = 5_000
export const maxAnswer = 20_000
export const maxCommitment = 1_000
export const maxOfficialName = 50
export const maxOfficialTitle = 100

export const intents = [
	'register',
	'updateRegistration',
	'withdrawRegistration',
	'moveRegistration',
	'askRegistered',
	'question',
	'answer',
	'correctQuestion',
	'followUp',
	'followUpAnswer',
	'correctFollowUp',
	'commitment',
	'correctCommitment',
	'publish',
	'openDeliberation',
] as const
export type Intent = (typeof intents)[number]

export function isIntent(value: unknown): value is Intent {
	return typeof value === 'string' && (intents as ReadonlyArray<string>).includes(value)
}

// The notice the page shows after a plain (JavaScript-less) post.
export const doneKinds = ['scheduled', ...intents] as const
export type DoneKind = (typeof doneKinds)[number]

const id = (message: string) => int4(message).min(1, message)
const version = int4().min(1)

function text(t: Messages, required: string, max: number) {
	return z
		.string({ error: required })
		.trim()
		.min(1, required)
		.max(max, fill(t.inquiries.tooLong, { max }))
}

function optionalText(t: Messages, max: number) {
	return z
		.string()
		.trim()
		.max(max, fill(t.inquiries.tooLong, { max }))
		.default('')
}

function questionFields(t: Messages) {
	return {
		askerId: id(t.inquiries.askerRequired),
		agencyId: id(t.inquiries.respondentRequired),
		officialName: optionalText(t, maxOfficialName),
		officialTitle: optionalText(t, maxOfficialTitle),
		question: text(t, t.inquiries.questionRequired, maxQuestion),
	}
}

function commitmentFields(t: Messages) {
	return {
		agencyId: id(t.inquiries.respondentRequired),
		text: text(t, t.inquiries.commitmentRequired, maxCommitment),
		dueOn: z
			.string({ error: t.inquiries.dueRequired })
			.trim()
			.refine(isIsoDate, t.inquiries.dateInvalid),
	}
}

export function schemaFor(t: Messages, intent: Intent) {
	switch (intent) {
		case 'register':
			return z.object({ intent: z.literal('register'), agencyId: int4().optional(), text: text(t, t.inquiries.questionRequired, maxQuestion) })
		case 'updateRegistration':
			return z.object({ intent: z.literal('updateRegistration'), registrationId: id(t.inquiries.badRequest), version, agencyId: int4().optional(), text: text(t, t.inquiries.questionRequired, maxQuestion) })
		case 'withdrawRegistration':
			return z.object({ intent: z.literal('withdrawRegistration'), registrationId: id(t.inquiries.badRequest), version })
		case 'moveRegistration':
			return z.object({ intent: z.literal('moveRegistration'), registrationId: id(t.inquiries.badRequest), direction: z.enum(['up', 'down']) })
		case 'askRegistered':
			return z.object({ intent: z.literal('askRegistered'), registrationId: id(t.inquiries.badRequest), agencyId: int4().optional() })
		case 'question':
			return z.object({ intent: z.literal('question'), ...questionFields(t) })
		case 'answer':
			return z.object({ intent: z.literal('answer'), exchangeId: id(t.inquiries.badRequest), version, answer: text(t, t.inquiries.answerRequired, maxAnswer) })
		case 'correctQuestion':
			return z.object({ intent: z.literal('correctQuestion'), exchangeId: id(t.inquiries.badRequest), version, ...questionFields(t) })
		case 'followUp':
			return z.object({ intent: z.literal('followUp'), exchangeId: id(t.inquiries.badRequest), question: text(t, t.inquiries.questionRequired, maxQuestion) })
		case 'followUpAnswer':
			return z.object({ intent: z.literal('followUpAnswer'), followUpId: id(t.inquiries.badRequest), version, answer: text(t, t.inquiries.answerRequired, maxAnswer) })
		case 'correctFollowUp':
			return z.object({ intent: z.literal('correctFollowUp'), followUpId: id(t.inquiries.badRequest), version, question: text(t, t.inquiries.questionRequired, maxQuestion) })
		case 'commitment':
			return z.object({ intent: z.literal('commitment'), exchangeId: id(t.inquiries.badRequest), ...commitmentFields(t) })
		case 'correctCommitment':
			return z.object({ intent: z.literal('correctCommitment'), commitmentId: id(t.inquiries.badRequest), version, ...commitmentFields(t) })
		case 'publish':
		case 'openDeliberation':
			return z.object({ intent: z.literal(intent as 'publish' | 'openDeliberation'), version })
	}
}

// Which form on the page a reply belongs to: the intent and the entry it is about.
export function formKeyOf(intent: Intent, target: number | string | null | undefined): string {
	return target === null || target === undefined || target === '' ? intent : `${intent}:${target}`
}

export function targetOf(intent: Intent, formData: FormData): string | null {
	const field = (
		{
			updateRegistration: 'registrationId',
			withdrawRegistration: 'registrationId',
			moveRegistration: 'registrationId',
			askRegistered: 'registrationId',
			answer: 'exchangeId',
			correctQuestion: 'exchangeId',
			followUp: 'exchangeId',
			commitment: 'exchangeId',
			followUpAnswer: 'followUpId',
			correctFollowUp: 'followUpId',
			correctCommitment: 'commitmentId',
		} as Partial<Record<Intent, string>>
	)[intent]
	const value = field ? formData.get(field) : null
	return typeof value === 'string' && /^\d{1,10}$/.test(value) ? value : null
}
