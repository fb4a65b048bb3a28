import { Transform } from 'node:stream'

// React 18 closes the document (</body></html>) as soon as the shell is written, and Remix then
// streams its loader data as <script> tags: after </html>, where HTML allows nothing ("Stray
// start tag script" for every page). Browsers cope, validators and some proxies do not. Hold the
// closing tags back and write them once the stream ends, after the last script.
const closing = Buffer.from('</body></html>')

export function closingTagsLast() {
	// Bytes not yet written that may be the start of the closing tags, split across two chunks.
	let held = Buffer.alloc(0)
	let found = false
	return new Transform({
		transform(chunk: Buffer, _encoding, callback) {
			if (found) return callback(null, chunk)
			const bytes = held.length > 0 ? Buffer.concat([held, chunk]) : chunk
			const at = bytes.indexOf(closing)
			if (at !== -1) {
				found = true
				held = Buffer.alloc(0)
				return callback(null, Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + closing.length)]))
			}
			const keep = Math.min(closing.length - 1, bytes.length)
			held = Buffer.from(bytes.subarray(bytes.length - keep))
			callback(null, bytes.subarray(0, bytes.length - keep))
		},
		flush(callback) {
			callback(null, found ? Buffer.concat([held, closing]) : held)
		},
	})
}
