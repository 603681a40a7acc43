import type { AttachmentMeta, DeliverableVersion } from '../../../contracts/workflow';
import type { AttachmentMetaRow, VersionRow } from './queries';

/** Rows → API shapes. Attachments are metadata only; the bytes come from GET /api/attachments/:id. */

const HOSTS: [RegExp, string][] = [
  [/(^|\.)drive\.google\.com$|(^|\.)docs\.google\.com$/, 'Google Drive'],
  [/(^|\.)dropbox\.com$/, 'Dropbox'],
  [/(^|\.)canva\.com$/, 'Canva'],
  [/(^|\.)figma\.com$/, 'Figma'],
  [/(^|\.)frame\.io$/, 'Frame.io'],
];

/** "Google Drive", "Dropbox", "Canva"… or the host name. */
export function linkLabel(url: string): string {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return HOSTS.find(([re]) => re.test(host))?.[1] ?? host.replace(/^www\./, '');
  } catch {
    return 'Link';
  }
}

export function presentAttachment(a: AttachmentMetaRow): AttachmentMeta {
  return {
    id: a.id,
    filename: a.filename,
    contentType: a.content_type,
    size: Number(a.size),
    createdAt: a.created_at,
  };
}

function parseLinks(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function presentVersion(v: VersionRow, files: AttachmentMetaRow[]): DeliverableVersion {
  return {
    id: v.id,
    number: v.number,
    note: v.note,
    links: parseLinks(v.links_json).map((url) => ({ url, label: linkLabel(url) })),
    attachments: files.filter((f) => f.version_id === v.id).map(presentAttachment),
    submittedBy: { userId: v.submitted_by, name: v.submitter_name ?? null },
    submittedAt: v.submitted_at,
  };
}
