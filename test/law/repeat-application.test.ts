/**
 * A repeat application (重复申请, ogi-2019 Art. 36(6)) is the same applicant asking again for
 * information already answered. Validation rejects a repeat whose earlier request is another
 * applicant's (naming both ids) or was not yet answered, and one that names no earlier request;
 * no letter of the 2023 sample prints the id of another applicant's request (DOCX read back).
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { semanticIssues } from "../../src/data/checks.js";
import type { Dataset } from "../../src/data/types.js";
import { writeLetters } from "../../src/letters/batch.js";
import { parseLettersDataset } from "../../src/letters/load.js";
import { docxText } from "../helpers/docx.js";
import { sample2023 } from "../letters/fixtures.js";

const tmp = mkdtempSync(join(tmpdir(), "gongwen-repeat-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const issues = (d: Dataset) =>
  semanticIssues(d)
    .filter((i) => i.pointer.endsWith("/duplicateOf"))
    .map((i) => `${i.pointer} ${i.message.zh}`);

const at = (d: Dataset, id: string) => d.disclosure.applications!.findIndex((a) => a.id === id);

describe("repeat applications", () => {
  it("the sample's repeat is the same applicant's, answered before: no issue", () => {
    expect(issues(sample2023())).toEqual([]);
  });

  it("another applicant's earlier request: rejected, naming both ids", () => {
    const d = sample2023();
    const i = at(d, "YSQ2023-016");
    d.disclosure.applications![i]!.applicant = { type: "natural-person", name: "孙某某" };
    expect(issues(d)).toEqual([
      `/disclosure/applications/${i}/reply/duplicateOf 申请 YSQ2023-016 按重复申请不予处理，但 YSQ2023-001 不是同一申请人的申请：重复申请只适用于同一申请人再次申请已获答复的相同信息`,
    ]);
  });

  it("an earlier request not yet answered, or none named: rejected", () => {
    const d = sample2023();
    const i = at(d, "YSQ2023-016");
    const j = at(d, "YSQ2023-001");
    d.disclosure.applications![j]!.reply!.date = "2023-06-01";
    d.disclosure.applications![i]!.confirmed = "2023-05-29";
    expect(issues(d)).toEqual([
      `/disclosure/applications/${i}/reply/duplicateOf 申请 YSQ2023-016 按重复申请不予处理，但 YSQ2023-001 在本申请收到时尚未答复`,
    ]);
    delete d.disclosure.applications![i]!.reply!.duplicateOf;
    expect(issues(d)).toEqual([
      `/disclosure/applications/${i}/reply/duplicateOf 申请 YSQ2023-016 答复为不予处理（重复申请），须在 duplicateOf 中写明同一申请人此前已获答复的申请编号`,
    ]);
  });

  it("no letter prints the id of another applicant's request", async () => {
    const { dataset, invalid } = parseLettersDataset(JSON.stringify(sample2023()), "s.json");
    const dir = join(tmp, "letters");
    const result = await writeLetters(dataset, invalid, { formats: ["docx"], outDir: dir });
    expect(result.errors).toEqual([]);
    const apps = dataset.disclosure.applications!;
    const key = (a: (typeof apps)[number]) => `${a.applicant.type}/${a.applicant.name}`;
    const problems: string[] = [];
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".docx"))) {
      const own = apps.find((a) => f.startsWith(`${a.id}-`))!;
      const text = docxText(join(dir, f));
      for (const other of apps)
        if (key(other) !== key(own) && text.includes(other.id)) problems.push(`${f} prints ${other.id}`);
    }
    expect(problems).toEqual([]);
  });
});
