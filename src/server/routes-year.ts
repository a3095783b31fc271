/**
 * The year's pages: the self-audit (score and findings, each linking to its record; the deadline
 * trace of a late reply), the year-end documents (summary, annual report, self-audit report:
 * preview and download) and the statistics (charts drawn by ECharts, served by the app). Every
 * score, count and figure comes from the library over the year's dataset as stored.
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import { page, tpl, cnDate, csrfField, type Html, type Part } from "./html.js";
import { currentActor } from "./context.js";
import { mayLead } from "./routes-batch.js";
import {
  buildAnnualReport,
  reviewAnnualReport,
  buildSelfAudit,
  buildSummary,
  CHANNEL_LABELS,
  deriveFacts,
  renderDocx,
  REPLY_DAY_BANDS,
  runAudit,
  UserError,
  yearStatistics,
  type AuditResult,
  type Dataset,
  type DocumentTree,
} from "./lib.js";
import { STATUS_LABELS } from "./labels.js";
import { screenText } from "./text.js";
import { reviewHtml } from "./report-review.js";
import { NotFound, type Workbench } from "./workbench.js";
import type { YearMemo } from "./year-cache.js";
import { traceTableHtml, type Ctx } from "./pages.js";

export interface YearRouteEnv {
  wb: Workbench;
  ctxOf: (flash?: string | null) => Promise<Ctx>;
  sendHtml: (reply: FastifyReply, body: string, code?: number) => FastifyReply;
  todayOf: () => string;
}

const SEVERITY_LABELS: Record<string, string> = { error: "问题", warning: "提醒", info: "提示" };

export const YEAR_DOCS = {
  summary: "年度工作总结",
  "annual-report": "政府信息公开工作年度报告",
  "self-audit": "考核自查报告",
} as const;
export type YearDoc = keyof typeof YEAR_DOCS;

interface YearData {
  year: number;
  years: number[];
  dataset: Dataset;
  previous: Dataset | undefined;
  /** Computations of this year at its data revision (see YearCache). */
  memo: YearMemo;
}

function yearLinks(path: string, years: number[], current: number): Html {
  return tpl`<nav class="years" aria-label="年度">
    ${years.map((y) =>
      y === current
        ? tpl`<strong aria-current="page">${y}年度</strong> `
        : tpl`<a href="${path}?year=${y}">${y}年度</a> `,
    )}
  </nav>`;
}

/** A library failure (bad or missing data for a document) as the clerk's messages. */
function userMessages(e: UserError): string[] {
  return [screenText(e.message), ...e.details.map(screenText)];
}

