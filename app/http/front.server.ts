import compression from 'compression'
import type { RequestHandler } from 'express'
import type { ServerConfig } from '~/config.server'
import { requestMemoMiddleware } from '~/models/request-memo.server'
import { requestLimits } from './limits.server'
import { securityMiddleware } from './middleware.server'

// What stands in front of Remix, in order, for the server and for the tests that send real HTTP
// requests: security headers and the Origin check; compression (brotli where the browser takes
// it, else gzip; a streamed page is flushed chunk by chunk, as Remix calls flush(), so nothing
// waits for the end); the request limits; the per-request memo of reads every loader makes.
export function frontMiddleware(config: Pick<ServerConfig, 'publicUrl'>): Array<RequestHandler> {
	return [securityMiddleware(config), compression(), requestLimits(), requestMemoMiddleware]
}
