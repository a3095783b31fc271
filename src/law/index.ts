/** The law stage: which regulation applies and its time limits, receipt dates, processing fees. */
export * from "./regime.js";
export * from "./receipt.js";
export * from "./fees.js";
export * from "./statutes.js";
