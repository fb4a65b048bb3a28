import { Link } from '@remix-run/react'
import { daysBetween, formatChineseDate, type IsoDate } from '~/domain/dates'
import type { TodoItem } from '~/domain/todo'
import { fill, useLang, useT } from '~/i18n/i18n'

export function formatDate(date: IsoDate, lang: 'zh' | 'en'): string {
	return lang === 'zh' ? formatChineseDate(date) : date
}

function lookup(map: Record<string, string>, key: string): string {
	return Object.hasOwn(map, key) ? map[key] : key
}

// One list of the home page's to-do (or an agency's open items): what to do, on which record,
// by when — overdue in red, with the number of days.
export function TodoList({ items, today, empty }: { items: ReadonlyArray<TodoItem>; today: IsoDate; empty: string }) {
	const t = useT()
	if (items.length === 0) return <p className="empty">{empty}</p>
	return (
		<ul className="todo-list">
			{items.map((item) => (
				<li key={`${item.kind}|${item.href}|${item.action}`} className={item.overdueDays > 0 ? 'todo todo--overdue' : 'todo'}>
					<div className="todo__head">
						<span className="badge">{lookup(t.todo.kinds, item.kind)}</span>
						<strong className="todo__action">{lookup(t.todo.actions, item.action)}</strong>
						<TodoDue item={item} today={today} />
					</div>
					<Link to={item.href} className="todo__title">
						{item.title}
					</Link>
					{!item.actionable && item.action !== 'attend' ? <div className="muted small">{t.todo.notYet}</div> : null}
					{item.detail ? (
						<div className={item.action === 'resubmit' ? 'todo__detail todo__detail--returned' : 'todo__detail muted small'}>
							{item.action === 'resubmit' ? fill(t.todo.returned, { reason: item.detail }) : item.detail}
						</div>
					) : null}
				</li>
			))}
		</ul>
	)
}

function TodoDue({ item, today }: { item: TodoItem; today: IsoDate }) {
	const t = useT()
	const lang = useLang()
	if (item.due === null) return <span className="todo__due muted small">{t.todo.noDue}</span>
	const date = formatDate(item.due, lang)
	if (item.action === 'attend') return <span className="todo__due small">{fill(t.todo.meetingOn, { date })}</span>
	if (item.overdueDays > 0) {
		return (
			<span className="todo__due todo__due--overdue small">
				{fill(t.todo.overdue, { days: item.overdueDays })} · {fill(t.todo.dueOn, { date })}
			</span>
		)
	}
	const left = daysBetween(today, item.due)
	return (
		<span className={left <= 3 ? 'todo__due todo__due--soon small' : 'todo__due small'}>
			{left === 0 ? t.todo.dueToday : fill(t.todo.daysLeft, { days: left })} · {fill(t.todo.dueOn, { date })}
		</span>
	)
}
