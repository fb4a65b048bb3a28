import type { EntryContext } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { closingTagsLast } from '~/http/document-end.server'
import { withoutNulBytes } from '~/http/nul-filter.server'

const streamTimeout = 5_000

export default function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	remixContext: EntryContext,
) {
	const waitForAll = isbot(request.headers.get('user-agent') ?? '')
	return new Promise((resolve, reject) => {
		let shellRendered = false
		const { pipe, abort } = renderToPipeableStream(
			<RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} />,
			{
				[waitForAll ? 'onAllReady' : 'onShellReady']() {
					shellRendered = true
					const body = withoutNulBytes()
					const page = body.pipe(closingTagsLast())
					responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
					// Pages hold what only this user may see: never cache them in between.
					if (!responseHeaders.has('Cache-Control')) responseHeaders.set('Cache-Control', 'private, no-store')
					resolve(
						new Response(createReadableStreamFromReadable(page), {
							headers: responseHeaders,
							status: responseStatusCode,
						}),
					)
					pipe(body)
				},
				onShellError(error: unknown) {
					reject(error)
				},
				onError(error: unknown) {
					responseStatusCode = 500
					if (shellRendered) console.error(error)
				},
			},
		)
		setTimeout(abort, streamTimeout + 1000)
	})
}
