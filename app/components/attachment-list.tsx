import type { ReactNode } from 'react'
import { formatChineseDate } from '~/domain/dates'
import { useLang, useT } from '~/i18n/i18n'

export type ListedAttachment = { id: number; fileName: string; size: number; uploadedOn: string }

// 1.2 MB, 340 KB, 12 B
export function formatSize(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
	if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
	return `${bytes} B`
}

// The files of a record, each a download link keeping its Chinese name; `tools` adds a control
// per file (a remove button where the user may remove it).
export function AttachmentList({ files, tools }: { files: Array<ListedAttachment>; tools?: (file: ListedAttachment) => ReactNode }) {
	const t = useT()
	const lang = useLang()
	if (files.length === 0) return <p className="muted">{t.attachments.none}</p>
	return (
		<ul className="attachment-list">
			{files.map((file) => (
				<li key={file.id}>
					<a href={`/attachments/${file.id}`} download={file.fileName}>
						{file.fileName}
					</a>
					<span className="muted small">
						{formatSize(file.size)} · {lang === 'zh' ? formatChineseDate(file.uploadedOn) : file.uploadedOn}
					</span>
					{tools ? tools(file) : null}
				</li>
			))}
		</ul>
	)
}
