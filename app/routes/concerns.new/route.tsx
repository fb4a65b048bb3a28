import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { concernDraftSchema, draftInput } from '~/components/concern-form-schema'
import { ConcernForm } from '~/components/concern-form'
import { shanghaiDate } from '~/domain/dates'
import { readUploadSubmission } from '~/http/files.server'
import { attempt } from '~/http/outcomes.server'
import { messagesFor, useT } from '~/i18n/i18n'
import { fileConcern } from '~/models/concerns/mutations.server'
import { concernFormChoices } from '~/models/concerns/queries.server'

export const meta: MetaFunction = () => [{ title: '提出建议 · 代表建议 · 监督追踪' }]

export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'concerns:file')
	return concernFormChoices(getDb(), user.id)
}

// A deputy files a concern, as a draft or handed to the office at once; what was typed comes back
// with the message when anything is wrong, the files to be chosen again.
export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'concerns:file')
	const t = messagesFor(args.request)
	const read = await readUploadSubmission(args.request, t, concernDraftSchema(t))
	if (!read.ok) return data({ result: read.submission.reply(read.problems.length ? { fieldErrors: { attachments: read.problems } } : undefined), attachmentErrors: read.problems }, { status: read.status })
	const submit = read.value.intent === 'submit'
	const outcome = await attempt(t, () => fileConcern(getDb(), user, { ...draftInput(read.value), files: read.files, submit, today: shanghaiDate(new Date()) }))
	if (!outcome.ok) return data({ result: read.submission.reply({ formErrors: [outcome.message] }), attachmentErrors: [] }, { status: outcome.status })
	return redirect(`/concerns/${outcome.value}?done=${submit ? 'filed' : 'drafted'}`)
}

export default function NewConcernPage() {
	const choices = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<nav className="breadcrumbs" aria-label={t.concerns.breadcrumbs}>
				<Link to="/concerns">{t.concerns.title}</Link> › {t.concerns.file}
			</nav>
			<div className="page-head">
				<h1>{t.concerns.file}</h1>
			</div>
			<p className="muted">{t.concerns.intro}</p>
			<section className="card">
				<ConcernForm id="concern-file" choices={choices} lastResult={actionData?.result} attachmentErrors={actionData?.attachmentErrors} />
			</section>
		</>
	)
}
