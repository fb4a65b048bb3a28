import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, notFound, parseId, requirePermission, type RequestArgs } from '~/auth/guards.server'
import { AttachmentList } from '~/components/attachment-list'
import { concernDraftSchema, draftInput } from '~/components/concern-form-schema'
import { ConcernForm } from '~/components/concern-form'
import { concernPolicy } from '~/domain/concerns'
import { shanghaiDate } from '~/domain/dates'
import { readUploadSubmission } from '~/http/files.server'
import { attempt } from '~/http/outcomes.server'
import { messagesFor, useT } from '~/i18n/i18n'
import { listAttachments } from '~/models/attachments.server'
import { editDraft } from '~/models/concerns/mutations.server'
import { concernFormChoices, concernParts, constituentsFor, getReadableConcern } from '~/models/concerns/queries.server'
import { loadSettings } from '~/models/settings.server'

export const meta: MetaFunction = () => [{ title: '修改草稿 · 代表建议 · 监督追踪' }]

// The filing deputy's draft, as long as it is one; anyone else, or a concern handed in, is 404.
async function loadDraft(args: RequestArgs & { params: LoaderFunctionArgs['params'] }) {
	const user = await requirePermission(args, 'concerns:file')
	const db = getDb()
	const loaded = await getReadableConcern(db, user, parseId(args.params.concernId))
	invariantFound(loaded)
	const policy = concernPolicy(user, loaded.policyConcern, loaded.relation, shanghaiDate(new Date()), await loadSettings(db))
	if (!policy.steps.includes('edit')) throw notFound()
	return { user, db, loaded }
}

export async function loader(args: LoaderFunctionArgs) {
	const { user, db, loaded } = await loadDraft(args)
	const c = loaded.concern
	const [choices, parts, constituents, files] = await Promise.all([
		concernFormChoices(db, user.id),
		concernParts(db, user, loaded),
		constituentsFor(db, c.id, 'full'),
		listAttachments(db, 'concern', c.id),
	])
	return {
		choices,
		id: c.id,
		title: c.title,
		initial: {
			version: c.version,
			title: c.title,
			description: c.description,
			district: c.district,
			community: c.community,
			categoryId: c.categoryId,
			clauseIds: parts.clauses.map((clause) => clause.id),
			cosignerIds: parts.cosigners.map((d) => d.id),
			constituents: constituents.map((p) => ({ name: p.name, phone: p.phone })),
		},
		files: files.map((f) => ({ id: f.id, fileName: f.fileName, size: f.size, uploadedOn: shanghaiDate(f.createdAt) })),
	}
}

export async function action(args: ActionFunctionArgs) {
	const { user, db, loaded } = await loadDraft(args)
	const t = messagesFor(args.request)
	const read = await readUploadSubmission(args.request, t, concernDraftSchema(t))
	if (!read.ok) return data({ result: read.submission.reply(read.problems.length ? { fieldErrors: { attachments: read.problems } } : undefined), attachmentErrors: read.problems }, { status: read.status })
	const submit = read.value.intent === 'submit'
	const outcome = await attempt(t, () =>
		editDraft(db, user, { ...draftInput(read.value), files: read.files, concernId: loaded.concern.id, version: read.value.version ?? 0, submit, today: shanghaiDate(new Date()) }),
	)
	if (!outcome.ok) return data({ result: read.submission.reply({ formErrors: [outcome.message] }), attachmentErrors: [] }, { status: outcome.status })
	return redirect(`/concerns/${loaded.concern.id}?done=${submit ? 'filed' : 'edit'}`)
}

export default function EditConcernPage() {
	const { choices, id, title, initial, files } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<nav className="breadcrumbs" aria-label={t.concerns.breadcrumbs}>
				<Link to="/concerns">{t.concerns.title}</Link> › <Link to={`/concerns/${id}`}>{title}</Link> › {t.concerns.edit}
			</nav>
			<div className="page-head">
				<h1>{t.concerns.edit}</h1>
			</div>
			<section className="card">
				<AttachmentList files={files} />
				<ConcernForm id="concern-edit" choices={choices} lastResult={actionData?.result} initial={initial} attachmentErrors={actionData?.attachmentErrors} />
			</section>
		</>
	)
}
