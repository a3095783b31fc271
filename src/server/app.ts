/**
 * The workbench's HTTP adapter (Fastify): users and sessions, CSRF, routes, pages.
 *
 * - Every request but the login page and static files needs a session (a random id in an
 *   HttpOnly, SameSite=Strict cookie; see auth.ts). Without one, a page sends to the login page
 *   and any other request gets 401.
 * - Before the first user exists, the one-time setup link printed at start (?token=…, then a
 *   cookie) opens the setup page, which creates the root agency and its first 管理员.
 * - Every route is in auth.ts's ROUTE_ACCESS table, checked here on every request against the
 *   user's roles and agency (a route missing from the table stops the server from starting).
 * - Every state-changing request (POST) carries the session's CSRF token (a form field or the
 *   x-csrf-token header); a cross-site page cannot read it.
 * - Bad input: a Chinese message at the field (or on the page), HTTP 4xx, nothing written.
 * - Logs carry method, route and status only: never a query string, a body or a record.
 */
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import { StorageConflict } from "../storage/index.js";
import {
  accessOf,
  actorOf,
  allowed,
  equalText,
  LOGIN_COOKIE,
  ROUTE_ACCESS,
  SESSION_COOKIE,
  type Access,
} from "./auth.js";
import { requestState, type RequestState } from "./context.js";
import { setSessionCookie, userRoutes } from "./routes-users.js";
import { hashPassword, passwordProblems, startSession, usernameProblems } from "./auth.js";
import { FormInvalid, NotFound, today, Workbench, type Form } from "./workbench.js";
import {
  applicationPage,
  errorPage,
  letterPage,
  registerPage,
  setupPage,
  tokenPage,
  worklistPage,
  type Ctx,
} from "./pages.js";
import { cnDate, tpl } from "./html.js";
import { STATUS_LABELS } from "./labels.js";
import { extraRoutes } from "./routes-more.js";
import { oversightRoutes } from "./oversight.js";
import { rollupRoutes } from "./rollup.js";
import { digestRoutes } from "./digest.js";
import { yearRoutes } from "./routes-year.js";
import { screenText } from "./text.js";
import { caseRoutes } from "./routes-cases.js";
import { ledgerRoutes } from "./routes-ledger.js";
import { PACKAGE_ROOT } from "../index.js";
import { problemsText } from "./lib.js";
import { InProcessBatchQueue, type BatchQueue } from "../jobs/index.js";
import { batchRoutes } from "./routes-batch.js";
import { mailRoutes } from "./routes-mail.js";

/** The setup link's cookie (only while the database has no user). */
export const COOKIE = "gongwen_token";
const STATIC_DIR = join(PACKAGE_ROOT, "web", "static");

export interface RegisteredRoute {
  method: string;
  url: string;
}

/** The routes each server registered (the access tests walk every one of them). */
export const SERVER_ROUTES = new WeakMap<FastifyInstance, RegisteredRoute[]>();

export interface ServerOptions {
  workbench: Workbench;
  /** The one-time setup link's token: it opens the setup page while the database has no user. */
  token: string;
  /** The clock of sessions and the login rate limit (default: the machine's). */
  now?: () => Date;
  /** Today's date for the worklist (default: the machine's). */
  today?: () => string;
  /** Working days ahead that the digest counts as due soon, where an agency sets none. */
  digestDays?: number;
  /** Log requests (method, route, status — nothing else). */
  logger?: boolean;
  /**
   * The year-end batch queue (closed with the server): BullMQ on PostgreSQL (`serve` gives
   * it); by default the server runs the batches itself, one at a time (the embedded database).
   */
  batch?: BatchQueue;
}

const equal = equalText;

/** Pages that take ?agency=ID (an agency of the user's scope) to read that agency's record. */
const VIEW_ROUTES = new Set(["/applications/:year/:id", "/applications/:year/:id/letters/:file"]);

export function csrfFor(token: string): string {
  return createHmac("sha256", token).update("gongwen-csrf").digest("base64url");
}

function staticFile(name: string): Buffer {
  if (name === "echarts.min.js") {
    const req = createRequire(import.meta.url);
    return readFileSync(join(req.resolve("echarts/package.json"), "..", "dist", "echarts.min.js"));
  }
  return readFileSync(join(STATIC_DIR, name));
}

