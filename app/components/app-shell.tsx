import { Form, NavLink, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { can } from '~/auth/permissions'
import type { Role } from '~/domain/roles'
import { useLang, useT } from '~/i18n/i18n'

type ShellUser = { realName: string; role: Role } | null

export function AppShell({ user, demo, children }: { user: ShellUser; demo: boolean; children: ReactNode }) {
	const t = useT()
	const lang = useLang()
	const location = useLocation()
	return (
		<>
			<a className="skip-link" href="#main">
				{t.app.skipToContent}
			</a>
			{demo ? (
				<div className="demo-banner" role="note">
					{t.app.demoBanner}
				</div>
			) : null}
			<header className="site-header">
				<div className="site-header__inner">
					<NavLink to="/" className="brand">
						<span className="brand__mark" aria-hidden="true">
							监
						</span>
						<span>
							<strong>{t.app.name}</strong>
							<small>{t.app.fullName}</small>
						</span>
					</NavLink>
					<Form method="post" action="/lang" className="lang-switch">
						<input type="hidden" name="lang" value={lang === 'zh' ? 'en' : 'zh'} />
						<input type="hidden" name="redirectTo" value={location.pathname + location.search} />
						<button type="submit" className="link-button" lang={lang === 'zh' ? 'en' : 'zh'}>
							{t.nav.language}
						</button>
					</Form>
				</div>
				{user ? (
					<nav className="main-nav" aria-label={t.nav.menu}>
						<NavLink to="/" end>
							{t.nav.home}
						</NavLink>
						<NavLink to="/decision">{t.nav.decision}</NavLink>
						<NavLink to="/tasks">{t.nav.tasks}</NavLink>
						<NavLink to="/agencies">{t.nav.agencies}</NavLink>
						<NavLink to="/reports">{t.nav.reports}</NavLink>
						<NavLink to="/meetings">{t.nav.meetings}</NavLink>
						<NavLink to="/deliberations">{t.nav.deliberations}</NavLink>
						<NavLink to="/inspections">{t.nav.inspections}</NavLink>
						<NavLink to="/findings">{t.nav.findings}</NavLink>
						<NavLink to="/calendar">{t.nav.calendar}</NavLink>
						{can(user.role, 'plan:read') ? <NavLink to="/plan">{t.nav.plan}</NavLink> : null}
						{can(user.role, 'audit:read') ? <NavLink to="/audit">{t.nav.audit}</NavLink> : null}
						{can(user.role, 'agencies:edit') ? <NavLink to="/admin">{t.nav.admin}</NavLink> : null}
						<span className="main-nav__spacer" />
						<span className="main-nav__user">
							{user.realName} · {t.roles[user.role]}
						</span>
						<NavLink to="/account/password">{t.nav.account}</NavLink>
						<Form method="post" action="/logout">
							<button type="submit" className="link-button">
								{t.nav.logout}
							</button>
						</Form>
					</nav>
				) : null}
			</header>
			<main id="main" className="page">
				{children}
			</main>
		</>
	)
}
