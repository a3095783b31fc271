/** User-facing language. Chinese by default; English with --lang en. */
export type Lang = "zh" | "en";

export function parseLang(v: unknown): Lang {
  return v === "en" ? "en" : "zh";
}

/** Pick the message for the language: t(lang, "中文", "English"). */
export function t(lang: Lang, zh: string, en: string): string {
  return lang === "en" ? en : zh;
}
