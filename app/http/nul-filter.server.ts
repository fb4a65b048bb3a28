import { Transform } from 'node:stream'

// React 18.3's stream writer can emit the unused tail of its 2 KB buffer (NUL bytes) when a
// multi-byte character falls on the buffer's edge (facebook/react#31134): long Chinese pages
// then carry stray U+0000 into text and form fields. NUL is never valid in HTML, so drop it.
export function withoutNulBytes() {
	return new Transform({
		transform(chunk: Buffer, _encoding, callback) {
			callback(null, chunk.includes(0) ? chunk.filter((byte) => byte !== 0) : chunk)
		},
	})
}
