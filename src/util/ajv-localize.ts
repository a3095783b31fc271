/**
 * ajv-i18n's Chinese messages, typed. ajv-i18n is CommonJS: at run time the default import is
 * the function itself, while its typings describe an ES module with a `default` export.
 */
import type { ErrorObject } from "ajv";
import ajvI18nZh from "ajv-i18n/localize/zh/index.js";

export type Localize = (errors?: ErrorObject[] | null) => void;

export const localizeZh: Localize =
  typeof (ajvI18nZh as unknown) === "function"
    ? (ajvI18nZh as unknown as Localize)
    : (ajvI18nZh as unknown as { default: Localize }).default;
