/**
 * Markdown (what templates produce) → gongwen's document tree.
 *
 * | Markdown                          | tree                                       |
 * |-----------------------------------|--------------------------------------------|
 * | `# 标题` (setext `===` for lines)  | TitleBlock (line breaks → `lines`)         |
 * | `##` `###` `####` `#####`         | HeadingBlock level 1–4 (number "" here)    |
 * | paragraph                         | ParagraphBlock (first-line indent)         |
 * | `**bold**`, `*italic*`, hard break | Run.bold / Run.italic / Run.breakAfter    |
 * | `1.` / `-` lists                  | ListBlock                                  |
 * | GFM pipe table                    | TableBlock, first row header               |
 * | `::: table` … `:::`               | TableBlock with spans (table-syntax.ts)    |
 * | `::: docnumber` … `:::`           | DocNumberBlock                             |
 * | `::: addressee` … `:::`           | AddresseeBlock (ends with ：)              |
 * | `::: signature [seal]` … `:::`    | SignatureBlock (line 1 agency, line 2 date)|
 * | `::: attachments` … `:::`         | AttachmentsBlock (one item per list item/line) |
 * | `::: note` … `:::`                | NoteBlock (wrapped in （）)                 |
 * | `::: center` / `right` / `noindent` | ParagraphBlock with align / indent none |
 * | `::: pagebreak [odd]`             | PageBreakBlock                             |
 * | `::: blank [N]`                   | N × BlankLineBlock                         |
 * | `::: closing` … `:::`             | ParagraphBlocks that close every section   |
 *
 * With `dropEmptyHeadings` (the summary), a heading with nothing of its own under it — the next
 * block is a heading of its level or above, the signature, a `::: closing` paragraph or the end —
 * is left out, so a section with no data prints no heading (and the numbering closes up). Off for
 * documents whose sections are fixed by law (the annual report keeps all six).
 *
 * A soft line break (a newline inside a paragraph) joins without a space between Chinese
 * characters and with one space between Latin words. Ideographic spaces typed at the start of a
 * paragraph or heading (an indent copied from a word processor) are dropped. Heading numbers are left empty: run
 * numberHeadings (composeDocument does).
 */
import type { Token } from "markdown-it";
import type {
  Align,
  Block,
  DocumentKind,
  DocumentMeta,
  DocumentTree,
  HeadingLevel,
  ListBlock,
  ParagraphBlock,
  Run,
  TableBlock,
  TableCell,
} from "../document/tree.js";
import { runsText } from "../document/tree.js";
import { UserError } from "../util/errors.js";
import { t, type Lang } from "../util/i18n.js";
import { formatDate } from "./helpers/dates.js";
import { isWideChar } from "./markdown-escape.js";
import { getMarkdownIt, MarkdownError, parseInlineTokens, type DirectiveMeta } from "./markdown-parser.js";
import { parseSpanTable } from "./table-syntax.js";
import { chineseQuotes } from "./chinese-quotes.js";

export interface MarkdownToTreeOptions {
  kind: DocumentKind;
  meta: DocumentMeta;
  /** Where the Markdown came from (a template path), for messages. */
  source?: string;
  lang?: Lang;
  /** Leave out headings with no content of their own (see the module comment). */
  dropEmptyHeadings?: boolean;
}

/** How a newline inside a paragraph is read: joined into running text, or kept as a line break. */
type SoftBreak = "join" | "line";

