import type { Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema';
import { IdSource, Rng } from './prng';
import type { Writer } from './writer';

/** Sizes of issue #10: L is a large agency; M = L/10, S = L/100. */
export type SizeName = 'S' | 'M' | 'L';

export interface SizeSpec {
  clients: number;
  contractors: number;
  tasks: number;
  /** Comments per parent task on average (0–2× this, uniformly). */
  commentsPerTask: number;
  invoices: number;
}

const L: SizeSpec = {
  clients: 300,
  contractors: 150,
  tasks: 60_000,
  commentsPerTask: 10,
  invoices: 20_000,
};

export const SIZES: Record<SizeName, SizeSpec> = {
  L,
  M: scale(L, 10),
  S: scale(L, 100),
};

function scale(s: SizeSpec, by: number): SizeSpec {
  return {
    clients: Math.ceil(s.clients / by),
    contractors: Math.ceil(s.contractors / by),
    tasks: Math.ceil(s.tasks / by),
    commentsPerTask: s.commentsPerTask,
    invoices: Math.ceil(s.invoices / by),
  };
}

/**
 * The data set is "as of" a fixed day, so it is the same whoever generates it, whenever: five
 * years of monthly work, 2022-01 to 2026-12, with the board month (2026-11) in full swing.
 */
export const AS_OF = '2026-11-25';
export const FIRST_MONTH = '2022-01';
export const MONTHS = 60;
export const BOARD_MONTH = '2026-11';
export const BENCH_PASSWORD = 'handoff-demo';
export const SEED = 20261125;

export interface TypeInfo {
  id: string;
  key: string;
  name: string;
  unit: 'item' | 'hour' | 'calendar';
  days: number;
  amountMinor: number;
}

export interface ContractorInfo {
  id: string;
  userId: string | null;
  name: string;
  currency: string;
  skills: number[];
  /** Negotiated amount per type index, when there is one. */
  negotiated: Map<number, number>;
}

export interface ClientInfo {
  id: string;
  name: string;
  strategist: string;
  oneSheeterVersion: number;
  /** Contractors who work for this client (indexes into contractors). */
  pool: number[];
  weight: number;
}

export interface BenchUsers {
  admin: string;
  coordinator: string;
  strategists: string[];
  qa: string;
  finance: string;
  contractors: string[];
  /** E-mail of the signed-in contractor with a realistic load. */
  contractorEmail: string;
}

/** What the phases share while they generate. */
export interface World {
  db: Kysely<DB>;
  writer: Writer;
  size: SizeSpec;
  rng: Rng;
  ids: IdSource;
  workspaceId: string;
  users: BenchUsers;
  types: TypeInfo[];
  clients: ClientInfo[];
  contractors: ContractorInfo[];
  /** Closed parent tasks to bill, collected while tasks are written. */
  billable: BillableTask[];
  /** The first time each (client, contractor) pair worked together. */
  pairings: Map<string, string>;
}

export interface BillableTask {
  taskId: string;
  contractor: number;
  due: string;
  items: {
    id: string;
    name: string;
    quantity: number;
    unit: number;
    amount: number;
    unitName: string;
  }[];
}

export function newWorld(
  db: Kysely<DB>,
  writer: Writer,
  size: SizeSpec,
  workspaceId: string,
  users: BenchUsers,
): World {
  return {
    db,
    writer,
    size,
    rng: new Rng(SEED),
    ids: new IdSource(SEED),
    workspaceId,
    users,
    types: [],
    clients: [],
    contractors: [],
    billable: [],
    pairings: new Map(),
  };
}

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The earlier of two ISO dates: nothing is dated after the data set's "today". */
export function notAfter(date: string, limit: string): string {
  if (date < limit) return date;
  return limit;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function monthAt(index: number): string {
  const [y, m] = FIRST_MONTH.split('-').map(Number);
  const total = y * 12 + (m - 1) + index;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** An instant on `date` at a time drawn from the working day (UTC). */
export function instantOn(rng: Rng, date: string): string {
  const minutes = rng.int(8 * 60, 19 * 60);
  const secs = rng.int(0, 59);
  return `${date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:${String(secs).padStart(2, '0')}.${String(rng.int(0, 999)).padStart(3, '0')}Z`;
}
