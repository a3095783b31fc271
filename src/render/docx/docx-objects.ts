/**
 * The writer's model (model.ts) → the docx package's objects. The reference back end: the
 * package's static parts come from docx (skeleton.ts), renderDocxReference writes a whole document
 * through it, and tests check that document-xml.ts writes the same bytes.
 */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  OnOffElement,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type IRunOptions,
} from "docx";
import {
  type BodyElement,
  type Jc,
  type ParagraphModel,
  type RunModel,
  type RunProps,
  type TableModel,
} from "./model.js";

const JC = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  both: AlignmentType.JUSTIFIED,
} as const satisfies Record<Jc, unknown>;

export function docxRunOptions(p: RunProps): IRunOptions {
  return {
    font: { ...p.font },
    size: p.size,
    ...(p.bold ? { bold: true } : {}),
    ...(p.italics ? { italics: true } : {}),
    ...(p.underline ? { underline: {} } : {}),
    ...(p.characterSpacing ? { characterSpacing: p.characterSpacing } : {}),
  };
}

function run(r: RunModel): TextRun {
  const base = docxRunOptions(r.props);
  if (r.break) return new TextRun({ ...base, break: 1 });
  return new TextRun({ ...base, children: r.children.map((c) => (typeof c === "string" ? c : new Tab())) });
}

/**
 * w:snapToGrid w:val="0" in a paragraph's properties, before w:spacing where the schema puts it:
 * docx offers snapToGrid for runs only, so the element goes into the properties' children.
 */
function noSnapToGrid(paragraph: Paragraph): Paragraph {
  const props = (paragraph as unknown as { properties: { root: unknown[] } }).properties;
  const at = props.root.findIndex((e) => (e as { rootKey?: string }).rootKey === "w:spacing");
  props.root.splice(
    at < 0 ? props.root.length : at,
    0,
    new OnOffElement("w:snapToGrid", 0 as unknown as boolean),
  );
  return paragraph;
}

export function docxParagraph(p: ParagraphModel): Paragraph {
  const paragraph = new Paragraph({
    ...(p.keepNext ? { keepNext: true } : {}),
    ...(p.keepLines ? { keepLines: true } : {}),
    ...(p.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(p.widowControl ? { widowControl: true } : {}),
    spacing: {
      line: p.spacing.line,
      lineRule: LineRuleType.EXACT,
      before: p.spacing.before,
      after: p.spacing.after,
    },
    ...(p.indent ? { indent: { ...p.indent } } : {}),
    ...(p.alignment ? { alignment: JC[p.alignment] } : {}),
    ...(p.outlineLevel !== undefined ? { outlineLevel: p.outlineLevel } : {}),
    ...(p.markSize !== undefined ? { run: { size: p.markSize } } : {}),
    children: p.runs.map(run),
  });
  return p.snapToGrid === false ? noSnapToGrid(paragraph) : paragraph;
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const; // 0.5 pt

export function docxTableObject(t: TableModel): Table {
  return new Table({
    rows: t.rows.map(
      (row) =>
        new TableRow({
          tableHeader: row.header || undefined,
          cantSplit: true, // every row (see RowModel)
          children: row.cells.map(
            (c) =>
              new TableCell({
                width: { size: c.width, type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.CENTER,
                ...(c.columnSpan ? { columnSpan: c.columnSpan } : {}),
                ...(c.verticalMerge
                  ? {
                      verticalMerge:
                        c.verticalMerge === "restart"
                          ? VerticalMergeType.RESTART
                          : VerticalMergeType.CONTINUE,
                    }
                  : {}),
                children: c.paragraphs.map(docxParagraph),
              }),
          ),
        }),
    ),
    width: { size: t.width, type: WidthType.DXA },
    columnWidths: t.columnWidths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: {
      top: t.cellMargin.y,
      bottom: t.cellMargin.y,
      left: t.cellMargin.x,
      right: t.cellMargin.x,
      marginUnitType: WidthType.DXA,
    },
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
  });
}

export function docxElement(e: BodyElement): Paragraph | Table {
  return e.type === "p" ? docxParagraph(e) : docxTableObject(e);
}