/** Inline tokens → runs. Adjacent runs with the same formatting are merged. */
export function inlineRuns(children: readonly Token[], softBreak: SoftBreak, line: number): Run[] {
  const runs: Run[] = [];
  let bold = 0;
  let italic = 0;
  let pendingSoft = false;
  const last = () => runs[runs.length - 1];
  const lastChar = () => {
    for (let i = runs.length - 1; i >= 0; i--) {
      const r = runs[i]!;
      if (r.text) return [...r.text].pop();
      if (r.breakAfter) return undefined;
    }
    return undefined;
  };
  const pushText = (text: string) => {
    if (text === "") return;
    if (pendingSoft) {
      const before = lastChar();
      if (before !== undefined && !isWideChar(before) && !isWideChar([...text][0])) text = " " + text;
      pendingSoft = false;
    }
    const run: Run = { text };
    if (bold > 0) run.bold = true;
    if (italic > 0) run.italic = true;
    const prev = last();
    if (prev && !prev.breakAfter && !!prev.bold === !!run.bold && !!prev.italic === !!run.italic)
      prev.text += text;
    else runs.push(run);
  };
  const lineBreak = () => {
    pendingSoft = false;
    const prev = last();
    if (prev && !prev.breakAfter) prev.breakAfter = true;
    else runs.push({ text: "", breakAfter: true });
  };
  for (const tok of children) {
    switch (tok.type) {
      case "text":
      case "text_special":
        pushText(tok.content);
        break;
      case "softbreak":
        if (softBreak === "line") lineBreak();
        else pendingSoft = true;
        break;
      case "hardbreak":
        lineBreak();
        break;
      case "strong_open":
        bold++;
        break;
      case "strong_close":
        bold--;
        break;
      case "em_open":
        italic++;
        break;
      case "em_close":
        italic--;
        break;
      default:
        throw new MarkdownError(
          line,
          `不支持的行内标记（${tok.type}）`,
          `unsupported inline Markdown (${tok.type})`,
        );
    }
  }
  // A trailing break carries no meaning.
  const end = last();
  if (end?.breakAfter) {
    if (end.text === "") runs.pop();
    else delete end.breakAfter;
  }
  // Straight quotes in Chinese text → “” ‘’, over the paragraph's whole text (a quote may open in
  // one run and close in a bold one); one character for one, so the runs keep their lengths.
  const all = runs.map((r) => r.text).join("");
  const quoted = chineseQuotes(all);
  if (quoted !== all) {
    let at = 0;
    for (const r of runs) {
      r.text = quoted.slice(at, at + r.text.length);
      at += r.text.length;
    }
  }
  return runs;
}

/**
 * Drop ideographic spaces (U+3000) typed at the start of a paragraph to indent it, as text copied
 * from a word processor often has: the writers indent paragraphs themselves.
 */
function dropTypedIndent(runs: Run[]): Run[] {
  const first = runs[0];
  if (first && /^[\u3000 ]+/.test(first.text)) {
    first.text = first.text.replace(/^[\u3000 ]+/, "");
    if (first.text === "" && !first.breakAfter) runs.shift();
  }
  return runs;
}

/** Split runs at line breaks into lines of plain text. */
function runLines(runs: readonly Run[]): string[] {
  return runsText(runs).split("\n");
}

function plain(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join("");
}

function cellAlign(tok: Token): Align | undefined {
  const style = String(tok.attrGet("style") ?? "");
  const m = /text-align:(left|center|right)/.exec(style);
  return m ? (m[1] as Align) : undefined;
}

/** Blocks as the converter sees them before a block form gives them meaning. */
class Converter {
  private i = 0;
  /** First paragraphs of `::: closing` blocks: every section ends before them. */
  readonly sectionEnds = new Set<Block>();
  constructor(private readonly tokens: readonly Token[]) {}

  private line(tok: Token | undefined): number {
    return tok?.map?.[0] ?? 0;
  }

  private inline(tok: Token | undefined, softBreak: SoftBreak = "join"): Run[] {
    if (!tok || tok.type !== "inline")
      throw new MarkdownError(this.line(tok), "Markdown 结构异常", "malformed Markdown");
    return inlineRuns(tok.children ?? [], softBreak, this.line(tok));
  }

