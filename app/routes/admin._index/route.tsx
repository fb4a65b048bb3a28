import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requireRole } from '~/auth/guards.server'
import { can, type Permission } from '~/auth/permissions'
import { fill, useT } from '~/i18n/i18n'
import { loadAdminCounts } from './queries.server'

export const meta: MetaFunction = () => [{ title: '系统管理 · 监督追踪' }]

// The administration home lists the pages the user may use: everything for the admin; the
// agencies, the subject mapping and the audit log for the secretariat.
export async function loader(args: LoaderFunctionArgs) {
	const user = await requireRole(args, ['admin', 'secretariat'])
	const allowed: Record<string, Permission> = {
		'/admin/users': 'users:manage',
		'/admin/agencies': 'agencies:edit',
		'/admin/subjects': 'subjects:edit',
		'/admin/import': 'instruments:import',
		'/admin/settings': 'settings:edit',
		'/admin/concern-categories': 'settings:edit',
		'/audit': 'audit:read',
	}
	return {
		counts: await loadAdminCounts(getDb()),
		allowed: Object.keys(allowed).filter((path) => can(user.role, allowed[path])),
	}
}

export default function AdminHome() {
	const { counts, allowed } = useLoaderData<typeof loader>()
	const t = useT()
	const sections = [
		{ to: '/admin/users', title: t.admin.users, hint: t.admin.usersHint, count: fill(t.admin.usersCount, { count: counts.users, disabled: counts.disabledUsers }) },
		{ to: '/admin/agencies', title: t.admin.agencies, hint: t.admin.agenciesHint, count: fill(t.admin.agenciesCount, { count: counts.agencies, inactive: counts.inactiveAgencies }) },
		{ to: '/admin/subjects', title: t.admin.subjects, hint: t.admin.subjectsHint, count: fill(t.admin.subjectsCount, { count: counts.subjects }) },
		{ to: '/admin/import', title: t.admin.import, hint: t.admin.importHint, count: null },
		{ to: '/admin/settings', title: t.admin.settings, hint: t.admin.settingsHint, count: fill(t.admin.settingsCount, { count: counts.changedSettings }) },
		{ to: '/admin/concern-categories', title: t.concerns.categoriesTitle, hint: t.concerns.categoriesHint, count: null },
		{ to: '/audit', title: t.admin.audit, hint: t.admin.auditHint, count: null },
	].filter((section) => allowed.includes(section.to))
	return (
		<>
			<div className="page-head">
				<h1>{t.admin.title}</h1>
			</div>
			<p className="muted">{t.admin.intro}</p>
			<ul className="admin-links">
				{sections.map((section) => (
					<li key={section.to}>
						<Link to={section.to} className="admin-link">
							<strong>{section.title}</strong>
							<span>{section.hint}</span>
							{section.count ? <small>{section.count}</small> : null}
						</Link>
					</li>
				))}
			</ul>
		</>
	)
}
