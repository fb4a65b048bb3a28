import { useForm, type DefaultValue, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import type { z } from 'zod'

// A form checked in the browser by the same zod schema as its action: the browser's own
// constraints, then the schema when a field is left (or the form is sent), and again as the
// user corrects it. The server's answer (lastResult) comes back into the form.
export function useSchemaForm<Schema extends z.ZodType<Record<string, unknown>, Record<string, unknown>>>(
	schema: Schema,
	options: {
		id: string
		lastResult: SubmissionResult<Array<string>> | null | undefined
		defaultValue?: DefaultValue<z.input<Schema>>
		shouldValidate?: 'onBlur' | 'onSubmit'
	},
) {
	return useForm<z.input<Schema>, z.output<Schema>>({
		id: options.id,
		lastResult: options.lastResult,
		defaultValue: options.defaultValue,
		constraint: getZodConstraint(schema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
		shouldValidate: options.shouldValidate ?? 'onBlur',
		shouldRevalidate: 'onInput',
	})
}
