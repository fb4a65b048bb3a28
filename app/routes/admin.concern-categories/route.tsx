import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { ErrorList, Field, Notice, SubmitButton } from '~/components/forms'
import { recordId } from '~/domain/form-values'
import { readForm } from '~/http/forms.server'
import { attempt } from '~/http/outcomes.server'
import { fill, messagesFor, useT } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { addCategory, updateCategory } from '~/models/concerns/mutations.server'
import { listCategories } from '~/models/concerns/queries.server'

export const meta: MetaFunction = () => [{ title: '代表建议类别 · 系统管理 · 监督追踪' }]

const maxName = 30

function name(t: Messages) {
	return z
		.string({ error: t.common.required })
		.trim()
		.min(1, t.common.required)
		.max(maxName, fill(t.concerns.tooLong, { max: maxName }))
}

function addSchema(t: Messages) {
	return z.object({ intent: z.literal('add'), name: name(t) })
}

function updateSchema(t: Messages) {
	return z.object({ intent: z.literal('update'), categoryId: recordId(), version: recordId(), name: name(t), active: z.boolean().optional() })
}

// The categories deputies file under, a list in settings: added and renamed here, a category in
// use retired (no longer offered) rather than deleted, so that filed concerns keep theirs.
export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'settings:edit')
	return { categories: await listCategories(getDb(), false), saved: new URL(args.request.url).searchParams.get('saved') === '1' }
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'settings:edit')
	const t = messagesFor(args.request)
	const formData = await readForm(args.request)
	const adding = formData.get('intent') === 'add'
	const submission = parseWithZod(formData, { schema: adding ? addSchema(t) : updateSchema(t) })
	if (submission.status !== 'success') return data({ id: adding ? 'add' : String(formData.get('categoryId')), result: submission.reply() }, { status: 400 })
	const v = submission.value
	const outcome = await attempt(t, async () => {
		if (v.intent === 'add') await addCategory(getDb(), user, { name: v.name })
		else await updateCategory(getDb(), user, { categoryId: v.categoryId, version: v.version, name: v.name, active: v.active ?? false })
	})
	if (!outcome.ok) return data({ id: adding ? 'add' : String(formData.get('categoryId')), result: submission.reply({ formErrors: [outcome.message] }) }, { status: outcome.status })
	return redirect('/admin/concern-categories?saved=1')
}

type Category = ReturnType<typeof useLoaderData<typeof loader>>['categories'][number]

function CategoryRow({ category, lastResult }: { category: Category; lastResult: ReturnType<typeof useActionData<typeof action>> }) {
	const t = useT()
	const [form, fields] = useForm({
		id: `category-${category.id}`,
		lastResult: lastResult?.id === String(category.id) ? lastResult.result : undefined,
		defaultValue: { name: category.name, active: category.active ? 'on' : undefined },
		constraint: getZodConstraint(updateSchema(t)),
	})
	return (
		<li>
			<Form method="post" className="inline-form" {...getFormProps(form)}>
				<input type="hidden" name="categoryId" value={category.id} />
				<input type="hidden" name="version" value={category.version} />
				<label htmlFor={fields.name.id} className="visually-hidden">
					{t.concerns.categoryName}
				</label>
				<input {...getInputProps(fields.name, { type: 'text' })} maxLength={maxName} />
				<label className="checkbox">
					<input {...getInputProps(fields.active, { type: 'checkbox' })} /> {t.concerns.categoryActive}
				</label>
				<SubmitButton name="intent" value="update" className="button button--secondary button--small">
					{t.common.save}
				</SubmitButton>
				<ErrorList id={form.errorId} errors={[...(form.errors ?? []), ...(fields.name.errors ?? [])]} />
			</Form>
		</li>
	)
}

export default function ConcernCategoriesPage() {
	const { categories, saved } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const [form, fields] = useForm({ id: 'category-add', lastResult: actionData?.id === 'add' ? actionData.result : undefined, constraint: getZodConstraint(addSchema(t)) })
	return (
		<>
			<nav className="breadcrumbs" aria-label={t.concerns.breadcrumbs}>
				<Link to="/admin">{t.admin.title}</Link> › {t.concerns.categoriesTitle}
			</nav>
			<div className="page-head">
				<h1>{t.concerns.categoriesTitle}</h1>
			</div>
			{saved ? <Notice kind="ok">{t.concerns.categorySaved}</Notice> : null}
			<p className="muted">{t.concerns.categoriesHint}</p>
			<section className="card">
				<ul className="plain-list">
					{categories.map((category) => (
						<CategoryRow key={category.id} category={category} lastResult={actionData} />
					))}
				</ul>
				<Form method="post" className="form" {...getFormProps(form)}>
					<ErrorList id={form.errorId} errors={form.errors} />
					<Field label={t.concerns.categoryName} field={fields.name}>
						<input {...getInputProps(fields.name, { type: 'text' })} maxLength={maxName} />
					</Field>
					<div>
						<SubmitButton name="intent" value="add">
							{t.concerns.addCategory}
						</SubmitButton>
					</div>
				</Form>
			</section>
		</>
	)
}
