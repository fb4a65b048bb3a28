import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, deliberations } from '#db/schema'
import type { DeliberationSubjectType } from '~/domain/deliberation'
import { openDeliberation } from '~/models/deliberation/mutations.server'
import { write } from '~/models/write.server'
import { runAction, runLoader, userId, type Outcome } from '#test/helpers'
import { action, loader } from './route'

// Test helpers for the deliberation routes: open a deliberation the way a report's page would,
// and call the page's loader and action as a demo user.

export async function agencyIdOf(key: string): Promise<number> {
	const [row] = await getDb().select({ id: agencies.id }).from(agencies).where(eq(agencies.key, key))
	if (!row) throw new Error(`No agency '${key}'`)
	return row.id
}

let nextSubject = 900_000

export async function openTestDeliberation(
	options: { organ?: string; responding?: string; title?: string; subjectType?: DeliberationSubjectType } = {},
): Promise<number> {
	const db = getDb()
	const input = {
		subjectType: options.subjectType ?? ('report' as const),
		subjectId: nextSubject++,
		title: options.title ?? '市人民政府关于全市打击治理电信网络诈骗工作情况的报告（示例）',
		meetingId: null,
		organId: await agencyIdOf(options.organ ?? 'gov'),
		respondingAgencyId: await agencyIdOf(options.responding ?? 'psb'),
	}
	const actor = { id: await userId('mishu'), address: '127.0.0.1' }
	return write(db, actor, (tx, audit) => openDeliberation(tx, audit, input))
}

export async function deliberationRow(id: number) {
	const [row] = await getDb().select().from(deliberations).where(eq(deliberations.id, id))
	return row
}

export function page(id: number, as: string | null): Promise<Outcome> {
	return runLoader(loader, { path: `/deliberations/${id}`, params: { deliberationId: String(id) }, as })
}

export async function post(id: number, as: string, form: Record<string, string | Array<string>> | FormData): Promise<Outcome> {
	const withVersion =
		form instanceof FormData || !('version' in form) || form.version !== 'current'
			? form
			: { ...form, version: String((await deliberationRow(id)).version) }
	return runAction(action, { path: `/deliberations/${id}`, params: { deliberationId: String(id) }, as, form: withVersion })
}

export const members = ['weiyuan1', 'weiyuan2', 'weiyuan3', 'weiyuan4', 'weiyuan5', 'weiyuan6', 'weiyuan7', 'weiyuan8', 'weiyuan9']

// The page data as the user's browser would receive it.
export type PageJson = {
	deliberation: { state: string; version: number }
	can: Record<string, boolean>
	opinions: Array<{ id: number; version: number; memberName: string; text: string; proxy: boolean; editable: boolean; clauseLabel: string | null }> | null
	vote: { open: boolean; participation: { voted: number; members: number } | null; myVoteAt: string | null; mayVote: boolean }
	result: { result: string | null; total: number; distribution: Array<{ choice: string; count: number; percent: number }>; source: string } | null
	letter: { title: string; number: string; to: string; cc: string; body: string; sentOn: string | null; dueOn: string | null; saved: boolean } | null
	draft: { defaults: { to: string; cc: string; body: string }; defaultDue: string } | null
	handling: { dueOn: string | null; overdueDays: number; text: string | null; submittedOn: string | null; acceptedOn: string | null; returnReason: string | null; attachments: Array<{ id: number; fileName: string }> } | null
}

export async function pageJson(id: number, as: string): Promise<PageJson> {
	const outcome = await page(id, as)
	if (outcome.status !== 200) throw new Error(`GET /deliberations/${id} as ${as}: ${outcome.status}`)
	return JSON.parse(JSON.stringify(outcome.data)) as PageJson
}
