/** The workbench's pages (server-rendered HTML). A page knows the workbench, never SQL. */
import { cnDate, csrfField, field, page, raw, tpl, type Html, type Part } from "./html.js";
import {
  APPLICANT_TYPES,
  APPLICANT_TYPE_LABELS,
  CHANNELS,
  CHANNEL_LABELS,
  CONSULTATION_PARTIES,
  DELIVERY_FORMS,
  DELIVERY_FORM_LABELS,
  DELIVERY_METHODS,
  DELIVERY_METHOD_LABELS,
  PROVIDING_REPLY_TYPES,
  DUE_SOON_WORKING_DAYS,
  GROUNDS,
  GROUND_LABELS,
  REASONS,
  REASON_LABELS,
  REPLY_TYPES,
  REPLY_TYPE_LABELS,
  traceTable,
  eventNote,
  inputMessage,
  problemsText,
  deadlineParts,
  type Application,
  type ApplicationFacts,
  type Dataset,
} from "./lib.js";
import type { HistoryEntry } from "../storage/index.js";
import {
  codeLabel,
  fieldLabel,
  letterLabelOfSuffix,
  REGIME_LABELS,
  STATUS_LABELS,
  STEP_LABELS,
  valueText,
} from "./labels.js";
import type { Form, LetterSlot, WorkItem, Worklist } from "./workbench.js";
import { screenText } from "./text.js";
import { scoped, viewAgency } from "./context.js";
import { may } from "./auth.js";

type Errors = ReadonlyMap<string, string[]>;
const NO_ERRORS: Errors = new Map();

export interface Ctx {
  csrf: string;
  office: string | null;
  flash?: string | null;
}

function generalErrors(list: readonly string[]): Part {
  if (list.length === 0) return "";
  return tpl`<div class="errors" role="alert">
    <p>未能保存，请修改以下内容：</p>
    <ul>
      ${list.map((m) => tpl`<li>${m}</li>`)}
    </ul>
  </div>`;
}

function fieldSummary(errors: Errors): Part {
  if (errors.size === 0) return "";
  return tpl`<div class="errors" role="alert">
    <p>未能保存：有${errors.size}处需要修改，见下方标红的栏目。</p>
  </div>`;
}

export function errorPage(ctx: Ctx, title: string, message: string): string {
  return page(
    { title, csrf: ctx.csrf, office: ctx.office },
    tpl`<h1>${title}</h1>
      <p class="error-text">${message}</p>
      <p><a href="/">返回待办</a></p>`,
  );
}

export function tokenPage(): string {
  return page(
    { title: "需要访问令牌", csrf: "" },
    tpl`<h1>需要访问令牌</h1>
      <p>请使用工作台启动时显示的网址（含访问令牌）打开本页面，建立第一位管理员。</p>`,
  );
}

// ---- setup ------------------------------------------------------------------------------------

/** The first administrator's fields (setup) or a new user's. */
export function adminFields(form: Form, errors: Errors, prefix = "admin"): Html {
  return tpl`<div class="grid">
    ${field({ name: `${prefix}.username`, label: "用户名", value: form[`${prefix}.username`] ?? "", required: true, errors, hint: "登录用，字母或数字，如 zhangsan" })}
    ${field({ name: `${prefix}.name`, label: "姓名", value: form[`${prefix}.name`] ?? "", required: true, errors, hint: "办理记录中显示的名字" })}
    ${field({ name: `${prefix}.password`, label: "密码", type: "password", required: true, errors, hint: "至少8个字符" })}
    ${field({ name: `${prefix}.password2`, label: "再次输入密码", type: "password", required: true, errors })}
  </div>`;
}

/**
 * The first start: the root agency and its first 管理员 (or, on a database from before users
 * existed, only the administrator of its agency `existing`).
 */
