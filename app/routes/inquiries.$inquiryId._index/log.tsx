import { Link } from '@remix-run/react'
import { formatChineseDate } from '~/domain/dates'
import { officialLabel } from '~/domain/inquiries'
import { fill, useT } from '~/i18n/i18n'
import type { PageData } from './route'
import { CommitmentForm, FollowUpForm, QuestionForm } from './entry-forms'
import { TextSaveForm } from './live'
import { formKeyOf, maxAnswer, maxQuestion } from './schema'

// The log of the session (询问记录): each question with the agency and official who answered, the
// answer, its follow-ups and the commitments made. For the secretariat, while the record is not
// published, every part is a form of its own that saves as the clerk goes.

type Entry = PageData['log'][number]
type Respondent = PageData['inquiry']['respondents'][number]
type Member = PageData['members'][number]

export function LogSection({ page }: { page: PageData }) {
	const t = useT()
	const { log, can } = page
	return (
		<section className="card report-section inquiry-log" aria-labelledby="log-heading" id="log">
			<h2 id="log-heading">{t.inquiries.logTitle}</h2>
			{page.partialLog ? <p className="notice notice--info">{t.inquiries.partialLog}</p> : null}
			{log.length === 0 ? (
				<p className="empty">{can.record ? t.inquiries.logEmptyClerk : page.partialLog ? t.inquiries.logEmptyAgency : t.inquiries.logEmpty}</p>
			) : (
				<ol className="inquiry-log__entries">
					{log.map((entry) => (
						<ExchangeView key={entry.id} entry={entry} page={page} />
					))}
				</ol>
			)}
			{can.record ? <NewQuestionForm respondents={page.inquiry.respondents} members={page.members} next={page.facts.logged + 1} /> : null}
		</section>
	)
}

