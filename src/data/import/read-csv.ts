/**
 * Read a CSV ledger. Excel in China saves "CSV" in the system code page (GBK, read here as its
 * superset GB18030), "CSV UTF-8" with a byte-order mark, and "Unicode text" as tab-separated
 * UTF-16; all are recognised. Decoding: a BOM decides; otherwise strict UTF-8 if the bytes are
 * valid UTF-8, else GB18030. The separator (comma, tab or semicolon) is the one that occurs
 * most in the first line. Rows are numbered as Excel numbers them when it opens the file (a
 * quoted field over several lines is one row).
 */
import { decodeInput } from "../../util/read-input.js";
import { CsvError, parse } from "csv-parse/sync";
import { UserError } from "../../util/errors.js";
import { t, type Lang } from "../../util/i18n.js";
import type { CellValue, Ledger } from "./ledger.js";

export type CsvEncoding = "utf-8" | "utf-8-bom" | "gb18030" | "utf-16le" | "utf-16be";

export interface DecodedText {
  text: string;
  encoding: CsvEncoding;
}

/**
 * Decode a text file from Excel or a Chinese office system: the strict input decoder, which
 * here also takes GBK/GB18030 without a BOM.
 */
export function decodeText(bytes: Uint8Array, file: string, lang: Lang = "zh"): DecodedText {
  return decodeInput(bytes, file, { lang, legacy: true });
}

/** The separator used in the first line: the most frequent of , \t ; outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [",", 0],
    ["\t", 0],
    [";", 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

export function readCsv(bytes: Uint8Array, file: string, lang: Lang = "zh"): Ledger {
  const { text, encoding } = decodeText(bytes, file, lang);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch (e) {
    // csv-parse's own messages may quote field values (personal data): say it in our words.
    const line = e instanceof CsvError && typeof e.lines === "number" ? e.lines : undefined;
    const where = line === undefined ? "" : t(lang, ` 第${line}行附近`, ` near line ${line}`);
    const quote = e instanceof CsvError && e.code === "CSV_QUOTE_NOT_CLOSED";
    throw new UserError(
      t(
        lang,
        `${file}${where}：CSV 格式错误${quote ? "（引号没有闭合）" : "（引号使用不当）"}`,
        `${file}${where}: malformed CSV${quote ? " (a quote is not closed)" : " (misplaced quote)"}`,
      ),
    );
  }
  const rows: CellValue[][] = records.map((r) => r.map((c) => (c === "" ? null : c)));
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c === null)) rows.pop();
  return { file, format: "csv", encoding, date1904: false, sheets: [{ index: 1, name: null, rows }] };
}