export function setupPage(
  ctx: Ctx,
  existing: string | null,
  form: Form = {},
  errors: Errors = NO_ERRORS,
  general: string[] = [],
): string {
  const f = (name: string, label: string, required = true, hint?: string) =>
    field({ name, label, value: form[name] ?? "", required, errors, ...(hint ? { hint } : {}) });
  if (existing !== null)
    return page(
      { title: "开始使用", csrf: ctx.csrf, office: null, nav: "setup" },
      tpl`<h1>开始使用</h1>
        <p>本数据库中的机关“${existing}”还没有用户。请建立第一位管理员，此后用用户名和密码登录。</p>
        ${generalErrors(general)}${fieldSummary(errors)}
        <form method="post" action="/setup/office" novalidate>
          ${csrfField(ctx.csrf)}
          <h2>第一位管理员</h2>
          ${adminFields(form, errors)}
          <p><button type="submit">建立管理员</button></p>
        </form>`,
    );
  return page(
    { title: "开始使用", csrf: ctx.csrf, office: null, nav: "setup" },
    tpl`<h1>开始使用</h1>
      <p>本数据库中还没有机关。请先填写第一位管理员（可管理用户、建立下属机关，也可登记和签批），再建立本机关，或载入两份示例数据试用。</p>
      ${generalErrors(general)}${fieldSummary(errors)}
      <form method="post" action="/setup/office" novalidate>
        ${csrfField(ctx.csrf)}
        <section aria-labelledby="h-admin">
          <h2 id="h-admin">第一位管理员</h2>
          ${adminFields(form, errors)}
        </section>
        <section aria-labelledby="h-create">
          <h2 id="h-create">建立本机关</h2>
          <div class="grid">
            ${f("agency.name", "机关全称")}
            ${f("agency.shortName", "发文机关代字", true, "用于文号，如“青禾市监”")}
            ${f("agency.parentGovernment", "本级人民政府")}
            ${f("agency.reconsiderationBody.name", "行政复议机关")}
            ${f("agency.court.name", "行政诉讼管辖法院")} ${f("agency.address", "机关地址")}
            ${f("agency.phone", "联系电话", false)}
            ${f("agency.disclosureOffice.name", "政府信息公开工作机构")}
            ${f("agency.disclosureOffice.head", "工作机构负责人", true, "批准延期答复的负责人，如“办公室主任”")}
            ${field({ name: "year", label: "年度", value: form.year ?? String(new Date().getFullYear()), required: true, errors })}
          </div>
          <p><button type="submit">建立机关</button></p>
        </section>
        <section aria-labelledby="h-samples">
          <h2 id="h-samples">载入示例</h2>
          <p>载入示例市青禾区市场监督管理局（2023年）和示例市商务局（2014年）的数据，作为演示机关（只需填写上面的管理员）。</p>
          <button type="submit" formaction="/setup/samples">载入示例数据</button>
        </section>
      </form>`,
  );
}

// ---- worklist ---------------------------------------------------------------------------------

export interface WorklistView {
  sort: string;
  dir: "asc" | "desc";
  status: string;
  q: string;
  /** True when asOf was chosen (not today). */
  chosen: boolean;
  /** 1-based page of PAGE_SIZE rows. */
  page: number;
}

const SORTS: [string, string][] = [
  ["id", "登记号"],
  ["received", "收到日期"],
  ["due", "答复期限"],
  ["daysLeft", "剩余工作日"],
  ["status", "状态"],
];

/** Rows per worklist page. */
export const PAGE_SIZE = 100;

const STATUS_ORDER = { overdue: 0, "due-soon": 1, unknown: 2, "on-time": 3 } as const;

export function sortItems(items: WorkItem[], sort: string, dir: "asc" | "desc"): WorkItem[] {
  const key = (w: WorkItem): string | number => {
    switch (sort) {
      case "id":
        return w.id;
      case "received":
        return w.facts.received ?? "";
      case "due":
        return w.standing.due ?? "9999";
      case "status":
        return STATUS_ORDER[w.standing.status];
      default:
        return w.standing.daysLeft ?? Number.MAX_SAFE_INTEGER;
    }
  };
  const sign = dir === "desc" ? -1 : 1;
  return [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return (ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * sign;
  });
}

/** A step's form is offered only to who may record it (the route's own access rule). */
const stepAllowed = (step: string): boolean => may("POST", "/applications/:year/:id/steps/:step", { step });

