// Remix's multipart parser reads a part's Content-Disposition by splitting it at every ';' and
// '=' — also inside quotes — so a file named 报告;附件=1.pdf (a name a user may well choose) makes
// it throw, and the whole form, with everything typed, is lost. This stream rewrites each part's
// header block before the parser sees it: inside a quoted value, '%', ';' and '=' are
// percent-encoded, and decodeHeaderValue() gives the name back in the upload handler. Bodies
// pass through untouched; the part headers are found by the boundary, across chunk edges.

const encoder = new TextEncoder()
const decoder = new TextDecoder()
const maxHeaderBlock = 16 * 1024

function indexOf(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
	outer: for (let i = from; i <= haystack.length - needle.length; i++) {
		for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer
		return i
	}
	return -1
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
	const out = new Uint8Array(a.length + b.length)
	out.set(a)
	out.set(b, a.length)
	return out
}

// Inside quoted values of the Content-Disposition line only.
export function escapeHeaderBlock(block: string): string {
	return block.replace(/^(content-disposition:)(.*)$/gim, (_all, name: string, value: string) =>
		name + value.replace(/"((?:[^"\\]|\\.)*)"/g, (_q, inner: string) => `"${inner.replace(/%/g, '%25').replace(/;/g, '%3B').replace(/=/g, '%3D')}"`),
	)
}

export function decodeHeaderValue(value: string): string {
	return value.replace(/%3B/g, ';').replace(/%3D/g, '=').replace(/%25/g, '%')
}

export function boundaryOf(contentType: string): string | null {
	const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
	return match ? (match[1] ?? match[2]) : null
}

export function escapeMultipartHeaders(body: ReadableStream<Uint8Array>, boundary: string): ReadableStream<Uint8Array> {
	const delimiter = encoder.encode(`--${boundary}`)
	const headerEnd = encoder.encode('\r\n\r\n')
	// 'body': looking for the next delimiter; 'headers': collecting a part's header block.
	let state: 'body' | 'headers' = 'body'
	let pending: Uint8Array = new Uint8Array(0)
	return body.pipeThrough(
		new TransformStream<Uint8Array, Uint8Array>({
			transform(chunk, controller) {
				pending = concat(pending, chunk)
				for (;;) {
					if (state === 'body') {
						const at = indexOf(pending, delimiter)
						if (at === -1) {
							// Keep what could be the start of a delimiter split across chunks.
							const keep = Math.min(pending.length, delimiter.length - 1)
							controller.enqueue(pending.slice(0, pending.length - keep))
							pending = pending.slice(pending.length - keep)
							return
						}
						controller.enqueue(pending.slice(0, at + delimiter.length))
						pending = pending.slice(at + delimiter.length)
						state = 'headers'
					} else {
						const end = indexOf(pending, headerEnd)
						if (end === -1) {
							if (pending.length > maxHeaderBlock) {
								// Not a header block any parser would take: pass it on as it is.
								controller.enqueue(pending)
								pending = new Uint8Array(0)
								state = 'body'
							}
							return
						}
						const block = decoder.decode(pending.slice(0, end))
						controller.enqueue(encoder.encode(escapeHeaderBlock(block)))
						controller.enqueue(headerEnd)
						pending = pending.slice(end + headerEnd.length)
						state = 'body'
					}
				}
			},
			flush(controller) {
				if (pending.length) controller.enqueue(pending)
			},
		}),
	)
}
