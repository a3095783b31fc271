/**
 * gongwen's public API (package.json `exports`): one dataset of a year in, facts, audit results
 * and documents out. Every entry is also a subpath (`gongwen/data`, `gongwen/facts`, …) for
 * callers that want only one stage. Callers (the workbench, job workers, bench/) import only
 * from here and never recompute a deadline, a count or a legal choice themselves.
 *
 *   import { parseDataset, deriveFacts, runAudit, buildSummary, renderDocx } from "gongwen";
 *   const dataset = parseDataset(text, "2023.json");          // throws DatasetError (exit 2)
 *   const facts = deriveFacts(dataset);                       // every number, once
 *   const audit = runAudit(dataset, { facts });               // findings and score
 *   const docx = await renderDocx(buildSummary({ dataset, facts, lang: "zh" }));
 *   const { letters } = composeLetters(dataset);              // letters as document trees
 *   const due = computeDeadline({ received: "2024-09-27", regime: "ogi-2019" }); // with trace
 */
export * from "./data/index.js";
export * from "./data/import/index.js";
export * from "./calendar/index.js";
export * from "./law/index.js";
export * from "./facts/index.js";
export * from "./audit/index.js";
export * from "./compose/index.js";
export * from "./compose/documents/index.js";
export * from "./letters/index.js";
export * from "./render/docx/index.js";
export * from "./render/pdf/index.js";
export * from "./render/xlsx/index.js";
// The same types reached through two stages, named once.
export type { Regime, Count } from "./data/index.js";
export type * from "./document/tree.js";
export { runsText } from "./document/tree.js";
export { UserError, AuditFailure, EXIT } from "./util/errors.js";
export { ensureDir, fsError, placeFileAtomic, writeFileAtomic } from "./util/fs-atomic.js";
export type { Lang } from "./util/i18n.js";
export { PACKAGE_ROOT, SCHEMAS_DIR, TEMPLATES_DIR } from "./util/paths.js";
