import { z } from 'zod'
import { assignmentProblem, deadlineProblem, type DeadlineProblem } from '~/domain/tasks'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { int4 } from '~/domain/form-values'

// One schema per form of the edit page; the `intent` field tells the action which one was sent.
// Every form carries the version of the task the user saw (see app/models/write.server.ts).

export const maxTaskText = 5000

const version = int4().min(1)

export function updateTaskSchema(t: Messages) {
	const deadlineMessages: Record<DeadlineProblem, string> = {
		required: t.tasks.deadlineRequired,
		invalid: t.tasks.deadlineInvalid,
		outOfRange: t.tasks.deadlineOutOfRange,
		longTermWithDate: t.tasks.deadlineLongTermWithDate,
	}
	return z
		.object({
			intent: z.literal('update'),
			version,
			text: z
				.string({ error: t.common.required })
				.trim()
				.min(1, t.common.required)
				.max(maxTaskText, fill(t.tasks.textTooLong, { max: maxTaskText })),
			deadline: z.string().trim().optional(),
			longTerm: z.boolean().optional(),
		})
		.superRefine((value, ctx) => {
			const problem = deadlineProblem(value.longTerm ?? false, value.deadline)
			if (problem) ctx.addIssue({ code: 'custom', path: ['deadline'], message: deadlineMessages[problem] })
		})
}

// What is stored: null for 长期.
export function deadlineValue(value: { longTerm?: boolean; deadline?: string }): string | null {
	return value.longTerm ? null : (value.deadline ?? null)
}

export function agenciesSchema(t: Messages, agencies: { allowedIds: ReadonlyArray<number>; names: Map<number, string> }) {
	return z
		.object({
			intent: z.literal('agencies'),
			version,
			lead: z.array(int4()).default([]),
			co: z.array(int4()).default([]),
		})
		.superRefine((value, ctx) => {
			const unknown = [...value.lead, ...value.co].some((id) => !agencies.allowedIds.includes(id))
			if (unknown) ctx.addIssue({ code: 'custom', path: [], message: t.tasks.unknownAgency })
			const problem = assignmentProblem(value.lead, value.co)
			if (problem?.kind === 'noLead') ctx.addIssue({ code: 'custom', path: ['lead'], message: t.tasks.refusals.noLead })
			if (problem?.kind === 'both') {
				const names = problem.agencyIds.map((id) => agencies.names.get(id) ?? String(id)).join('、')
				ctx.addIssue({ code: 'custom', path: ['co'], message: fill(t.tasks.refusals.both, { names }) })
			}
		})
}

// That the two parts are the stored text is the mutation's rule (splitRule), checked on the task
// as it is stored: against an outdated page it answers "changed by someone else", the real reason.
export function splitSchema(t: Messages) {
	return z.object({
		intent: z.literal('split'),
		version,
		first: z.string({ error: t.tasks.refusals.splitFirstEmpty }).trim().min(1, t.tasks.refusals.splitFirstEmpty),
		second: z.string({ error: t.tasks.refusals.splitSecondEmpty }).trim().min(1, t.tasks.refusals.splitSecondEmpty),
	})
}

// The other task is sent as "id:version": the version of what the user saw of it, so that a
// merge with a task someone else changed meanwhile is refused too.
export function mergeSchema(t: Messages) {
	return z.object({
		intent: z.literal('merge'),
		version,
		mergeWith: z.string({ error: t.tasks.mergeRequired }).regex(/^\d{1,9}:\d{1,9}$/, t.tasks.mergeRequired),
	})
}

export function mergeTarget(mergeWith: string) {
	const [otherId, otherVersion] = mergeWith.split(':').map(Number)
	return { otherId, otherVersion }
}
