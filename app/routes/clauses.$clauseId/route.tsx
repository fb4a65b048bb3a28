import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { taskPolicy } from '~/domain/tasks'
import { TaskCard } from '~/components/task-card'
import { ReportLinks, Timeline } from '~/components/timeline'
import { shanghaiDate } from '~/domain/dates'
import { fill, useT } from '~/i18n/i18n'
import { clauseAnchor } from '~/domain/clauses'
import { getClause } from '~/models/clauses.server'
import { loadSettings } from '~/models/settings.server'
import { listTasks } from '~/models/tasks/queries.server'
import { listReportsForClause } from '~/models/reports/queries.server'
import { loadClauseTimeline } from '~/models/registry.server'
import { withStatus } from '~/models/status/queries.server'
import { StatusCounts } from '~/components/status-summary'
import { rollUp } from '~/domain/status'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.clause.label ?? ''} · 监督追踪` }]

export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const found = await getClause(db, parseId(args.params.clauseId))
	invariantFound(found)
	const taskRows = await listTasks(db, { instrumentId: found.instrument.id, clauseId: found.clause.id })
	const settings = await loadSettings(db)
	// Both scoped to what the user may read (an undistributed report is not a member's to see).
	const reports = await listReportsForClause(db, found.clause.id, user)
	const timeline = await loadClauseTimeline(db, user, found.clause.id, settings)
	return {
		...found,
		tasks: await withStatus(db, shanghaiDate(new Date()), taskRows),
		canEdit: taskPolicy(user).edit,
		reports,
		timeline,
	}
}

export default function ClausePage() {
	const { clause, part, instrument, tasks, previous, next, canEdit, reports, timeline } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<nav className="breadcrumbs">
				<Link to={`/instruments/${instrument.id}`}>{instrument.title}</Link>
				{part ? ` › ${part.label}${part.title}` : null}
			</nav>
			<div className="page-head">
				<h1>{fill(t.clause.title, { label: clause.label })}</h1>
				<span className="toolbar">
					{previous ? <Link to={`/clauses/${previous.id}`}>‹ {t.clause.previous} {previous.label}</Link> : null}
					{next ? <Link to={`/clauses/${next.id}`}>{t.clause.next} {next.label} ›</Link> : null}
				</span>
			</div>
			<section className="card">
				{clause.paragraphs.map((paragraph, index) => (
					<p key={index} style={{ textIndent: '2em', margin: '0 0 0.5rem' }}>
						{paragraph}
					</p>
				))}
				<p className="small">
					<Link to={`/instruments/${instrument.id}#${clauseAnchor(clause.ordinal)}`}>{t.clause.inDecision}</Link>
				</p>
			</section>
			<h2>{t.clause.tasks}</h2>
			{tasks.length ? (
				<p>
					<StatusCounts rolled={rollUp(tasks.map((task) => task.status))} search={`?clause=${clause.id}`} />
				</p>
			) : null}
			{tasks.length ? (
				<ul className="task-list">
					{tasks.map((task) => (
						<TaskCard key={task.id} task={task} canEdit={canEdit} />
					))}
				</ul>
			) : (
				<p className="empty">{t.clause.noTasks}</p>
			)}
			<h2>{t.timeline.reports}</h2>
			<ReportLinks reports={reports} empty={t.timeline.noReports} />
			<h2>{t.clause.timeline}</h2>
			<Timeline events={timeline} empty={t.timeline.empty} />
		</>
	)
}
