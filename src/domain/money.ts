/**
 * Money helpers. Amounts are always integer minor units (cents) next to an ISO 4217 code; floats
 * only ever appear transiently, inside a multiplication that is rounded straight back.
 */

const formatters = new Map<string, Intl.NumberFormat>();

// Building an Intl.NumberFormat is slow relative to formatting; lists format thousands of amounts.
function formatterFor(currency: string): Intl.NumberFormat {
  const key = currency.toUpperCase();
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency: key });
    formatters.set(key, f);
  }
  return f;
}

/** Decimal places of a currency's minor unit (USD 2, JPY 0), as Intl knows it. */
export function currencyExponent(currency: string): number {
  return formatterFor(currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Throws unless `minor` is a safe integer: money never travels as a fraction of a minor unit. */
export function assertMinor(minor: number, what = 'amount'): void {
  if (!Number.isSafeInteger(minor)) {
    throw new RangeError(`The ${what} must be a whole number of minor units, got ${minor}`);
  }
}

/** Formats integer minor units for display: formatMoney(123456, 'USD') → "$1,234.56". */
export function formatMoney(minor: number, currency: string): string {
  assertMinor(minor);
  const f = formatterFor(currency);
  return f.format(minor / 10 ** currencyExponent(currency));
}

/**
 * Rounds to a whole minor unit, halves away from zero (1.5 → 2, -1.5 → -2), as invoices do.
 * Math.round alone rounds -1.5 to -1, and products like 1.005 * 100 arrive as 100.49999…, so the
 * value is first cut to 15 significant digits to drop binary noise before rounding.
 */
export function roundHalfAwayFromZero(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot round ${value} to a minor unit`);
  const abs = Number(Math.abs(value).toPrecision(15));
  const rounded = Math.round(abs);
  // Never hand back -0: it prints as "-$0.00" and fails strict equality checks in callers.
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}
