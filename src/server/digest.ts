/**
 * 提醒: a user's daily digest — the applications of the agencies they handle that are overdue or
 * due within N working days (N per agency, the setting `digest.days`, else the deployment's,
 * default the library's DUE_SOON_WORKING_DAYS). A 经办人 or 负责人 gets their own agency, a 监督
 * their agency and every one below it; a user who only administers gets none. Every standing is
 * the library's (workStanding with the agency's N), nothing is counted here. The digest is a
 * page (/digest) and an e-mail (plain text and HTML); it names no applicant and quotes no
 * request, only register numbers and dates (an e-mail leaves the machine).
 */
import type { FastifyInstance } from "fastify";
import nodemailer from "nodemailer";
import type { Office, Store, StoredUser } from "../storage/index.js";
import { subtreeOf } from "./auth.js";
import { currentActor, type AgencyRef } from "./context.js";
import { cnDate, esc, page, tpl, type Part } from "./html.js";
import { APPLICANT_TYPE_LABELS, DUE_SOON_WORKING_DAYS, workStanding } from "./lib.js";
import { errorPage, type Ctx } from "./pages.js";
import type { RouteEnv } from "./routes-more.js";
import { NotFound, type Workbench } from "./workbench.js";

/** The agency setting of the digest's N (working days ahead). */
export const DIGEST_DAYS_SETTING = "digest.days";
export const MAX_DIGEST_DAYS = 60;

export interface DigestItem {
  year: number;
  id: string;
  applicantType: string;
  received: string | null;
  due: string | null;
  daysLeft: number | null;
}

export interface AgencyDigest {
  agency: AgencyRef;
  /** Working days ahead that count as due soon here. */
  days: number;
  overdue: DigestItem[];
  dueSoon: DigestItem[];
}

export interface Digest {
  userId: number;
  displayName: string;
  asOf: string;
  agencies: AgencyDigest[];
}

export function digestCount(d: Digest): { overdue: number; dueSoon: number } {
  return {
    overdue: d.agencies.reduce((n, a) => n + a.overdue.length, 0),
    dueSoon: d.agencies.reduce((n, a) => n + a.dueSoon.length, 0),
  };
}

/** The agencies a user's digest covers: a 监督 their subtree, a 经办人 or 负责人 their own. */
export function digestAgencies(user: StoredUser, offices: readonly Office[]): AgencyRef[] {
  if (user.roles.includes("supervisor")) return subtreeOf(user.officeId, offices);
  if (user.roles.includes("clerk") || user.roles.includes("head"))
    return subtreeOf(user.officeId, offices).slice(0, 1);
  return [];
}

/** A days setting as given (a whole number 0–MAX_DIGEST_DAYS), else null. */
export function daysOf(value: unknown): number | null {
  const n = typeof value === "string" && /^\d{1,3}$/.test(value.trim()) ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= MAX_DIGEST_DAYS ? n : null;
}

/** The agency's N: its own setting, else the deployment's default. */
export async function digestDaysOf(store: Store, agencyId: number, fallback: number): Promise<number> {
  return daysOf(await store.setting(agencyId, DIGEST_DAYS_SETTING)) ?? fallback;
}

