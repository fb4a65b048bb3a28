import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '#db/client.server'
import { notFound, requirePermission } from '~/auth/guards.server'
import { primaryInstrumentId } from '~/models/instruments.server'

// The decision under supervision: the first instrument. Its canonical page is /instruments/:id.
export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'record:read')
	const id = await primaryInstrumentId(getDb())
	if (!id) throw notFound()
	throw redirect(`/instruments/${id}`)
}
