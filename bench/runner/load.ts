import { readFileSync } from 'node:fs';
import autocannon, { type RawRequest, type Result } from 'autocannon';

/**
 * One autocannon run on loopback with exact latencies: autocannon's own histogram keeps whole
 * milliseconds, too coarse for a 2 ms request, so every 2xx response time (a float, from
 * process.hrtime) is collected here and the percentiles computed from all of them.
 */
export interface LoadSpec {
  url: string;
  connections: number;
  seconds: number;
  /** Builds each request; runs once per request, so paths and bodies can vary. */
  next: () => RawRequest;
  /** The server process to sample for memory. */
  pid?: number;
}

export interface LoadResult {
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  errors: number;
  /** A sample failing answer, to say why. */
  failure: string | null;
  /** Highest VmRSS of the server seen during the run, in MB. */
  rssPeakMb: number | null;
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function rssMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | null {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(
      new RegExp(`${field}:\\s+(\\d+) kB`),
    );
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  let times = new Float64Array(1 << 16);
  let n = 0;
  let failure: string | null = null;
  let rssPeak: number | null = null;
  const sample = () => {
    if (!spec.pid) return;
    const v = rssMb(spec.pid);
    if (v !== null && (rssPeak === null || v > rssPeak)) rssPeak = v;
  };
  sample();
  const sampler = setInterval(sample, 200);
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: spec.seconds,
        timeout: 10,
        requests: [
          {
            setupRequest: (req) => ({ ...req, ...spec.next() }),
            onResponse: (status, body) => {
              if (failure === null && (status < 200 || status >= 300)) {
                failure = `${status} ${String(body).slice(0, 300)}`;
              }
            },
          },
        ],
      },
      (err: Error | null, result: Result) => {
        clearInterval(sampler);
        sample();
        if (err) return reject(err);
        const sorted = times.slice(0, n).sort();
        let sum = 0;
        for (let i = 0; i < n; i++) sum += sorted[i];
        resolve({
          connections: spec.connections,
          requests: result.requests.total,
          rps: result.requests.total / spec.seconds,
          p50: percentile(sorted, 50),
          p99: percentile(sorted, 99),
          mean: n ? sum / n : Number.NaN,
          errors: result.errors + result.timeouts + result.non2xx,
          failure,
          rssPeakMb: rssPeak,
        });
      },
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status < 200 || status >= 300) return;
      if (n === times.length) {
        const bigger = new Float64Array(times.length * 2);
        bigger.set(times);
        times = bigger;
      }
      times[n++] = ms;
    });
  });
}