  /** Convert tokens [from, to) into blocks. `softBreak` applies to paragraphs. */
  blocks(to = this.tokens.length, softBreak: SoftBreak = "join"): Block[] {
    const out: Block[] = [];
    while (this.i < to) {
      const tok = this.tokens[this.i]!;
      const line = this.line(tok);
      switch (tok.type) {
        case "heading_open": {
          const level = Number(tok.tag.slice(1));
          const inlineTok = this.tokens[this.i + 1];
          this.i += 3;
          if (level === 1) {
            const lines = runLines(this.inline(inlineTok, "line")).map((l) => l.trim());
            const title: Block = { type: "title", text: lines.join("") };
            if (lines.length > 1) title.lines = lines;
            out.push(title);
          } else if (level <= 5) {
            const heading: Block = {
              type: "heading",
              level: (level - 1) as HeadingLevel,
              number: "",
              runs: dropTypedIndent(this.inline(inlineTok)),
            };
            if (tok.meta?.unnumbered) heading.unnumbered = true;
            out.push(heading);
          } else {
            throw new MarkdownError(
              line,
              "标题最多四级（## 到 #####）",
              "headings go down to level 4 (## to #####)",
            );
          }
          break;
        }
        case "paragraph_open": {
          const runs = dropTypedIndent(this.inline(this.tokens[this.i + 1], softBreak));
          this.i += 3;
          out.push({ type: "paragraph", runs });
          break;
        }
        case "bullet_list_open":
        case "ordered_list_open":
          out.push(this.list());
          break;
        case "table_open":
          out.push(this.gfmTable());
          break;
        case "gw_directive":
          this.i++;
          out.push(...this.leafDirective(tok));
          break;
        case "gw_directive_open":
          out.push(...this.containerDirective(tok));
          break;
        default:
          throw new MarkdownError(
            line,
            `不支持的 Markdown 结构（${tok.type}）`,
            `unsupported Markdown construct (${tok.type})`,
          );
      }
    }
    return out;
  }

  private list(): ListBlock {
    const open = this.tokens[this.i]!;
    const closeType = open.type.replace("_open", "_close");
    const items: Run[][] = [];
    this.i++;
    while (this.tokens[this.i]?.type !== closeType) {
      const item = this.tokens[this.i]!;
      if (item.type !== "list_item_open")
        throw new MarkdownError(this.line(item), "Markdown 列表结构异常", "malformed list");
      this.i++;
      const runs: Run[] = [];
      while (this.tokens[this.i]?.type !== "list_item_close") {
        const tok = this.tokens[this.i]!;
        if (tok.type !== "paragraph_open") {
          throw new MarkdownError(
            this.line(tok),
            "列表项中只能有文字段落（不支持嵌套列表、表格等）",
            "list items may only hold text (no nested lists, tables …)",
          );
        }
        const para = this.inline(this.tokens[this.i + 1]);
        if (runs.length > 0) {
          const prev = runs[runs.length - 1]!;
          prev.breakAfter = true;
        }
        runs.push(...para);
        this.i += 3;
      }
      this.i++;
      items.push(runs);
    }
    this.i++;
    return { type: "list", ordered: open.type === "ordered_list_open", items };
  }

  private gfmTable(): TableBlock {
    const table: TableBlock = { type: "table", headerRows: 0, rows: [] };
    let inHead = false;
    this.i++;
    for (; this.tokens[this.i]?.type !== "table_close"; this.i++) {
      const tok = this.tokens[this.i]!;
      if (tok.type === "thead_open") inHead = true;
      else if (tok.type === "thead_close") inHead = false;
      else if (tok.type === "tr_open") {
        table.rows.push({ cells: [] });
        if (inHead) table.headerRows++;
      } else if (tok.type === "th_open" || tok.type === "td_open") {
        const cell: TableCell = { paragraphs: [this.inline(this.tokens[this.i + 1])] };
        const align = cellAlign(tok);
        if (align) cell.align = align;
        table.rows[table.rows.length - 1]!.cells.push(cell);
        this.i += 2;
      }
    }
    this.i++;
    return table;
  }

