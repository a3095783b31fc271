/**
 * File names of letters: `<id>-<suffix>.<format>`. Ids go through the shared sanitiser
 * (src/util/file-name.ts): only letters, digits, '.', '_' and '-' are kept (anything else becomes
 * '_'), no leading dot, no '..', no trailing dot, at most 100 characters of id, and a name whose
 * part before the first dot is a Windows device name (CON, NUL, COM1 …) is prefixed with '_'.
 * Two ids that come out the same get -2, -3 … in dataset order.
 */
import { safeFileStem, uniqueFileStems } from "../util/file-name.js";

/** A safe file-name stem for an application id (not yet made unique). */
export function sanitizeId(id: string): string {
  return safeFileStem(id);
}

/** Unique safe stems for ids in order (case-insensitively unique, for case-insensitive file systems). */
export function uniqueStems(ids: readonly string[]): Map<string, string> {
  return uniqueFileStems(ids);
}
