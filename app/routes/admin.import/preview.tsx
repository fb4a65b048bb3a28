import { Fragment } from 'react'
import { Form } from '@remix-run/react'
import { AgencyBadge } from '~/components/agency-badge'
import { Notice, SubmitButton } from '~/components/forms'
import { fill, useT } from '~/i18n/i18n'
import type { ImportPreview } from '~/models/instrument-import.server'

// The parsed instrument as it would be stored, with the agencies the current subject mapping
// gives each task; tasks that would get no lead agency are marked. Confirming sends back the
// exact text that was previewed.
export function ImportPreviewView({ preview, text }: { preview: ImportPreview; text: string }) {
	const t = useT()
	const groups = [
		{ part: null as ImportPreview['parts'][number] | null, clauses: preview.clauses.filter((c) => c.part === null) },
		...preview.parts.map((part) => ({ part, clauses: preview.clauses.filter((c) => c.part === part.label) })),
	].filter((group) => group.part !== null || group.clauses.length > 0)
	const metadata: Array<[string, string | null]> = [
		[t.importer.docTitle, preview.title],
		[t.importer.issuer, preview.issuer],
		[t.importer.documentNumber, preview.documentNumber],
		[t.importer.adoptedOn, preview.adoptedOn],
		[t.importer.publishedOn, preview.publishedOn],
		[t.importer.effectiveOn, preview.effectiveOn],
	]
	return (
		<section className="import-preview" aria-labelledby="import-preview-title">
			<h2 id="import-preview-title">{t.importer.previewTitle}</h2>
			<Notice kind="info">{t.importer.previewNotice}</Notice>
			{preview.existing ? <Notice kind="error">{fill(t.importer.existing, { title: preview.existing.title })}</Notice> : null}
			{preview.tasksWithoutLead > 0 ? (
				<Notice kind="error">{fill(t.importer.withoutLead, { count: preview.tasksWithoutLead })}</Notice>
			) : (
				<Notice kind="ok">{t.importer.allAssigned}</Notice>
			)}
			<div className="card">
				<h3>{t.importer.metadata}</h3>
				<dl className="task-meta">
					{metadata.map(([label, value]) => (
						<Fragment key={label}>
							<dt>{label}</dt>
							<dd>{value ?? <span className="muted">{t.importer.unknown}</span>}</dd>
						</Fragment>
					))}
					<dt>{t.importer.parts}</dt>
					<dd>
						{fill(t.importer.counts, {
							parts: preview.parts.length,
							clauses: preview.clauses.length,
							tasks: preview.taskCount,
						})}
					</dd>
				</dl>
				{preview.preamble ? (
					<>
						<h3>{t.importer.preamble}</h3>
						<p className="import-paragraph">{preview.preamble}</p>
					</>
				) : null}
			</div>
			<h3>{t.importer.clauses}</h3>
			{preview.parts.length === 0 ? <p className="muted">{t.importer.noParts}</p> : null}
			{groups.map((group) => (
				<section key={group.part?.label ?? 'none'}>
					{group.part ? (
						<h4 className="decision__part">
							{group.part.label}
							{/* 一、标题 runs on; 第一章　总则 has a space. */}
							{group.part.label.endsWith('、') ? '' : '　'}
							{group.part.title}
						</h4>
					) : null}
					{group.part?.paragraphs.map((paragraph, index) => (
						<p key={index} className="import-paragraph">
							{paragraph}
						</p>
					))}
					{group.clauses.map((clause, index) => (
						<ClausePreview key={`${clause.label}-${index}`} clause={clause} />
					))}
				</section>
			))}
			{preview.finalProvisions.length > 0 ? (
				<>
					<h3>{t.importer.finalProvisions}</h3>
					{preview.finalProvisions.map((provision) => (
						<p key={provision} className="import-paragraph">
							{provision}
						</p>
					))}
				</>
			) : null}
			<Form method="post" className="import-confirm">
				<input type="hidden" name="text" value={text} />
				<SubmitButton name="intent" value="confirm">
					{t.importer.confirm}
				</SubmitButton>
			</Form>
		</section>
	)
}

function ClausePreview({ clause }: { clause: ImportPreview['clauses'][number] }) {
	const t = useT()
	return (
		<div className="import-clause">
			<p className="import-clause__head">
				<strong>{clause.label}</strong> <span className="muted small">{fill(t.importer.paragraphs, { count: clause.paragraphs.length })}</span>
			</p>
			{clause.paragraphs.map((paragraph, index) => (
				<p key={index} className="import-paragraph">
					{paragraph}
				</p>
			))}
			{clause.tasks.length === 0 ? (
				<p className="muted">{t.importer.noTasks}</p>
			) : (
				<div className="table-wrap">
					<table className="import-tasks">
						<thead>
							<tr>
								<th>{t.tasks.serial}</th>
								<th>{t.importer.subject}</th>
								<th>{t.importer.coSubjects}</th>
								<th>{t.importer.leads}</th>
								<th>{t.importer.cos}</th>
								<th>{t.tasks.text}</th>
							</tr>
						</thead>
						<tbody>
							{clause.tasks.map((task, index) => (
								<tr key={index} className={task.leads.length === 0 ? 'import-task--unassigned' : undefined}>
									<td>{index + 1}</td>
									<td>{task.subject || t.importer.unknown}</td>
									<td>{task.coSubjects.length > 0 ? task.coSubjects.join('；') : '—'}</td>
									<td>
										{task.leads.length > 0 ? (
											task.leads.map((agency) => <AgencyBadge key={agency.id} agency={{ ...agency, role: 'lead' }} />)
										) : (
											<strong className="import-missing">{t.importer.noLead}</strong>
										)}
									</td>
									<td>
										{task.cos.length > 0
											? task.cos.map((agency) => <AgencyBadge key={agency.id} agency={{ ...agency, role: 'co' }} />)
											: '—'}
									</td>
									<td className="small">{task.text}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</div>
	)
}
