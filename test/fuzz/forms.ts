// The forms a page offers, read from its HTML as a browser would submit them: every
// <form method="post"> with its fields' current values, once per submit button (a button's
// name=value, such as intent=distribute, is part of what it submits). The fuzzer starts from
// these valid submissions and spoils one thing at a time, so that hostile input reaches the
// code behind validation — the database writes — and not only the "unknown form" refusal.
// React renders attributes in double quotes and escapes text, so a small reader suffices.

export type PageForm = { action: string | null; multipart: boolean; fields: Array<[string, string]> }

function decode(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#x27;/g, "'")
		.replace(/&#39;/g, "'")
		.replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
		.replace(/&amp;/g, '&')
}

function attr(tag: string, name: string): string | null {
	const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)
	return match ? decode(match[1]) : null
}

function has(tag: string, name: string): boolean {
	return new RegExp(`\\s${name}(=|\\s|>|/)`).test(tag)
}

export function extractForms(html: string): Array<PageForm> {
	const forms: Array<PageForm> = []
	for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
		const open = `<form${match[1]}>`
		if ((attr(open, 'method') ?? 'get').toLowerCase() !== 'post') continue
		const inner = match[2]
		const fields: Array<[string, string]> = []
		const buttons: Array<[string, string] | null> = []
		for (const tag of inner.matchAll(/<(input|button)\b[^>]*>/g)) {
			const t = tag[0]
			const name = attr(t, 'name')
			const type = (attr(t, 'type') ?? (tag[1] === 'button' ? 'submit' : 'text')).toLowerCase()
			if (type === 'submit') {
				buttons.push(name ? [name, attr(t, 'value') ?? ''] : null)
				continue
			}
			if (!name || type === 'file' || has(t, 'disabled')) continue
			if ((type === 'checkbox' || type === 'radio') && !has(t, 'checked')) continue
			fields.push([name, attr(t, 'value') ?? (type === 'checkbox' ? 'on' : '')])
		}
		for (const select of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
			const name = attr(`<select${select[1]}>`, 'name')
			if (!name) continue
			const options = [...select[2].matchAll(/<option\b([^>]*)>/g)].map((o) => `<option${o[1]}>`)
			const chosen = options.find((o) => has(o, 'selected')) ?? options.find((o) => attr(o, 'value')) ?? options[0]
			if (chosen) fields.push([name, attr(chosen, 'value') ?? ''])
		}
		for (const area of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
			const name = attr(`<textarea${area[1]}>`, 'name')
			if (name) fields.push([name, decode(area[2])])
		}
		const multipart = (attr(open, 'enctype') ?? '').toLowerCase() === 'multipart/form-data'
		const action = attr(open, 'action')
		for (const button of buttons.length ? buttons : [null]) {
			forms.push({ action, multipart, fields: button ? [...fields, button] : fields })
		}
	}
	return forms
}
