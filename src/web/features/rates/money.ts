/** Money typed by a person ("85", "85.50", "1,200") to integer minor units of a currency. */

export function currencyDigits(currency: string): number {
  try {
    const fmt = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    return fmt.resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Null when the text is not a non-negative amount with at most the currency's decimals. */
export function toMinor(text: string, currency: string): number | null {
  const clean = text.replace(/[,\s]/g, '');
  const digits = currencyDigits(currency);
  const m = /^(\d+)(?:\.(\d+))?$/.exec(clean);
  if (!m) return null;
  const fraction = m[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(m[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}
