// Anchors for clauses: '（十一）' (ordinal 11) → 'c11', stable and ASCII so links survive copying.
export function clauseAnchor(ordinal: number) {
	return `c${ordinal}`
}
