/**
 * `gongwen render summary … --previous FILE`: the summary states the change from last year where
 * it states the figure (办结 … 共计267项，比上年增长11.3%); without --previous the text is the
 * reference wording, unchanged.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { docxParagraphs } from "../helpers/docx.js";
import { ROOT, sample2014, sample2023, validated } from "../facts/datasets.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gongwen-yoy-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function render(data: string, ...args: string[]) {
  const out = path.join(dir, `out-${Math.random().toString(36).slice(2)}`);
  const r = spawnSync("node", ["dist/cli/main.js", "render", "summary", data, "--out", out, ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const file = path.join(out, "summary.docx");
  return { ...r, text: fs.existsSync(file) ? docxParagraphs(fs.readFileSync(file)).join("\n") : "" };
}

function write(name: string, data: unknown): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, JSON.stringify(data, null, 2));
  return p;
}

describe("the summary with --previous", () => {
  it("states the change of completed cases; without it the reference wording stays", () => {
    const prev = sample2014();
    prev.year = 2013;
    const y = (s: string) => s.replace(/^2014/, "2013");
    prev.approval!.cases = prev.approval!.cases!.slice(0, 240).map((c) => ({
      ...c,
      received: y(c.received),
      accepted: y(c.accepted),
      completed: y(c.accepted),
    }));
    delete prev.approval!.totals;
    prev.disclosure.validDocumentFilings!.dates = prev.disclosure.validDocumentFilings!.dates.map(y);
    prev.disclosure.newMedia = [];
    const prevFile = write("2013.json", validated(prev));
    const withPrev = render("samples/2014-commerce-bureau.json", "--previous", prevFile);
    expect(withPrev.status).toBe(0);
    expect(withPrev.text).toContain(
      "办结的审批服务事项共计267项，比上年增长11.3%，其中：新设外商投资企业事项6项",
    );
    const without = render("samples/2014-commerce-bureau.json");
    expect(without.status).toBe(0);
    expect(without.text).toContain("办结的审批服务事项共计267项，其中：新设外商投资企业事项6项");
    expect(without.text).not.toContain("上年");
    // Only that sentence differs.
    const a = withPrev.text.split("\n");
    const b = without.text.split("\n");
    expect(a.filter((p, i) => p !== b[i])).toHaveLength(1);
  });

  it("states the change of applications received in 件, and refuses a dataset of another year", () => {
    const prev = sample2023();
    prev.year = 2022;
    // Last year: the 3 applications carried into 2023, received in 2022 (none carried into 2022).
    prev.disclosure.applications = prev.disclosure
      .applications!.filter((a) => a.carriedOver)
      .map((a) => {
        const copy = { ...a };
        delete copy.carriedOver;
        delete copy.reply;
        return copy;
      });
    delete prev.disclosure.annualReportTable;
    delete prev.disclosure.fees;
    const prevFile = write("2022.json", prev);
    const r = render("samples/2023-district-bureau.json", "--previous", prevFile);
    expect(r.stderr).toBe("");
    expect(r.text).toContain("全年共接到依申请公开申请39件，比上年增加36件，另有上年结转申请3件");

    const wrong = write("2021.json", {
      ...prev,
      year: 2021,
      disclosure: { ...prev.disclosure, applications: [] },
    });
    const bad = render("samples/2023-district-bureau.json", "--previous", wrong);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--previous 的数据年度为 2021，应为上一年度 2022");
  });
});
