import { Link } from '@remix-run/react'
import { AgencyBadge } from '~/components/agency-badge'
import { StatusBadge } from '~/components/status-badge'
import type { Status } from '~/domain/status'
import { useT } from '~/i18n/i18n'
import type { TaskAgency } from '~/models/tasks/queries.server'

export type TaskCardData = {
	id: number
	clauseId: number
	clauseLabel: string
	ordinal: number
	text: string
	deadline: string | null
	leads: Array<TaskAgency>
	cos: Array<TaskAgency>
	status: Status
}

export function TaskCard({ task, showClause, canEdit }: { task: TaskCardData; showClause?: boolean; canEdit?: boolean }) {
	const t = useT()
	return (
		<li id={`task-${task.id}`}>
			<div className="toolbar" style={{ justifyContent: 'space-between' }}>
				<strong>
					{showClause ? (
						<Link to={`/clauses/${task.clauseId}`}>{task.clauseLabel}</Link>
					) : null}
					{t.tasks.taskNo.replace('{n}', String(task.ordinal))}
				</strong>
				<span className="toolbar">
					<Link to={`/tasks/${task.id}#why`} title={t.implementation.viewWhy}>
						<StatusBadge status={task.status} />
					</Link>
					{canEdit ? (
						<Link className="button button--secondary button--small" to={`/tasks/${task.id}/edit`}>
							{t.common.edit}
						</Link>
					) : null}
				</span>
			</div>
			<TaskSummary task={task} />
		</li>
	)
}

// A task's text, agencies and deadline: in every card, and atop the task's edit page.
export function TaskSummary({ task }: { task: Pick<TaskCardData, 'text' | 'leads' | 'cos' | 'deadline'> }) {
	const t = useT()
	return (
		<>
			<p>{task.text}</p>
			<dl className="task-meta">
				<dt>{t.tasks.lead}</dt>
				<dd>{task.leads.length ? task.leads.map((a) => <AgencyBadge key={a.id} agency={a} />) : <span className="muted">{t.tasks.unassigned}</span>}</dd>
				<dt>{t.tasks.co}</dt>
				<dd>{task.cos.length ? task.cos.map((a) => <AgencyBadge key={a.id} agency={a} />) : <span className="muted">{t.common.none}</span>}</dd>
				<dt>{t.tasks.deadline}</dt>
				<dd>{task.deadline ?? t.common.longTerm}</dd>
			</dl>
		</>
	)
}
