import { type MentionPerson, tokenizeComment } from '../../../domain/rich-text';

/**
 * A comment's text with its links and @mentions, rendered as React text and anchors: nothing a
 * person writes ever becomes HTML.
 */
export function RichText({ body, mentions }: { body: string; mentions: MentionPerson[] }) {
  return (
    <p className="whitespace-pre-wrap break-words">
      {tokenizeComment(body, mentions).map((t, i) => {
        const key = `${i}:${t.kind}`;
        if (t.kind === 'link')
          return (
            <a
              key={key}
              href={t.href}
              target="_blank"
              rel="noopener noreferrer nofollow"
              className="text-accent underline underline-offset-2"
            >
              {t.text}
            </a>
          );
        if (t.kind === 'mention')
          return (
            <span key={key} className="rounded bg-accent/10 px-0.5 font-medium text-accent">
              {t.text}
            </span>
          );
        return <span key={key}>{t.text}</span>;
      })}
    </p>
  );
}
