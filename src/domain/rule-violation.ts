/** A business rule said no; `rule` is the rule number from PRODUCT.md (e.g. 'R11'). */
export class RuleViolation extends Error {
  constructor(
    readonly rule: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}