/** Most late first, then least time left; ties by register number. */
function byUrgency(a: DigestItem, b: DigestItem): number {
  const left = (w: DigestItem) => w.daysLeft ?? Number.MIN_SAFE_INTEGER;
  return left(a) - left(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || a.year - b.year;
}

/** The digest of `user` on `asOf`, from each agency's worklist that day. */
export async function buildDigest(
  wb: Workbench,
  user: StoredUser,
  offices: readonly Office[],
  asOf: string,
  defaultDays: number = DUE_SOON_WORKING_DAYS,
): Promise<Digest> {
  const agencies: AgencyDigest[] = [];
  for (const agency of digestAgencies(user, offices)) {
    const days = await digestDaysOf(wb.store, agency.id, defaultDays);
    const wl = await wb.worklistOf(agency.id, asOf);
    const overdue: DigestItem[] = [];
    const dueSoon: DigestItem[] = [];
    for (const w of wl.items) {
      const s = workStanding(w.facts, asOf, wb.calendar, days);
      if (s.status !== "overdue" && s.status !== "due-soon") continue;
      const item: DigestItem = {
        year: w.year,
        id: w.id,
        applicantType: APPLICANT_TYPE_LABELS[w.record.applicant.type] ?? "",
        received: w.facts.received,
        due: s.due,
        daysLeft: s.daysLeft,
      };
      (s.status === "overdue" ? overdue : dueSoon).push(item);
    }
    agencies.push({ agency, days, overdue: overdue.sort(byUrgency), dueSoon: dueSoon.sort(byUrgency) });
  }
  return { userId: user.id, displayName: user.displayName, asOf, agencies };
}

// ---- wording ------------------------------------------------------------------------------

function leftText(w: DigestItem): string {
  const d = w.daysLeft;
  if (d === null) return "已逾期";
  if (d < 0) return `逾期${-d}个工作日`;
  if (d === 0) return "今日到期";
  return `剩余${d}个工作日`;
}

function subjectOf(d: Digest): string {
  const c = digestCount(d);
  return `政府信息公开申请提醒（${cnDate(d.asOf)}）：已逾期${c.overdue}件，即将到期${c.dueSoon}件`;
}

function summaryText(d: Digest): string {
  const c = digestCount(d);
  if (c.overdue + c.dueSoon === 0) return "今日没有已逾期或即将到期的申请。";
  return `截至${cnDate(d.asOf)}，您负责的机关有已逾期的申请${c.overdue}件、即将到期的申请${c.dueSoon}件。`;
}

const itemLine = (w: DigestItem) =>
  `${w.id}（${w.applicantType || "申请人"}，${cnDate(w.received)}收到，答复期限${w.due ? cnDate(w.due) : "未定"}）：${leftText(w)}`;

export interface Mail {
  subject: string;
  text: string;
  html: string;
}

/** The digest as an e-mail; with `baseUrl` each application is a link to its page. */
export function digestMail(d: Digest, opts: { baseUrl?: string } = {}): Mail {
  const link = (w: DigestItem) =>
    opts.baseUrl
      ? `${opts.baseUrl.replace(/\/+$/, "")}/applications/${w.year}/${encodeURIComponent(w.id)}`
      : null;
  const lines: string[] = [`${d.displayName}：`, "", summaryText(d)];
  for (const a of d.agencies) {
    if (a.overdue.length + a.dueSoon.length === 0) continue;
    lines.push("", `【${a.agency.name}】`);
    if (a.overdue.length) {
      lines.push(`已逾期（${a.overdue.length}件）：`);
      for (const w of a.overdue) lines.push(`  ${itemLine(w)}${link(w) ? ` ${link(w)}` : ""}`);
    }
    if (a.dueSoon.length) {
      lines.push(`${a.days}个工作日内到期（${a.dueSoon.length}件）：`);
      for (const w of a.dueSoon) lines.push(`  ${itemLine(w)}${link(w) ? ` ${link(w)}` : ""}`);
    }
  }
  lines.push("", "本邮件由公文工作台每日自动发送，请勿回复。");
  const cell = 'style="border:1px solid #ccc;padding:4px 8px;text-align:left"';
  const table = (title: string, items: DigestItem[]) =>
    `<p style="margin:12px 0 4px"><strong>${esc(title)}</strong></p>` +
    `<table style="border-collapse:collapse;font-size:14px"><thead><tr>` +
    ["登记号", "申请人类型", "收到日期", "答复期限", "剩余或逾期"]
      .map((h) => `<th ${cell}>${h}</th>`)
      .join("") +
    `</tr></thead><tbody>` +
    items
      .map((w) => {
        const href = link(w);
        const id = href ? `<a href="${esc(href)}">${esc(w.id)}</a>` : esc(w.id);
        return `<tr><td ${cell}>${id}</td><td ${cell}>${esc(w.applicantType)}</td><td ${cell}>${esc(cnDate(w.received))}</td><td ${cell}>${esc(w.due ? cnDate(w.due) : "未定")}</td><td ${cell}>${esc(leftText(w))}</td></tr>`;
      })
      .join("") +
    `</tbody></table>`;
  const sections = d.agencies
    .filter((a) => a.overdue.length + a.dueSoon.length > 0)
    .map(
      (a) =>
        `<h2 style="font-size:16px;margin:16px 0 4px">${esc(a.agency.name)}</h2>` +
        (a.overdue.length ? table(`已逾期（${a.overdue.length}件）`, a.overdue) : "") +
        (a.dueSoon.length ? table(`${a.days}个工作日内到期（${a.dueSoon.length}件）`, a.dueSoon) : ""),
    )
    .join("");
  const html =
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(subjectOf(d))}</title></head>` +
    `<body style="font-family:sans-serif;font-size:14px;color:#222">` +
    `<p>${esc(d.displayName)}：</p><p>${esc(summaryText(d))}</p>${sections}` +
    `<p style="color:#666;font-size:12px;margin-top:16px">本邮件由公文工作台每日自动发送，请勿回复。</p></body></html>`;
  return { subject: subjectOf(d), text: lines.join("\n") + "\n", html };
}

export function digestPage(ctx: Ctx, d: Digest, chosen: boolean): string {
  const table = (caption: string, items: DigestItem[]): Part =>
    items.length === 0
      ? ""
      : tpl`<div class="table-wrap">
          <table class="digest">
            <caption>
              ${caption}
            </caption>
            <thead>
              <tr>
                <th scope="col">登记号</th>
                <th scope="col">申请人类型</th>
                <th scope="col">收到日期</th>
                <th scope="col">答复期限</th>
                <th scope="col">剩余或逾期</th>
              </tr>
            </thead>
            <tbody>
              ${items.map(
                (w) => tpl`<tr>
                  <td>${w.id}</td>
                  <td>${w.applicantType}</td>
                  <td>${cnDate(w.received)}</td>
                  <td>${w.due ? cnDate(w.due) : "未定"}</td>
                  <td>${leftText(w)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`;
  return page(
    { title: "每日提醒", csrf: ctx.csrf, office: ctx.office, nav: "digest" },
    tpl`<h1>每日提醒 <small>${cnDate(d.asOf)}</small></h1>
      <p>${summaryText(d)}</p>
      ${d.agencies.length === 0 ? tpl`<p class="empty">您的角色没有需要办理的申请，不发送提醒。</p>` : ""}
      <form class="filters" method="get" action="/digest">
        <div class="field inline">
          <label for="f-asOf">日期</label
          ><input type="date" id="f-asOf" name="asOf" value="${chosen ? d.asOf : ""}" />
        </div>
        <button type="submit">查看</button>
      </form>
      ${d.agencies.map(
        (a) => tpl`<section>
          <h2>${a.agency.name}</h2>
          ${a.overdue.length + a.dueSoon.length === 0 ? tpl`<p class="empty">没有已逾期或${a.days}个工作日内到期的申请。</p>` : ""}
          ${table(`已逾期（${a.overdue.length}件）`, a.overdue)}
          ${table(`${a.days}个工作日内到期（${a.dueSoon.length}件）`, a.dueSoon)}
        </section>`,
      )}
      <p class="hint">每天的提醒也发送到您账户登记的电子邮箱（如本工作台已设置发送邮件）。</p>`,
  );
}

// ---- sending ------------------------------------------------------------------------------

export interface SmtpConfig {
  host: string;
  port: number;
  from: string;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  secure?: boolean;
  /** Log in to the SMTP server (with `password`); none: send without logging in. */
  user?: string | null;
  password?: string | null;
}

export type SendMail = (to: string, mail: Mail) => Promise<void>;

/** A sender through the SMTP server of `config` (nodemailer). */
export function smtpSender(config: SmtpConfig): SendMail & { close(): void } {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure ?? false,
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? "" } } : {}),
  });
  const send = async (to: string, mail: Mail) => {
    await transport.sendMail({
      from: config.from,
      to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
  };
  return Object.assign(send, { close: () => transport.close() });
}

/**
 * The SMTP server to send the digest through: the settings an administrator stored (the
 * 邮件设置 page), each field overridden by the one given on the command line; null when neither
 * names a host and a sender address.
 */
export async function smtpConfigOf(
  store: Store,
  overrides: Partial<SmtpConfig> = {},
): Promise<SmtpConfig | null> {
  const stored = await store.mailSettings();
  const base: Partial<SmtpConfig> = stored
    ? {
        host: stored.host,
        port: stored.port,
        from: stored.from,
        secure: stored.secure,
        user: stored.username,
        password: stored.hasPassword ? await store.mailPassword() : null,
      }
    : {};
  const given = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const c = { port: 25, ...base, ...given } as Partial<SmtpConfig>;
  if (!c.host || !c.from) return null;
  return {
    host: c.host,
    port: c.port ?? 25,
    from: c.from,
    secure: c.secure ?? false,
    user: c.user ?? null,
    password: c.password ?? null,
  };
}

export type DigestOutcome = "sent" | "already-sent" | "empty" | "no-email" | "not-sending" | "failed";

export interface DigestRun {
  userId: number;
  username: string;
  overdue: number;
  dueSoon: number;
  outcome: DigestOutcome;
}

/**
 * Every active user's digest of `day`; with `send`, mailed to those with an e-mail address and
 * something in it, at most once a user and day (the sends are recorded in the database, so a
 * second run that day sends nothing again; a failed send is given back for the next run).
 */
export async function runDigests(
  wb: Workbench,
  day: string,
  opts: { defaultDays?: number; send?: SendMail; baseUrl?: string; now?: () => Date } = {},
): Promise<DigestRun[]> {
  const offices = await wb.store.offices();
  const out: DigestRun[] = [];
  for (const user of await wb.store.accounts.users()) {
    if (user.disabledAt !== null) continue;
    const d = await buildDigest(wb, user, offices, day, opts.defaultDays);
    if (d.agencies.length === 0) continue;
    const c = digestCount(d);
    const run = { userId: user.id, username: user.username, ...c };
    let outcome: DigestOutcome;
    if (c.overdue + c.dueSoon === 0) outcome = "empty";
    else if (!opts.send) outcome = "not-sending";
    else if (!user.email) outcome = "no-email";
    else if (!(await wb.store.accounts.claimDigest(user.id, day, (opts.now?.() ?? new Date()).toISOString())))
      outcome = "already-sent";
    else {
      try {
        await opts.send(user.email, digestMail(d, opts.baseUrl ? { baseUrl: opts.baseUrl } : {}));
        outcome = "sent";
      } catch {
        await wb.store.accounts.releaseDigest(user.id, day);
        outcome = "failed";
      }
    }
    out.push({ ...run, outcome });
  }
  return out;
}

// ---- the page -----------------------------------------------------------------------------

/** GET /digest[?asOf=YYYY-MM-DD]: the logged-in user's digest (as the e-mail has it). */
export async function digestRoutes(
  app: FastifyInstance,
  env: RouteEnv & { digestDays?: number },
): Promise<void> {
  const { wb, ctxOf, sendHtml, todayOf } = env;
  app.get<{ Querystring: Record<string, string | undefined> }>("/digest", async (req, reply) => {
    const actor = currentActor();
    if (!actor) throw new NotFound("没有这个页面");
    const user = await wb.store.accounts.user(actor.userId);
    if (!user) throw new NotFound("没有这个页面");
    const given = req.query.asOf !== undefined && req.query.asOf !== "";
    let asOf = todayOf();
    if (given) {
      try {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(req.query.asOf!)) throw new Error("日期应为有效日期");
        wb.calendar.parse(req.query.asOf!, "日期");
        asOf = req.query.asOf!;
      } catch (e) {
        return sendHtml(reply, errorPage(await ctxOf(), "请求有误", (e as Error).message), 400);
      }
    }
    const d = await buildDigest(wb, user, await wb.store.offices(), asOf, env.digestDays);
    return sendHtml(reply, digestPage(await ctxOf(), d, given));
  });
}
