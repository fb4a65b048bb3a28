import { Form, Link } from '@remix-run/react'
import { SubmitButton } from '~/components/forms'
import { formatChineseDate } from '~/domain/dates'
import { fill, useT } from '~/i18n/i18n'
import type { PageData } from './route'
import { AnswerForm, InviteForm, RecordSignerForm, ReanswerForm, ReferForm, StepButton, VerdictForm } from './forms'
import type { LastResultOf } from './schema'

// The sections of the interpellation page: what it asks of whom, who signs it, what the
// chairpersons' council decided, and each answer round with the signers' verdicts.

function Paragraphs({ text }: { text: string }) {
	return (
		<div className="interpellation-text">
			{text
				.split(/\r?\n/)
				.filter((line) => line.trim())
				.map((line, index) => (
					<p key={index}>{line}</p>
				))}
		</div>
	)
}

export function InterpellationDetails({ page }: { page: PageData }) {
	const t = useT()
	const i = page.interpellation
	return (
		<section className="card" aria-labelledby="details-heading">
			<h2 id="details-heading">{t.interpellations.details}</h2>
			<dl className="facts">
				<dt>{t.interpellations.target}</dt>
				<dd>
					<Link to={`/agencies/${i.target.id}`}>{i.target.name}</Link>
				</dd>
				<dt>{t.interpellations.source}</dt>
				<dd>{t.interpellations.sources[i.source]}</dd>
				{i.drafterName ? (
					<>
						<dt>{t.interpellations.drafter}</dt>
						<dd>{i.drafterName}</dd>
					</>
				) : null}
				<dt>{t.interpellations.draftedOn}</dt>
				<dd>{formatChineseDate(i.draftedOn)}</dd>
				{i.submittedOn ? (
					<>
						<dt>{t.interpellations.submittedOn}</dt>
						<dd>{formatChineseDate(i.submittedOn)}</dd>
					</>
				) : null}
				{i.clauses.length ? (
					<>
						<dt>{t.interpellations.clauses}</dt>
						<dd className="badge-list">
							{i.clauses.map((c) => (
								<Link key={c.id} className="badge" to={`/clauses/${c.id}`}>
									{c.label}
								</Link>
							))}
						</dd>
					</>
				) : null}
			</dl>
			<h3>{t.interpellations.questions}</h3>
			<Paragraphs text={i.questions} />
		</section>
	)
}

export function SignersSection({ page, lastResult }: { page: PageData; lastResult: LastResultOf }) {
	const t = useT()
	const i = page.interpellation
	const draft = i.state === 'draft'
	const short = Math.max(0, page.needed - page.signerCount)
	return (
		<section className="card" aria-labelledby="signers-heading">
			<h2 id="signers-heading">{t.interpellations.signers}</h2>
			<p>
				{draft ? fill(t.interpellations.signerCountDraft, { count: page.signerCount, needed: page.needed }) : fill(t.interpellations.signerCount, { count: page.signerCount })}
			</p>
			<ul className="interpellation-signers">
				{page.signers.map((signer) => (
					<li key={signer.memberId}>
						<span>{signer.name}</span> <span className={`badge signer-status signer-status--${signer.status}`}>{t.interpellations.signerStatuses[signer.status]}</span>
						{signer.onPaper ? <span className="muted small"> {t.interpellations.onPaper}</span> : null}
						{page.steps.includes('strikeSignature') && signer.status === 'signed' ? (
							<Form method="post" className="inline-form">
								<input type="hidden" name="memberId" value={signer.memberId} />
								<SubmitButton name="intent" value="strikeSignature" className="link-button">
									{fill(t.interpellations.strike, { name: signer.name })}
								</SubmitButton>
							</Form>
						) : null}
					</li>
				))}
			</ul>
			{page.steps.includes('sign') ? (
				<StepButton intent="sign" label={t.interpellations.steps.sign} hint={t.interpellations.signHint} lastResult={lastResult('sign')} />
			) : null}
			{page.steps.includes('withdrawSignature') ? (
				<StepButton intent="withdrawSignature" label={t.interpellations.steps.withdrawSignature} hint={t.interpellations.withdrawSignatureHint} lastResult={lastResult('withdrawSignature')} secondary />
			) : null}
			{page.steps.includes('invite') && page.inviteChoices.length ? <InviteForm choices={page.inviteChoices} lastResult={lastResult('invite')} /> : null}
			{page.steps.includes('recordSignature') && page.paperChoices.length ? <RecordSignerForm choices={page.paperChoices} lastResult={lastResult('recordSignature')} /> : null}
			{page.steps.includes('submit') ? (
				<StepButton
					intent="submit"
					label={t.interpellations.steps.submit}
					hint={short > 0 ? fill(t.interpellations.submitShort, { short, needed: page.needed }) : t.interpellations.submitHint}
					version={i.version}
					lastResult={lastResult('submit')}
				/>
			) : null}
			{page.steps.includes('withdraw') ? (
				<StepButton intent="withdraw" label={t.interpellations.steps.withdraw} hint={t.interpellations.withdrawHint} version={i.version} lastResult={lastResult('withdraw')} secondary />
			) : null}
		</section>
	)
}

export function CouncilSection({ page, lastResult }: { page: PageData; lastResult: LastResultOf }) {
	const t = useT()
	const i = page.interpellation
	if (i.state === 'draft' || i.state === 'withdrawn') return null
	return (
		<section className="card" aria-labelledby="council-heading">
			<h2 id="council-heading">{t.interpellations.council}</h2>
			{i.referralDecidedOn ? (
				<p>
					{i.state === 'not_referred'
						? fill(t.interpellations.notReferredOn, { date: formatChineseDate(i.referralDecidedOn) })
						: fill(t.interpellations.referredOn, { date: formatChineseDate(i.referralDecidedOn), agency: i.target.name })}
				</p>
			) : (
				<p className="empty">{t.interpellations.awaitingCouncil}</p>
			)}
			{i.referralNote ? <Paragraphs text={i.referralNote} /> : null}
			{page.steps.includes('refer') ? <ReferForm page={page} lastResult={lastResult('refer')} /> : null}
		</section>
	)
}

