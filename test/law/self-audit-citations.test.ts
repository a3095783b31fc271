/**
 * The self-audit cites the law in force on the date of what each finding judges: a 2015 late
 * reply cites 国务院令第492号 Art. 24 ¶2, never 第711号; a 2015 fee is judged under Art. 27, never
 * under 国办函〔2020〕109号. Read back from the DOCX written; every citation resolves in data/law.
 */
import { describe, expect, it } from "vitest";
import { buildSelfAudit } from "../../src/compose/documents/self-audit.js";
import type { Dataset } from "../../src/data/types.js";
import { checkCitations } from "../../src/law/statutes.js";
import { renderDocx } from "../../src/render/docx/index.js";
import { docxText } from "../helpers/docx.js";
import { sample2023 } from "../letters/fixtures.js";
import { shiftYears } from "./shift.js";

function as2015(): Dataset {
  const d = shiftYears(sample2023(), -8);
  d.year = 2015;
  delete (d as { regime?: string }).regime;
  for (const a of d.disclosure.applications ?? [])
    if (a.extension && a.extension.days > 15) a.extension.days = 15;
  delete (d.disclosure as { annualReportTable?: unknown }).annualReportTable;
  return d;
}

async function selfAuditText(d: Dataset): Promise<string> {
  const { tree } = buildSelfAudit({ dataset: d, lang: "zh" });
  return docxText(await renderDocx(tree));
}

describe("self-audit citations by the date of the event", () => {
  it("2015: the late reply cites Decree 492 Art. 24 ¶2; no Decree 711, no 109号", async () => {
    const d = as2015();
    const { result } = buildSelfAudit({ dataset: d, lang: "zh" });
    const late = result.findings.filter((f) => f.rule === "disclosure/reply-on-time");
    expect(late.length).toBeGreaterThan(0);
    for (const f of late) {
      expect(f.regime).toBe("ogi-2008");
      expect(f.source).toBe("《中华人民共和国政府信息公开条例》（国务院令第492号）第二十四条第二款");
    }
    const text = await selfAuditText(d);
    expect(text).toContain("依据：《中华人民共和国政府信息公开条例》（国务院令第492号）第二十四条第二款。");
    expect(text).not.toContain("第711号");
    expect(text).not.toContain("109号");
    for (const c of checkCitations(text, { regime: "ogi-2008", date: "2015-12-31" }))
      expect(c.problems, c.sentence).toEqual([]);
  });

  it("2023: Decree 711 Art. 33 ¶2, and every citation resolves", async () => {
    const text = await selfAuditText(sample2023());
    expect(text).toContain("依据：《中华人民共和国政府信息公开条例》（国务院令第711号）第三十三条第二款。");
    expect(text).not.toContain("第492号");
    for (const c of checkCitations(text, { regime: "ogi-2019", date: "2023-12-31" }))
      expect(c.problems, c.sentence).toEqual([]);
  });
});
