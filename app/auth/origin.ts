// Cross-site request forgery defence: a state-changing request whose Origin header names
// another site is refused. Browsers send Origin on every POST; its absence (curl, scripts) is
// not a cross-site browser request. SameSite=Lax cookies are the second line.

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

export function expectedOrigin(input: { publicUrl: URL | null; protocol: string; host: string | null }): string | null {
	if (input.publicUrl) return input.publicUrl.origin
	if (!input.host) return null
	return `${input.protocol}://${input.host}`
}

export function isForeignOrigin(input: { method: string; origin: string | null; expected: string | null }): boolean {
	if (safeMethods.has(input.method.toUpperCase())) return false
	if (input.origin === null) return false
	// A sandboxed or privacy-stripped request says "null": it is not us.
	if (input.origin === 'null' || input.expected === null) return true
	return input.origin.toLowerCase() !== input.expected.toLowerCase()
}
