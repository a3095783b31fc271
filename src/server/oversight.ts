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
import { errorPage, PAGE_SIZE, sortItems, type Ctx } from "./pages.js";
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

export interface OversightView {
  agency: AgencyRef;
  scope: readonly AgencyRef[];
  /** "" (both), "overdue" or "due-soon". */
  status: string;
  q: string;
  /** "urgency" (default), "agency", or one of the clerk's worklist sorts. */
  sort: string;
  dir: "asc" | "desc";
  page: number;
  /** True when asOf was chosen (not today). */
  chosen: boolean;
}

export const OVERSIGHT_SORTS: [string, string][] = [
  ["agency", "机关"],
  ["id", "登记号"],
  ["received", "收到日期"],
  ["due", "答复期限"],
  ["daysLeft", "剩余或逾期"],
];

export function oversightPage(ctx: Ctx, o: Oversight, view: OversightView): string {
  const total = (k: "open" | "dueSoon" | "overdue") => o.rows.reduce((n, r) => n + r[k], 0);
  // The counts above are of every case; the list below is filtered, sorted and paged.
  const q = view.q.trim();
  let cases = o.rows.flatMap((r, at) =>
    r.items
      .filter((w) => view.status === "" || w.standing.status === view.status)
      .filter((w) => q === "" || w.id.includes(q))
      .map((w) => ({ agency: r.agency, at, w })),
  );
  if (view.sort === "agency")
    cases.sort((a, b) => (a.at - b.at || urgency(a.w, b.w)) * (view.dir === "desc" ? -1 : 1));
  else if (view.sort !== "urgency") {
    const order = new Map(
      sortItems(
        cases.map((c) => c.w),
        view.sort,
        view.dir,
      ).map((w, k) => [w, k]),
    );
    cases = [...cases].sort((a, b) => order.get(a.w)! - order.get(b.w)! || a.at - b.at);
  }
  const found = cases.length;
  const pages = Math.max(1, Math.ceil(found / PAGE_SIZE));
  const pageNo = Math.min(Math.max(1, view.page), pages);
  cases = cases.slice((pageNo - 1) * PAGE_SIZE, pageNo * PAGE_SIZE);
  const link = (over: Partial<OversightView>): string => {
    const v = { ...view, ...over };
    const p = new URLSearchParams();
    if (view.agency.id !== view.scope[0]?.id) p.set("agency", String(view.agency.id));
    if (view.chosen) p.set("asOf", o.asOf);
    if (v.status) p.set("status", v.status);
    if (v.q) p.set("q", v.q);
    if (v.page > 1) p.set("page", String(v.page));
    if (v.sort !== "urgency") {
      p.set("sort", v.sort);
      p.set("dir", v.dir);
    }
    const s = p.toString();
    return `/oversight${s ? `?${s}` : ""}`;
  };
  const header = (k: string, label: string) => {
    const active = view.sort === k;
    const dir = active && view.dir === "asc" ? "desc" : "asc";
    return tpl`<th scope="col" ${active ? raw(` aria-sort="${view.dir === "asc" ? "ascending" : "descending"}"`) : ""}>
      <a href="${link({ sort: k, dir, page: 1 })}">${label}${active ? (view.dir === "asc" ? " ▲" : " ▼") : ""}</a>
    </th>`;
  };
  const top = o.rows[0]?.agency.depth ?? 0;
  return page(
    { title: "督办", csrf: ctx.csrf, office: ctx.office, nav: "oversight" },
    tpl`<h1>督办 <small>截至${cnDate(o.asOf)}</small></h1>
      <p>
        ${view.agency.name}及其下属机关的待办申请：已逾期和${DUE_SOON_WORKING_DAYS}个工作日内到期的，按机关统计。只供查阅；点登记号可查阅该申请的办理详情。
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
        <div class="field inline">
          <label for="f-status">状态</label
          ><select id="f-status" name="status">
            <option value="">全部</option>
            ${(["overdue", "due-soon"] as const).map((k) => tpl`<option value="${k}" ${view.status === k ? raw(" selected") : ""}>${STATUS_LABELS[k]}</option>`)}
          </select>
        </div>
        <div class="field inline">
          <label for="f-q">登记号</label><input type="search" id="f-q" name="q" value="${view.q}" />
        </div>
        ${view.sort !== "urgency" ? tpl`<input type="hidden" name="sort" value="${view.sort}" /><input type="hidden" name="dir" value="${view.dir}" />` : ""}
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
        found === 0
          ? tpl`<p class="empty">${view.status === "" && q === "" ? "没有已逾期或即将到期的申请。" : "没有符合条件的申请。"}</p>`
          : tpl`<div class="table-wrap">
              <table class="oversight-cases">
                <caption>
                  共${found}件${pages > 1 ? `，第${pageNo}页（共${pages}页）` : ""}
                </caption>
                <thead>
                  <tr>
                    ${header("agency", "机关")}${header("id", "登记号")}
                    <th scope="col">申请人类型</th>
                    ${header("received", "收到日期")}${header("due", "答复期限")}${header("daysLeft", "剩余或逾期")}
                    <th scope="col">状态</th>
                  </tr>
                </thead>
                <tbody>
                  ${cases.map(
                    ({ agency, w }) => tpl`<tr class="st-${w.standing.status}">
                      <td>${agency.name}</td>
                      <td><a href="/applications/${w.year}/${encodeURIComponent(w.id)}?agency=${agency.id}">${w.id}</a></td>
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
              ${pages > 1 ? tpl`<nav class="pager" aria-label="翻页">${pageNo > 1 ? tpl`<a href="${link({ page: pageNo - 1 })}">上一页</a>` : ""} ${pageNo < pages ? tpl`<a href="${link({ page: pageNo + 1 })}">下一页</a>` : ""}</nav>` : ""}
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
    const sort = OVERSIGHT_SORTS.some(([k]) => k === q.sort) ? q.sort! : "urgency";
    return sendHtml(
      reply,
      oversightPage(await ctxOf(), o, {
        agency: root,
        scope,
        status: q.status === "overdue" || q.status === "due-soon" ? q.status : "",
        q: q.q ?? "",
        sort,
        dir: q.dir === "desc" ? "desc" : "asc",
        page: /^\d{1,6}$/.test(q.page ?? "") ? Number(q.page) : 1,
        chosen: asOfGiven,
      }),
    );
  });
}
