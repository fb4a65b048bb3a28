// How an audit event is shown: its time in Asia/Shanghai and the keys its before/after values
// differ in. Pure, so the rules (what counts as a change, what is never shown) are tested alone.

const shanghai = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Asia/Shanghai',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23',
})

// 'YYYY-MM-DD HH:mm:ss' in Asia/Shanghai, whatever the server's time zone.
export function formatShanghaiTime(instant: Date): string {
	const part = (type: Intl.DateTimeFormatPartTypes) => shanghai.formatToParts(instant).find((p) => p.type === type)?.value ?? ''
	return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`
}

export type DiffRow = { key: string; before: string | null; after: string | null; hidden: boolean }

// Keys whose values are never shown, even if a careless writer audited them (a flag such as
// mustChangePassword is not a secret).
const secretKey = /hash|token|secret|^(new|current|repeat|temporary)?password$/i
const maxLength = 300

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function show(value: unknown): string | null {
	if (value === undefined) return null
	const text = typeof value === 'string' ? value : JSON.stringify(value)
	return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text
}

function same(a: unknown, b: unknown) {
	return JSON.stringify(a) === JSON.stringify(b)
}

// The keys whose values differ between before and after, in the order they first appear. A
// record created has no before (every key is new); one removed has no after.
export function auditDiff(before: unknown, after: unknown): Array<DiffRow> {
	const b = before ?? undefined
	const a = after ?? undefined
	if ((b === undefined || isRecord(b)) && (a === undefined || isRecord(a))) {
		const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])]
		return keys
			.filter((key) => !same(b?.[key], a?.[key]))
			.map((key) => {
				const hidden = secretKey.test(key)
				return { key, before: hidden ? null : show(b?.[key]), after: hidden ? null : show(a?.[key]), hidden }
			})
	}
	return same(b, a) ? [] : [{ key: '', before: show(b), after: show(a), hidden: false }]
}

// A page of the log with the same filters: pagination links must not drop them.
export function auditHref(filters: Record<string, string | number | undefined>, page: number): string {
	const params = new URLSearchParams()
	for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(key, String(value))
	if (page > 1) params.set('page', String(page))
	const query = params.toString()
	return query ? `/audit?${query}` : '/audit'
}
