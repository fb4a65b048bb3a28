import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { ErrorList, Field, Notice, SubmitButton } from '~/components/forms'
import { choices, type Choice } from '~/domain/deliberation'
import { fill, useT } from '~/i18n/i18n'
import type { PageData } from './route'
import { tallySchema, voteSchema, type LastResultOf } from './schema'

// The satisfaction vote. SECRET BALLOT: the page never knows how the member voted — the radio
// buttons start empty every time, and only the fact of having voted is shown.

export function VoteSection({ page, lastResult }: { page: PageData; lastResult: LastResultOf }) {
	const t = useT()
	const { vote, result, can } = page
	if (!page.deliberation.withVote) {
		return (
			<section className="card" aria-labelledby="vote-heading">
				<h2 id="vote-heading" style={{ marginTop: 0 }}>
					{t.deliberation.voteTitle}
				</h2>
				<p className="muted">{t.deliberation.withoutVote}</p>
			</section>
		)
	}
	return (
		<section className="card" aria-labelledby="vote-heading">
			<h2 id="vote-heading" style={{ marginTop: 0 }}>
				{t.deliberation.voteTitle}
			</h2>
			{result ? <ResultView result={result} /> : null}
			{vote.participation ? (
				<p className="deliberation-participation">
					{fill(t.deliberation.participation, { voted: vote.participation.voted, members: vote.participation.members })}
				</p>
			) : null}
			{vote.open ? (
				<>
					<p className="muted small">{t.deliberation.secretBallotHint}</p>
					{vote.mayVote ? (
						// Remounted after each vote, so that the buttons are empty again: the page never
						// keeps, let alone shows, what the member chose.
						<BallotForm key={vote.myVoteAt ?? 'not-voted'} voted={vote.myVoteAt !== null} lastResult={lastResult('vote')} />
					) : null}
					{can.closeVote ? (
						<CloseVoteForm key={`close-${page.deliberation.version}`} version={page.deliberation.version} lastResult={lastResult('closeVote')} />
					) : null}
					{can.enterTally ? (
						<TallyForm
							key={`tally-${page.deliberation.version}`}
							version={page.deliberation.version}
							ballotsCast={vote.participation?.voted ?? 0}
							lastResult={lastResult('tally')}
						/>
					) : null}
				</>
			) : result === null ? (
				<p className="empty">{t.deliberation.noResult}</p>
			) : null}
		</section>
	)
}

type Result = NonNullable<PageData['result']>

function ResultView({ result }: { result: Result }) {
	const t = useT()
	return (
		<div className="deliberation-result">
			<p className="deliberation-result__verdict">
				{t.deliberation.resultLabel}
				{result.result ? (
					<strong className={`satisfaction satisfaction--${result.result}`}>{t.deliberation.choices[result.result]}</strong>
				) : (
					<span className="muted">{t.deliberation.noVotes}</span>
				)}
			</p>
			<p className="muted small">
				{result.source === 'meeting_system' ? t.deliberation.sourceMeeting : t.deliberation.sourceBallots} ·{' '}
				{fill(t.deliberation.totalVotes, { total: result.total })} · {fill(t.deliberation.ruleHint, { percent: result.thresholdPercent })}
			</p>
			<div className="satisfaction-bar" role="img" aria-label={result.distribution.map((s) => `${t.deliberation.choices[s.choice]} ${s.count}`).join(' · ')}>
				{result.distribution.map((share) =>
					share.count > 0 ? (
						<span key={share.choice} className={`satisfaction-bar__part satisfaction--${share.choice}`} style={{ width: `${share.percent}%` }} />
					) : null,
				)}
			</div>
			<table className="satisfaction-table">
				<thead>
					<tr>
						<th scope="col">{t.deliberation.choice}</th>
						<th scope="col">{t.deliberation.count}</th>
						<th scope="col">{t.deliberation.percent}</th>
					</tr>
				</thead>
				<tbody>
					{result.distribution.map((share) => (
						<tr key={share.choice}>
							<th scope="row">
								<span className={`satisfaction-swatch satisfaction--${share.choice}`} aria-hidden="true" /> {t.deliberation.choices[share.choice]}
							</th>
							<td>{share.count}</td>
							<td>{share.percent}%</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}

function BallotForm({ voted, lastResult }: { voted: boolean; lastResult: ReturnType<LastResultOf> }) {
	const t = useT()
	const [form, fields] = useForm({ id: 'ballot', lastResult, constraint: getZodConstraint(voteSchema(t)) })
	return (
		<Form method="post" className="form ballot" {...getFormProps(form)}>
			{voted ? <Notice kind="info">{t.deliberation.youVoted}</Notice> : null}
			<ErrorList id={form.errorId} errors={form.errors} />
			<fieldset className="ballot__choices">
				<legend>{voted ? t.deliberation.changeVoteLegend : t.deliberation.voteLegend}</legend>
				{choices.map((choice: Choice) => (
					<label key={choice} className="ballot__choice">
						{/* Never checked by default: the page does not know the member's choice. */}
						<input type="radio" name={fields.choice.name} value={choice} required />
						{t.deliberation.choices[choice]}
					</label>
				))}
			</fieldset>
			<ErrorList id={fields.choice.errorId} errors={fields.choice.errors} />
			<div>
				<SubmitButton name="intent" value="vote">
					{voted ? t.deliberation.changeVote : t.deliberation.castVote}
				</SubmitButton>
			</div>
		</Form>
	)
}

function CloseVoteForm({ version, lastResult }: { version: number; lastResult: ReturnType<LastResultOf> }) {
	const t = useT()
	const [form] = useForm({ id: 'close-vote', lastResult })
	return (
		<Form method="post" className="form deliberation-close" {...getFormProps(form)}>
			<input type="hidden" name="version" value={version} />
			<ErrorList id={form.errorId} errors={form.errors} />
			<p className="muted small">{t.deliberation.closeVoteHint}</p>
			<div>
				<SubmitButton name="intent" value="closeVote">
					{t.deliberation.closeVote}
				</SubmitButton>
			</div>
		</Form>
	)
}

function TallyForm({ version, ballotsCast, lastResult }: { version: number; ballotsCast: number; lastResult: ReturnType<LastResultOf> }) {
	const t = useT()
	const [form, fields] = useForm({ id: 'tally', lastResult, constraint: getZodConstraint(tallySchema(t)) })
	const counts = [fields.satisfied, fields.basically_satisfied, fields.unsatisfied] as const
	return (
		<details className="deliberation-tally" open={lastResult !== undefined}>
			<summary>{t.deliberation.tallyTitle}</summary>
			<Form method="post" className="form" {...getFormProps(form)}>
				<input type="hidden" name="version" value={version} />
				<p className="muted small">{t.deliberation.tallyHint}</p>
				<ErrorList id={form.errorId} errors={form.errors} />
				<div className="deliberation-tally__counts">
					{counts.map((field) => (
						<Field key={field.name} label={t.deliberation.choices[field.name as Choice]} field={field}>
							<input {...getInputProps(field, { type: 'number' })} min={0} inputMode="numeric" />
						</Field>
					))}
				</div>
				{ballotsCast > 0 ? (
					<label className="checkbox" htmlFor={fields.replace.id}>
						<input {...getInputProps(fields.replace, { type: 'checkbox' })} />
						{fill(t.deliberation.replaceBallots, { count: ballotsCast })}
					</label>
				) : null}
				<div>
					<SubmitButton name="intent" value="tally">
						{t.deliberation.enterTally}
					</SubmitButton>
				</div>
			</Form>
		</details>
	)
}
