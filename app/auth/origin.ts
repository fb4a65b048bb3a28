// Cross-site request forgery defence: a state-changing request is accepted only when it shows
// that it comes from the app's own pages. Browsers send Origin on every POST; where a browser
// sends none (some privacy settings strip it), Sec-Fetch-Site says same-origin or the Referer
// names our origin (the app sets Referrer-Policy: same-origin, so its own pages send it). A
// request with none of these — a script, a forged form from a sandbox — is refused. SameSite=Lax
// cookies are the second line.

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

export function expectedOrigin(input: { publicUrl: URL | null; protocol: string; host: string | null }): string | null {
	if (input.publicUrl) return input.publicUrl.origin
	if (!input.host) return null
	return `${input.protocol}://${input.host}`
}

export type RequestProvenance = {
	method: string
	origin: string | null
	secFetchSite?: string | null
	referer?: string | null
	expected: string | null
}

function originOf(url: string): string | null {
	try {
		return new URL(url).origin
	} catch {
		return null
	}
}

export function isForeignOrigin(input: RequestProvenance): boolean {
	if (safeMethods.has(input.method.toUpperCase())) return false
	if (input.expected === null) return true
	const expected = input.expected.toLowerCase()
	// A sandboxed or privacy-stripped request says "null": it is not us.
	if (input.origin !== null) return input.origin.toLowerCase() !== expected
	if (input.secFetchSite) return input.secFetchSite.toLowerCase() !== 'same-origin'
	if (input.referer) return originOf(input.referer)?.toLowerCase() !== expected
	return true
}
