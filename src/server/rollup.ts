/**
 * 年报汇总: a 监督's roll-up of the annual reports of every agency in their scope (their own and
 * each one below it, or one agency's part of it) for one year — each agency's tables status, the
 * summed tables, the agencies whose tables fail with the rule's message, the comparison of the
 * agencies, and the roll-up report to download (DOCX, PDF, XLSX). Every figure is the library's:
 * each agency's facts (deriveFacts over its stored year), summed by rollupAnnualReport; nothing is
 * counted here. Read-only; an agency outside the scope answers 404.
 */
import type { FastifyInstance } from "fastify";
import { currentActor, type AgencyRef } from "./context.js";
import { page, raw, tpl, type Html } from "./html.js";
import {
  buildRollupReport,
  deriveFacts,
  renderDocx,
  renderXlsx,
  reviewRollupReport,
  rollupAnnualReport,
  rollupDepartment,
  rollupHeadOf,
  UserError,
  type AnnualReportRollup,
  type Dataset,
  type Facts,
  type RollupReportInput,
} from "./lib.js";
import { reviewHtml } from "./report-review.js";
import type { RouteEnv } from "./routes-more.js";
import { screenText } from "./text.js";
import { errorPage } from "./pages.js";
import { NotFound, type Workbench } from "./workbench.js";

/** One agency of the scope in the year asked for. */
interface AgencyYear {
  agency: AgencyRef;
  /** Its dataset and facts; null when it has no data for the year. */
  data: { dataset: Dataset; facts: Facts } | null;
  /** Its facts could not be derived (the library's message). */
  problem: string[] | null;
}

interface RollupView {
  root: AgencyRef;
  scope: readonly AgencyRef[];
  /** Every year any agency of the part of the scope has data for. */
  years: number[];
  year: number;
  agencies: AgencyYear[];
  rollup: AnnualReportRollup | null;
  /** Why there is no roll-up (no agency with data, or the library refused). */
  refused: string[];
  input: RollupReportInput | null;
}

const FILES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;
type RollupFormat = keyof typeof FILES;

function userMessages(e: UserError): string[] {
  return [screenText(e.message), ...e.details.map(screenText)];
}

/** The part of the actor's scope below `agency` (the whole scope without it); 404 outside it. */
function partOfScope(agencyParam: string | undefined): {
  root: AgencyRef;
  part: AgencyRef[];
  scope: readonly AgencyRef[];
} {
  const actor = currentActor();
  if (!actor) throw new NotFound("没有这个页面");
  const scope = actor.scope;
  let from = 0;
  if (agencyParam !== undefined && agencyParam !== "") {
    from = /^\d{1,12}$/.test(agencyParam) ? scope.findIndex((a) => a.id === Number(agencyParam)) : -1;
    if (from < 0) throw new NotFound("没有这个机关，或不在您的查阅范围内");
  }
  const root = scope[from]!;
  let end = from + 1;
  while (end < scope.length && scope[end]!.depth > root.depth) end++;
  return { root, part: scope.slice(from, end), scope };
}

/** An agency's year: its dataset and facts, computed once per data revision (YearCache). */
async function agencyYear(
  wb: Workbench,
  agency: AgencyRef,
  year: number,
  years: number[],
): Promise<AgencyYear> {
  if (!years.includes(year)) return { agency, data: null, problem: null };
  const memo = await wb.yearMemo(agency.id, year);
  try {
    const data = await memo.get("rollup:facts", async () => {
      const dataset = await wb.store.exportYear(agency.id, year);
      if (!dataset) return null;
      const previous = years.includes(year - 1) ? await wb.store.exportYear(agency.id, year - 1) : null;
      const facts = deriveFacts(dataset, {
        calendar: wb.calendar,
        ...(previous ? { previous } : {}),
      });
      return { dataset, facts };
    });
    return { agency, data, problem: null };
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return { agency, data: null, problem: userMessages(e) };
  }
}

