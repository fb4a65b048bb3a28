import { useT } from '~/i18n/i18n'

// The columns of the responsibility table, shared with its print view (tasks.print) so that a
// printed sheet always has the table's columns in the table's order. Only the screen has the
// actions column; the cells differ too (links and badges on screen, plain names on paper).
export function TaskTableHead({ actions }: { actions: boolean }) {
	const t = useT()
	return (
		<thead>
			<tr>
				<th scope="col">{t.tasks.serial}</th>
				<th scope="col">{t.tasks.clause}</th>
				<th scope="col">{t.tasks.text}</th>
				<th scope="col">{t.tasks.lead}</th>
				<th scope="col">{t.tasks.co}</th>
				<th scope="col">{t.tasks.deadline}</th>
				<th scope="col">{t.tasks.status}</th>
				{actions ? (
					<th scope="col" className="no-print">
						{t.common.actions}
					</th>
				) : null}
			</tr>
		</thead>
	)
}
