import { redirect } from '@remix-run/node'

// A submitted filter form sends its empty fields too: a list answers with its short, shareable
// URL instead (the same filters, in one order, defaults left out), so a link to a filtered list
// is the same link whoever made it.
export function redirectToCanonicalList(url: URL, keys: ReadonlyArray<string>, canonicalSearch: string): void {
	const own = new URLSearchParams([...url.searchParams].filter(([key]) => keys.includes(key)))
	const canonical = new URLSearchParams(canonicalSearch)
	own.sort()
	canonical.sort()
	if (own.toString() !== canonical.toString()) throw redirect(`${url.pathname}${canonicalSearch}`)
}
