/**
 * The error a formatting helper throws for a bad argument. It carries the message in both
 * languages; the template engine adds the template file and line:column and turns it into a
 * UserError. Messages never quote free-text data values (they may hold personal data).
 */
export class HelperError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = "HelperError";
  }
}

/** A short, data-free description of a value's kind, for error messages. */
export function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}