export function worklistPage(ctx: Ctx, wl: Worklist, view: WorklistView): string {
  const q = view.q.trim();
  let items = wl.items.filter((w) => view.status === "" || w.standing.status === view.status);
  if (q) items = items.filter((w) => w.id.includes(q) || w.record.content.includes(q));
  items = sortItems(items, view.sort, view.dir);
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const pageNo = Math.min(Math.max(1, view.page), pages);
  const shown = items.slice((pageNo - 1) * PAGE_SIZE, pageNo * PAGE_SIZE);
  const link = (over: Partial<WorklistView>): string => {
    const v = { ...view, ...over };
    const p = new URLSearchParams();
    if (view.chosen) p.set("asOf", wl.asOf);
    if (v.status) p.set("status", v.status);
    if (v.q) p.set("q", v.q);
    if (v.page > 1) p.set("page", String(v.page));
    p.set("sort", v.sort);
    p.set("dir", v.dir);
    return `/?${p.toString()}`;
  };
  const counts = wl.counts;
  const card = (status: keyof typeof STATUS_LABELS, extra = "") =>
    tpl`<a
      class="count count-${status}"
      href="${link({ status: view.status === status ? "" : status, page: 1 })}"
      ${view.status === status ? raw(' aria-current="true"') : ""}
      ><span class="n">${counts[status]}</span><span class="l">${STATUS_LABELS[status]}${extra}</span></a
    >`;
  const header = SORTS.map(([k, label]) => {
    const active = view.sort === k;
    const dir = active && view.dir === "asc" ? "desc" : "asc";
    return tpl`<th
      scope="col"
      ${active ? raw(` aria-sort="${view.dir === "asc" ? "ascending" : "descending"}"`) : ""}
    >
      <a href="${link({ sort: k, dir, page: 1 })}">${label}${active ? (view.dir === "asc" ? " ▲" : " ▼") : ""}</a>
    </th>`;
  });
  const rows = shown.map((w) => {
    const s = w.standing;
    const left =
      s.daysLeft === null
        ? "—"
        : s.daysLeft < 0
          ? `逾期${-s.daysLeft}个工作日`
          : s.daysLeft === 0
            ? "今日到期"
            : `${s.daysLeft}个工作日`;
    return tpl`<tr class="st-${s.status}">
      <td><a href="/applications/${w.year}/${encodeURIComponent(w.id)}">${w.id}</a></td>
      <td>${cnDate(w.facts.received)}</td>
      <td>${s.due ? cnDate(s.due) : "—"}</td>
      <td>${left}</td>
      <td>
        <span class="badge badge-${s.status}">${STATUS_LABELS[s.status]}</span
        >${s.problems.length > 0 ? tpl`<div class="problem">${screenText(problemsText(s.problems)!)}</div>` : ""}
      </td>
      <td class="content">${w.record.content}</td>
      <td>${codeLabel(w.record.channel)}</td>
    </tr>`;
  });
  return page(
    { title: "待办", csrf: ctx.csrf, office: ctx.office, nav: "worklist", flash: ctx.flash ?? null },
    tpl`<h1>待办申请 <small>截至${cnDate(wl.asOf)}</small></h1>
      <div class="counts" aria-label="统计">
        ${card("overdue")}${card("due-soon", `（${DUE_SOON_WORKING_DAYS}个工作日内）`)}${card("on-time")}${counts.unknown > 0 ? card("unknown") : ""}
      </div>
      <form class="filters" method="get" action="/">
        <div class="field inline">
          <label for="f-asOf">截至日期</label><input type="date" id="f-asOf" name="asOf" value="${wl.asOf}" />
        </div>
        <div class="field inline">
          <label for="f-status">状态</label
          ><select id="f-status" name="status">
            <option value="">全部</option>
            ${(Object.keys(STATUS_LABELS) as (keyof typeof STATUS_LABELS)[]).map((k) => tpl`<option value="${k}" ${view.status === k ? raw(" selected") : ""}>${STATUS_LABELS[k]}</option>`)}
          </select>
        </div>
        <div class="field inline">
          <label for="f-q">查找</label
          ><input type="search" id="f-q" name="q" value="${view.q}" placeholder="登记号或内容" />
        </div>
        <input type="hidden" name="sort" value="${view.sort}" /><input
          type="hidden"
          name="dir"
          value="${view.dir}"
        />
        <button type="submit">筛选</button>
        ${may("POST", "/applications") ? tpl`<a href="/applications/new" class="button">登记新申请</a>` : ""}
      </form>
      ${
        items.length === 0
          ? tpl`<p class="empty">没有符合条件的待办申请。</p>`
          : tpl`<div class="table-wrap">
              <table class="worklist">
                <caption>
                  共${items.length}件${pages > 1 ? `，第${pageNo}页（共${pages}页）` : ""}
                </caption>
                <thead>
                  <tr>
                    ${header}
                    <th scope="col">申请内容</th>
                    <th scope="col">提交方式</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows}
                </tbody>
              </table>
              ${pages > 1 ? tpl`<nav class="pager" aria-label="翻页">${pageNo > 1 ? tpl`<a href="${link({ page: pageNo - 1 })}">上一页</a>` : ""} ${pageNo < pages ? tpl`<a href="${link({ page: pageNo + 1 })}">下一页</a>` : ""}</nav>` : ""}
            </div>`
      }`,
  );
}

// ---- registering ------------------------------------------------------------------------------

const DELIVERY_FORM_OPTIONS = DELIVERY_FORMS.map((c) => [c, DELIVERY_FORM_LABELS[c]] as const);
const DELIVERY_METHOD_OPTIONS = DELIVERY_METHODS.map((c) => [c, DELIVERY_METHOD_LABELS[c]] as const);

