import { Form, NavLink, useLocation } from '@remix-run/react'
import { useEffect, useRef, type ReactNode } from 'react'
import { can } from '~/auth/permissions'
import type { Role } from '~/domain/roles'
import { fill, useLang, useT } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'

type ShellUser = { realName: string; role: Role } | null

type MenuLink = { to: string; label: string; end?: boolean }
type MenuGroup = { group: string; label: string; links: Array<MenuLink> }
type MenuEntry = MenuLink | MenuGroup

// The main menu: the records everyone reads first, then the committee's oversight work in one
// group, so that the line fits a 1280 px screen with room for the kinds still to come (询问质询,
// 代表建议, 统计分析). Each entry is offered only to the roles that may open it.
function mainMenu(t: Messages, role: Role): Array<MenuEntry> {
	const oversight: Array<MenuLink> = [
		...(can(role, 'plan:read') ? [{ to: '/plan', label: t.nav.plan }] : []),
		{ to: '/meetings', label: t.nav.meetings },
		{ to: '/reports', label: t.nav.reports },
		{ to: '/deliberations', label: t.nav.deliberations },
		{ to: '/inspections', label: t.nav.inspections },
		{ to: '/findings', label: t.nav.findings },
	]
	// Inquiries, interpellations and the resolutions the committee adopts (Arts. 46–54, 17, 37).
	const questioning: Array<MenuLink> = [
		{ to: '/inquiries', label: t.nav.inquiries },
		{ to: '/commitments', label: t.nav.commitments },
		{ to: '/interpellations', label: t.nav.interpellations },
		{ to: '/resolutions', label: t.nav.resolutions },
	]
	// Deputies' concerns: each role's own way in (a deputy files, the office triages).
	const concerns: Array<MenuLink> = [
		{ to: '/concerns', label: t.nav.concernList },
		...(can(role, 'concerns:file') ? [{ to: '/concerns/new', label: t.concerns.file }] : []),
		...(can(role, 'concerns:manage') ? [{ to: '/concerns/triage', label: t.concerns.triage }] : []),
		{ to: '/concerns/report', label: t.concerns.annualReport },
	]
	const manage: Array<MenuLink> = [
		...(can(role, 'publications:manage') ? [{ to: '/publications', label: t.publications.title }] : []),
		...(can(role, 'audit:read') ? [{ to: '/audit', label: t.nav.audit }] : []),
		...(can(role, 'agencies:edit') ? [{ to: '/admin', label: t.nav.admin }] : []),
	]
	return [
		{ to: '/', label: t.nav.home, end: true },
		{ to: '/decision', label: t.nav.decision },
		{ to: '/tasks', label: t.nav.tasks },
		...(can(role, 'dashboard:read') ? [{ to: '/dashboard', label: t.implementation.dashboard.title }] : []),
		...(can(role, 'ranking:read') ? [{ to: '/ranking', label: t.implementation.ranking.title }] : []),
		{ to: '/agencies', label: t.nav.agencies },
		{ group: 'oversight', label: t.nav.oversight, links: oversight },
		{ group: 'questioning', label: t.nav.questioning, links: questioning },
		{ group: 'concerns', label: t.nav.concerns, links: concerns },
		{ to: '/calendar', label: t.nav.calendar },
		// One administrative page stays a plain entry; two make a group.
		...(manage.length > 1 ? [{ group: 'manage', label: t.nav.manage, links: manage }] : manage),
	]
}

function isGroup(entry: MenuEntry): entry is MenuGroup {
	return 'group' in entry
}

function within(pathname: string, to: string): boolean {
	return pathname === to || pathname.startsWith(`${to}/`)
}

// Phones show the menu behind a 菜单 button; wider screens show it in one line, the button hidden.
const narrowScreen = '(max-width: 720px)'