  private leafDirective(tok: Token): Block[] {
    const { name, args } = tok.meta as unknown as DirectiveMeta;
    const line = this.line(tok);
    if (name === "table") {
      return [
        parseSpanTable(tok.content, args, line + 1, (md, l) => inlineRuns(parseInlineTokens(md), "join", l)),
      ];
    }
    if (name === "pagebreak") {
      noAttrs(args, name, line);
      if (args.words.length === 0) return [{ type: "pageBreak" }];
      if (args.words.length === 1 && args.words[0] === "odd") return [{ type: "pageBreak", parity: "odd" }];
      throw new MarkdownError(line, "::: pagebreak 只接受 odd", "::: pagebreak only takes odd");
    }
    // blank [N]
    noAttrs(args, name, line);
    const n = args.words.length === 0 ? 1 : Number(args.words[0]);
    if (args.words.length > 1 || !Number.isInteger(n) || n < 1 || n > 20) {
      throw new MarkdownError(
        line,
        "::: blank 后只能跟 1–20 的行数",
        "::: blank takes a line count from 1 to 20",
      );
    }
    return Array.from({ length: n }, () => ({ type: "blank" as const }));
  }

  private containerDirective(open: Token): Block[] {
    const { name, args } = open.meta as unknown as DirectiveMeta;
    const line = this.line(open);
    let depth = 0;
    let end = this.i + 1;
    for (; end < this.tokens.length; end++) {
      const type = this.tokens[end]!.type;
      if (type === "gw_directive_open") depth++;
      else if (type === "gw_directive_close") {
        if (depth === 0) break;
        depth--;
      }
    }
    this.i++;
    const lineMode = name === "signature" || name === "attachments";
    const inner = this.blocks(end, lineMode ? "line" : "join");
    this.i = end + 1;

    const fail = (zh: string, en: string) => new MarkdownError(line, zh, en);
    const paragraphs = (): ParagraphBlock[] => {
      for (const b of inner) {
        if (b.type !== "paragraph") {
          throw fail(`::: ${name} 中只能写文字段落`, `::: ${name} may only hold paragraphs of text`);
        }
      }
      return inner as ParagraphBlock[];
    };
    const onePlainLine = (): string => {
      const ps = paragraphs();
      if (ps.length !== 1)
        throw fail(`::: ${name} 中须正好有一段文字`, `::: ${name} must hold exactly one paragraph`);
      const text = runsText(ps[0]!.runs).trim();
      if (text.includes("\n")) throw fail(`::: ${name} 中只能有一行`, `::: ${name} must be one line`);
      if (text === "") throw fail(`::: ${name} 的内容为空`, `::: ${name} is empty`);
      return text;
    };
    const allowWords = (allowed: string[]) => {
      noAttrs(args, name, line);
      for (const w of args.words) {
        if (!allowed.includes(w))
          throw fail(`::: ${name} 不认识 ${w}`, `::: ${name} does not understand ${w}`);
      }
    };

    switch (name) {
      case "docnumber":
        allowWords([]);
        return [{ type: "docNumber", text: onePlainLine() }];
      case "addressee": {
        allowWords([]);
        let text = onePlainLine().replace(/[:：]\s*$/, "");
        text += "：";
        return [{ type: "addressee", text }];
      }
      case "signature": {
        allowWords(["seal"]);
        const ps = paragraphs();
        const lines =
          ps.length === 1
            ? runLines(ps[0]!.runs)
                .map((l) => l.trim())
                .filter((l) => l !== "")
            : [];
        if (lines.length !== 2) {
          throw fail(
            "::: signature 中须正好两行：第一行发文机关，第二行成文日期",
            "::: signature must hold exactly two lines: the agency, then the date",
          );
        }
        const [agency, date] = lines as [string, string];
        let shown = date;
        if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
          try {
            shown = formatDate(date);
          } catch {
            throw fail(`成文日期 ${date} 不是有效日期`, `signature date ${date} is not a valid date`);
          }
        }
        const block: Block = { type: "signature", agency, date: shown };
        if (args.words.includes("seal")) block.seal = true;
        return [block];
      }
      case "attachments": {
        allowWords([]);
        const items: string[] = [];
        for (const b of inner) {
          if (b.type === "list") items.push(...b.items.map((runs) => plain(runs).trim()));
          else if (b.type === "paragraph") items.push(...runLines(b.runs).map((l) => l.trim()));
          else
            throw fail(
              "::: attachments 中只能写附件名称（每行一个或列表）",
              "::: attachments may only list attachment titles",
            );
        }
        const titles = items.filter((s) => s !== "");
        if (titles.length === 0)
          throw fail("::: attachments 中没有附件", "::: attachments lists no attachment");
        return [{ type: "attachments", items: titles }];
      }
      case "note": {
        allowWords([]);
        const ps = paragraphs();
        if (ps.length === 0) throw fail("::: note 的内容为空", "::: note is empty");
        const runs: Run[] = [];
        for (const p of ps) {
          if (runs.length > 0) runs[runs.length - 1]!.breakAfter = true;
          runs.push(...p.runs.map((r) => ({ ...r })));
        }
        const text = plain(runs);
        if (!/^[（(]/.test(text) || !/[）)]$/.test(text)) {
          runs.unshift({ text: "（" });
          runs.push({ text: "）" });
        }
        return [{ type: "note", runs: mergeRuns(runs) }];
      }
      case "closing": {
        allowWords([]);
        const ps = paragraphs();
        if (ps[0]) this.sectionEnds.add(ps[0]);
        return ps;
      }
      case "center":
      case "right":
      case "noindent": {
        allowWords([]);
        return paragraphs().map((p) => {
          const block: ParagraphBlock = { type: "paragraph", runs: p.runs, indent: "none" };
          if (name !== "noindent") block.align = name;
          return block;
        });
      }
      default:
        throw fail(`::: ${name} 不能有内容`, `::: ${name} takes no body`);
    }
  }
}