const RECEIPT_CHANNELS = {
  signedFor: ["registered-post"],
  confirmed: ["ordinary-post", "online", "fax", "email"],
} as const;

export function registerPage(
  ctx: Ctx,
  form: Form,
  errors: Errors = NO_ERRORS,
  general: string[] = [],
): string {
  const f = (name: string, label: string, o: Partial<Parameters<typeof field>[0]> = {}) =>
    field({ name, label, value: form[name] ?? "", errors, ...o });
  return page(
    { title: "登记申请", csrf: ctx.csrf, office: ctx.office, nav: "new", scripts: ["/static/form.js"] },
    tpl`<h1>登记政府信息公开申请</h1>
      ${generalErrors(general)}${fieldSummary(errors)}
      <form method="post" action="/applications" novalidate>
        ${csrfField(ctx.csrf)}
        <fieldset>
          <legend>申请人</legend>
          <div class="grid">
            ${f("applicant.type", "申请人类型", { type: "select", required: true, options: APPLICANT_TYPES.map((t) => [t, APPLICANT_TYPE_LABELS[t]] as const) })}
            ${f("applicant.name", "姓名或名称", { required: true })}
            ${f("applicant.phone", "联系电话", { type: "tel" })} ${f("applicant.address", "通信地址")}
            ${f("applicant.email", "电子邮箱", { type: "email" })}
          </div>
        </fieldset>
        <fieldset>
          <legend>申请</legend>
          <div class="grid">
            ${f("id", "登记号", { required: true, hint: "本机关的申请登记编号" })}
            ${f("channel", "提交方式", { type: "select", required: true, options: CHANNELS.map((c) => [c, CHANNEL_LABELS[c]] as const) })}
            ${f("submitted", "提交日期", { type: "date", required: true, hint: "申请人当面提交或寄出、发送之日" })}
            ${f("signedFor", "签收日期", { type: "date", required: true, hint: "本机关签收挂号信之日（收到申请之日）", showWhen: { field: "channel", values: RECEIPT_CHANNELS.signedFor } })}
            ${f("confirmed", "确认日期", { type: "date", required: true, hint: "本机关与申请人确认收到申请之日（收到申请之日）", showWhen: { field: "channel", values: RECEIPT_CHANNELS.confirmed } })}
          </div>
          ${f("content", "申请公开的政府信息", { type: "textarea", required: true, hint: "按申请人的原话填写" })}
          <div class="grid">
            ${f("requestedDelivery.form", "申请的提供形式", { type: "select", options: DELIVERY_FORM_OPTIONS, hint: "申请表中“所需信息的提供形式”" })}
            ${f("requestedDelivery.method", "申请的获取方式", { type: "select", options: DELIVERY_METHOD_OPTIONS, hint: "申请表中“获取信息的方式”" })}
          </div>
        </fieldset>
        <p><button type="submit">保存登记</button></p>
      </form>`,
  );
}

// ---- one application --------------------------------------------------------------------------

function deadlineSection(facts: ApplicationFacts, body: Dataset, asOfStanding: Part): Html {
  const d = facts.deadline;
  if (!d)
    return tpl`<section aria-labelledby="h-deadline">
      <h2 id="h-deadline">答复期限</h2>
      <p class="problem">答复期限无法计算：${facts.problems.map((p) => screenText(inputMessage(p, "zh"))).join("；")}</p>
    </section>`;
  const parts = deadlineParts(d, "zh");
  const table = traceTable(d, "zh");
  return tpl`<section aria-labelledby="h-deadline">
    <h2 id="h-deadline">答复期限</h2>
    <p class="due">答复期限：<strong id="due-date">${cnDate(facts.due)}</strong>（${parts.join("，")}）</p>
    ${asOfStanding}
    <p>
      收到申请之日：${cnDate(facts.received)}；适用${REGIME_LABELS[facts.regime ?? ""] ?? ""}（收到申请之日施行的条例）。
    </p>
    ${
      d.events.length
        ? tpl`<ul class="events">
            ${d.events.map((e) => tpl`<li>${cnDate(e.date)}：${screenText(eventNote(e, "zh"))}</li>`)}
          </ul>`
        : ""
    }
    <details>
      <summary>计算过程（逐日）</summary>
      ${traceTableHtml(table)}
    </details>
  </section>`;
}

