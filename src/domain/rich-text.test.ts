import { describe, expect, it } from 'vitest';
import { findMentions, tokenizeComment } from './rich-text';

const people = [
  { userId: 'u1', name: 'Lina Okafor' },
  { userId: 'u2', name: 'Jonathan Reisch' },
  { userId: 'u3', name: 'Jonathan Park' },
  { userId: 'u4', name: 'Priya Nair' },
];

describe('findMentions (R18 thread)', () => {
  it.each([
    ['a full name', 'Thanks @Lina Okafor!', ['u1']],
    ['a unique first name', '@priya can you look?', ['u4']],
    ['not a shared first name', '@Jonathan please', []],
    ['the longest name wins', '@Jonathan Park and @Jonathan Reisch', ['u3', 'u2']],
    ['each person once', '@Lina @Lina Okafor', ['u1']],
    ['not an e-mail address', 'write to lina@Lina.com', []],
    ['not a name that continues', '@Linada is not Lina', []],
    ['nobody', 'no mentions here', []],
  ])('finds %s', (_label, body, ids) => {
    expect(findMentions(body, people).map((p) => p.userId)).toEqual(ids);
  });
});

describe('tokenizeComment', () => {
  it('splits text, links and mentions, leaving sentence punctuation out of links', () => {
    const tokens = tokenizeComment('See https://drive.google.com/x?a=1. Ping @Lina Okafor.', [
      people[0],
    ]);
    expect(tokens).toEqual([
      { kind: 'text', text: 'See ' },
      {
        kind: 'link',
        text: 'https://drive.google.com/x?a=1',
        href: 'https://drive.google.com/x?a=1',
      },
      { kind: 'text', text: '. Ping ' },
      { kind: 'mention', text: '@Lina Okafor', userId: 'u1' },
      { kind: 'text', text: '.' },
    ]);
  });

  it.each([
    ['javascript: links stay text', 'javascript:alert(1)'],
    ['HTML stays text', '<img src=x onerror=alert(1)>'],
    ['data: URLs stay text', 'data:text/html,<script>alert(1)</script>'],
  ])('%s', (_label, body) => {
    expect(tokenizeComment(body, people)).toEqual([{ kind: 'text', text: body }]);
  });

  it('keeps an @ inside a link as part of the link', () => {
    const tokens = tokenizeComment('https://example.com/@Lina', people);
    expect(tokens).toEqual([
      { kind: 'link', text: 'https://example.com/@Lina', href: 'https://example.com/@Lina' },
    ]);
  });
});