const STATIC_TYPES: Record<string, string> = {
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
};

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const wb = options.workbench;
  const setupCsrf = csrfFor(options.token);
  const nowOf = options.now ?? (() => new Date());
  const todayOf = options.today ?? today;
  const app = Fastify({
    logger: options.logger
      ? {
          serializers: {
            // Method and route only: the URL may carry a search term, never log it.
            req: (req: { method: string; routeOptions?: { url?: string } }) => ({
              method: req.method,
              route: req.routeOptions?.url ?? "?",
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
        }
      : false,
    bodyLimit: 64 * 1024 * 1024,
    // Form and query field names are dataset paths; keep them as given.
    routerOptions: { ignoreTrailingSlash: true },
  });
  // Every route must say who may use it (auth.ts): checked as routes are added.
  const routes: RegisteredRoute[] = [];
  SERVER_ROUTES.set(app, routes);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) {
      if (m === "HEAD") continue;
      if (!(`${m} ${route.url}` in ROUTE_ACCESS))
        throw new Error(`route ${m} ${route.url} is missing from ROUTE_ACCESS`);
      routes.push({ method: m, url: route.url });
    }
  });
  // The request's state (who is asking) for its whole asynchronous run.
  app.addHook("onRequest", (_req, _reply, done) => {
    requestState.run({ actor: null }, done);
  });
  await app.register(cookie);
  await app.register(formbody);
  app.addContentTypeParser("text/plain", { parseAs: "string" }, (_req, body, done) => done(null, body));

  const state = (): RequestState => requestState.getStore() ?? { actor: null };
  const ctxOf = async (flash?: string | null): Promise<Ctx> => {
    const actor = state().actor;
    return {
      csrf: actor ? actor.csrf : setupCsrf,
      office: actor ? actor.agencyName : null,
      flash: flash ?? null,
    };
  };
  const html401 = (reply: FastifyReply) => reply.code(401).type("text/html; charset=utf-8").send(tokenPage());
  /** Whether the database has users yet (once it has, it never goes back). */
  let hasUsers = false;
  const usersExist = async () => (hasUsers ||= (await wb.store.accounts.userCount()) > 0);
  const setupOpen = (req: { cookies: Record<string, string | undefined> }) => {
    const c = req.cookies[COOKIE];
    return c !== undefined && equal(c, options.token);
  };

  // Who is asking, and whether they may: the one check of every route.
  app.addHook("onRequest", async (req, reply) => {
    const url = new URL(req.url, "http://localhost");
    const given = url.searchParams.get("token");
    if (given !== null) {
      // The setup link: it works once, while there is no user; afterwards it leads to the login.
      if (await usersExist()) return reply.redirect("/login", 303);
      if (!equal(given, options.token)) return html401(reply);
      url.searchParams.delete("token");
      void reply.setCookie(COOKIE, options.token, { httpOnly: true, sameSite: "strict", path: "/" });
      return reply.redirect(url.pathname + (url.search || ""), 303);
    }
    const sid = req.cookies[SESSION_COOKIE];
    let actor = sid ? await actorOf(wb.store, sid, nowOf()) : null;
    // An application of another agency in the user's scope (the 督办 list's links): read on that
    // agency for this request only (never a write: GET, and only these pages).
    const viewAgency = url.searchParams.get("agency");
    if (actor && viewAgency !== null && req.method === "GET" && VIEW_ROUTES.has(req.routeOptions.url ?? "")) {
      const at = actor.scope.find((a) => String(a.id) === viewAgency);
      if (!at)
        return reply
          .code(404)
          .type("text/html; charset=utf-8")
          .send(errorPage(await ctxOf(), "未找到", "没有这个机关，或不在您的查阅范围内"));
      actor = { ...actor, agencyId: at.id, agencyName: at.name };
      state().viewAgency = at.id;
    }
    state().actor = actor;
    const access: Access =
      accessOf(
        req.method === "HEAD" ? "GET" : req.method,
        req.routeOptions.url ?? "",
        (req.params ?? {}) as Record<string, string>,
      ) ?? "read";
    if (access === "public") return;
    if (access === "setup") {
      if (await usersExist()) {
        if (req.method === "GET") return reply.redirect("/", 303);
        return reply
          .code(409)
          .type("text/html; charset=utf-8")
          .send(errorPage(await ctxOf(), "未能完成", "本数据库已建立机关和管理员：请登录"));
      }
      if (!setupOpen(req)) return html401(reply);
      return;
    }
    if (!actor) {
      if (!(await usersExist())) {
        if (setupOpen(req) && req.method === "GET") return reply.redirect("/setup", 303);
        return html401(reply);
      }
      if (req.method === "GET") return reply.redirect("/login", 303);
      return reply
        .code(401)
        .type("text/html; charset=utf-8")
        .send(errorPage(await ctxOf(), "请先登录", "登录已过期或尚未登录：请重新登录后再试"));
    }
    if (!allowed(actor, access))
      return reply
        .code(403)
        .type("text/html; charset=utf-8")
        .send(
          errorPage(
            await ctxOf(),
            "无权进行此操作",
            access === "approve"
              ? "这一操作须由本机关政府信息公开工作机构负责人进行"
              : actor.agencyId !== actor.homeAgencyId
                ? "您正在查看下级机关，只能查阅，不能修改"
                : "您的角色不能进行这一操作",
          ),
        );
  });

  // CSRF on every state-changing request: the session's token (the setup link's before the
  // first user; the login form's own cookie on the login page).
  app.addHook("preHandler", async (req, reply) => {
    if (req.method === "GET" || req.method === "HEAD") return;
    const body = req.body as Record<string, unknown> | undefined;
    const sent =
      (typeof req.headers["x-csrf-token"] === "string" ? req.headers["x-csrf-token"] : undefined) ??
      (body && typeof body === "object" && typeof body._csrf === "string" ? body._csrf : undefined);
    const actor = state().actor;
    const route = req.routeOptions.url ?? "";
    const want =
      route === "/login"
        ? (req.cookies[LOGIN_COOKIE] ?? null)
        : route.startsWith("/setup")
          ? setupCsrf
          : (actor?.csrf ?? null);
    if (sent === undefined || want === null || !equal(sent, want)) {
      return reply
        .code(403)
        .type("text/html; charset=utf-8")
        .send(errorPage(await ctxOf(), "请求被拒绝", "页面已过期或来自其他网站：请刷新本页面后重试"));
    }
  });

  app.setErrorHandler(async (err, _req, reply) => {
    const ctx = await ctxOf().catch(() => ({ csrf: "", office: null }) as Ctx);
    if (err instanceof NotFound)
      return reply
        .code(404)
        .type("text/html; charset=utf-8")
        .send(errorPage(ctx, "未找到", err.message));
    if (err instanceof StorageConflict)
      return reply
        .code(409)
        .type("text/html; charset=utf-8")
        .send(errorPage(ctx, "未能保存", err.message));
    if (err instanceof FormInvalid)
      return reply
        .code(400)
        .type("text/html; charset=utf-8")
        .send(errorPage(ctx, "未能完成", err.message));
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500)
      return reply
        .code(status)
        .type("text/html; charset=utf-8")
        .send(errorPage(ctx, "请求有误", status === 413 ? "上传的内容过大" : "请求的格式不正确"));
    app.log.error({ err: { message: err instanceof Error ? err.name : "error" } }, "internal error");
    return reply
      .code(500)
      .type("text/html; charset=utf-8")
      .send(errorPage(ctx, "内部错误", "工作台出现内部错误，未保存任何内容"));
  });

  app.setNotFoundHandler(async (_req, reply) =>
    reply
      .code(404)
      .type("text/html; charset=utf-8")
      .send(errorPage(await ctxOf(), "未找到", "没有这个页面")),
  );

  const sendHtml = (reply: FastifyReply, body: string, code = 200) =>
    reply.code(code).type("text/html; charset=utf-8").header("cache-control", "no-store").send(body);

  app.get<{ Params: { name: string } }>("/static/:name", async (req, reply) => {
    const name = req.params.name;
    const ext = name.split(".").pop() ?? "";
    if (!/^[a-z0-9.-]+$/.test(name) || !STATIC_TYPES[ext]) throw new NotFound("没有这个文件");
    let bytes: Buffer;
    try {
      bytes = staticFile(name);
    } catch {
      throw new NotFound("没有这个文件");
    }
    return reply.type(STATIC_TYPES[ext]!).header("cache-control", "private, max-age=3600").send(bytes);
  });

  // ---- setup: the root agency and its first administrator ----
  /** The setup form's first administrator, or its problems by field. */
  const adminOf = (form: Form) => {
    const fields = new Map<string, string[]>();
    const username = (form["admin.username"] ?? "").trim();
    const name = (form["admin.name"] ?? "").trim();
    const password = form["admin.password"] ?? "";
    const u = usernameProblems(username);
    if (u.length) fields.set("admin.username", u);
    if (name === "") fields.set("admin.name", ["请填写管理员的姓名"]);
    const p = passwordProblems(password, form["admin.password2"] ?? "");
    if (p.length) fields.set("admin.password", p);
    return { fields, username, name, password };
  };
  /** Create the first administrator of `officeId` and log them in (ending the setup link). */
  const firstAdmin = async (
    reply: FastifyReply,
    officeId: number,
    a: ReturnType<typeof adminOf>,
  ): Promise<void> => {
    const id = await wb.store.accounts.createUser({
      officeId,
      username: a.username,
      displayName: a.name,
      roles: ["admin", "head", "clerk"],
      passwordHash: await hashPassword(a.password),
    });
    hasUsers = true;
    const user = (await wb.store.accounts.user(id))!;
    const session = await startSession(wb.store, user, nowOf());
    setSessionCookie(reply, session.cookie);
    void reply.clearCookie(COOKIE, { path: "/" });
  };
  app.get("/setup", async (_req, reply) => {
    const offices = await wb.store.offices();
    return sendHtml(reply, setupPage(await ctxOf(), offices[0]?.name ?? null));
  });
  app.post<{ Body: Form }>("/setup/office", async (req, reply) => {
    const form = req.body ?? {};
    const existing = (await wb.store.offices())[0] ?? null;
    const admin = adminOf(form);
    let dataset: Parameters<typeof wb.store.createOffice>[0] | null = null;
    const fields = new Map(admin.fields);
    let general: string[] = [];
    if (!existing)
      try {
        dataset = wb.officeDataset(form);
      } catch (e) {
        if (!(e instanceof FormInvalid)) throw e;
        for (const [k, v] of e.fields) fields.set(k, v);
        general = e.general;
      }
    if (fields.size > 0 || general.length > 0)
      return sendHtml(reply, setupPage(await ctxOf(), existing?.name ?? null, form, fields, general), 400);
    const officeId = existing ? existing.id : await wb.store.createOffice(dataset!, admin.name);
    await firstAdmin(reply, officeId, admin);
    return reply.redirect(existing ? "/?flash=admin" : "/?flash=office", 303);
  });
  app.post<{ Body: Form }>("/setup/samples", async (req, reply) => {
    const form = req.body ?? {};
    const admin = adminOf(form);
    if ((await wb.store.offices()).length > 0) throw new StorageConflict("本数据库已建立机关");
    if (admin.fields.size > 0)
      return sendHtml(reply, setupPage(await ctxOf(), null, form, admin.fields, []), 400);
    const officeId = await wb.loadSamples();
    await firstAdmin(reply, officeId, admin);
    return reply.redirect("/?flash=samples", 303);
  });

  // ---- worklist ----
  const FLASH: Record<string, string> = {
    office: "已建立机关和管理员。可以登记第一件申请了；在“用户”页可以为同事建立账户。",
    admin: "已建立管理员。",
    samples: "已载入示例数据。",
  };
  app.get<{ Querystring: Record<string, string | undefined> }>("/", async (req, reply) => {
    if (!(await wb.office())) return reply.redirect("/setup", 303);
    const q = req.query;
    const asOfGiven = q.asOf !== undefined && q.asOf !== "";
    if (asOfGiven && !/^\d{4}-\d{2}-\d{2}$/.test(q.asOf!))
      return sendHtml(reply, errorPage(await ctxOf(), "请求有误", "截至日期应为有效日期"), 400);
    const asOf = asOfGiven ? q.asOf! : todayOf();
    if (asOfGiven) {
      try {
        wb.calendar.parse(asOf, "截至日期");
      } catch (e) {
        return sendHtml(reply, errorPage(await ctxOf(), "请求有误", (e as Error).message), 400);
      }
    }
    const status = q.status && q.status in STATUS_LABELS ? q.status : "";
    const sort = ["id", "received", "due", "daysLeft", "status"].includes(q.sort ?? "")
      ? q.sort!
      : "daysLeft";
    const dir = q.dir === "desc" ? "desc" : "asc";
    const pageNo = /^\d{1,6}$/.test(q.page ?? "") ? Number(q.page) : 1;
    const wl = await wb.worklist(asOf);
    return sendHtml(
      reply,
      worklistPage(await ctxOf(FLASH[q.flash ?? ""] ?? null), wl, {
        sort,
        dir,
        status,
        q: q.q ?? "",
        chosen: asOfGiven,
        page: pageNo,
      }),
    );
  });

  // ---- registering ----
  app.get("/applications/new", async (_req, reply) => {
    await wb.requireOffice();
    const years = await wb.store.years((await wb.requireOffice()).id);
    const year = Math.max(Number(todayOf().slice(0, 4)), years[years.length - 1] ?? 0);
    return sendHtml(reply, registerPage(await ctxOf(), { id: await wb.suggestId(year) }));
  });
  app.post<{ Body: Form }>("/applications", async (req, reply) => {
    const form = req.body ?? {};
    let where: { year: number; id: string };
    try {
      where = await wb.register(form);
    } catch (e) {
      if (e instanceof FormInvalid)
        return sendHtml(reply, registerPage(await ctxOf(), form, e.fields, e.general), 400);
      throw e;
    }
    return reply.redirect(
      `/applications/${where.year}/${encodeURIComponent(where.id)}?flash=registered`,
      303,
    );
  });

  // ---- one application ----
  const APP_FLASH: Record<string, string> = {
    registered: "已登记。答复期限见下。",
    step: "已记录。",
    issued: "已签发。",
    signed: "已签批答复。",
  };
  const showApplication = async (
    reply: FastifyReply,
    year: number,
    id: string,
    flash: string | null,
    failed: Parameters<typeof applicationPage>[1]["failed"],
    code = 200,
  ) => {
    const a = await wb.application(year, id);
    const standing = a.facts.reply
      ? tpl`<p>
          已于${cnDate(a.facts.reply.date)}答复${a.facts.reply.onTime === false ? `，逾期${a.facts.reply.workingDaysLate}个工作日` : "，未超过期限"}。
        </p>`
      : (() => {
          const w = wb.standing(a.facts, todayOf());
          return tpl`<p class="standing badge-${w.status}">
            今日（${cnDate(todayOf())}）：${STATUS_LABELS[w.status]}${w.daysLeft !== null ? (w.daysLeft < 0 ? `，已逾期${-w.daysLeft}个工作日` : `，剩余${w.daysLeft}个工作日`) : ""}${problemsText(w.problems) ? `。${screenText(problemsText(w.problems)!)}` : ""}
          </p>`;
        })();
    return sendHtml(
      reply,
      applicationPage(await ctxOf(flash), {
        year,
        record: a.record,
        version: a.version,
        facts: a.facts,
        body: a.body,
        standing,
        slots: await wb.letterSlots(year, id),
        history: await wb.history(year, id),
        signOff: a.record.reply ? await wb.signedOff(year, id) : null,
        failed,
      }),
      code,
    );
  };
  const yearOf = (s: string): number => {
    if (!/^\d{4}$/.test(s)) throw new NotFound("没有这个年度");
    return Number(s);
  };
  app.get<{ Params: { year: string; id: string }; Querystring: { flash?: string } }>(
    "/applications/:year/:id",
    async (req, reply) =>
      showApplication(
        reply,
        yearOf(req.params.year),
        req.params.id,
        APP_FLASH[req.query.flash ?? ""] ?? null,
        null,
      ),
  );
  app.post<{ Params: { year: string; id: string; step: string }; Body: Form }>(
    "/applications/:year/:id/steps/:step",
    async (req, reply) => {
      const year = yearOf(req.params.year);
      const form = { ...(req.body ?? {}) };
      try {
        await wb.step(year, req.params.id, req.params.step, form);
      } catch (e) {
        if (e instanceof FormInvalid)
          return showApplication(
            reply,
            year,
            req.params.id,
            null,
            { step: req.params.step, form, errors: e.fields, general: e.general },
            400,
          );
        throw e;
      }
      return reply.redirect(`/applications/${year}/${encodeURIComponent(req.params.id)}?flash=step`, 303);
    },
  );

  // ---- the head's sign-off of the reply ----
  app.post<{ Params: { year: string; id: string }; Body: Form }>(
    "/applications/:year/:id/sign-off",
    async (req, reply) => {
      const year = yearOf(req.params.year);
      const version = Number(req.body?.version);
      if (!Number.isInteger(version)) throw new FormInvalid(new Map(), ["请从申请页面签批"]);
      await wb.signOff(year, req.params.id, version);
      return reply.redirect(`/applications/${year}/${encodeURIComponent(req.params.id)}?flash=signed`, 303);
    },
  );

  // ---- letters ----
  app.get<{
    Params: { year: string; id: string; file: string };
    Querystring: { version?: string; download?: string };
  }>("/applications/:year/:id/letters/:file", async (req, reply) => {
    const year = yearOf(req.params.year);
    const m = /^(.+?)(?:\.(pdf|docx))?$/.exec(req.params.file)!;
    const suffix = m[1]!;
    const format = m[2] as "pdf" | "docx" | undefined;
    if (!format) {
      const slot = (await wb.letterSlots(year, req.params.id)).find((s) => s.planned.suffix === suffix);
      if (!slot) throw new NotFound("该申请没有这份文书");
      return sendHtml(reply, letterPage(await ctxOf(), year, req.params.id, suffix, slot));
    }
    const v = req.query.version;
    if (v !== undefined && !/^\d+$/.test(v)) throw new NotFound("没有这一版本的文书");
    const file = await wb.letterFile(
      year,
      req.params.id,
      suffix,
      format,
      v === undefined ? undefined : Number(v),
    );
    const type =
      format === "pdf"
        ? "application/pdf"
        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    return reply
      .type(type)
      .header("cache-control", "no-store")
      .header(
        "content-disposition",
        `${req.query.download ? "attachment" : "inline"}; filename="${file.name}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      )
      .send(Buffer.from(file.bytes));
  });
  app.post<{ Params: { year: string; id: string; suffix: string } }>(
    "/applications/:year/:id/letters/:suffix/issue",
    async (req, reply) => {
      const year = yearOf(req.params.year);
      await wb.issueLetter(year, req.params.id, req.params.suffix);
      return reply.redirect(`/applications/${year}/${encodeURIComponent(req.params.id)}?flash=issued`, 303);
    },
  );

  await userRoutes(app, { wb, ctxOf, sendHtml, todayOf, nowOf, onFirstUser: () => (hasUsers = true) });
  await extraRoutes(app, { wb, ctxOf, sendHtml, todayOf });
  await mailRoutes(app, { wb, ctxOf, sendHtml, todayOf });
  await oversightRoutes(app, { wb, ctxOf, sendHtml, todayOf });
  await rollupRoutes(app, { wb, ctxOf, sendHtml, todayOf });
  await digestRoutes(app, {
    wb,
    ctxOf,
    sendHtml,
    todayOf,
    ...(options.digestDays !== undefined ? { digestDays: options.digestDays } : {}),
  });
  await yearRoutes(app, { wb, ctxOf, sendHtml, todayOf });
  await caseRoutes(app, { wb, ctxOf, sendHtml, todayOf });
  await ledgerRoutes(app, { wb, ctxOf, sendHtml, todayOf });
  const batch =
    options.batch ??
    new InProcessBatchQueue(wb.store, () => ({ pdf: wb.pdf, config: wb.config, calendar: wb.calendar }));
  app.addHook("onClose", () => batch.close());
  await batchRoutes(app, { wb, ctxOf, sendHtml, todayOf, batch });
  return app;
}