export async function yearRoutes(app: FastifyInstance, env: YearRouteEnv): Promise<void> {
  const { wb, ctxOf, sendHtml, todayOf } = env;

  const yearData = async (given: string | undefined): Promise<YearData> => {
    const office = await wb.requireOffice();
    const years = await wb.store.years(office.id);
    if (years.length === 0) throw new NotFound("还没有任何年度的数据");
    let year = years[years.length - 1]!;
    if (given !== undefined && given !== "") {
      if (!/^\d{4}$/.test(given) || !years.includes(Number(given)))
        throw new NotFound(`没有${given}年度的数据`);
      year = Number(given);
    }
    const memo = await wb.yearMemo(office.id, year);
    const { dataset, previous } = await memo.get("data", async () => {
      const dataset = await wb.store.exportYear(office.id, year);
      const previous = years.includes(year - 1)
        ? ((await wb.store.exportYear(office.id, year - 1)) ?? undefined)
        : undefined;
      return { dataset, previous };
    });
    if (!dataset) throw new NotFound(`没有${year}年度的数据`);
    return { year, years, dataset, previous, memo };
  };
  const prevOpt = (d: YearData) => (d.previous ? { previous: d.previous } : {});

  // ---- audit --------------------------------------------------------------------------------

  app.get<{ Querystring: { year?: string } }>("/audit", async (req, reply) => {
    const d = await yearData(req.query.year);
    let result: AuditResult;
    try {
      result = d.memo.get("audit", () =>
        runAudit(d.dataset, { lang: "zh", calendar: wb.calendar, ...prevOpt(d) }),
      );
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      return sendHtml(
        reply,
        page(
          { title: "考核自查", csrf: (await ctxOf()).csrf, office: (await ctxOf()).office, nav: "audit" },
          tpl`<h1>考核自查</h1>
            ${yearLinks("/audit", d.years, d.year)}
            <div class="errors" role="alert">
              <p>无法自查：</p>
              <ul>
                ${userMessages(e).map((m) => tpl`<li>${m}</li>`)}
              </ul>
            </div>`,
        ),
        400,
      );
    }
    const appIds = new Set((d.dataset.disclosure.applications ?? []).map((a) => a.id));
    const caseIds = new Set((d.dataset.approval?.cases ?? []).map((c) => c.id));
    const subjectLink = (s: string | null): Part => {
      if (s === null) return "";
      if (appIds.has(s))
        return tpl`<a class="subject" href="/applications/${d.year}/${encodeURIComponent(s)}">申请 ${s}</a>`;
      if (caseIds.has(s))
        return tpl`<a class="subject" href="/cases?year=${d.year}#case-${encodeURIComponent(s)}">办件 ${s}</a>`;
      return tpl`<span class="subject">${s}</span>`;
    };
    const wl = await wb.worklist(todayOf());
    const overdueNow = wl.items.filter((w) => w.year === d.year && w.standing.status === "overdue");
    const ctx = await ctxOf();
    const findings = result.findings.map(
      (f, i) =>
        tpl`<li class="finding sev-${f.severity}" id="finding-${i + 1}">
          <div>
            <span class="badge badge-sev-${f.severity}">${SEVERITY_LABELS[f.severity] ?? ""}</span>
            ${subjectLink(f.subject)}
          </div>
          <p class="message">${screenText(f.message)}</p>
          <p class="source">依据：${f.source}</p>
          ${
            f.deadline
              ? tpl`<details class="deadline-trace">
                  <summary>答复期限的计算过程</summary>
                  <p>${screenText(f.deadline.summary)}</p>
                  <ul class="events">
                    ${f.deadline.events.map((e) => tpl`<li>${cnDate(e.date)}：${screenText(e.note)}</li>`)}
                  </ul>
                  ${traceTableHtml(f.deadline.trace)}
                </details>`
              : ""
          }
        </li>`,
    );
    const criteria = result.criteria.map(
      (c) =>
        tpl`<tr class="${c.lost > 0 ? "lost" : ""}">
          <td>${c.group}</td>
          <td>${c.title}</td>
          <td class="num">${c.points}</td>
          <td class="num">${c.scored ? c.earned + c.bonus : "无数据"}</td>
          <td>${screenText(c.reason)}</td>
        </tr>`,
    );
    return sendHtml(
      reply,
      page(
        { title: "考核自查", csrf: ctx.csrf, office: ctx.office, nav: "audit" },
        tpl`<h1>考核自查 <small>${d.year}年度，截至${cnDate(todayOf())}的数据</small></h1>
          ${yearLinks("/audit", d.years, d.year)}
          <section aria-labelledby="h-score">
            <h2 id="h-score">得分</h2>
            <p class="score">
              <strong id="audit-score">${result.score}</strong> 分（满分${result.outOf}分${result.outOf !== result.total ? `：满分${result.total}分中${result.criteria.filter((c) => !c.scored).length}项无数据，不计分` : ""}）：${result.scheme.title}
            </p>
            <p>
              发现问题${result.counts.error}项，提醒${result.counts.warning}项，提示${result.counts.info}项。
              <a href="/year-end?year=${d.year}">考核自查报告见年终文书</a>
            </p>
          </section>
          ${
            overdueNow.length
              ? tpl`<section aria-labelledby="h-overdue">
                  <h2 id="h-overdue">尚未答复、已经逾期</h2>
                  <ul>
                    ${overdueNow.map((w) => tpl`<li><a href="/applications/${w.year}/${encodeURIComponent(w.id)}">申请 ${w.id}</a>：答复期限${cnDate(w.standing.due)}，${STATUS_LABELS.overdue}${w.standing.daysLeft !== null ? `${-w.standing.daysLeft}个工作日` : ""}</li>`)}
                  </ul>
                </section>`
              : ""
          }
          <section aria-labelledby="h-findings">
            <h2 id="h-findings">发现的问题（${result.findings.length}项）</h2>
            ${result.findings.length ? tpl`<ol class="findings">${findings}</ol>` : tpl`<p>未发现问题。</p>`}
          </section>
          <section aria-labelledby="h-criteria">
            <h2 id="h-criteria">逐项得分</h2>
            <div class="table-wrap">
              <table class="criteria">
                <thead>
                  <tr>
                    <th scope="col">类别</th>
                    <th scope="col">考核内容</th>
                    <th scope="col">分值</th>
                    <th scope="col">得分</th>
                    <th scope="col">说明</th>
                  </tr>
                </thead>
                <tbody>
                  ${criteria}
                </tbody>
              </table>
            </div>
          </section>`,
      ),
    );
  });

  // ---- year-end documents -------------------------------------------------------------------

  const buildDoc = (doc: YearDoc, d: YearData): { tree: DocumentTree; warnings: string[] } =>
    d.memo.get(`doc:${doc}`, () => makeDoc(doc, d));
  const makeDoc = (doc: YearDoc, d: YearData): { tree: DocumentTree; warnings: string[] } => {
    const input = { dataset: d.dataset, lang: "zh" as const, ...prevOpt(d) };
    if (doc === "summary") return { tree: buildSummary(input), warnings: [] };
    if (doc === "annual-report") {
      const b = buildAnnualReport(input);
      return { tree: b.tree, warnings: b.warnings.map(screenText) };
    }
    return { tree: buildSelfAudit(input).tree, warnings: [] };
  };
  const docOf = (s: string): YearDoc => {
    if (!(s in YEAR_DOCS)) throw new NotFound("没有这份文书");
    return s as YearDoc;
  };
  const fileName = (doc: YearDoc, d: YearData, ext: string) =>
    `${d.dataset.agency.shortName}${d.year}年度${YEAR_DOCS[doc]}.${ext}`;

  app.get<{ Querystring: { year?: string } }>("/year-end", async (req, reply) => {
    const d = await yearData(req.query.year);
    const ctx = await ctxOf();
    const review = d.memo.get("review", () =>
      reviewAnnualReport({ dataset: d.dataset, lang: "zh", ...prevOpt(d) }),
    );
    const rows = (Object.keys(YEAR_DOCS) as YearDoc[]).map((doc) => {
      let problems: string[] = [];
      let warnings: string[] = [];
      try {
        warnings = buildDoc(doc, d).warnings;
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        problems = userMessages(e);
      }
      const base = `/year-end/${d.year}/${doc}`;
      return tpl`<tr id="doc-${doc}">
        <td>${YEAR_DOCS[doc]}</td>
        <td>
          ${
            problems.length
              ? tpl`<div class="problem">
                  尚不能生成：
                  <ul>
                    ${problems.map((m) => tpl`<li>${m}</li>`)}
                  </ul>
                </div>`
              : tpl`可以生成${warnings.length ? tpl`<ul class="hint">${warnings.map((w) => tpl`<li>${w}</li>`)}</ul>` : ""}`
          }
        </td>
        <td class="actions">
          ${
            problems.length
              ? ""
              : tpl`<a href="${base}">预览</a> <a href="${base}.pdf?download=1">下载PDF</a>
                  <a href="${base}.docx?download=1">下载DOCX</a>`
          }
        </td>
      </tr>`;
    });
    return sendHtml(
      reply,
      page(
        { title: "年终文书", csrf: ctx.csrf, office: ctx.office, nav: "year-end" },
        tpl`<h1>年终文书 <small>${d.year}年度</small></h1>
          ${yearLinks("/year-end", d.years, d.year)}
          <section aria-labelledby="h-docs">
            <h2 id="h-docs">文书</h2>
            <div class="table-wrap">
              <table class="docs">
                <thead>
                  <tr>
                    <th scope="col">文书</th>
                    <th scope="col">状态</th>
                    <th scope="col">操作</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows}
                </tbody>
              </table>
            </div>
            ${d.previous ? "" : tpl`<p class="hint">数据库中没有${d.year - 1}年度的数据：年度报告的上年结转未与上年核对。</p>`}
          </section>
          <section aria-labelledby="h-batch">
            <h2 id="h-batch">年终批量</h2>
            <p>年度报告（DOCX、PDF、XLSX）、考核自查报告和本年度全部答复文书一次生成，保存在数据库中：见<a href="/batch">年终批量</a>。</p>
            ${
              mayLead(currentActor())
                ? tpl`<form method="post" action="/batch" class="inline">
                    ${csrfField(ctx.csrf)}<input type="hidden" name="year" value="${d.year}" />
                    <button type="submit">生成${d.year}年度全部年终文书</button>
                  </form>`
                : ""
            }
          </section>
          <section aria-labelledby="h-consistency">
            <h2 id="h-consistency">年度报告表格核对</h2>
            ${reviewHtml(review.sheets, review.violations)}
          </section>`,
      ),
    );
  });

  app.get<{ Params: { year: string; file: string }; Querystring: { download?: string } }>(
    "/year-end/:year/:file",
    async (req, reply) => {
      const d = await yearData(req.params.year);
      const m = /^([a-z-]+?)(?:\.(pdf|docx))?$/.exec(req.params.file);
      if (!m) throw new NotFound("没有这份文书");
      const doc = docOf(m[1]!);
      const format = m[2] as "pdf" | "docx" | undefined;
      let built: { tree: DocumentTree; warnings: string[] };
      try {
        built = buildDoc(doc, d);
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        const ctx = await ctxOf();
        return sendHtml(
          reply,
          page(
            { title: YEAR_DOCS[doc], csrf: ctx.csrf, office: ctx.office, nav: "year-end" },
            tpl`<h1>${YEAR_DOCS[doc]}</h1>
              <div class="errors" role="alert">
                <p>尚不能生成：</p>
                <ul>
                  ${userMessages(e).map((x) => tpl`<li>${x}</li>`)}
                </ul>
              </div>
              <p><a href="/year-end?year=${d.year}">返回年终文书</a></p>`,
          ),
          400,
        );
      }
      if (!format) {
        const ctx = await ctxOf();
        const base = `/year-end/${d.year}/${doc}`;
        return sendHtml(
          reply,
          page(
            {
              title: YEAR_DOCS[doc],
              csrf: ctx.csrf,
              office: ctx.office,
              nav: "year-end",
              scripts: ["/static/print.js"],
            },
            tpl`<h1>${YEAR_DOCS[doc]} <small>${d.year}年度</small></h1>
              <p class="doc-actions">
                <a href="/year-end?year=${d.year}">返回年终文书</a> · <a href="${base}.pdf?download=1">下载PDF</a> ·
                <a href="${base}.docx?download=1">下载DOCX</a> ·
                <button type="button" class="print" data-frame="preview">打印</button>
              </p>
              ${built.warnings.length ? tpl`<ul class="hint">${built.warnings.map((w) => tpl`<li>${w}</li>`)}</ul>` : ""}
              <iframe id="preview" class="preview" src="${base}.pdf" title="${YEAR_DOCS[doc]}预览"></iframe>`,
          ),
        );
      }
      const tree = built.tree;
      const bytes = await d.memo.get(`file:${doc}.${format}`, async () =>
        format === "pdf" ? (await wb.pdf.render(tree)).bytes : await renderDocx(tree),
      );
      const name = fileName(doc, d, format);
      return reply
        .type(
          format === "pdf"
            ? "application/pdf"
            : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        .header("cache-control", "no-store")
        .header(
          "content-disposition",
          `${req.query.download ? "attachment" : "inline"}; filename="${d.year}-${doc}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(Buffer.from(bytes));
    },
  );

  // ---- statistics ---------------------------------------------------------------------------

  app.get<{ Querystring: { year?: string } }>("/stats", async (req, reply) => {
    const d = await yearData(req.query.year);
    const ctx = await ctxOf();
    const s = d.memo.get("stats", () => {
      const facts = deriveFacts(d.dataset, { calendar: wb.calendar, ...prevOpt(d) });
      return yearStatistics(d.dataset, facts.applications, facts.annualReport, wb.calendar);
    });
    const months = s.byMonth.map((_, i) => `${i + 1}月`);
    const outcomes: [string, number][] = [
      ["予以公开", s.byOutcome.disclosed],
      ["部分公开", s.byOutcome.partial],
      ["不予公开", s.byOutcome.refused],
      ["无法提供", s.byOutcome.unavailable],
      ["不予处理", s.byOutcome.notProcessed],
      ["其他处理", s.byOutcome.other],
      ["结转下年度继续办理", s.byOutcome.carriedForward],
    ];
    const channels: [string, number][] = s.byChannel.map((c) => [CHANNEL_LABELS[c.channel], c.count]);
    const bands = s.daysToReply.map((_, i) =>
      i === 0
        ? `${REPLY_DAY_BANDS[0]}个工作日以内`
        : i < REPLY_DAY_BANDS.length
          ? `${REPLY_DAY_BANDS[i - 1]! + 1}–${REPLY_DAY_BANDS[i]}个工作日`
          : `${REPLY_DAY_BANDS[REPLY_DAY_BANDS.length - 1]}个工作日以上`,
    );
    const charts = {
      month: { labels: months, values: s.byMonth },
      outcome: { labels: outcomes.map((o) => o[0]), values: outcomes.map((o) => o[1]) },
      channel: { labels: channels.map((c) => c[0]), values: channels.map((c) => c[1]) },
      days: { labels: bands, values: s.daysToReply },
    };
    const table = (id: string, caption: string, labels: string[], values: number[]): Html =>
      tpl`<table class="stats-table" id="table-${id}">
        <caption>
          ${caption}
        </caption>
        <tbody>
          ${labels.map((l, i) => tpl`<tr><th scope="row">${l}</th><td class="num">${values[i]}</td></tr>`)}
        </tbody>
      </table>`;
    const chart = (id: keyof typeof charts, title: string, kind: "bar" | "pie") =>
      tpl`<section aria-labelledby="h-${id}" class="chart-box">
        <h2 id="h-${id}">${title}</h2>
        <div class="chart" id="chart-${id}" data-kind="${kind}" data-chart="${JSON.stringify(charts[id])}"></div>
        <details>
          <summary>数字</summary>
          ${table(id, title, charts[id].labels, charts[id].values)}
        </details>
      </section>`;
    return sendHtml(
      reply,
      page(
        {
          title: "统计",
          csrf: ctx.csrf,
          office: ctx.office,
          nav: "stats",
          scripts: ["/static/echarts.min.js", "/static/stats.js"],
        },
        tpl`<h1>统计 <small>${d.year}年度</small></h1>
          ${yearLinks("/stats", d.years, d.year)}
          <p>
            本年新收申请<strong id="stat-received">${s.reportReceived}</strong>件（与年度报告表三“本年新收政府信息公开申请数量”相同）。
            ${s.daysToReplyUnknown ? `另有${s.daysToReplyUnknown}件答复因缺少节假日数据未计入答复用时。` : ""}
          </p>
          <div class="charts">
            ${chart("month", "按月收到的申请", "bar")}${chart("outcome", "办理结果（同年度报告）", "pie")}
            ${chart("channel", "提交方式", "bar")}${chart("days", "答复用时（自收到申请之日）", "bar")}
          </div>`,
      ),
    );
  });
}
