import { useRouteLoaderData } from '@remix-run/react'
import { en } from './en'
import { zh, type Messages } from './zh'

export type Lang = 'zh' | 'en'
export const langCookieName = 'lang'

const catalogs: Record<Lang, Messages> = { zh, en }

export function messages(lang: Lang): Messages {
	return catalogs[lang]
}

export function langFromRequest(request: Request): Lang {
	const cookie = request.headers.get('Cookie') ?? ''
	const match = /(?:^|;\s*)lang=(zh|en)(?:;|$)/.exec(cookie)
	return (match?.[1] as Lang | undefined) ?? 'zh'
}

export function messagesFor(request: Request): Messages {
	return messages(langFromRequest(request))
}

export function fill(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in values ? String(values[name]) : whole,
	)
}

export function useLang(): Lang {
	const data = useRouteLoaderData<{ lang: Lang }>('root')
	return data?.lang ?? 'zh'
}

export function useT(): Messages {
	return messages(useLang())
}
