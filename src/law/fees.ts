/**
 * Information processing fees (国办函〔2020〕109号): the schedule lives in the data layer
 * (src/data/fee-schedule.ts) so that validation judges a fee against it with the same function
 * the letters use (src/data/record-limits.ts); the law stage re-exports it.
 */
export * from "../data/fee-schedule.js";
