import { describe, expect, it } from 'vitest';
import { contentDisposition, judgeUpload, safeFilename } from './file-types';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'rest');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], 'rest');
const GIF = bytes('GIF89a rest');
const WEBP = bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ');
const PDF = bytes('%PDF-1.7 rest');
const MP4 = bytes([0, 0, 0, 0x18], 'ftypmp42');
const HTML = bytes('<!DOCTYPE html><script>alert(1)</script>');

describe('judgeUpload: the bytes decide, not the name', () => {
  it.each([
    ['png', 'a.png', PNG, 'image/png'],
    ['jpg', 'a.JPG', JPEG, 'image/jpeg'],
    ['jpeg', 'a.jpeg', JPEG, 'image/jpeg'],
    ['gif', 'a.gif', GIF, 'image/gif'],
    ['webp', 'a.webp', WEBP, 'image/webp'],
    ['pdf', 'brief.pdf', PDF, 'application/pdf'],
    ['mp4', 'reel.mp4', MP4, 'video/mp4'],
    ['txt', 'captions.txt', bytes('Caption 1 — café ☕\n'), 'text/plain; charset=utf-8'],
  ])('accepts %s', (_label, name, data, type) => {
    expect(judgeUpload(name, data)).toMatchObject({ ok: true, contentType: type });
  });

  it.each([
    ['HTML renamed .png', 'evil.png', HTML],
    ['HTML renamed .txt', 'evil.txt', HTML],
    ['SVG renamed .txt', 'x.txt', bytes('<svg onload=alert(1)>')],
    ['a PNG named .jpg', 'a.jpg', PNG],
    ['a PDF named .txt', 'a.txt', PDF],
    ['binary named .txt', 'a.txt', bytes([0x00, 0x01, 0x02])],
    ['an .html file', 'page.html', HTML],
    ['an .svg file', 'logo.svg', bytes('<svg/>')],
    ['no extension', 'README', bytes('hello')],
    ['an empty file', 'a.png', bytes()],
  ])('refuses %s', (_label, name, data) => {
    expect(judgeUpload(name, data).ok).toBe(false);
  });
});

describe('names and disposition', () => {
  it.each([
    ['../../etc/passwd.txt', 'passwd.txt'],
    ['C:\\Users\\x\\shot.png', 'shot.png'],
    ['a"b\u0007.png', 'ab.png'],
    ['', 'file'],
  ])('safeFilename(%j) = %j', (input, out) => {
    expect(safeFilename(input)).toBe(out);
  });

  it('keeps the extension of a long name', () => {
    const name = safeFilename(`${'x'.repeat(300)}.png`);
    expect(name).toHaveLength(120);
    expect(name.endsWith('.png')).toBe(true);
  });

  it('always says attachment, with an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('café menu.pdf')).toBe(
      `attachment; filename="caf_ menu.pdf"; filename*=UTF-8''caf%C3%A9%20menu.pdf`,
    );
  });
});