export function AppShell({ user, demo, inbox = 0, children }: { user: ShellUser; demo: boolean; inbox?: number; children: ReactNode }) {
	const t = useT()
	const lang = useLang()
	const location = useLocation()
	const navRef = useMenuBehaviour(location.key, user !== null)
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
					<nav className="main-nav" aria-label={t.nav.menu} ref={navRef}>
						{/* Open as rendered, so that the menu works without JavaScript on any screen; on a
						    phone the script closes it behind its button. */}
						<details className="main-nav__all" open>
							<summary className="main-nav__toggle">{t.nav.menu}</summary>
							<ul className="main-nav__list">
								{mainMenu(t, user.role).map((entry) =>
									isGroup(entry) ? (
										<li key={entry.group}>
											<MenuGroupEntry label={entry.label} active={entry.links.some((link) => within(location.pathname, link.to))}>
												{entry.links.map((link) => (
													<li key={link.to}>
														<NavLink to={link.to}>{link.label}</NavLink>
													</li>
												))}
											</MenuGroupEntry>
										</li>
									) : (
										<li key={entry.to} className={entry.to === '/' ? 'main-nav__home' : undefined}>
											<NavLink to={entry.to} end={entry.end}>
												{entry.label}
											</NavLink>
											{entry.to === '/' && inbox > 0 ? (
												<span className="nav-count" title={fill(t.implementation.inboxCount, { count: inbox })}>
													<span aria-hidden="true">{inbox}</span>
													<span className="visually-hidden">{fill(t.implementation.inboxCount, { count: inbox })}</span>
												</span>
											) : null}
										</li>
									),
								)}
								<li className="main-nav__account">
									<MenuGroupEntry label={user.realName} active={within(location.pathname, '/account')} alignEnd>
										<li className="main-nav__role">{t.roles[user.role]}</li>
										<li>
											<NavLink to="/account/password">{t.nav.account}</NavLink>
										</li>
										<li>
											<Form method="post" action="/logout">
												<button type="submit" className="link-button">
													{t.nav.logout}
												</button>
											</Form>
										</li>
									</MenuGroupEntry>
								</li>
							</ul>
						</details>
					</nav>
				) : null}
			</header>
			<main id="main" className="page">
				{children}
			</main>
		</>
	)
}

// A group of the menu: a native disclosure (details/summary), so it opens by keyboard and
// without JavaScript; the script below only closes it at the right moments.
function MenuGroupEntry({ label, active, alignEnd, children }: { label: string; active: boolean; alignEnd?: boolean; children: ReactNode }) {
	return (
		<details className="main-nav__group">
			<summary className={active ? 'main-nav__summary active' : 'main-nav__summary'}>{label}</summary>
			<ul className={alignEnd ? 'main-nav__menu main-nav__menu--end' : 'main-nav__menu'}>{children}</ul>
		</details>
	)
}

// What a person expects of a drop-down menu and details/summary alone does not do: one group
// open at a time; closed again after choosing a page, by Escape (focus back on its button) or by
// a click elsewhere; and on a phone the whole menu starts closed behind its button.
function useMenuBehaviour(locationKey: string, signedIn: boolean) {
	const navRef = useRef<HTMLElement>(null)

	useEffect(() => {
		const nav = navRef.current
		if (!nav) return
		const groups = () => Array.from(nav.querySelectorAll<HTMLDetailsElement>('details.main-nav__group'))
		const all = nav.querySelector<HTMLDetailsElement>('details.main-nav__all')
		const narrow = window.matchMedia(narrowScreen)
		const fitScreen = () => {
			if (all) all.open = !narrow.matches
		}
		const onToggle = (event: Event) => {
			const opened = event.target as HTMLDetailsElement
			if (!opened.open || !opened.classList.contains('main-nav__group')) return
			for (const group of groups()) if (group !== opened) group.open = false
		}
		const onKey = (event: KeyboardEvent) => {
			if (event.key !== 'Escape') return
			const open = groups().find((group) => group.open && group.contains(document.activeElement))
			if (!open) return
			open.open = false
			open.querySelector('summary')?.focus()
		}
		const onClick = (event: MouseEvent) => {
			for (const group of groups()) if (group.open && !group.contains(event.target as Node)) group.open = false
		}
		fitScreen()
		narrow.addEventListener('change', fitScreen)
		// toggle does not bubble: listen in the capture phase.
		nav.addEventListener('toggle', onToggle, true)
		document.addEventListener('keydown', onKey)
		document.addEventListener('click', onClick)
		return () => {
			narrow.removeEventListener('change', fitScreen)
			nav.removeEventListener('toggle', onToggle, true)
			document.removeEventListener('keydown', onKey)
			document.removeEventListener('click', onClick)
		}
		// The menu appears when the user signs in (the shell itself stays mounted).
	}, [signedIn])

	// A page was chosen: close the groups, and on a phone the menu.
	useEffect(() => {
		const nav = navRef.current
		if (!nav) return
		for (const group of nav.querySelectorAll<HTMLDetailsElement>('details.main-nav__group')) group.open = false
		const all = nav.querySelector<HTMLDetailsElement>('details.main-nav__all')
		if (all && window.matchMedia(narrowScreen).matches) all.open = false
	}, [locationKey])

	return navRef
}
