// CSV for every export of the app: RFC 4180 (comma-separated, CRLF line ends, fields with
// commas, quotes or line breaks in double quotes, quotes doubled), UTF-8 with a byte order mark
// so that Excel opens Chinese text correctly, and safe to open in Excel: a cell that Excel would
// read as a formula is prefixed with an apostrophe (OWASP "CSV injection").

const bom = '\uFEFF'

// Excel (and LibreOffice, WPS) starts a formula with these; tab and CR can hide one.
const formulaStart = /^[=+\-@\t\r]/
// A plain number such as -12.5 is read as a number, never as a formula: left as it is, so
// that exported figures stay figures.
const plainNumber = /^-?\d+(?:\.\d+)?$/

export function escapeFormula(value: string): string {
	if (formulaStart.test(value) && !plainNumber.test(value)) return `'${value}`
	return value
}

export function csvField(value: string): string {
	const safe = escapeFormula(value)
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function toCsv(headers: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string {
	const lines = [headers, ...rows].map((row) => {
		if (row.length !== headers.length) {
			throw new Error(`A CSV row has ${row.length} fields, the header ${headers.length}.`)
		}
		return row.map(csvField).join(',')
	})
	return `${bom}${lines.join('\r\n')}\r\n`
}

// RFC 6266 / 5987: browsers that understand filename* get the Chinese name, older ones the
// ASCII fallback.
export function attachmentDisposition(filename: string, asciiFallback: string): string {
	const fallback = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_')
	const encoded = encodeURIComponent(filename).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
	)
	return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`
}

export const csvContentType = 'text/csv; charset=utf-8'
