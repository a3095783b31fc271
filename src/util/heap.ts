/**
 * The letters batch's heap: V8 lets the old generation grow to about 3.3× what is live before a
 * full collection (its growing factor is up to 4 on a machine with gigabytes of memory), so a
 * batch's resident memory is mostly garbage waiting for the collector, and it grows with the
 * batch because what is live does (the dataset, the letters' file list): measured at 50,000
 * letters (DOCX+PDF) 100–106 MB live, a 360–400 MB heap, peak RSS 674 MB; at 10,000 letters
 * 45 MB live, peak 355 MB.
 *
 * A growing factor of 1.5 (V8's --heap-growing-percent=50) keeps the heap within half again of
 * what is live. It is read at every full collection, so it can be set once the process runs
 * (v8.setFlagsFromString) — unlike --max-old-space-size, which would also cap the heap and only
 * takes effect on the command line. Figures are in bench/letters-memory.mjs's results and in
 * README's benchmark section.
 */
import { setFlagsFromString } from "node:v8";

export const HEAP_GROWING_PERCENT = 50;

/**
 * Bound the heap's growth for a long batch, unless the process was started with its own heap
 * settings (node flags or NODE_OPTIONS), which are left as given.
 */
export function boundHeapGrowth(): void {
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].join(" ");
  if (/heap[-_]growing[-_]percent|max[-_]old[-_]space[-_]size/.test(given)) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
