/**
 * The workbench's year pages and the ledger import in a real browser (Debian's chromium through
 * playwright-core): a ledger with one bad row is refused naming that row and nothing is saved;
 * the corrected ledger is previewed and saved on confirmation; the audit's finding leads to its
 * application; the statistics are drawn by the locally served ECharts; the year-end preview
 * shows the PDF. Screenshots at 1366×768 go to out/screenshots/ for a look.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, liveServer, type LiveServer } from "./browser.js";
import type { Dataset } from "../../src/index.js";

const OUT = join("out", "screenshots");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const HEADER = "办件编号,事项名称,申请单位,收件日期,受理日期,办结日期,是否使用审批专用章";
const ROWS = [
  "SP2014-901,对外贸易经营者备案登记,示例进出口有限公司,2014/3/3,2014/3/3,2014/3/4,是",
  "SP2014-902,对外贸易经营者备案登记,示例商贸有限公司,2014/3/5,2014/3/5,2014/3/6,是",
  "SP2014-903,外商投资企业变更审批,示例（中国）有限公司,2014/3/6,2014/3/6,2014/3/12,是",
];

describe("year pages and the ledger import in a browser", () => {
  let server: LiveServer;
  beforeAll(async () => {
    server = await liveServer("2024-03-01");
    // The office: 2014 with approval items and one case (no given totals), and the 2023 sample.
    const fixture = JSON.parse(readFileSync("test/fixtures/ledgers/dataset-2014.json", "utf8")) as Dataset;
    const sample = JSON.parse(readFileSync("samples/2023-district-bureau.json", "utf8")) as Dataset;
    const id = await server.store.createOffice(sample, "经办人");
    await server.store.importYear(id, fixture, "经办人");
  });
  afterAll(async () => {
    await server?.close();
  });

  it("a ledger with one bad row: the row named, nothing saved; corrected, previewed, confirmed", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const outside: string[] = [];
    page.on("request", (r) => {
      // The browser's own PDF viewer loads chrome:// and chrome-extension:// parts; those are not the network.
      if (/^(https?|wss?):/.test(r.url()) && !r.url().startsWith(server.url)) outside.push(r.url());
    });
    await server.signIn(page);
    await page.getByRole("link", { name: "审批办件" }).click();
    await page.getByRole("link", { name: "2014年度" }).click();
    const officeId = (await server.store.offices())[0]!.id;
    const before = (await server.store.cases(officeId, 2014)).length;

    const bad = [HEADER, ROWS[0], ROWS[1]!.replace("2014/3/5,2014/3/5", "2014/3/5,2014年2月30日"), ROWS[2]];
    await page.getByLabel("办件台账（Excel 或 CSV）").setInputFiles({
      name: "三月办件.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(bad.join("\n"), "utf8"),
    });
    await page.getByRole("button", { name: "读取台账" }).click();
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent()).toContain("未导入：台账有以下问题，未保存任何内容。");
    expect(await alert.textContent()).toMatch(/三月办件\.csv 第3行 E列“受理日期”/);
    await page.screenshot({ path: join(OUT, "ledger-error-1366x768.png") });
    expect((await server.store.cases(officeId, 2014)).length).toBe(before);

    await page.getByLabel("办件台账（Excel 或 CSV）").setInputFiles({
      name: "三月办件.csv",
      mimeType: "text/csv",
      buffer: Buffer.from([HEADER, ...ROWS].join("\n"), "utf8"),
    });
    await page.getByRole("button", { name: "读取台账" }).click();
    await expect.poll(() => page.locator("#import-added").textContent()).toBe("3");
    expect(await page.locator("table.mapping").first().textContent()).toContain("受理日期");
    await page.screenshot({ path: join(OUT, "ledger-preview-1366x768.png") });
    expect((await server.store.cases(officeId, 2014)).length).toBe(before);
    await page.getByRole("button", { name: "确认导入" }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toContain("已导入办件台账：新增3件，修改0件");
    expect((await server.store.cases(officeId, 2014)).length).toBe(before + 3);
    expect(await page.locator("#case-SP2014-903").textContent()).toContain("外商投资企业变更审批");
    expect(outside).toEqual([]);
    await context.close();
  });

  it("an applications ledger: a bad cell named; corrected, previewed with its change, confirmed", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await server.signIn(page);
    await page.getByRole("link", { name: "导入导出" }).click();
    await page.getByRole("link", { name: "导入申请台账" }).click();
    await page.getByRole("link", { name: "2014年度" }).click();
    const officeId = (await server.store.offices())[0]!.id;
    const count = async () => (await server.store.applications(officeId, { year: 2014 })).length;
    const before = await count();
    const csv = readFileSync("test/fixtures/ledgers/applications.csv", "utf8");
    await page.getByLabel("申请台账（Excel 或 CSV）").setInputFiles({
      name: "申请台账.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv.replace("2014.4.1,示例贸易", "2014年13月1日,示例贸易"), "utf8"),
    });
    await page.getByRole("button", { name: "读取台账" }).click();
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent()).toContain("未导入：台账有以下问题，未保存任何内容。");
    expect(await alert.textContent()).toMatch(/申请台账\.csv 第5行 C列“收到申请日期”/);
    expect(await count()).toBe(before);

    await page.getByLabel("申请台账（Excel 或 CSV）").setInputFiles({
      name: "申请台账.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv, "utf8"),
    });
    await page.getByRole("button", { name: "读取台账" }).click();
    await expect.poll(() => page.locator("#import-added").textContent()).toBe("4");
    expect(await page.locator("#import-changed").textContent()).toBe("1");
    expect(await page.locator("tr.row-changed").first().textContent()).toContain("答复类型：填入 已主动公开");
    await page.screenshot({ path: join(OUT, "applications-ledger-preview-1366x768.png") });
    expect(await count()).toBe(before);
    await page.getByRole("button", { name: "确认导入" }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toContain("已导入申请台账：新增4件，修改1件");
    expect(await count()).toBe(before + 4);
    await context.close();
  });

  it("audit → the late application; statistics drawn; year-end preview", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const outside: string[] = [];
    page.on("request", (r) => {
      // The browser's own PDF viewer loads chrome:// and chrome-extension:// parts; those are not the network.
      if (/^(https?|wss?):/.test(r.url()) && !r.url().startsWith(server.url)) outside.push(r.url());
    });
    await server.signIn(page);
    await page.getByRole("link", { name: "考核自查" }).click();
    // The 2023 data is scored by the 2019-based scheme (its year's): 85 / 95.
    expect(await page.locator("#audit-score").textContent()).toBe("85");
    await page.screenshot({ path: join(OUT, "audit-1366x768.png") });
    await page.locator("#finding-1").getByRole("link", { name: "申请 YSQ2023-030" }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}/applications/2023/YSQ2023-030`);
    expect(await page.locator("#due-date").textContent()).toBe("2023年10月17日");

    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.getByRole("link", { name: "统计" }).click();
    await page.waitForLoadState("load");
    // Every chart drawn by the app's own ECharts (SVG), the figures beside them.
    await expect.poll(() => page.locator(".chart[data-drawn='1'] svg").count(), { timeout: 15_000 }).toBe(4);
    expect(errors).toEqual([]);
    expect(await page.locator("#stat-received").textContent()).toBe("39");
    await page.screenshot({ path: join(OUT, "stats-1366x768.png") });

    await page.getByRole("link", { name: "年终文书" }).click();
    await page.locator("#doc-annual-report").getByRole("link", { name: "预览" }).click();
    const frame = page.locator("iframe#preview");
    expect(await frame.getAttribute("src")).toBe("/year-end/2023/annual-report.pdf");
    const pdf = await page.request.get(`${server.url}/year-end/2023/annual-report.pdf`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    expect(outside).toEqual([]);
    await context.close();
  });
});
