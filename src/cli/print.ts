/** Printing results of commands that write files. */
import type { OutputResult } from "../render/output.js";
import { terminalColumns } from "../document/chars.js";
import { type Lang, t } from "../util/i18n.js";
import { maskPersonalPatterns } from "../util/personal-patterns.js";

/**
 * What a command wrote: one line (the files and the manifest) unless --verbose, which lists
 * each file with its pages; font substitutions and warnings follow on stderr either way.
 */
export function printOutputResult(
  result: OutputResult,
  opts: { json: boolean; lang: Lang; verbose?: boolean },
): void {
  if (opts.json) {
    const warnings = result.warnings.map((m) => maskPersonalPatterns(m));
    process.stdout.write(JSON.stringify({ ...result, warnings }, null, 2) + "\n");
    return;
  }
  if (opts.verbose) {
    for (const f of result.files) {
      const pages = f.pages !== undefined ? t(opts.lang, `，${f.pages}页`, `, ${f.pages} pages`) : "";
      process.stdout.write(t(opts.lang, `已写入 ${f.path}${pages}`, `wrote ${f.path}${pages}`) + "\n");
    }
    if (result.manifest)
      process.stdout.write(
        t(opts.lang, `已更新清单 ${result.manifest}`, `recorded in ${result.manifest}`) + "\n",
      );
  } else {
    const n = result.files.length;
    const names = result.files.map((f) => f.path).join(t(opts.lang, "、", ", "));
    const manifest = result.manifest
      ? t(opts.lang, `（清单 ${result.manifest}）`, ` (recorded in ${result.manifest})`)
      : "";
    process.stdout.write(
      t(
        opts.lang,
        `已写入 ${n} 个文件：${names}${manifest}`,
        `wrote ${n} file${n === 1 ? "" : "s"}: ${names}${manifest}`,
      ) + "\n",
    );
  }
  const seen = new Set<string>();
  for (const s of result.substitutions) {
    const line = `${s.requested} → ${s.used}`;
    if (seen.has(line)) continue;
    seen.add(line);
    process.stderr.write(t(opts.lang, `字体替换：${line}`, `font substitution: ${line}`) + "\n");
  }
  for (const w of result.warnings.map((m) => maskPersonalPatterns(m)))
    process.stderr.write(t(opts.lang, `警告：${w}`, `warning: ${w}`) + "\n");
}

/**
 * A table as aligned text for a terminal: columns padded to the widest cell by terminal columns
 * (a Chinese character is two: document/chars.ts, the one width classifier), two spaces apart,
 * a rule under the header; no trailing spaces.
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) =>
    Math.max(terminalColumns(h), ...rows.map((r) => terminalColumns(r[i] ?? ""))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c + " ".repeat(widths[i]! - terminalColumns(c)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n") + "\n";
}
