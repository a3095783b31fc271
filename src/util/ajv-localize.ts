/**
 * ajv-i18n's Chinese messages, typed and loaded on first use (only when a schema error is
 * worded; see ajv-lazy.ts). ajv-i18n is CommonJS: the module is the function itself, while its
 * typings describe an ES module with a `default` export.
 */
import { createRequire } from "node:module";
import type { ErrorObject } from "ajv";

export type Localize = (errors?: ErrorObject[] | null) => void;

let zh: Localize | undefined;

export const localizeZh: Localize = (errors) => {
  if (!zh) {
    const mod = createRequire(import.meta.url)("ajv-i18n/localize/zh/index.js") as
      Localize | { default: Localize };
    zh = typeof mod === "function" ? mod : mod.default;
  }
  zh(errors);
};