async function rollupView(wb: Workbench, q: Record<string, string | undefined>): Promise<RollupView> {
  const { root, part, scope } = partOfScope(q.agency);
  const yearsOf = new Map<number, number[]>();
  for (const a of part) yearsOf.set(a.id, await wb.store.years(a.id));
  const years = [...new Set([...yearsOf.values()].flat())].sort((x, y) => x - y);
  if (years.length === 0) throw new NotFound("所选机关还没有任何年度的数据");
  let year = years[years.length - 1]!;
  if (q.year !== undefined && q.year !== "") {
    if (!/^\d{4}$/.test(q.year) || !years.includes(Number(q.year)))
      throw new NotFound(`没有${q.year}年度的数据`);
    year = Number(q.year);
  }
  const agencies: AgencyYear[] = [];
  for (const a of part) agencies.push(await agencyYear(wb, a, year, yearsOf.get(a.id) ?? []));
  const withData = agencies.filter((a) => a.data !== null);
  let rollup: AnnualReportRollup | null = null;
  let input: RollupReportInput | null = null;
  const refused: string[] = [];
  if (withData.length === 0) refused.push(`所选机关没有${year}年度的数据`);
  else {
    try {
      rollup = rollupAnnualReport(
        withData.map((a) => rollupDepartment(a.agency.name, a.data!.facts, String(a.agency.id))),
        { year, lang: "zh" },
      );
      // The government is the chosen agency: its own year (if it keeps one) gives its details,
      // date and passages; else its name, and the clerk fills in the rest.
      const own = agencies[0]!.data;
      const head = own ? rollupHeadOf(own.dataset) : null;
      input = {
        rollup,
        government: head ? { ...head.government, name: root.name } : { name: root.name },
        signedOn: head?.signedOn ?? null,
        narrative: head?.narrative ?? {},
        lang: "zh",
      };
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      refused.push(...userMessages(e));
    }
  }
  return { root, scope, years, year, agencies, rollup, refused, input };
}

const dash = (n: number | null): string => (n === null ? "—" : String(n));

function yearLinks(v: RollupView): Html {
  const agency = v.root.id === v.scope[0]?.id ? "" : `&agency=${v.root.id}`;
  return tpl`<nav class="years" aria-label="年度">
    ${v.years.map((y) =>
      y === v.year
        ? tpl`<strong aria-current="page">${y}年度</strong> `
        : tpl`<a href="/rollup?year=${y}${agency}">${y}年度</a> `,
    )}
  </nav>`;
}

function rollupPage(ctx: { csrf: string; office: string | null }, v: RollupView): string {
  const r = v.rollup;
  const byKey = new Map((r?.departments ?? []).map((d) => [d.key, d]));
  let buildProblems: string[] = [];
  let warnings: string[] = [];
  let review: ReturnType<typeof reviewRollupReport> | null = null;
  if (v.input) {
    review = reviewRollupReport(v.input);
    try {
      warnings = buildRollupReport(v.input).warnings.map(screenText);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      // The failing agencies and their messages are listed above: here the headline suffices.
      buildProblems = r && r.failing.length > 0 ? [screenText(e.message)] : userMessages(e);
    }
  }
  const top = v.agencies[0]?.agency.depth ?? 0;
  const agencyQ = v.root.id === v.scope[0]?.id ? "" : `?agency=${v.root.id}`;
  const base = `/rollup/${v.year}/rollup-annual-report`;
  const rows = v.agencies.map((a) => {
    const d = byKey.get(String(a.agency.id));
    const status: Html = a.problem
      ? tpl`<span class="badge badge-overdue">无法汇总</span>
          <ul class="problem">
            ${a.problem.map((m) => tpl`<li>${m}</li>`)}
          </ul>`
      : !a.data
        ? tpl`<span class="muted">没有${v.year}年度的数据，未纳入汇总</span>`
        : d && d.violations.length > 0
          ? tpl`<span class="badge badge-overdue">不符合勾稽关系</span>
              <ul class="problem">
                ${d.violations.map((x) => tpl`<li>${screenText(x.message)}</li>`)}
              </ul>`
          : d
            ? tpl`<span class="badge badge-on-time">相符</span>`
            : tpl`<span class="muted">未纳入汇总</span>`;
    return tpl`<tr id="agency-${a.agency.id}">
      <th scope="row">${"　".repeat(Math.max(0, a.agency.depth - top))}${a.agency.name}</th>
      <td>${d ? (d.sources.requests === "records" ? "申请记录" : "填报") : "—"}</td>
      <td class="status">${status}</td>
      <td class="num">${d ? d.comparison.received : "—"}</td>
      <td class="num">${d ? dash(d.comparison.repliedOnTime) : "—"}</td>
      <td class="num">${d ? dash(d.comparison.overdue) : "—"}</td>
      <td class="num">${d ? d.comparison.reconsiderationCorrected : "—"}</td>
    </tr>`;
  });
  return page(
    { title: "年报汇总", csrf: ctx.csrf, office: ctx.office, nav: "rollup" },
    tpl`<h1>年报汇总 <small>${v.year}年度</small></h1>
      <p>
        ${v.root.name}及其下属机关的政府信息公开工作年度报告：各机关表格核对情况、汇总后的表二至表四，以及汇总的年度报告（全国统一格式）。只供查阅；机关的数据请用“查看机关”切换到该机关更正。
      </p>
      <form class="filters" method="get" action="/rollup">
        <div class="field inline">
          <label for="f-agency">机关</label
          ><select id="f-agency" name="agency">
            ${v.scope.map(
              (s) =>
                tpl`<option value="${s.id}" ${v.root.id === s.id ? raw(" selected") : ""}>${"　".repeat(s.depth)}${s.name}</option>`,
            )}
          </select>
        </div>
        <input type="hidden" name="year" value="${v.year}" />
        <button type="submit">查看</button>
      </form>
      ${yearLinks(v)}
      <section aria-labelledby="h-agencies">
        <h2 id="h-agencies">各机关</h2>
        <div class="table-wrap">
          <table class="rollup-agencies">
            <thead>
              <tr>
                <th scope="col">机关</th>
                <th scope="col">表格来源</th>
                <th scope="col">表格核对</th>
                <th scope="col">本年新收</th>
                <th scope="col">按期答复</th>
                <th scope="col">逾期</th>
                <th scope="col">行政复议结果纠正</th>
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
            ${
              r
                ? tpl`<tfoot>
                    <tr>
                      <th scope="row">合计</th>
                      <td></td>
                      <td></td>
                      <td class="num">${r.total.received}</td>
                      <td class="num">${dash(r.total.repliedOnTime)}</td>
                      <td class="num">${dash(r.total.overdue)}</td>
                      <td class="num">${r.total.reconsiderationCorrected}</td>
                    </tr>
                  </tfoot>`
                : ""
            }
          </table>
        </div>
      </section>
      ${
        r && r.failing.length > 0
          ? tpl`<section aria-labelledby="h-failing" class="errors" role="alert">
              <h2 id="h-failing">表格不符合勾稽关系的机关</h2>
              <ul class="rollup-failing">
                ${r.failing.map(
                  (f) => tpl`<li>
                    <strong>${f.name}</strong>
                    <ul>
                      ${f.messages.map((m) => tpl`<li>${screenText(m)}</li>`)}
                    </ul>
                  </li>`,
                )}
              </ul>
            </section>`
          : ""
      }
      <section aria-labelledby="h-download">
        <h2 id="h-download">汇总的年度报告</h2>
        ${
          v.refused.length || buildProblems.length
            ? tpl`<div class="problem">
                尚不能生成：
                <ul>
                  ${[...v.refused, ...buildProblems].map((m) => tpl`<li>${m}</li>`)}
                </ul>
              </div>`
            : tpl`<p class="doc-actions">
                  <a href="${base}.docx${agencyQ}">下载DOCX</a> · <a href="${base}.pdf${agencyQ}">下载PDF</a> ·
                  <a href="${base}.xlsx${agencyQ}">下载XLSX（表格和各机关对比）</a>
                </p>
                ${warnings.length ? tpl`<ul class="hint">${warnings.map((w) => tpl`<li>${w}</li>`)}</ul>` : ""}`
        }
      </section>
      ${
        review
          ? tpl`<section aria-labelledby="h-tables">
              <h2 id="h-tables">汇总表格</h2>
              ${reviewHtml(review.sheets, review.violations)}
            </section>`
          : ""
      }`,
  );
}

