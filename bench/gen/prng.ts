/**
 * A seeded PRNG (mulberry32) and helpers, so the same size and seed always give the same data set:
 * figures from two runs compare like with like.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    const total = table.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of table) {
      r -= w;
      if (r < 0) return value;
    }
    return table[table.length - 1][0];
  }

  /** `n` distinct items (or all of them when there are fewer). */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < n && copy.length > 0) {
      out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    }
    return out;
  }
}

/** Deterministic version-4-shaped UUIDs from their own stream, so ids do not shift with content. */
export class IdSource {
  private readonly rng: Rng;

  constructor(seed: number) {
    this.rng = new Rng(seed ^ 0x5bd1e995);
  }

  next(): string {
    const hex = (n: number) =>
      Math.floor(this.rng.next() * 0x100000000)
        .toString(16)
        .padStart(8, '0')
        .slice(0, n);
    const a = hex(8);
    const b = hex(8);
    const c = hex(8);
    const d = hex(8);
    const variant = ((Number.parseInt(c[0], 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
  }
}

const WORDS =
  'draft caption reel carousel brand voice launch audience hook story grid palette logo font tone copy schedule approval client feedback revision export format crop colour contrast headline hashtag handle teaser giveaway creator shortlist outreach report engagement reach saves shares comments weekly monthly calendar pillar seasonal campaign product photo video cut subtitle music licence deadline review checklist version final please thanks updated attached link folder'.split(
    ' ',
  );

/** A plausible sentence-ish text of about `length` characters. */
export function prose(rng: Rng, length: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const w = rng.pick(WORDS);
    parts.push(w);
    size += w.length + 1;
  }
  const text = parts.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}
