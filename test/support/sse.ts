/** A Server-Sent Events reader over real HTTP (inject cannot stream), for the live-updates suite. */

export interface SseMessage {
  id: string | null;
  data: Record<string, unknown>;
}

export interface SseStream {
  status: number;
  messages: SseMessage[];
  /** Comment lines (`: keep-alive`) and `retry:` values seen so far. */
  comments: string[];
  retry: number | null;
  /** Resolves with the first message (already received or coming) that matches. */
  waitFor(match: (m: SseMessage) => boolean, ms?: number): Promise<SseMessage>;
  close(): void;
}

/**
 * Opens `url` as an event stream and resolves once the server has sent its `retry:` preamble
 * (from then on the subscription is live), or with the status of a refused request.
 */
export async function openSse(
  url: string,
  headers: Record<string, string> = {},
): Promise<SseStream> {
  const abort = new AbortController();
  const res = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const stream: SseStream = {
    status: res.status,
    messages,
    comments,
    retry: null,
    waitFor(match, ms = 3000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = messages.find(match);
          if (!hit) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event in ${ms} ms; got ${JSON.stringify(messages)}`));
        }, ms);
        if (!check()) waiters.add(check);
      });
    },
    close: () => abort.abort(),
  };
  if (res.status !== 200 || !res.body) {
    await res.text().catch(() => {});
    return stream;
  }
  let ready: () => void = () => {};
  const readyOnce = new Promise<void>((r) => {
    ready = r;
  });
  const onBlock = (block: string) => {
    let id: string | null = null;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) comments.push(line.slice(1).trim());
      else if (line.startsWith('retry:')) {
        stream.retry = Number(line.slice(6));
        ready();
      } else if (line.startsWith('id:')) id = line.slice(3).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trim());
    }
    if (data.length === 0) return;
    messages.push({ id, data: JSON.parse(data.join('\n')) });
    for (const w of [...waiters]) w();
  };
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          onBlock(buffer.slice(0, cut));
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  await readyOnce;
  return stream;
}
