/**
 * The thread's "markdown-ish" text (R18): plain text in which `@Name` mentions a workspace member
 * and http(s) links become links. The server resolves mentions when a comment is posted; the web
 * renders the same tokens as React text and anchors, never as HTML.
 */

export interface MentionPerson {
  userId: string;
  name: string;
}

export type TextToken =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'mention'; text: string; userId: string };

interface Span {
  start: number;
  end: number;
  token: TextToken;
}

const WORD = /[\p{L}\p{N}_]/u;
const LINK = /https?:\/\/[^\s<>"'`]+/giu;
// A sentence's punctuation after a link is not part of it.
const TRAILING = /[.,;:!?)\]}'"»”]+$/u;

/** The name forms each person answers to: the full name, and the first name if nobody shares it. */
function aliases(people: readonly MentionPerson[]): { alias: string; person: MentionPerson }[] {
  const firsts = new Map<string, MentionPerson[]>();
  for (const p of people) {
    const first = p.name.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    if (first) firsts.set(first, [...(firsts.get(first) ?? []), p]);
  }
  const out: { alias: string; person: MentionPerson }[] = [];
  for (const p of people) {
    const full = p.name.trim().replace(/\s+/g, ' ');
    if (full) out.push({ alias: full.toLowerCase(), person: p });
    const first = full.split(' ')[0]?.toLowerCase() ?? '';
    if (first && first !== full.toLowerCase() && firsts.get(first)?.length === 1) {
      out.push({ alias: first, person: p });
    }
  }
  // Longest first, so "@Lina Okafor" wins over "@Lina".
  return out.sort((a, b) => b.alias.length - a.alias.length);
}

function mentionSpans(body: string, people: readonly MentionPerson[]): Span[] {
  const names = aliases(people);
  const lower = body.toLowerCase();
  const spans: Span[] = [];
  for (let i = body.indexOf('@'); i >= 0; i = body.indexOf('@', i + 1)) {
    if (i > 0 && WORD.test(body[i - 1])) continue; // an e-mail address, not a mention
    const hit = names.find(({ alias }) => {
      if (!lower.startsWith(alias, i + 1)) return false;
      const after = body[i + 1 + alias.length];
      return after === undefined || !WORD.test(after);
    });
    if (!hit) continue;
    const end = i + 1 + hit.alias.length;
    spans.push({
      start: i,
      end,
      token: { kind: 'mention', text: body.slice(i, end), userId: hit.person.userId },
    });
  }
  return spans;
}

function linkSpans(body: string): Span[] {
  const spans: Span[] = [];
  for (const m of body.matchAll(LINK)) {
    const text = m[0].replace(TRAILING, '');
    try {
      const url = new URL(text);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
      const start = m.index ?? 0;
      spans.push({
        start,
        end: start + text.length,
        token: { kind: 'link', text, href: url.href },
      });
    } catch {
      // Not a URL after all: stays text.
    }
  }
  return spans;
}

/** The people a comment mentions, each once, in order of first mention. */
export function findMentions(body: string, people: readonly MentionPerson[]): MentionPerson[] {
  const seen = new Map<string, MentionPerson>();
  for (const s of mentionSpans(body, people)) {
    if (s.token.kind !== 'mention') continue;
    const person = people.find((p) => p.userId === (s.token as { userId: string }).userId);
    if (person && !seen.has(person.userId)) seen.set(person.userId, person);
  }
  return [...seen.values()];
}

/** Splits a comment into text, links and the mentions it was saved with. */
export function tokenizeComment(body: string, mentions: readonly MentionPerson[]): TextToken[] {
  const spans = [...linkSpans(body), ...mentionSpans(body, mentions)].sort(
    (a, b) => a.start - b.start || b.end - a.end,
  );
  const tokens: TextToken[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue; // overlaps an earlier span (e.g. an @ inside a link)
    if (s.start > at) tokens.push({ kind: 'text', text: body.slice(at, s.start) });
    tokens.push(s.token);
    at = s.end;
  }
  if (at < body.length) tokens.push({ kind: 'text', text: body.slice(at) });
  return tokens;
}
