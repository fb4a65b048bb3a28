import { useEffect, useRef, useState } from 'react'
import { acceptAttribute, maxAttachmentBytes, maxFilesPerUpload, maxUploadRequestBytes } from '~/domain/attachments'
import { fill, useT } from '~/i18n/i18n'
import { Field, type ListOfErrors } from './forms'

// The file input of every form that takes attachments. With JavaScript, files the server would
// refuse for their size or number are caught when chosen, before anything is sent: a request
// over the bound is refused unread, and what was typed in the form would be lost with it. The
// input is marked invalid and the form is held back until the choice is mended (the forms set
// noValidate, so the hold is a submit listener on the form that runs before React's handlers).
// Without JavaScript the server refuses and says why (the field's errors).
export function AttachmentInput({
	id,
	name,
	label,
	hint,
	errors,
}: {
	id: string
	name: string
	label?: string
	hint?: string
	errors?: ListOfErrors
}) {
	const t = useT()
	const [problems, setProblems] = useState<Array<string>>([])
	const inputRef = useRef<HTMLInputElement>(null)
	useEffect(() => {
		const input = inputRef.current
		const form = input?.form
		if (!input || !form) return
		function hold(event: SubmitEvent) {
			if (!input?.validationMessage) return
			event.preventDefault()
			event.stopPropagation()
			input.focus()
		}
		form.addEventListener('submit', hold)
		return () => form.removeEventListener('submit', hold)
	}, [])
	function check(input: HTMLInputElement) {
		const files = [...(input.files ?? [])]
		const found = files.filter((f) => f.size > maxAttachmentBytes).map((f) => fill(t.attachments.refused.tooLarge, { name: f.name }))
		if (files.length > maxFilesPerUpload) found.push(fill(t.attachments.tooManyChosen, { count: maxFilesPerUpload }))
		else if (files.reduce((sum, f) => sum + f.size, 0) > maxUploadRequestBytes) {
			found.push(fill(t.attachments.requestTooLarge, { mb: Math.floor(maxUploadRequestBytes / 1024 / 1024) }))
		}
		input.setCustomValidity(found.join(' '))
		setProblems(found)
	}
	const shown = problems.length ? problems : errors
	const errorId = `${id}-error`
	const invalid = Boolean(shown?.filter(Boolean).length)
	return (
		<Field label={label ?? t.attachments.upload} htmlFor={id} errors={shown} errorId={errorId} hint={hint ?? fill(t.attachments.uploadHint, { count: maxFilesPerUpload })}>
			<input
				ref={inputRef}
				id={id}
				type="file"
				name={name}
				multiple
				accept={acceptAttribute}
				onChange={(event) => check(event.currentTarget)}
				aria-invalid={invalid ? true : undefined}
				aria-describedby={invalid ? errorId : undefined}
			/>
		</Field>
	)
}
