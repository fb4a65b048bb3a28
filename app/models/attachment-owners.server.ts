import * as deliberation from './deliberation.server'
import * as findings from './findings.server'
import * as reports from './reports.server'

// Each kind of record that has files registers who may read them (registerAttachmentOwner)
// when its module loads. Code that serves files names the modules here so all are loaded;
// a route must use this through a named import in its loader (a bare import of a server
// module would end up in the browser bundle).
export const attachmentOwnerModules = [reports, deliberation, findings]