type Round = PageData['rounds'][number]

function arrangementText(t: ReturnType<typeof useT>, round: Round) {
	if (round.mode === 'written') return t.interpellations.modes.written
	if (round.meeting) return fill(t.interpellations.oralAt, { meeting: round.meeting.label })
	return fill(t.interpellations.oralAt, { meeting: round.specialMeeting ?? '' })
}

export function RoundsSection({ page, lastResult }: { page: PageData; lastResult: LastResultOf }) {
	const t = useT()
	const i = page.interpellation
	const several = page.rounds.length > 1
	return (
		<>
			{page.rounds.map((round) => {
				const current = round.round === i.round
				const headingId = `round-${round.round}-heading`
				return (
					<section key={round.round} className="card interpellation-round" aria-labelledby={headingId}>
						<h2 id={headingId}>{several ? fill(t.interpellations.roundN, { n: round.round }) : t.interpellations.answerTitle}</h2>
						<dl className="facts">
							<dt>{t.interpellations.decidedOn}</dt>
							<dd>{formatChineseDate(round.decidedOn)}</dd>
							<dt>{t.interpellations.mode}</dt>
							<dd>
								{arrangementText(t, round)}
								{round.meeting ? (
									<>
										{' '}
										<Link to={`/meetings/${round.meeting.id}`}>{t.interpellations.openMeeting}</Link>
									</>
								) : null}
							</dd>
							{round.dueOn ? (
								<>
									<dt>{round.mode === 'written' ? t.interpellations.dueOn : t.interpellations.meetingDay}</dt>
									<dd>
										{formatChineseDate(round.dueOn)}
										{round.overdueDays > 0 ? <strong className="overdue"> {fill(t.interpellations.overdueBy, { days: round.overdueDays })}</strong> : null}
									</dd>
								</>
							) : null}
						</dl>
						<h3>{t.interpellations.answer}</h3>
						{round.answer ? (
							<>
								<p className="interpellation-answerer">
									{fill(round.mode === 'oral' ? t.interpellations.answeredOrally : t.interpellations.answeredInWriting, {
										name: round.answer.name,
										title: round.answer.title,
										date: formatChineseDate(round.answer.on),
									})}
								</p>
								<Paragraphs text={round.answer.text} />
								{round.answer.enteredBy ? <p className="muted small">{fill(t.interpellations.enteredBy, { name: round.answer.enteredBy })}</p> : null}
							</>
						) : (
							<p className="empty">{round.mode === 'oral' ? t.interpellations.awaitingOral : t.interpellations.awaitingWritten}</p>
						)}
						{current && page.steps.includes('answer') ? <AnswerForm page={page} lastResult={lastResult('answer')} /> : null}
						{round.answer ? <Verdicts page={page} round={round} current={current} lastResult={lastResult} /> : null}
						<Reanswer page={page} round={round} current={current} lastResult={lastResult} />
					</section>
				)
			})}
		</>
	)
}

function Verdicts({ page, round, current, lastResult }: { page: PageData; round: Round; current: boolean; lastResult: LastResultOf }) {
	const t = useT()
	return (
		<>
			<h3>{t.interpellations.verdictsTitle}</h3>
			<p>{fill(t.interpellations.verdictCounts, { satisfied: round.satisfied, unsatisfied: round.unsatisfied, signers: page.signerCount })}</p>
			{round.verdicts && round.verdicts.length ? (
				<ul className="interpellation-verdicts">
					{round.verdicts.map((v) => (
						<li key={v.name}>
							{v.name}：<span className={`verdict verdict--${v.verdict}`}>{t.interpellations.verdicts[v.verdict]}</span>
						</li>
					))}
				</ul>
			) : null}
			{current && page.steps.includes('judge') ? <VerdictForm current={page.me.verdict} lastResult={lastResult('judge')} /> : null}
			{current && page.steps.includes('requestReanswer') ? (
				<StepButton intent="requestReanswer" label={t.interpellations.steps.requestReanswer} hint={t.interpellations.requestReanswerHint} lastResult={lastResult('requestReanswer')} />
			) : null}
			{current && page.steps.includes('close') ? (
				<StepButton intent="close" label={t.interpellations.steps.close} hint={t.interpellations.closeHint} version={page.interpellation.version} lastResult={lastResult('close')} secondary />
			) : null}
		</>
	)
}

function Reanswer({ page, round, current, lastResult }: { page: PageData; round: Round; current: boolean; lastResult: LastResultOf }) {
	const t = useT()
	if (!round.reanswerRequestedOn) return null
	return (
		<>
			<h3>{t.interpellations.reanswerTitle}</h3>
			<p>{fill(t.interpellations.reanswerRequestedOn, { date: formatChineseDate(round.reanswerRequestedOn) })}</p>
			{round.reanswerDecision && round.reanswerDecidedOn ? (
				<p>{fill(t.interpellations.reanswerDecided[round.reanswerDecision], { date: formatChineseDate(round.reanswerDecidedOn) })}</p>
			) : (
				<p className="empty">{t.interpellations.awaitingCouncil}</p>
			)}
			{round.reanswerNote ? <Paragraphs text={round.reanswerNote} /> : null}
			{current && page.steps.includes('decideReanswer') ? <ReanswerForm page={page} lastResult={lastResult('decideReanswer')} /> : null}
		</>
	)
}
