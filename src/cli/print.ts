/** Printing results of commands that write files. */
import type { OutputResult } from "../render/output.js";
import { type Lang, t } from "../util/i18n.js";

export function printOutputResult(result: OutputResult, opts: { json: boolean; lang: Lang }): void {
  if (opts.json) {
    process.stdout.write(JSON.stringify(result, null, 2) + "\n");
    return;
  }
  for (const f of result.files) {
    const pages = f.pages !== undefined ? t(opts.lang, `，${f.pages}页`, `, ${f.pages} pages`) : "";
    process.stdout.write(t(opts.lang, `已写入 ${f.path}${pages}`, `wrote ${f.path}${pages}`) + "\n");
  }
  if (result.manifest)
    process.stdout.write(
      t(opts.lang, `已更新清单 ${result.manifest}`, `recorded in ${result.manifest}`) + "\n",
    );
  const seen = new Set<string>();
  for (const s of result.substitutions) {
    const line = `${s.requested} → ${s.used}`;
    if (seen.has(line)) continue;
    seen.add(line);
    process.stderr.write(t(opts.lang, `字体替换：${line}`, `font substitution: ${line}`) + "\n");
  }
  for (const w of result.warnings) process.stderr.write(t(opts.lang, `警告：${w}`, `warning: ${w}`) + "\n");
}
