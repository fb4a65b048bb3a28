import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { count, eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { agencies, clauses, tasks } from '#db/schema'
import { requirePermission } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { TaskCard } from '~/components/task-card'
import { deriveTaskStatus, noEvidence } from '~/domain/status'
import { fill, useT } from '~/i18n/i18n'
import { getAgency } from '~/models/agencies.server'
import { primaryInstrumentId } from '~/models/instruments.server'
import { listTasks } from '~/models/tasks.server'

export const meta: MetaFunction = () => [{ title: '首页 · 监督追踪' }]

export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
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
			? (await listTasks(db, { instrumentId, agencyId: agency.id })).map((task) => ({
					...task,
					status: deriveTaskStatus(noEvidence).status,
				}))
			: []
	return {
		user: { realName: user.realName, role: user.role },
		instrumentId,
		counts: { clauses: clauseCount.value, tasks: taskCount.value, agencies: agencyCount.value },
		agency: agency && { id: agency.id, name: agency.name },
		agencyTasks,
		canEdit: can(user.role, 'tasks:edit'),
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
			<h2>{t.home.todo}</h2>
			<p className="empty">{t.home.noTodo}</p>
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
