/** The calendar stage: working days, deadlines with their trace, approval limits. */
export * from "./dates.js";
export * from "./holidays.js";
export * from "./override.js";
export * from "./calendar.js";
export * from "./convention.js";
export * from "./deadline.js";
export * from "./trace-format.js";
export * from "./approval-deadline.js";
