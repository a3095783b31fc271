/**
 * The office's interpretations of what the regulations leave open (法律适用口径): the
 * dataset's `interpretations` object (schemas/operations.schema.json, where each default and
 * its statutory reason is documented). The facts resolve them once, so the letters, the audit,
 * the annual report and the workbench judge an application by the same periods; every output's
 * manifest records the values used.
 */
import type { Dataset, Interpretations } from "../data/types.js";

export type { Interpretations } from "../data/types.js";

/** Every interpretation with its value. */
export type ResolvedInterpretations = Required<Interpretations>;

/** The documented defaults (the schema's `default` values; test/facts checks they agree). */
export const DEFAULT_INTERPRETATIONS: Readonly<ResolvedInterpretations> = Object.freeze({
  consultationAnswerDays: 15,
  feePaymentDays: 20,
  feePeriodPaused: true,
  lateExtensionCounts: false,
});

/** The keys, in the order the manifest and messages list them. */
export const INTERPRETATION_KEYS = Object.freeze(
  Object.keys(DEFAULT_INTERPRETATIONS) as (keyof ResolvedInterpretations)[],
);

/**
 * The interpretations in force: each key from `override` (a library caller's choice), else the
 * dataset's `interpretations`, else the default.
 */
export function resolveInterpretations(
  dataset: Pick<Dataset, "interpretations"> | undefined,
  override: Interpretations = {},
): ResolvedInterpretations {
  const given = dataset?.interpretations ?? {};
  const pick = <K extends keyof ResolvedInterpretations>(k: K): ResolvedInterpretations[K] =>
    (override[k] ?? given[k] ?? DEFAULT_INTERPRETATIONS[k]) as ResolvedInterpretations[K];
  return {
    consultationAnswerDays: pick("consultationAnswerDays"),
    feePaymentDays: pick("feePaymentDays"),
    feePeriodPaused: pick("feePeriodPaused"),
    lateExtensionCounts: pick("lateExtensionCounts"),
  };
}
