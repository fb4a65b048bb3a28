import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { taskPolicy } from '~/domain/tasks'
import { OpenFindings } from '~/components/findings-list'
import { TaskCard } from '~/components/task-card'
import { ReportLinks } from '~/components/timeline'
import { TodoList } from '~/components/todo-list'
import { shanghaiDate } from '~/domain/dates'
import { useT } from '~/i18n/i18n'
import { getAgency } from '~/models/agencies/queries.server'
import { listAgencyOpenFindings } from '~/models/findings/providers.server'
import { primaryInstrumentId } from '~/models/instruments.server'
import { listReportsForAgency } from '~/models/reports/queries.server'
import { loadSettings } from '~/models/settings.server'
import { listTasks } from '~/models/tasks/queries.server'
import { loadAgencyOpenItems as listAgencyOpenItems } from '~/models/registry.server'
import { withStatus as withTaskStatus } from '~/models/status/queries.server'
import { StatusCounts } from '~/components/status-summary'
import { rollUp } from '~/domain/status'
import { can } from '~/auth/permissions'
import { cardHistoryFor } from '~/models/status/card-history.server'
import { CardHistory } from './card-history'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.agency.name ?? ''} · 监督追踪` }]

export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const agency = await getAgency(db, parseId(args.params.agencyId))
	invariantFound(agency)
	const instrumentId = await primaryInstrumentId(db)
	const tasks = instrumentId ? await listTasks(db, { instrumentId, agencyId: agency.id }) : []
	const settings = await loadSettings(db)
	const today = shanghaiDate(new Date())
	const withStatus = await withTaskStatus(db, today, tasks)
	// Reports and open items only where the viewer may read them: another agency's liaison sees
	// this agency's tasks, not its reports.
	const reports = await listReportsForAgency(db, agency.id, user)
	const openItems = await listAgencyOpenItems(db, user, agency.id, today, settings)
	// Its open rectifications, scoped like the findings list (another agency's liaison: none).
	const openFindings = await listAgencyOpenFindings(db, user, agency.id, today)
	// Its 警示记录, to those who may read the ranking notice (null: not shown).
	const cardHistory = agency.kind === 'congress' ? null : await cardHistoryFor(db, user, agency.id, new URL(args.request.url).searchParams, today, settings)
	return {
		agency,
		asLead: withStatus.filter((task) => task.leads.some((a) => a.id === agency.id)),
		asCo: withStatus.filter((task) => task.cos.some((a) => a.id === agency.id)),
		canEdit: taskPolicy(user).edit,
		canBrief: can(user.role, 'dashboard:read'),
		reports,
		openItems,
		openFindings,
		cardHistory,
		today,
	}
}

export default function AgencyPage() {
	const { agency, asLead, asCo, canEdit, canBrief, reports, openItems, openFindings, cardHistory, today } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<div className="page-head">
				<h1>{agency.name}</h1>
				<span className="muted">
					{t.agencyKinds[agency.kind]} · {agency.level}
					{agency.district ? ` · ${agency.district}` : null}
				</span>
			</div>
			{canBrief ? (
				<p className="no-print">
					<Link to={`/agencies/${agency.id}/briefing`}>{t.implementation.briefing.printLink}</Link>
				</p>
			) : null}
			{asLead.length + asCo.length ? (
				<p>
					<StatusCounts rolled={rollUp([...asLead, ...asCo].map((task) => task.status))} search={`?agency=${agency.id}`} />
				</p>
			) : null}
			<h2>
				{t.agencies.openItems}（{openItems.length}）
			</h2>
			<TodoList items={openItems} today={today} empty={t.agencies.noOpenItems} />
			<OpenFindings findings={openFindings} />
			{cardHistory ? <CardHistory spells={cardHistory.spells} period={cardHistory.period} lastYear={cardHistory.lastYear} /> : null}
			<h2>
				{t.agencies.reports}（{reports.length}）
			</h2>
			<ReportLinks reports={reports} empty={t.agencies.noReports} />
			<h2>
				{t.agencies.asLead}（{asLead.length}）
			</h2>
			{asLead.length ? (
				<ul className="task-list">
					{asLead.map((task) => (
						<TaskCard key={task.id} task={task} showClause canEdit={canEdit} />
					))}
				</ul>
			) : (
				<p className="empty">{t.agencies.noLead}</p>
			)}
			<h2>
				{t.agencies.asCo}（{asCo.length}）
			</h2>
			{asCo.length ? (
				<ul className="task-list">
					{asCo.map((task) => (
						<TaskCard key={task.id} task={task} showClause canEdit={canEdit} />
					))}
				</ul>
			) : (
				<p className="empty">{t.agencies.noCo}</p>
			)}
		</>
	)
}
