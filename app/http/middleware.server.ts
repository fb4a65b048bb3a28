import type { RequestHandler } from 'express'
import { expectedOrigin, isForeignOrigin } from '~/auth/origin'
import type { ServerConfig } from '~/config.server'

// Express middleware in front of Remix: security headers on every answer, and the Origin
// check that refuses a state-changing request from another site before any action runs.
export function securityMiddleware(config: Pick<ServerConfig, 'publicUrl'>): RequestHandler {
	return (req, res, next) => {
		res.setHeader('X-Content-Type-Options', 'nosniff')
		res.setHeader('Referrer-Policy', 'same-origin')
		res.setHeader('X-Frame-Options', 'DENY')
		const expected = expectedOrigin({
			publicUrl: config.publicUrl,
			protocol: req.protocol,
			host: req.get('host') ?? null,
		})
		const provenance = {
			method: req.method,
			origin: req.get('origin') ?? null,
			secFetchSite: req.get('sec-fetch-site') ?? null,
			referer: req.get('referer') ?? null,
			expected,
		}
		if (isForeignOrigin(provenance)) {
			res.status(403).type('text/plain; charset=utf-8').send('403 跨站请求被拒绝 (foreign Origin)')
			return
		}
		next()
	}
}