function ExchangeView({ entry, page }: { entry: Entry; page: PageData }) {
	const t = useT()
	const record = page.can.record
	const official = officialLabel(entry.agencyShortName, { name: entry.officialName, title: entry.officialTitle })
	return (
		<li id={`exchange-${entry.id}`} className="inquiry-exchange">
			<h3 className="inquiry-exchange__head">{fill(t.inquiries.questionNumber, { n: entry.number })}</h3>
			<p className="inquiry-exchange__who">{fill(t.inquiries.askedBy, { asker: entry.askerName, official })}</p>
			<p className="inquiry-exchange__question">
				<span className="inquiry-exchange__label">{t.inquiries.q}</span>
				{entry.question}
			</p>
			{record ? (
				<TextSaveForm
					formKey={formKeyOf('answer', entry.id)}
					intent="answer"
					hidden={{ exchangeId: entry.id }}
					name="answer"
					id={`answer-${entry.id}`}
					label={fill(t.inquiries.answerOf, { official })}
					version={entry.version}
					serverText={entry.answer}
					rows={5}
					maxLength={maxAnswer}
					submitLabel={t.inquiries.saveAnswer}
				/>
			) : (
				<p className="inquiry-exchange__answer">
					<span className="inquiry-exchange__label">{t.inquiries.a}</span>
					{entry.answer || <span className="muted">{t.inquiries.noAnswerYet}</span>}
				</p>
			)}
			{entry.followUps.length ? (
				<ol className="inquiry-follow-ups" aria-label={t.inquiries.followUps}>
					{entry.followUps.map((f, index) => (
						<li key={f.id} id={`follow-up-${f.id}`}>
							<p className="inquiry-exchange__question">
								<span className="inquiry-exchange__label">{fill(t.inquiries.followUpNumber, { n: index + 1 })}</span>
								{f.question}
							</p>
							{record ? (
								<>
									<TextSaveForm
										formKey={formKeyOf('followUpAnswer', f.id)}
										intent="followUpAnswer"
										hidden={{ followUpId: f.id }}
										name="answer"
										id={`follow-up-answer-${f.id}`}
										label={t.inquiries.followUpAnswer}
										version={f.version}
										serverText={f.answer}
										rows={3}
										maxLength={maxAnswer}
										submitLabel={t.inquiries.saveAnswer}
									/>
									<details className="inquiry-correct">
										<summary>{t.inquiries.correctFollowUp}</summary>
										<TextSaveForm
											formKey={formKeyOf('correctFollowUp', f.id)}
											intent="correctFollowUp"
											hidden={{ followUpId: f.id }}
											name="question"
											id={`follow-up-question-${f.id}`}
											label={t.inquiries.followUpQuestion}
											version={f.version}
											serverText={f.question}
											rows={2}
											maxLength={maxQuestion}
											submitLabel={t.inquiries.saveCorrection}
										/>
									</details>
								</>
							) : (
								<p className="inquiry-exchange__answer">
									<span className="inquiry-exchange__label">{t.inquiries.a}</span>
									{f.answer || <span className="muted">{t.inquiries.noAnswerYet}</span>}
								</p>
							)}
						</li>
					))}
				</ol>
			) : null}
			{entry.commitments.length ? (
				<div className="inquiry-commitments">
					<h4>{t.inquiries.commitmentsMade}</h4>
					<ul>
						{entry.commitments.map((c) => (
							<li key={c.id}>
								<Link to={`/commitments/${c.id}`}>{c.text}</Link>{' '}
								<span className="muted small">
									{c.agencyShortName} · {fill(t.inquiries.dueBy, { date: formatChineseDate(c.dueOn) })}
								</span>{' '}
								<span className={`commitment-state commitment-state--${c.state}`}>{t.commitments.states[c.state]}</span>
								{c.overdueDays > 0 ? <span className="commitment-overdue small"> {fill(t.commitments.overdueDays, { days: c.overdueDays })}</span> : null}
								{record && c.state === 'open' ? (
									<details className="inquiry-correct">
										<summary>{t.inquiries.correctCommitment}</summary>
										<CommitmentForm
											intent="correctCommitment"
											formKey={formKeyOf('correctCommitment', c.id)}
											hidden={{ commitmentId: c.id }}
											respondents={page.inquiry.respondents}
											defaults={{ agencyId: c.agencyId, text: c.text, dueOn: c.dueOn }}
											version={c.version}
											submitLabel={t.inquiries.saveCorrection}
										/>
									</details>
								) : null}
							</li>
						))}
					</ul>
				</div>
			) : null}
			{record ? (
				<div className="inquiry-exchange__tools">
					<details className="inquiry-correct">
						<summary>{t.inquiries.addFollowUp}</summary>
						<FollowUpForm exchangeId={entry.id} />
					</details>
					<details className="inquiry-correct">
						<summary>{t.inquiries.addCommitment}</summary>
						<CommitmentForm
							intent="commitment"
							formKey={formKeyOf('commitment', entry.id)}
							hidden={{ exchangeId: entry.id }}
							respondents={page.inquiry.respondents}
							defaults={{ agencyId: entry.agencyId }}
							submitLabel={t.inquiries.recordCommitment}
						/>
					</details>
					<details className="inquiry-correct">
						<summary>{t.inquiries.correctQuestion}</summary>
						<QuestionForm
							intent="correctQuestion"
							formKey={formKeyOf('correctQuestion', entry.id)}
							hidden={{ exchangeId: entry.id }}
							respondents={page.inquiry.respondents}
							members={page.members}
							defaults={{ askerId: entry.askerId, agencyId: entry.agencyId, officialName: entry.officialName, officialTitle: entry.officialTitle, question: entry.question }}
							version={entry.version}
							submitLabel={t.inquiries.saveCorrection}
						/>
					</details>
				</div>
			) : null}
		</li>
	)
}

function NewQuestionForm({ respondents, members, next }: { respondents: Array<Respondent>; members: Array<Member>; next: number }) {
	const t = useT()
	return (
		<div className="inquiry-new-question" id="new-question">
			<h3>{fill(t.inquiries.newQuestion, { n: next })}</h3>
			<p className="muted small">{t.inquiries.newQuestionHint}</p>
			<QuestionForm intent="question" formKey="question" hidden={{}} respondents={respondents} members={members} defaults={{}} submitLabel={t.inquiries.recordQuestion} />
		</div>
	)
}
