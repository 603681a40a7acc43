/**
 * Which uploads are accepted and as what (pure). The bytes decide the type: a page of HTML renamed
 * `.png` is refused, and a file is only ever served with a content type from this whitelist.
 */

export type FileKind = 'png' | 'jpeg' | 'gif' | 'webp' | 'pdf' | 'mp4' | 'txt';

export const CONTENT_TYPES: Record<FileKind, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
  txt: 'text/plain; charset=utf-8',
};

const BY_EXTENSION: Record<string, FileKind> = {
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  gif: 'gif',
  webp: 'webp',
  pdf: 'pdf',
  mp4: 'mp4',
  txt: 'txt',
};

const startsWith = (b: Uint8Array, bytes: number[], at = 0) =>
  b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The binary type the bytes announce, or null (text is judged separately). */
export function sniffBinary(b: Uint8Array): Exclude<FileKind, 'txt'> | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))) return 'gif';
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(b, ascii('%PDF-'))) return 'pdf';
  if (startsWith(b, ascii('ftyp'), 4)) return 'mp4';
  return null;
}

// Markup a browser could render if anything ever served the file inline.
const MARKUP = /^\s*<(?:!doctype|html|head|body|script|svg|\?xml|iframe|meta|object|embed)\b/i;

/** Plain UTF-8 text: decodes strictly, has no NUL or other binary control bytes, is not markup. */
export function isPlainText(b: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return false;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: binary control bytes are what we look for
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return false;
  return !MARKUP.test(text.replace(/^\uFEFF/, ''));
}

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

export type FileVerdict =
  | { ok: true; kind: FileKind; contentType: string }
  | { ok: false; reason: string };

const ALLOWED = 'PNG, JPEG, GIF, WebP, PDF, MP4 or plain text';

/** Accepts a file when its extension is allowed and its bytes are really of that type. */
export function judgeUpload(filename: string, bytes: Uint8Array): FileVerdict {
  const ext = extensionOf(filename);
  const claimed = BY_EXTENSION[ext];
  if (!claimed) return { ok: false, reason: `Only ${ALLOWED} files can be attached` };
  if (bytes.length === 0) return { ok: false, reason: 'The file is empty' };
  const sniffed = sniffBinary(bytes);
  if (claimed === 'txt') {
    return sniffed === null && isPlainText(bytes)
      ? { ok: true, kind: 'txt', contentType: CONTENT_TYPES.txt }
      : { ok: false, reason: `${filename} is not plain text` };
  }
  if (sniffed !== claimed) {
    return {
      ok: false,
      reason: `${filename} does not contain ${ext.toUpperCase()} data (its content was checked, not just its name)`,
    };
  }
  return { ok: true, kind: sniffed, contentType: CONTENT_TYPES[sniffed] };
}

/**
 * A file name safe to store and show: no folders, no control characters, at most 120 characters,
 * keeping the extension.
 */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we strip
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (clean.length <= 120) return clean || 'file';
  const ext = extensionOf(clean);
  return `${clean.slice(0, 120 - ext.length - 1)}.${ext}`;
}

/** `attachment` with an ASCII fallback name and the UTF-8 one (RFC 6266 / 5987). */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
