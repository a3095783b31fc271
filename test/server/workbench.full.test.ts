/**
 * The workbench in a real browser: a clerk creates the office, registers an application through
 * the form (a field error shown and corrected), finds it in the worklist with its due date,
 * records a reply and downloads the reply PDF; the worklist at 1366×768 has no overflow.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { fillAdmin, launchBrowser, liveServer, type LiveServer } from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the workbench in a browser", () => {
  let server: LiveServer;
  beforeAll(async () => {
    server = await liveServer("2026-11-25");
  });
  afterAll(async () => {
    await server?.close();
  });

  it("create the office, register an application (error shown, corrected), see it, reply, download the PDF", async () => {
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1366, height: 768 },
    });
    const page = await context.newPage();
    const outside: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(server.url)) outside.push(r.url());
    });
    await page.goto(server.tokenUrl);
    // The token left the address bar; the empty database offers the setup.
    expect(page.url()).toBe(`${server.url}/setup`);
    await fillAdmin(page);
    await page.getByLabel("机关全称").fill("示例市青禾区市场监督管理局");
    await page.getByLabel("发文机关代字").fill("青禾市监");
    await page.getByLabel("本级人民政府").fill("示例市青禾区人民政府");
    await page.getByLabel("行政复议机关").fill("示例市青禾区人民政府");
    await page.getByLabel("行政诉讼管辖法院").fill("示例市青禾区人民法院");
    await page.getByLabel("机关地址").fill("示例市青禾区人民路88号");
    await page.locator("#f-agency-disclosureOffice-name").fill("青禾区市场监督管理局办公室");
    await page.getByLabel("工作机构负责人").fill("办公室主任");
    await page.getByLabel("年度").fill("2026");
    await page.getByRole("button", { name: "建立机关" }).click();
    await expect.poll(() => page.url()).toContain(`${server.url}/?flash=office`);
    expect(await page.getByRole("status").textContent()).toContain("已建立机关");

    await page.getByRole("link", { name: "登记新申请" }).click();
    await page.getByLabel("申请人类型").selectOption({ label: "自然人" });
    await page.getByLabel("姓名或名称").fill("张某某");
    await page.getByLabel("联系电话").fill("13800000000");
    await page.getByLabel("提交方式").selectOption({ label: "挂号信" });
    // Registered post asks for 签收日期, not 确认日期.
    expect(await page.getByLabel("签收日期").isVisible()).toBe(true);
    expect(await page.getByLabel("确认日期").isVisible()).toBe(false);
    await page.getByLabel("提交日期").fill("2026-10-30");
    await page.getByLabel("申请公开的政府信息").fill("2026年青禾区食品安全抽检结果");
    await page.getByRole("button", { name: "保存登记" }).click();
    const err = page.locator("#f-signedFor-err");
    await err.waitFor();
    expect(await err.textContent()).toBe("以挂号信方式提交的申请须填写签收日期，或直接填写收到日期");
    expect(await page.getByLabel("签收日期").getAttribute("aria-invalid")).toBe("true");
    // What was typed is still there; fill in the missing date.
    expect(await page.getByLabel("姓名或名称").inputValue()).toBe("张某某");
    await page.getByLabel("签收日期").fill("2026-11-02");
    await page.getByRole("button", { name: "保存登记" }).click();
    await page.locator("#due-date").waitFor();
    expect(await page.locator("#due-date").textContent()).toBe("2026年11月30日");

    await page.getByRole("link", { name: "待办" }).click();
    const row = page.locator("table.worklist tbody tr", { hasText: "YSQ2026-001" });
    expect(await row.locator("td").nth(2).textContent()).toBe("2026年11月30日");
    expect(await row.locator("td").nth(3).textContent()).toBe("3个工作日");
    expect(await row.locator("td").nth(4).textContent()).toContain("即将到期");

    await row.getByRole("link", { name: "YSQ2026-001" }).click();
    await page.locator("#step-reply summary").click();
    await page.getByLabel("答复日期").fill("2026-11-20");
    // The delivery fields appear for a reply that provides the information.
    expect(await page.getByLabel("获取方式").isVisible()).toBe(false);
    await page.getByLabel("答复类型").selectOption({ label: "予以公开" });
    await page.getByLabel("提供形式").selectOption({ label: "纸质" });
    await page.getByLabel("获取方式").selectOption({ label: "邮寄" });
    await page.getByRole("button", { name: "记录答复" }).click();
    await page.getByText("已答复，待送达。").waitFor();
    // The head signs the reply off (the first administrator is also the 负责人), then it is issued.
    await page.getByRole("button", { name: "签批答复" }).click();
    await page.getByText("答复已由王管理").waitFor();
    // Issue the reply, then download its PDF and read it.
    const replyRow = page.locator("#h-letters + .table-wrap tr", { hasText: "答复书" });
    await replyRow.getByRole("button", { name: "签发" }).click();
    await page.getByText("已签发").waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page
        .locator("#h-letters + .table-wrap tr", { hasText: "答复书" })
        .getByRole("link", { name: "下载PDF" })
        .click(),
    ]);
    const pdf = join(server.dir, "reply.pdf");
    await download.saveAs(pdf);
    const textOut = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    expect(textOut).toContain("青禾市监公开复〔2026〕1号");
    expect(textOut).toContain("张某某");
    expect(textOut).toContain("2026年青禾区食品安全抽检结果");
    expect(textOut).toContain("本机关决定予以公开，现以纸质形式通过邮寄方式向您提供。");
    // Served: the 送达 step closes the application.
    await page.locator("#step-delivered summary").click();
    await page.getByLabel("送达日期").fill("2026-11-23");
    await page.getByRole("button", { name: "记录送达" }).click();
    await page.getByText("已答复，2026年11月23日送达，办理完毕。").waitFor();
    // The history shows the reply with old → new.
    expect(await page.locator("ol.timeline").textContent()).toContain("答复类型");
    expect(outside).toEqual([]);
    await context.close();
  });
});

describe("the worklist at 1366×768", () => {
  let server: LiveServer;
  beforeAll(async () => {
    server = await liveServer("2023-12-08");
  });
  afterAll(async () => {
    await server?.close();
  });

  it("has no horizontal overflow or overlapping parts (screenshot in out/screenshots)", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(server.tokenUrl);
    await fillAdmin(page);
    await page.getByRole("button", { name: "载入示例数据" }).click();
    await page.goto(`${server.url}/?asOf=2023-12-27`);
    await page.locator("table.worklist").waitFor();
    const metrics = await page.evaluate(() => {
      const rect = (sel: string) => [...document.querySelectorAll(sel)].map((e) => e.getBoundingClientRect());
      const overlaps = (rs: DOMRect[]) =>
        rs.some((a, i) =>
          rs.some(
            (b, j) => j > i && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom,
          ),
        );
      return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        countsOverlap: overlaps(rect(".counts .count")),
        navOverlap: overlaps(rect("nav li")),
        filtersOverlap: overlaps(rect(".filters > *")),
        headerCellsOverlap: overlaps(rect("table.worklist thead th")),
        tableRight: rect("table.worklist")[0]!.right,
      };
    });
    expect(metrics.scrollWidth).toBeLessThanOrEqual(metrics.innerWidth);
    expect(metrics.tableRight).toBeLessThanOrEqual(metrics.innerWidth);
    expect(metrics.countsOverlap).toBe(false);
    expect(metrics.navOverlap).toBe(false);
    expect(metrics.filtersOverlap).toBe(false);
    expect(metrics.headerCellsOverlap).toBe(false);
    mkdirSync("out/screenshots", { recursive: true });
    await page.screenshot({ path: "out/screenshots/worklist-1366x768.png" });
    await context.close();
  });
});
