import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { ErrorList, SubmitButton } from '~/components/forms'

// A step of a record's page that is one button: a form posting the step's `intent`, with the
// version the user saw where the step moves the record, a hint, and the refusal if it came back.
// Works without JavaScript. `idPrefix` keeps the form ids unique per kind of record.
export function StepButton({
	idPrefix,
	intent,
	label,
	hint,
	version,
	lastResult,
	secondary,
	className,
}: {
	idPrefix: string
	intent: string
	label: string
	hint?: ReactNode
	version?: number
	lastResult: SubmissionResult<Array<string>> | undefined
	secondary?: boolean
	className: string
}) {
	const [form] = useForm({ id: `${idPrefix}-${intent}`, lastResult })
	return (
		<Form method="post" className={`form ${className}`} {...getFormProps(form)}>
			{version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
			{hint ? <p className="muted small">{hint}</p> : null}
			<ErrorList id={form.errorId} errors={form.errors} />
			<div>
				<SubmitButton name="intent" value={intent} className={secondary ? 'button button--secondary' : 'button'}>
					{label}
				</SubmitButton>
			</div>
		</Form>
	)
}
