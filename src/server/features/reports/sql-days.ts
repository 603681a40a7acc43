import { type RawBuilder, sql } from 'kysely';

/**
 * Calendar arithmetic on ISO text in plain integer SQL (CAST, +, -, *, / and % behave the same on
 * SQLite and PostgreSQL), so "done by the end of the due day in the workspace's zone" needs no
 * dialect-specific date functions.
 */

const int = (text: RawBuilder<unknown>) => sql<number>`cast(${text} as integer)`;

/** Days since 1970-01-01 of the 'YYYY-MM-DD' that starts `col` (Hinnant's days_from_civil). */
export function epochDaySql(col: string): RawBuilder<number> {
  const ref = sql.ref(col);
  const y = int(sql`substr(${ref}, 1, 4)`);
  const m = int(sql`substr(${ref}, 6, 2)`);
  const d = int(sql`substr(${ref}, 9, 2)`);
  const yy = sql`(${y} - case when ${m} <= 2 then 1 else 0 end)`;
  const era = sql`(${yy} / 400)`;
  const yoe = sql`(${yy} - ${era} * 400)`;
  const doy = sql`((153 * ((${m} + 9) % 12) + 2) / 5 + ${d} - 1)`;
  return sql<number>`(${era} * 146097 + ${yoe} * 365 + ${yoe} / 4 - ${yoe} / 100 + ${doy} - 719468)`;
}

/**
 * The calendar day (as an epoch day) of the ISO UTC instant in `col` in a zone `offsetMinutes`
 * ahead of UTC: the UTC day, moved one back or forward when the offset crosses midnight.
 */
export function localEpochDaySql(col: string, offsetMinutes: number): RawBuilder<number> {
  const ref = sql.ref(col);
  const minutes = sql`(${int(sql`substr(${ref}, 12, 2)`)} * 60 + ${int(sql`substr(${ref}, 15, 2)`)})`;
  const shift = sql`((${minutes} + ${sql.lit(Math.trunc(offsetMinutes) + 1440)}) / 1440 - 1)`;
  return sql<number>`(${epochDaySql(col)} + ${shift})`;
}