function noAttrs(args: DirectiveMeta["args"], name: string, line: number): void {
  const key = Object.keys(args.attrs)[0];
  if (key !== undefined)
    throw new MarkdownError(line, `::: ${name} 没有参数 ${key}=`, `::: ${name} has no argument ${key}=`);
}

/** Merge neighbouring runs with the same formatting (no break between them). */
function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const prev = out[out.length - 1];
    if (
      prev &&
      !prev.breakAfter &&
      !!prev.bold === !!r.bold &&
      !!prev.italic === !!r.italic &&
      !!prev.underline === !!r.underline &&
      prev.font === r.font
    ) {
      prev.text += r.text;
      if (r.breakAfter) prev.breakAfter = true;
    } else out.push({ ...r });
  }
  return out;
}

/**
 * `blocks` without the headings that have nothing of their own under them (from the end, so a
 * section whose sub-sections all go is itself empty).
 */
function withoutEmptyHeadings(blocks: Block[], sectionEnds: ReadonlySet<Block>): Block[] {
  const kept: Block[] = [];
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.type === "heading") {
      const next = kept.find((k) => k.type !== "blank");
      const empty =
        next === undefined ||
        next.type === "signature" ||
        sectionEnds.has(next) ||
        (next.type === "heading" && next.level <= b.level);
      if (empty) continue;
    }
    kept.unshift(b);
  }
  return kept;
}

/** Parse Markdown into a document tree (headings unnumbered: see numberHeadings). */
export function markdownToTree(markdown: string, options: MarkdownToTreeOptions): DocumentTree {
  const lang = options.lang ?? "zh";
  try {
    const tokens = getMarkdownIt().parse(markdown, {});
    const converter = new Converter(tokens);
    let blocks = converter.blocks();
    if (options.dropEmptyHeadings) blocks = withoutEmptyHeadings(blocks, converter.sectionEnds);
    return { kind: options.kind, meta: options.meta, blocks };
  } catch (e) {
    if (!(e instanceof MarkdownError)) throw e;
    const where = options.source
      ? t(
          lang,
          `${options.source}（生成的 Markdown 第 ${e.line + 1} 行）`,
          `${options.source} (generated Markdown line ${e.line + 1})`,
        )
      : t(lang, `Markdown 第 ${e.line + 1} 行`, `Markdown line ${e.line + 1}`);
    throw new UserError(`${where}${t(lang, "：", ": ")}${t(lang, e.zh, e.en)}`);
  }
}
