import { Form } from '@remix-run/react'
import { Notice, SubmitButton } from '~/components/forms'
import { formatChineseDate, type IsoDate } from '~/domain/dates'
import { fill, useLang, useT } from '~/i18n/i18n'

// 订阅日历: the one-off .ics download and the secret feed address. The address is in the page
// only in the answer to "generate" (the server keeps its hash alone), so it is shown once.

export function FeedPanel({
	feedSince,
	generatedUrl,
	notice,
	error,
}: {
	feedSince: IsoDate | null
	generatedUrl: string | null
	notice: string | null
	error: string | null
}) {
	const t = useT()
	const lang = useLang()
	const s = t.calendar.subscribe
	return (
		<section className="card cal-subscribe" aria-labelledby="cal-subscribe-heading">
			<h2 id="cal-subscribe-heading">{s.title}</h2>
			<p>
				<a href="/calendar.ics" download="calendar.ics">
					{s.download}
				</a>
				<br />
				<span className="small muted">{s.downloadHint}</span>
			</p>
			<h3>{s.feedTitle}</h3>
			<p className="small">{s.feedIntro}</p>
			<p className="small">
				<strong>{s.feedOnce}</strong>
			</p>
			{error ? <Notice kind="error">{error}</Notice> : null}
			{notice ? <Notice kind="ok">{notice}</Notice> : null}
			{generatedUrl ? (
				<Notice kind="ok">
					<p>{s.generated}</p>
					<label className="field">
						<span>{s.addressLabel}</span>
						<input type="text" readOnly value={generatedUrl} className="cal-subscribe__address" onFocus={(e) => e.currentTarget.select()} />
					</label>
					<p className="small">
						<a href={generatedUrl.replace(/^https?:/, 'webcal:')}>{s.openInApp}</a>
					</p>
				</Notice>
			) : null}
			<p>{feedSince ? fill(s.active, { date: lang === 'en' ? feedSince : formatChineseDate(feedSince) }) : s.inactive}</p>
			<div className="toolbar">
				<Form method="post">
					<SubmitButton name="intent" value="generate" className="button button--small">
						{feedSince ? s.regenerate : s.generate}
					</SubmitButton>
				</Form>
				{feedSince ? (
					<Form method="post">
						<SubmitButton name="intent" value="revoke" className="button button--small button--secondary">
							{s.revoke}
						</SubmitButton>
					</Form>
				) : null}
			</div>
			{feedSince ? <p className="small muted">{s.regenerateHint}</p> : null}
		</section>
	)
}
