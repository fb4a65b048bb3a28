import type { Refusal, RefusalParam, RuleCode } from '~/domain/refusal'
import { fill } from './i18n'
import type { Messages } from './zh'

// The words for a refusal, in the user's language. One place for every kind of record: a rule's
// code '<section>.<key>' is the message `t[section].refusals[key]`.
export function refusalMessage(t: Messages, refusal: Refusal): string {
	switch (refusal.kind) {
		case 'stale':
			return t.common.stale
		case 'notFound':
			return t.errors.notFound
		case 'forbidden':
			return refusal.code ? rule(t, refusal.code, refusal.params) : t.errors.forbidden
		case 'rule':
			return rule(t, refusal.code, refusal.params)
	}
}

function rule(t: Messages, code: RuleCode, params: Record<string, RefusalParam> = {}): string {
	const [section, key] = code.split('.') as [keyof Messages, string]
	const template = (t[section] as { refusals: Record<string, string> }).refusals[key]
	return fill(template, Object.fromEntries(Object.entries(params).map(([name, value]) => [name, say(t, value)])))
}

function say(t: Messages, value: RefusalParam): string | number {
	if (typeof value !== 'object') return value
	if ('labels' in value) return value.labels.map((path) => label(t, path)).join(t.common.listSeparator)
	return label(t, value.label)
}

function label(t: Messages, path: string): string {
	let node: unknown = t
	for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part]
	return typeof node === 'string' ? node : path
}
