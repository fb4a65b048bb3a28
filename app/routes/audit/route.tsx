import { parseRecordId } from '~/domain/ids'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { Notice } from '~/components/forms'
import { SelectFilter } from '~/components/select-filter'
import { isIsoDate } from '~/domain/dates'
import { fill, useT } from '~/i18n/i18n'
import { auditDiff, auditHref, formatShanghaiTime, type DiffRow } from './present'
import { auditPageSize, listActorChoices, listAuditEvents, listFilterValues, type AuditFilters } from './queries.server'
import { Pagination } from '~/components/pagination'

export const meta: MetaFunction = () => [{ title: '审计日志 · 监督追踪' }]

// Each filter is read on its own: a malformed one is dropped, the others still apply.
function readFilters(params: URLSearchParams) {
	const text = (name: string, max: number) => params.get(name)?.trim().slice(0, max) || undefined
	const date = (name: string) => {
		const value = params.get(name) ?? ''
		return isIsoDate(value) ? value : undefined
	}
	const actorParam = params.get('actor') ?? ''
	const actor = actorParam === 'system' ? 'system' : (parseRecordId(actorParam) ?? undefined)
	const filters: AuditFilters = {
		actor,
		action: text('action', 100),
		entityType: text('entityType', 50),
		entityId: text('entityId', 200),
		from: date('from'),
		to: date('to'),
	}
	const rangeInvalid = Boolean(filters.from && filters.to && filters.from > filters.to)
	if (rangeInvalid) filters.from = filters.to = undefined
	const page = Math.min(Math.max(1, Math.trunc(Number(params.get('page'))) || 1), 100_000)
	return { filters, page, rangeInvalid }
}

export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'audit:read')
	const db = getDb()
	const { filters, page, rangeInvalid } = readFilters(new URL(args.request.url).searchParams)
	const [{ rows, total }, actors, values] = await Promise.all([
		listAuditEvents(db, filters, page),
		listActorChoices(db),
		listFilterValues(db),
	])
	return {
		// Shown as the audit trail says it, never the raw values: secrets stay on the server.
		events: rows.map(({ at, before, after, ...row }) => ({ ...row, time: formatShanghaiTime(at), changes: auditDiff(before, after) })),
		total,
		page,
		pages: Math.max(1, Math.ceil(total / auditPageSize)),
		filters,
		rangeInvalid,
		actors,
		...values,
		canManageUsers: can(user.role, 'users:manage'),
		canEditSettings: can(user.role, 'settings:edit'),
	}
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>

function entityLink(data: LoaderData, entityType: string, entityId: string | null) {
	if (!entityId) return null
	if (entityType === 'agency') return `/agencies/${entityId}`
	if (entityType === 'instrument') return `/instruments/${entityId}`
	if (entityType === 'user' && data.canManageUsers) return `/admin/users/${entityId}`
	if (entityType === 'setting' && data.canEditSettings) return '/admin/settings'
	return null
}

export default function AuditPage() {
	const data = useLoaderData<typeof loader>()
	const { events, total, page, pages, filters } = data
	const t = useT()
	const actionLabel = (action: string) => (t.audit.actions as Record<string, string>)[action] ?? action
	const entityLabel = (type: string) => (t.audit.entities as Record<string, string>)[type] ?? type
	const filtered = Object.values(filters).some((value) => value !== undefined)
	const choices = {
		actor: [
			{ value: 'system', label: t.audit.system },
			...data.actors.map((actor) => ({ value: actor.id, label: <>{actor.realName}（{actor.username}）</> })),
		],
		action: data.actions.map((action) => ({ value: action, label: actionLabel(action) })),
		entityType: data.entityTypes.map((type) => ({ value: type, label: entityLabel(type) })),
	}
	return (
		<>
			<div className="page-head">
				<h1>{t.audit.title}</h1>
				<span className="muted">{fill(t.common.total, { count: total })}</span>
			</div>
			<p className="muted">{t.audit.intro}</p>
			{data.rangeInvalid ? <Notice kind="error">{t.audit.dateRangeInvalid}</Notice> : null}
			<Form method="get" className="filters" role="search">
				<SelectFilter id="audit-actor" name="actor" label={t.audit.actor} value={filters.actor === undefined ? '' : String(filters.actor)} any={t.audit.anyActor} choices={choices.actor} />
				<SelectFilter id="audit-action" name="action" label={t.audit.action} value={filters.action ?? ''} any={t.audit.anyAction} choices={choices.action} />
				<SelectFilter id="audit-entity-type" name="entityType" label={t.audit.entityType} value={filters.entityType ?? ''} any={t.audit.anyEntity} choices={choices.entityType} />
				<div className="field">
					<label htmlFor="audit-entity-id">{t.audit.entityId}</label>
					<input id="audit-entity-id" type="text" name="entityId" defaultValue={filters.entityId ?? ''} />
				</div>
				<div className="field">
					<label htmlFor="audit-from">{t.audit.from}</label>
					<input id="audit-from" type="date" name="from" defaultValue={filters.from ?? ''} />
				</div>
				<div className="field">
					<label htmlFor="audit-to">{t.audit.to}</label>
					<input id="audit-to" type="date" name="to" defaultValue={filters.to ?? ''} />
				</div>
				<button type="submit" className="button">
					{t.audit.filter}
				</button>
				{filtered ? <Link to="/audit">{t.audit.clear}</Link> : null}
			</Form>
			{events.length === 0 ? (
				<p className="empty">{filtered || page > 1 ? t.audit.empty : t.audit.emptyAll}</p>
			) : (
				<div className="table-wrap">
					<table className="audit-table">
						<thead>
							<tr>
								<th>{t.audit.time}</th>
								<th>{t.audit.actor}</th>
								<th>{t.audit.action}</th>
								<th>{t.audit.entity}</th>
								<th>{t.audit.address}</th>
								<th>{t.audit.changes}</th>
							</tr>
						</thead>
						<tbody>
							{events.map((event) => {
								const link = entityLink(data, event.entityType, event.entityId)
								const settingLabel = event.entityType === 'setting' ? (t.adminSettings.items as Record<string, { label: string }>)[event.entityId ?? '']?.label : undefined
								const entity = [entityLabel(event.entityType), settingLabel ?? event.entityName ?? event.entityId].filter(Boolean).join(' ')
								return (
									<tr key={event.id}>
										<td className="nowrap">{event.time}</td>
										<td>{event.actorId === null ? t.audit.system : (event.actorName ?? event.actorId)}</td>
										<td>{actionLabel(event.action)}</td>
										<td>{link ? <Link to={link}>{entity}</Link> : entity}</td>
										<td>{event.address ?? ''}</td>
										<td>
											{event.changes.length ? (
												<dl className="audit-diff">
													{event.changes.map((change) => (
														<div key={change.key}>
															{change.key ? <dt>{change.key}</dt> : null}
															<dd>
																<Change change={change} />
															</dd>
														</div>
													))}
												</dl>
											) : null}
										</td>
									</tr>
								)
							})}
						</tbody>
					</table>
				</div>
			)}
			<Pagination page={page} pages={pages} href={(n) => auditHref(filters, n)} />
		</>
	)
}

function Change({ change }: { change: DiffRow }) {
	const t = useT()
	if (change.hidden) return <>{t.audit.hidden}</>
	if (change.before === null) return <ins>{change.after}</ins>
	if (change.after === null) {
		return (
			<>
				<del>{change.before}</del> {t.audit.removed}
			</>
		)
	}
	return (
		<>
			<del>{change.before}</del> → <ins>{change.after}</ins>
		</>
	)
}
