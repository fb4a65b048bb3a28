import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { count, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, clauses, tasks } from '#db/schema'
import { requirePermission } from '~/auth/guards.server'
import { taskPolicy } from '~/domain/tasks'
import { TaskCard } from '~/components/task-card'
import { TodoList } from '~/components/todo-list'
import { shanghaiDate } from '~/domain/dates'
import { fill, useT } from '~/i18n/i18n'
import { getAgency } from '~/models/agencies/queries.server'
import { primaryInstrumentId } from '~/models/instruments.server'
import { loadSettings } from '~/models/settings.server'
import { listTasks } from '~/models/tasks/queries.server'
import { loadTodo } from '~/models/registry.server'
import { loadStatusOverview, withStatus } from '~/models/status/queries.server'
import { can } from '~/auth/permissions'
import { StatusCounts } from '~/components/status-summary'
import { StatusBadge } from '~/components/status-badge'

export const meta: MetaFunction = () => [{ title: '首页 · 监督追踪' }]

export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const today = shanghaiDate(new Date())
	const settings = await loadSettings(db)
	// Every provider scopes its query by the user: a liaison's list holds their agency's records only.
	const todo = await loadTodo(db, user, today, settings)
	const instrumentId = await primaryInstrumentId(db)
	const [clauseCount] = instrumentId
		? await db.select({ value: count() }).from(clauses).where(eq(clauses.instrumentId, instrumentId))
		: [{ value: 0 }]
	const [taskCount] = instrumentId
		? await db
				.select({ value: count() })
				.from(tasks)
				.innerJoin(clauses, eq(clauses.id, tasks.clauseId))
				.where(eq(clauses.instrumentId, instrumentId))
		: [{ value: 0 }]
	const [agencyCount] = await db.select({ value: count() }).from(agencies).where(eq(agencies.active, true))
	const agency = user.agencyId ? await getAgency(db, user.agencyId) : null
	const agencyTasks =
		agency && instrumentId
			? await withStatus(db, today, await listTasks(db, { instrumentId, agencyId: agency.id }))
			: []
	// The committee's own question first: where the decision's implementation stands.
	const overview = instrumentId && can(user.role, 'dashboard:read') ? await loadStatusOverview(db, today, instrumentId) : null
	return {
		overview: overview && { whole: overview.whole, parts: overview.parts },
		user: { realName: user.realName, role: user.role },
		instrumentId,
		counts: { clauses: clauseCount.value, tasks: taskCount.value, agencies: agencyCount.value },
		agency: agency && { id: agency.id, name: agency.name },
		agencyTasks,
		canEdit: taskPolicy(user).edit,
		today,
		horizonDays: settings.todoHorizonDays,
		todo,
	}
}

export default function HomePage() {
	const data = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<div className="page-head">
				<h1>{fill(t.home.greeting, { name: data.user.realName })}</h1>
				<span className="muted">{t.roles[data.user.role]}</span>
			</div>
			{data.overview ? (
				<section className="card" aria-labelledby="status-summary">
					<h2 id="status-summary">{t.implementation.homeHeading}</h2>
					<p>
						<StatusCounts rolled={data.overview.whole} />
					</p>
					<ul className="status-parts">
						{data.overview.parts.map((part) => (
							<li key={part.id}>
								<StatusBadge status={part.status} />{' '}
								<Link to={part.href}>
									{part.label}
									{part.title}
								</Link>
							</li>
						))}
					</ul>
					<p>
						<Link to="/dashboard">{t.implementation.toDashboard}</Link>
					</p>
				</section>
			) : null}
			<div className="todo-columns">
				<section aria-labelledby="todo-awaiting">
					<h2 id="todo-awaiting">
						{t.todo.awaiting}
						{data.todo.awaiting.length ? <span className="muted small"> · {fill(t.todo.awaitingCount, { count: data.todo.awaiting.length })}</span> : null}
					</h2>
					<TodoList items={data.todo.awaiting} today={data.today} empty={t.todo.awaitingEmpty} />
				</section>
				<section aria-labelledby="todo-due-soon">
					<h2 id="todo-due-soon">{fill(t.todo.dueSoon, { days: data.horizonDays })}</h2>
					<TodoList items={data.todo.dueSoon} today={data.today} empty={fill(t.todo.dueSoonEmpty, { days: data.horizonDays })} />
				</section>
			</div>
			<h2>{t.home.overview}</h2>
			<section className="stat-row">
				<Link className="stat" to={data.instrumentId ? `/instruments/${data.instrumentId}` : '/decision'}>
					<strong>{data.counts.clauses}</strong>
					<span>{t.home.clauses}</span>
				</Link>
				<Link className="stat" to="/tasks">
					<strong>{data.counts.tasks}</strong>
					<span>{t.home.tasks}</span>
				</Link>
				<Link className="stat" to="/agencies">
					<strong>{data.counts.agencies}</strong>
					<span>{t.home.agencies}</span>
				</Link>
			</section>
			{data.agency ? (
				<>
					<h2>
						{t.home.agencyTasks} · <Link to={`/agencies/${data.agency.id}`}>{data.agency.name}</Link>
					</h2>
					<ul className="task-list">
						{data.agencyTasks.map((task) => (
							<TaskCard key={task.id} task={task} showClause canEdit={data.canEdit} />
						))}
					</ul>
				</>
			) : null}
		</>
	)
}
