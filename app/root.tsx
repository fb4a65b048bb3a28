import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useMatches, useRouteLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { getCurrentUser } from '~/auth/guards.server'
import { AppShell } from '~/components/app-shell'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { langFromRequest, messages, type Lang } from '~/i18n/i18n'
import { getDb } from '#db/client.server'
import { shanghaiDate } from '~/domain/dates'
import { inboxCount } from '~/models/inbox.server'
import { isDemoInstance } from '~/models/meta.server'
import appCss from '~/styles/app.css?url'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: appCss },
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ title: messages('zh').app.name }]

export async function loader(args: LoaderFunctionArgs) {
	// The root loader runs on every page: a database that cannot be reached shows the 503 page
	// (try again later), never a stack trace.
	const [user, demo] = await Promise.all([getCurrentUser(args), isDemoInstance()]).catch(() => {
		throw data({ message: 'Database unavailable' }, { status: 503 })
	})
	// What awaits the user, counted for the menu (one query unless something was written).
	const inbox = user ? await inboxCount(getDb(), user, shanghaiDate(new Date())) : 0
	return {
		lang: langFromRequest(args.request),
		demo,
		inbox,
		user: user && {
			id: user.id,
			username: user.username,
			realName: user.realName,
			role: user.role,
			agencyId: user.agencyId,
		},
	}
}

export type RootData = Awaited<ReturnType<typeof loader>>

export function Layout({ children }: { children: ReactNode }) {
	const data = useRouteLoaderData<RootData>('root')
	const lang: Lang = data?.lang ?? 'zh'
	return (
		<html lang={lang === 'zh' ? 'zh-CN' : 'en'}>
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<Meta />
				<Links />
			</head>
			<body>
				{children}
				<ScrollRestoration />
				<Scripts />
			</body>
		</html>
	)
}

// A route whose handle says `{ bare: true }` (print views) renders without the app's chrome.
export type RouteHandle = { bare?: boolean }

export default function App() {
	const data = useLoaderData<typeof loader>()
	const bare = useMatches().some((match) => (match.handle as RouteHandle | undefined)?.bare)
	if (bare) {
		return (
			<main id="main" className="page page--print">
				<Outlet />
			</main>
		)
	}
	return (
		<AppShell user={data.user} demo={data.demo} inbox={data.inbox}>
			<Outlet />
		</AppShell>
	)
}

export function ErrorBoundary() {
	const data = useRouteLoaderData<RootData>('root')
	return (
		<AppShell user={data?.user ?? null} demo={data?.demo ?? false}>
			<GeneralErrorBoundary />
		</AppShell>
	)
}