export async function rollupRoutes(app: FastifyInstance, env: RouteEnv): Promise<void> {
  const { wb, ctxOf, sendHtml } = env;

  app.get<{ Querystring: Record<string, string | undefined> }>("/rollup", async (req, reply) => {
    const v = await rollupView(wb, req.query);
    return sendHtml(reply, rollupPage(await ctxOf(), v));
  });

  app.get<{ Params: { year: string; file: string }; Querystring: Record<string, string | undefined> }>(
    "/rollup/:year/:file",
    async (req, reply) => {
      const m = /^rollup-annual-report\.(docx|pdf|xlsx)$/.exec(req.params.file);
      if (!m) throw new NotFound("没有这份文书");
      const format = m[1] as RollupFormat;
      const v = await rollupView(wb, { agency: req.query.agency, year: req.params.year });
      let problems = v.refused;
      let bytes: Uint8Array | null = null;
      if (v.input) {
        try {
          const built = buildRollupReport(v.input);
          bytes =
            format === "pdf"
              ? (await wb.pdf.render(built.tree)).bytes
              : format === "docx"
                ? await renderDocx(built.tree)
                : await renderXlsx(built.spreadsheet);
        } catch (e) {
          if (!(e instanceof UserError)) throw e;
          problems = userMessages(e);
        }
      }
      if (!bytes) {
        const ctx = await ctxOf();
        return sendHtml(reply, errorPage(ctx, "尚不能生成汇总的年度报告", problems.join("；")), 400);
      }
      const name = `${v.root.name}${v.year}年政府信息公开工作年度报告.${format}`;
      return reply
        .type(FILES[format])
        .header("cache-control", "no-store")
        .header(
          "content-disposition",
          `attachment; filename="${v.year}-rollup-annual-report.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(Buffer.from(bytes));
    },
  );
}
