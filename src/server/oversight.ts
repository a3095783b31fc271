/**
 * 督办: the oversight worklist of a 监督 — overdue and due-soon applications of every agency in
 * their scope (their own and each one below it), counted per agency. Read-only; every deadline
 * and standing is the per-agency worklist's (the library's facts), nothing is recomputed here.
 */
import type { FastifyInstance } from "fastify";
import { currentActor, type AgencyRef } from "./context.js";
import { cnDate, page, raw, tpl } from "./html.js";
import { STATUS_LABELS } from "./labels.js";
import { APPLICANT_TYPE_LABELS, DUE_SOON_WORKING_DAYS } from "./lib.js";
import type { RouteEnv } from "./routes-more.js";
import { errorPage, type Ctx } from "./pages.js";
import { NotFound, type WorkItem, type Workbench } from "./workbench.js";

export interface OversightRow {
  agency: AgencyRef;
  /** Open applications on the agency's worklist that day. */
  open: number;
  dueSoon: number;
  overdue: number;
  /** Its overdue and due-soon applications, most urgent first. */
  items: WorkItem[];
}

export interface Oversight {
  asOf: string;
  rows: OversightRow[];
}

/** Most late first, then least time left; ties by register number. */
function urgency(a: WorkItem, b: WorkItem): number {
  const rank = (w: WorkItem) => (w.standing.status === "overdue" ? 0 : 1);
  const left = (w: WorkItem) => w.standing.daysLeft ?? Number.MIN_SAFE_INTEGER;
  return rank(a) - rank(b) || left(a) - left(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Each agency's worklist as of `asOf`, as the agency's own worklist page computes it. */
export async function oversightOf(
  wb: Workbench,
  agencies: readonly AgencyRef[],
  asOf: string,
): Promise<Oversight> {
  const rows: OversightRow[] = [];
  for (const agency of agencies) {
    const wl = await wb.worklistOf(agency.id, asOf);
    const items = wl.items
      .filter((w) => w.standing.status === "overdue" || w.standing.status === "due-soon")
      .sort(urgency);
    rows.push({
      agency,
      open: wl.items.length,
      dueSoon: wl.counts["due-soon"],
      overdue: wl.counts.overdue,
      items,
    });
  }
  return { asOf, rows };
}

function leftText(w: WorkItem): string {
  const d = w.standing.daysLeft;
  if (d === null) return "—";
  if (d < 0) return `逾期${-d}个工作日`;
  if (d === 0) return "今日到期";
  return `剩余${d}个工作日`;
}

export function oversightPage(
  ctx: Ctx,
  o: Oversight,
  view: { agency: AgencyRef; scope: readonly AgencyRef[] },
): string {
  const total = (k: "open" | "dueSoon" | "overdue") => o.rows.reduce((n, r) => n + r[k], 0);
  const cases = o.rows.flatMap((r) => r.items.map((w) => ({ agency: r.agency, w })));
  const top = o.rows[0]?.agency.depth ?? 0;
  return page(
    { title: "督办", csrf: ctx.csrf, office: ctx.office, nav: "oversight" },
    tpl`<h1>督办 <small>截至${cnDate(o.asOf)}</small></h1>
      <p>
        ${view.agency.name}及其下属机关的待办申请：已逾期和${DUE_SOON_WORKING_DAYS}个工作日内到期的，按机关统计。只供查阅；办理详情请用“查看机关”切换到该机关。
      </p>
      <form class="filters" method="get" action="/oversight">
        <div class="field inline">
          <label for="f-agency">机关</label
          ><select id="f-agency" name="agency">
            ${view.scope.map(
              (s) =>
                tpl`<option value="${s.id}" ${view.agency.id === s.id ? raw(" selected") : ""}>${"　".repeat(s.depth)}${s.name}</option>`,
            )}
          </select>
        </div>
        <div class="field inline">
          <label for="f-asOf">截至日期</label><input type="date" id="f-asOf" name="asOf" value="${o.asOf}" />
        </div>
        <button type="submit">查看</button>
      </form>
      <div class="table-wrap">
        <table class="oversight-summary">
          <caption>
            各机关待办申请
          </caption>
          <thead>
            <tr>
              <th scope="col">机关</th>
              <th scope="col">办理中</th>
              <th scope="col">${DUE_SOON_WORKING_DAYS}个工作日内到期</th>
              <th scope="col">已逾期</th>
            </tr>
          </thead>
          <tbody>
            ${o.rows.map(
              (r) => tpl`<tr>
                <th scope="row">${"　".repeat(Math.max(0, r.agency.depth - top))}${r.agency.name}</th>
                <td class="num">${r.open}</td>
                <td class="num">${r.dueSoon}</td>
                <td class="num">${r.overdue}</td>
              </tr>`,
            )}
          </tbody>
          ${
            o.rows.length > 1
              ? tpl`<tfoot>
                  <tr>
                    <th scope="row">合计</th>
                    <td class="num">${total("open")}</td>
                    <td class="num">${total("dueSoon")}</td>
                    <td class="num">${total("overdue")}</td>
                  </tr>
                </tfoot>`
              : ""
          }
        </table>
      </div>
      <h2>已逾期和即将到期的申请</h2>
      ${
        cases.length === 0
          ? tpl`<p class="empty">没有已逾期或即将到期的申请。</p>`
          : tpl`<div class="table-wrap">
              <table class="oversight-cases">
                <caption>
                  共${cases.length}件
                </caption>
                <thead>
                  <tr>
                    <th scope="col">机关</th>
                    <th scope="col">登记号</th>
                    <th scope="col">申请人类型</th>
                    <th scope="col">收到日期</th>
                    <th scope="col">答复期限</th>
                    <th scope="col">剩余或逾期</th>
                    <th scope="col">状态</th>
                  </tr>
                </thead>
                <tbody>
                  ${cases.map(
                    ({ agency, w }) => tpl`<tr class="st-${w.standing.status}">
                      <td>${agency.name}</td>
                      <td>${w.id}</td>
                      <td>${APPLICANT_TYPE_LABELS[w.record.applicant.type] ?? "—"}</td>
                      <td>${cnDate(w.facts.received)}</td>
                      <td>${w.standing.due ? cnDate(w.standing.due) : "—"}</td>
                      <td>${leftText(w)}</td>
                      <td>
                        <span class="badge badge-${w.standing.status}">${STATUS_LABELS[w.standing.status]}</span>
                      </td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }`,
  );
}

/** GET /oversight[?agency=ID][&asOf=YYYY-MM-DD]: the user's scope, or one agency's subtree of it. */
export async function oversightRoutes(app: FastifyInstance, env: RouteEnv): Promise<void> {
  const { wb, ctxOf, sendHtml, todayOf } = env;
  app.get<{ Querystring: Record<string, string | undefined> }>("/oversight", async (req, reply) => {
    const actor = currentActor();
    // The access table lets only a 监督 in; its scope is what the session computed (home agency down).
    if (!actor) throw new NotFound("没有这个页面");
    const q = req.query;
    // The user's scope is a tree in walk order (parents first); one agency's part of it is that
    // agency and the entries after it that are deeper.
    const scope = actor.scope;
    let from = 0;
    if (q.agency !== undefined && q.agency !== "") {
      from = /^\d{1,12}$/.test(q.agency) ? scope.findIndex((a) => a.id === Number(q.agency)) : -1;
      if (from < 0) throw new NotFound("没有这个机关，或不在您的查阅范围内");
    }
    const root = scope[from]!;
    let end = from + 1;
    while (end < scope.length && scope[end]!.depth > root.depth) end++;
    const asOfGiven = q.asOf !== undefined && q.asOf !== "";
    let asOf = todayOf();
    if (asOfGiven) {
      try {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(q.asOf!)) throw new Error("截至日期应为有效日期");
        wb.calendar.parse(q.asOf!, "截至日期");
        asOf = q.asOf!;
      } catch (e) {
        return sendHtml(reply, errorPage(await ctxOf(), "请求有误", (e as Error).message), 400);
      }
    }
    const o = await oversightOf(wb, scope.slice(from, end), asOf);
    return sendHtml(reply, oversightPage(await ctxOf(), o, { agency: root, scope }));
  });
}