/** A deadline trace as a table (the application page and the year's late replies). */
export function traceTableHtml(trace: { header: string[]; rows: string[][] }): Html {
  return tpl`<div class="table-wrap">
    <table class="trace">
      <thead>
        <tr>
          ${trace.header.map((h) => tpl`<th scope="col">${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${trace.rows.map(
          (r) =>
            tpl`<tr>
              ${r.map((c, i) => tpl`<td>${i === 0 ? cnDate(c) : screenText(c)}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function recordSection(rec: Application, facts: ApplicationFacts): Html {
  const row = (k: string, v: Part) =>
    tpl`<div>
      <dt>${k}</dt>
      <dd>${v}</dd>
    </div>`;
  const a = rec.applicant;
  return tpl`<section aria-labelledby="h-record">
    <h2 id="h-record">申请信息</h2>
    <dl class="record">
      ${row("登记号", rec.id)}${row("申请人类型", codeLabel(a.type))}${row("申请人", a.name)}${a.phone ? row("联系电话", a.phone) : ""}${a.address ? row("通信地址", a.address) : ""}
      ${row("提交方式", codeLabel(rec.channel))}${row("提交日期", cnDate(rec.submitted))}${row("收到申请之日", cnDate(facts.received))}
      ${row("申请内容", rec.content)}
      ${rec.correction ? row("补正", `${cnDate(rec.correction.notified)}告知补正${rec.correction.correctedReceived ? `，${cnDate(rec.correction.correctedReceived)}收到补正` : "，尚未收到补正"}`) : ""}
      ${(rec.consultations ?? []).map((c, i) => row(`征求意见${i + 1}`, `${c.name}（${codeLabel(c.party)}），${cnDate(c.sent)}发出${c.answered ? `，${cnDate(c.answered)}答复${c.consent === true ? "，同意公开" : c.consent === false ? "，不同意公开" : ""}` : "，尚未答复"}`))}
      ${rec.extension ? row("延期", `${cnDate(rec.extension.approved)}经批准延长${rec.extension.days}个工作日，${cnDate(rec.extension.notified)}告知申请人`) : ""}
      ${rec.fee ? row("信息处理费", `${cnDate(rec.fee.noticeDate)}通知，${rec.fee.amount}元${rec.fee.paid ? `，${cnDate(rec.fee.paidDate)}已缴` : "，未缴"}`) : ""}
      ${rec.reply ? row("答复", `${cnDate(rec.reply.date)}，${codeLabel(rec.reply.type)}${rec.reply.reason ? `（${codeLabel(rec.reply.reason)}）` : ""}${facts.reply?.onTime === false ? `，逾期${facts.reply.workingDaysLate}个工作日` : ""}`) : ""}
    </dl>
  </section>`;
}

interface StepState {
  step: string;
  form: Form;
  errors: Errors;
  general: string[];
}

function stepForms(
  ctx: Ctx,
  base: string,
  rec: Application,
  version: number,
  body: Dataset,
  failed: StepState | null,
): Html {
  const replied = rec.reply !== undefined;
  const errs = (step: string): Errors => (failed?.step === step ? failed.errors : NO_ERRORS);
  const value = (step: string, name: string, def = ""): string =>
    failed?.step === step ? (failed.form[name] ?? "") : def;
  const box = (step: string, label: string, content: Part, done = false): Part =>
    !stepAllowed(step)
      ? ""
      : tpl`<details class="step" id="step-${step}" ${failed?.step === step ? raw(" open") : ""}>
      <summary>
        <span class="step-label">${label}</span>${done ? tpl`<span class="done">已记录</span>` : ""}
      </summary>
      ${failed?.step === step ? generalErrors(failed.general) : ""}${failed?.step === step ? fieldSummary(failed.errors) : ""}
      <form method="post" action="${base}/steps/${step}" novalidate>
        ${csrfField(ctx.csrf)}<input type="hidden" name="version" value="${version}" />${content}
      </form>
    </details>`;
  const f = (
    step: string,
    name: string,
    label: string,
    o: Partial<Parameters<typeof field>[0]> = {},
    def = "",
  ) => field({ name, label, value: value(step, name, def), errors: errs(step), ...o });
  const consultations = rec.consultations ?? [];
  const open = consultations.map((c, i) => [i, c] as const).filter(([, c]) => c.answered === undefined);
  const replyGrounds: [string, string][] = Object.entries(GROUNDS).flatMap(([reason, list]) =>
    (list as readonly string[]).map(
      (g) =>
        [
          g,
          `${REASON_LABELS[reason as keyof typeof REASON_LABELS]}：${GROUND_LABELS[g as keyof typeof GROUND_LABELS]}`,
        ] as [string, string],
    ),
  );
  const replyReasons: [string, string][] = Object.entries(REASONS).flatMap(([type, list]) =>
    (list as readonly string[]).map(
      (r) =>
        [
          r,
          `${REPLY_TYPE_LABELS[type as keyof typeof REPLY_TYPE_LABELS]}：${REASON_LABELS[r as keyof typeof REASON_LABELS]}`,
        ] as [string, string],
    ),
  );
  const provides = { field: "reply.type", values: PROVIDING_REPLY_TYPES };
  const parts: Part[] = [];
  if (!replied) {
    if (!rec.correction)
      parts.push(
        box(
          "correction-notified",
          "告知补正",
          tpl`${f("correction-notified", "correction.notified", "补正告知日期", { type: "date", required: true })}
            ${f("correction-notified", "correction.items", "需补正事项（每行一项）", { type: "textarea" })}
            ${f("correction-notified", "correction.periodDays", "补正期限（日）", { type: "number" }, "15")}<button
              type="submit"
            >
              记录补正告知
            </button>`,
        ),
      );
    else if (!rec.correction.correctedReceived)
      parts.push(
        box(
          "correction-received",
          "收到补正",
          tpl`${f("correction-received", "correction.correctedReceived", "收到补正日期", { type: "date", required: true, hint: "答复期限自收到补正之日起重新计算" })}<button
              type="submit"
            >
              记录收到补正
            </button>`,
        ),
      );
    parts.push(
      box(
        "consultation-sent",
        "征求意见",
        tpl`${f("consultation-sent", "party", "征求对象类别", { type: "select", required: true, options: CONSULTATION_PARTIES.map((p) => [p, codeLabel(p)] as const) })}
          ${f("consultation-sent", "name", "征求意见对象", { required: true })}
          ${f("consultation-sent", "sent", "发出日期", { type: "date", required: true })}<button
            type="submit"
          >
            记录征求意见
          </button>`,
        consultations.length > 0,
      ),
    );
    for (const [i, c] of open)
      parts.push(
        box(
          "consultation-answered",
          `收到意见：${c.name}`,
          tpl`<input type="hidden" name="index" value="${i}" />
            ${f("consultation-answered", "answered", "收到意见日期", { type: "date", required: true })}
            ${f("consultation-answered", "consent", "是否同意公开", {
              type: "select",
              options: [
                ["yes", "同意"],
                ["no", "不同意"],
              ],
            })}<button type="submit">记录收到意见</button>`,
        ),
      );
    if (!rec.extension)
      parts.push(
        box(
          "extension",
          "延期答复",
          tpl`<p class="hint">须经${body.agency.disclosureOffice.head}同意，延长不超过20个工作日。</p>
            ${f("extension", "extension.approved", `${body.agency.disclosureOffice.head}同意日期`, { type: "date", required: true })}
            ${f("extension", "extension.notified", "告知申请人日期", { type: "date", required: true })}
            ${f("extension", "extension.days", "延长工作日数", { type: "number", required: true }, "20")}<button
              type="submit"
            >
              记录延期
            </button>`,
        ),
      );
    if (!rec.fee)
      parts.push(
        box(
          "fee-notice",
          "收费通知",
          tpl`${f("fee-notice", "fee.method", "收费方式", {
            type: "select",
            required: true,
            options: [
              ["per-page", "按量计收（按页）"],
              ["per-request", "按件计收"],
            ],
          })}
            ${f("fee-notice", "fee.quantity", "页数，或本月第几件申请", { type: "number", required: true })}
            ${f("fee-notice", "fee.noticeDate", "收费通知日期", { type: "date", required: true })}
            <p class="hint">金额按国办函〔2020〕109号的标准计算。</p>
            <button type="submit">记录收费通知</button>`,
        ),
      );
    else if (!rec.fee.paid)
      parts.push(
        box(
          "fee-paid",
          "缴费",
          tpl`${f("fee-paid", "fee.paidDate", "缴费日期", { type: "date", required: true })}<button
              type="submit"
            >
              记录缴费
            </button>`,
        ),
      );
    parts.push(
      box(
        "reply",
        "答复",
        tpl`${f("reply", "reply.date", "答复日期", { type: "date", required: true })}
          ${f("reply", "reply.type", "答复类型", { type: "select", required: true, options: REPLY_TYPES.map((t) => [t, REPLY_TYPE_LABELS[t]] as const) })}
          ${f("reply", "reply.reason", "具体理由", { type: "select", options: replyReasons, hint: "不予公开、无法提供、不予处理、其他处理须选择理由；部分公开可选" })}
          ${f("reply", "reply.ground", "具体情形", { type: "select", options: replyGrounds, hint: "不予公开、部分公开的理由为危及“三安全一稳定”、保护第三方合法权益、内部事务信息或过程性信息时，选择具体情形" })}
          ${f("reply", "reply.groundLaw", "禁止公开的法律及条款", { hint: "理由为其他法律行政法规禁止公开时填写，如“《中华人民共和国保守国家秘密法》第×条”" })}
          ${f("reply", "reply.responsibleAgency.name", "负责公开的机关", { hint: "答复为“非本机关负责公开”时填写" })}
          ${f("reply", "reply.responsibleAgency.contact", "该机关联系方式")}
          ${f("reply", "reply.delivery.form", "提供形式", { type: "select", options: DELIVERY_FORM_OPTIONS, showWhen: provides }, rec.requestedDelivery?.form ?? "")}
          ${f("reply", "reply.delivery.method", "获取方式", { type: "select", options: DELIVERY_METHOD_OPTIONS, showWhen: provides }, rec.requestedDelivery?.method ?? "")}
          ${f("reply", "reply.delivery.deviation", "未按申请的形式提供的原因", { showWhen: provides, hint: "提供形式或获取方式与申请不同时填写，答复书据此说明理由，如“该信息仅有纸质档案，制作成电子文档公开成本过高”" })}
          ${f("reply", "reply.delivery.enclosures", "附件（每行一项）", { type: "textarea", showWhen: provides, hint: "随答复书提供的文件名称，答复书列为附件" })}
          ${f("reply", "reply.note", "说明", { type: "textarea" })}<button type="submit">记录答复</button>`,
      ),
    );
  } else if (!rec.reply?.delivered)
    parts.push(
      box(
        "delivered",
        "送达",
        tpl`${f("delivered", "reply.delivered", "送达日期", { type: "date", required: true, hint: "答复书（及提供的信息）送达申请人之日" })}<button
            type="submit"
          >
            记录送达
          </button>`,
      ),
    );
  return tpl`<section aria-labelledby="h-steps">
    <h2 id="h-steps">办理</h2>
    ${replied ? tpl`<p>${rec.reply?.delivered ? `已答复，${cnDate(rec.reply.delivered)}送达，办理完毕。` : "已答复，待送达。"}</p>` : ""}${parts}
  </section>`;
}

function lettersSection(ctx: Ctx, base: string, slots: LetterSlot[]): Html {
  const rows = slots.map((s) => {
    const last = s.issued[s.issued.length - 1];
    const href = `${base}/letters/${encodeURIComponent(s.planned.suffix)}`;
    const issue = may("POST", "/applications/:year/:id/letters/:suffix/issue");
    return tpl`<tr>
      <td>${letterLabelOfSuffix(s.planned.suffix)}</td>
      <td>${cnDate(s.planned.date)}</td>
      <td>
        ${last ? tpl`${last.docNumber ?? "（无文号）"}<br /><small>第${last.version}版，${cnDate(last.issuedAt.slice(0, 10))}签发${s.issued.length > 1 ? `，共${s.issued.length}版` : ""}</small>` : tpl`<span class="muted">未签发</span>`}
      </td>
      <td class="actions">
        <a href="${scoped(href)}">预览</a> <a href="${scoped(`${href}.pdf?download=1`)}">下载PDF</a>
        <a href="${scoped(`${href}.docx?download=1`)}">下载DOCX</a>
        ${
          issue
            ? tpl`<form method="post" action="${href}/issue" class="inline">
                ${csrfField(ctx.csrf)}<button type="submit">${last ? "重新签发" : "签发"}</button>
              </form>`
            : ""
        }
      </td>
    </tr>`;
  });
  return tpl`<section aria-labelledby="h-letters">
    <h2 id="h-letters">文书</h2>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">文书</th>
            <th scope="col">日期</th>
            <th scope="col">文号</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>
    ${
      may("POST", "/applications/:year/:id/letters/:suffix/issue")
        ? tpl`<p class="hint">签发时确定文号和日期，此后不再改变；重新签发生成新的一版，旧版保留。</p>`
        : ""
    }
  </section>`;
}

export function timeText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function historySection(entries: HistoryEntry[]): Html {
  // One timeline entry per action (the rows of one save share time and action).
  const groups: HistoryEntry[][] = [];
  for (const e of entries) {
    const g = groups[groups.length - 1];
    if (g && g[0]!.at === e.at && g[0]!.action === e.action) g.push(e);
    else groups.push([e]);
  }
  return tpl`<section aria-labelledby="h-history">
    <h2 id="h-history">办理记录</h2>
    <ol class="timeline">
      ${groups.map(
        (g) =>
          tpl`<li>
            <div class="when">${timeText(g[0]!.at)} · ${g[0]!.who}</div>
            <div class="what">
              ${
                g[0]!.field === "" && g[0]!.newValue === null
                  ? `随年度数据${g[0]!.action === "import" ? "导入" : "载入"}`
                  : (STEP_LABELS[g[0]!.action] ?? g[0]!.action)
              }
            </div>
            ${
              g[0]!.field === "" && g[0]!.newValue === null
                ? ""
                : tpl`<table class="changes">
              <thead>
                <tr>
                  <th scope="col">项目</th>
                  <th scope="col">原值</th>
                  <th scope="col">新值</th>
                </tr>
              </thead>
              <tbody>
                ${g.map(
                  (e) =>
                    tpl`<tr>
                      <td>${fieldLabel(e.field)}</td>
                      <td>${e.oldValue === null ? "—" : valueText(e.oldValue)}</td>
                      <td>${valueText(e.newValue)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
            }
          </li>`,
      )}
    </ol>
  </section>`;
}

export interface ApplicationView {
  year: number;
  record: Application;
  version: number;
  facts: ApplicationFacts;
  body: Dataset;
  standing: Part;
  slots: LetterSlot[];
  history: HistoryEntry[];
  /** The head's sign-off of the reply as it stands (null: not signed off, or no reply yet). */
  signOff: { name: string; at: string } | null;
  failed: StepState | null;
}

function signOffSection(ctx: Ctx, base: string, v: ApplicationView): Part {
  if (!v.record.reply) return "";
  return tpl`<section aria-labelledby="h-sign-off">
    <h2 id="h-sign-off">负责人签批</h2>
    ${
      v.signOff
        ? tpl`<p class="signed">答复已由${v.signOff.name}于${timeText(v.signOff.at)}签批，可以签发答复书。</p>`
        : tpl`<p>答复须经政府信息公开工作机构负责人签批后才能签发答复书。</p>
          ${
            may("POST", "/applications/:year/:id/sign-off")
              ? tpl`<form method="post" action="${base}/sign-off" class="inline">
                  ${csrfField(ctx.csrf)}<input type="hidden" name="version" value="${v.version}" />
                  <button type="submit">签批答复</button>
                </form>`
              : ""
          }`
    }
  </section>`;
}

export function applicationPage(ctx: Ctx, v: ApplicationView): string {
  const base = `/applications/${v.year}/${encodeURIComponent(v.record.id)}`;
  return page(
    {
      title: `申请 ${v.record.id}`,
      csrf: ctx.csrf,
      office: ctx.office,
      nav: "worklist",
      flash: ctx.flash ?? null,
      scripts: ["/static/form.js"],
    },
    tpl`<h1>申请 ${v.record.id}</h1>
      ${
        viewAgency() !== null && may("GET", "/oversight")
          ? tpl`<p class="back"><a href="/oversight">返回督办</a></p>`
          : ""
      }
      <div class="columns">
        <div>${recordSection(v.record, v.facts)}${deadlineSection(v.facts, v.body, v.standing)}</div>
        <div>
          ${["extension", "reply"].some(stepAllowed) ? stepForms(ctx, base, v.record, v.version, v.body, v.failed) : tpl`<p class="hint">只供查阅：您不能办理这件申请。</p>`}${signOffSection(ctx, base, v)}${lettersSection(ctx, base, v.slots)}
        </div>
      </div>
      ${historySection(v.history)}`,
  );
}

export function letterPage(ctx: Ctx, year: number, id: string, suffix: string, slot: LetterSlot): string {
  const base = `/applications/${year}/${encodeURIComponent(id)}/letters/${encodeURIComponent(suffix)}`;
  const label = letterLabelOfSuffix(suffix);
  return page(
    {
      title: `${label} ${id}`,
      csrf: ctx.csrf,
      office: ctx.office,
      nav: "worklist",
      scripts: ["/static/print.js"],
    },
    tpl`<h1>${label} <small>${id}</small></h1>
      <p>
        <a href="${scoped(`/applications/${year}/${encodeURIComponent(id)}`)}">返回申请</a> ·
        <a href="${scoped(`${base}.pdf?download=1`)}">下载PDF</a> ·
        <a href="${scoped(`${base}.docx?download=1`)}">下载DOCX</a> ·
        <button type="button" class="print" data-frame="preview">打印</button>
      </p>
      ${
        slot.issued.length === 0
          ? tpl`<p class="notice">尚未签发：以下为草稿，签发时编入文号。</p>`
          : tpl`<ul>
              ${slot.issued.map((l) => tpl`<li>第${l.version}版：${l.docNumber ?? "无文号"}，${timeText(l.issuedAt)}由${l.who}签发 <a href="${scoped(`${base}.pdf?version=${l.version}`)}">查看</a></li>`)}
            </ul>`
      }
      <iframe id="preview" class="preview" src="${scoped(`${base}.pdf`)}" title="${label}预览"></iframe>`,
  );
}
