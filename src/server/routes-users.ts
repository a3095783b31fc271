/**
 * Logging in and out, one's own account, and the administrator's users and agencies. Who may
 * use each route is in auth.ts (ROUTE_ACCESS), checked before any handler here runs; what a
 * handler checks itself is only that the user or agency it names is within the
 * administrator's reach (else 404, whether the id exists or not).
 */
import { randomBytes } from "node:crypto";
import type { FastifyInstance, FastifyReply } from "fastify";
import {
  dummyPasswordHash,
  hashPassword,
  LOGIN_COOKIE,
  loginBlocked,
  loginFailed,
  loginSucceeded,
  passwordProblems,
  ROLES,
  SESSION_COOKIE,
  SESSION_HOURS,
  startSession,
  subtreeOf,
  usernameProblems,
  verifyPassword,
} from "./auth.js";
import { currentActor, type Actor } from "./context.js";
import { mayEditMail } from "./routes-mail.js";
import type { Ctx } from "./pages.js";
import {
  accountPage,
  adminPage,
  agencyEditPage,
  loginPage,
  userEditPage,
  type AdminView,
} from "./pages-users.js";
import { FormInvalid, NotFound, type Form, type Workbench } from "./workbench.js";
import { StorageConflict } from "../storage/index.js";
import { daysOf, DIGEST_DAYS_SETTING, MAX_DIGEST_DAYS } from "./digest.js";

export function setSessionCookie(reply: FastifyReply, value: string): void {
  void reply.setCookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: "strict",
    path: "/",
    maxAge: SESSION_HOURS * 3600,
  });
}

function clearSession(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: "/" });
}

interface Deps {
  wb: Workbench;
  ctxOf: (flash?: string | null) => Promise<Ctx>;
  sendHtml: (reply: FastifyReply, body: string, code?: number) => FastifyReply;
  todayOf: () => string;
  nowOf: () => Date;
  onFirstUser: () => void;
}

function me(): Actor {
  const a = currentActor();
  // The access check let no request without a user reach these handlers.
  if (!a) throw new Error("no user");
  return a;
}

const FLASH: Record<string, string> = {
  everywhere: "已退出所有设备上的登录。",
  out: "已退出。",
  password: "密码已修改，请用新密码登录。",
  email: "电子邮箱已保存。",
  "email-removed": "已删除电子邮箱：不再发送提醒邮件。",
};

export async function userRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const { wb, ctxOf, sendHtml, nowOf } = deps;
  const accounts = wb.store.accounts;

  // ---- logging in and out ----
  /** The login form; its CSRF token is the login cookie's (kept, so two open login tabs both work). */
  const loginForm = (
    req: { cookies: Record<string, string | undefined> },
    reply: FastifyReply,
    code: number,
    username: string,
    error: string | null,
    flash: string | null = null,
  ) => {
    const had = req.cookies[LOGIN_COOKIE];
    const csrf = had !== undefined && /^[\w-]{32}$/.test(had) ? had : randomBytes(24).toString("base64url");
    void reply.setCookie(LOGIN_COOKIE, csrf, { httpOnly: true, sameSite: "strict", path: "/login" });
    return sendHtml(reply, loginPage(csrf, username, error, flash), code);
  };
  app.get<{ Querystring: { flash?: string } }>("/login", async (req, reply) => {
    if (currentActor()) return reply.redirect("/", 303);
    return loginForm(req, reply, 200, "", null, FLASH[req.query.flash ?? ""] ?? null);
  });
  app.post<{ Body: Form }>("/login", async (req, reply) => {
    const username = (req.body?.username ?? "").trim();
    const password = req.body?.password ?? "";
    const now = nowOf();
    const blocked = await loginBlocked(wb.store, username, req.ip, now);
    if (blocked) return loginForm(req, reply, 429, username, blocked);
    const user = username === "" ? null : await accounts.login(username);
    // The same work whether the account exists or not.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !ok) {
      await loginFailed(wb.store, username, req.ip, now);
      return loginForm(req, reply, 401, username, "用户名或密码不正确");
    }
    if (user.disabledAt !== null)
      return loginForm(req, reply, 403, username, "该账户已停用，请联系本机关的管理员");
    await loginSucceeded(wb.store, username);
    const session = await startSession(wb.store, user, now);
    setSessionCookie(reply, session.cookie);
    void reply.clearCookie(LOGIN_COOKIE, { path: "/login" });
    return reply.redirect("/", 303);
  });
  app.post("/logout", async (_req, reply) => {
    const a = currentActor();
    if (a) await accounts.deleteSession(a.sessionHash);
    clearSession(reply);
    return reply.redirect("/login?flash=out", 303);
  });
  app.post("/logout/everywhere", async (_req, reply) => {
    await accounts.deleteSessionsOf(me().userId);
    clearSession(reply);
    return reply.redirect("/login?flash=everywhere", 303);
  });

  // ---- the agency a supervisor looks at ----
  app.post<{ Body: Form }>("/session/agency", async (req, reply) => {
    const a = me();
    const id = Number(req.body?.agency);
    if (!a.scope.some((s) => s.id === id)) throw new NotFound("没有这个机关，或不在您的查阅范围内");
    await accounts.setSessionAgency(a.sessionHash, id);
    return reply.redirect("/", 303);
  });

  // ---- one's own account ----
  const showAccount = async (
    reply: FastifyReply,
    flash: string | null,
    errors?: Map<string, string[]>,
    general?: string[],
    code = 200,
    form: Form = {},
  ) => {
    const a = me();
    const home = (await wb.store.offices()).find((o) => o.id === a.homeAgencyId);
    const user = await accounts.user(a.userId);
    return sendHtml(
      reply,
      accountPage(
        await ctxOf(flash),
        {
          displayName: a.displayName,
          username: a.username,
          roles: a.roles,
          agency: home?.name ?? "",
          sessions: await accounts.sessionCount(a.userId),
          email: user?.email ?? null,
        },
        errors,
        general,
        form,
      ),
      code,
    );
  };
  app.get<{ Querystring: { flash?: string } }>("/account", async (req, reply) =>
    showAccount(reply, FLASH[req.query.flash ?? ""] ?? null),
  );
  app.post<{ Body: Form }>("/account/email", async (req, reply) => {
    const a = me();
    const form = req.body ?? {};
    const fields = new Map<string, string[]>();
    const email = emailOf(form.email, fields, "email");
    if (fields.size > 0) return showAccount(reply, null, fields, [], 400, form);
    await accounts.setEmail(a.userId, email);
    return reply.redirect(`/account?flash=${email === null ? "email-removed" : "email"}`, 303);
  });
  app.post<{ Body: Form }>("/account/password", async (req, reply) => {
    const a = me();
    const form = req.body ?? {};
    const user = await accounts.login(a.username);
    if (!user || !(await verifyPassword(form.current ?? "", user.passwordHash)))
      return showAccount(reply, null, new Map([["current", ["当前密码不正确"]]]), [], 400);
    const problems = passwordProblems(form.password ?? "", form.password2 ?? "");
    if (problems.length) return showAccount(reply, null, new Map([["password", problems]]), [], 400);
    await accounts.setPassword(a.userId, await hashPassword(form.password!));
    // A new password ends every session (one that knew the old password included).
    await accounts.deleteSessionsOf(a.userId);
    clearSession(reply);
    return reply.redirect("/login?flash=password", 303);
  });

  // ---- the administrator: users and agencies of their agency and below ----
  const reach = async () => subtreeOf(me().homeAgencyId, await wb.store.offices());
  const showAdmin = async (
    reply: FastifyReply,
    flash: string | null,
    failed: Omit<AdminView, "agencies" | "users"> = {
      form: {},
      errors: new Map(),
      general: [],
      failed: null,
    },
    code = 200,
  ) => {
    const agencies = await reach();
    const users = await accounts.users(agencies.map((a) => a.id));
    const mail = await mayEditMail(wb, me());
    return sendHtml(reply, adminPage(await ctxOf(flash), { agencies, users, mail, ...failed }), code);
  };
  const ADMIN_FLASH: Record<string, string> = {
    user: "已建立用户。",
    agency: "已建立机关。",
    password: "已重设密码，该用户的登录已全部结束。",
    logout: "已结束该用户的全部登录。",
    saved: "已保存。",
    disabled: "已停用该用户，其登录已全部结束。",
    enabled: "已恢复该用户。",
    deleted: "已删除该用户。",
    moved: "已保存机关。",
  };
  app.get<{ Querystring: { flash?: string } }>("/admin", async (req, reply) =>
    showAdmin(reply, ADMIN_FLASH[req.query.flash ?? ""] ?? null),
  );
  app.post<{ Body: Form }>("/admin/users", async (req, reply) => {
    const form = req.body ?? {};
    const agencies = await reach();
    const agencyId = Number(form["user.agency"]);
    const fields = new Map<string, string[]>();
    if (!agencies.some((a) => a.id === agencyId)) fields.set("user.agency", ["请选择所属机关"]);
    const username = (form["user.username"] ?? "").trim();
    const name = (form["user.name"] ?? "").trim();
    const u = usernameProblems(username);
    if (u.length) fields.set("user.username", u);
    if (name === "") fields.set("user.name", ["请填写姓名"]);
    const p = passwordProblems(form["user.password"] ?? "", form["user.password2"] ?? "");
    if (p.length) fields.set("user.password", p);
    const roles = ROLES.filter((r) => form[`user.role.${r}`] === "1");
    if (roles.length === 0) fields.set("user.roles", ["请至少选择一个角色"]);
    const email = emailOf(form["user.email"], fields);
    const shown = { ...form, "user.roles": roles.join(",") };
    if (fields.size === 0) {
      try {
        await accounts.createUser({
          officeId: agencyId,
          username,
          displayName: name,
          roles,
          passwordHash: await hashPassword(form["user.password"]!),
          email,
        });
        deps.onFirstUser();
        return reply.redirect("/admin?flash=user", 303);
      } catch (e) {
        if (!(e instanceof StorageConflict)) throw e;
        fields.set("user.username", [e.message]);
      }
    }
    return showAdmin(reply, null, { form: shown, errors: fields, general: [], failed: "user" }, 400);
  });
  /** A user within the administrator's reach, else 404 (the same for one that does not exist). */
  const userInReach = async (uid: string) => {
    const id = /^\d{1,9}$/.test(uid) ? Number(uid) : NaN;
    const user = Number.isNaN(id) ? null : await accounts.user(id);
    if (!user || !(await reach()).some((a) => a.id === user.officeId)) throw new NotFound("没有这个用户");
    return user;
  };
  app.post<{ Params: { uid: string }; Body: Form }>("/admin/users/:uid/password", async (req, reply) => {
    const user = await userInReach(req.params.uid);
    const problems = passwordProblems(req.body?.password ?? "", undefined);
    if (problems.length) throw new FormInvalid(new Map(), problems);
    await accounts.setPassword(user.id, await hashPassword(req.body!.password!));
    await accounts.deleteSessionsOf(user.id);
    return reply.redirect("/admin?flash=password", 303);
  });
  app.post<{ Params: { uid: string } }>("/admin/users/:uid/logout", async (req, reply) => {
    const user = await userInReach(req.params.uid);
    await accounts.deleteSessionsOf(user.id);
    return reply.redirect("/admin?flash=logout", 303);
  });
  // ---- one user: roles, agency, e-mail; disable, enable, delete ----
  const showUser = async (
    reply: FastifyReply,
    uid: string,
    failed: { form: Form; errors: Map<string, string[]>; general: string[] } | null,
    code = 200,
  ) => {
    const user = await userInReach(uid);
    return sendHtml(
      reply,
      userEditPage(await ctxOf(), {
        user,
        agencies: await reach(),
        self: user.id === me().userId,
        history: await accounts.hasHistory(user.id),
        ...(failed ?? { form: {}, errors: new Map(), general: [] }),
      }),
      code,
    );
  };
  app.get<{ Params: { uid: string } }>("/admin/users/:uid", async (req, reply) =>
    showUser(reply, req.params.uid, null),
  );
  app.post<{ Params: { uid: string }; Body: Form }>("/admin/users/:uid", async (req, reply) => {
    const user = await userInReach(req.params.uid);
    const form = req.body ?? {};
    const fields = new Map<string, string[]>();
    const agencyId = Number(form["user.agency"]);
    if (!(await reach()).some((a) => a.id === agencyId)) fields.set("user.agency", ["请选择所属机关"]);
    const roles = ROLES.filter((r) => form[`user.role.${r}`] === "1");
    if (roles.length === 0) fields.set("user.roles", ["请至少选择一个角色"]);
    const email = emailOf(form["user.email"], fields);
    const general: string[] = [];
    if (user.id === me().userId && (!roles.includes("admin") || agencyId !== user.officeId))
      general.push("不能取消自己的管理员角色或改变自己的所属机关：请由另一位管理员修改");
    if (fields.size > 0 || general.length > 0)
      return showUser(
        reply,
        req.params.uid,
        { form: { ...form, "user.roles": roles.join(",") }, errors: fields, general },
        400,
      );
    await accounts.updateUser(user.id, { roles, officeId: agencyId, email });
    return reply.redirect("/admin?flash=saved", 303);
  });
  const notSelf = (userId: number, what: string) => {
    if (userId === me().userId) throw new FormInvalid(new Map(), [`不能${what}自己的账户`]);
  };
  app.post<{ Params: { uid: string } }>("/admin/users/:uid/disable", async (req, reply) => {
    const user = await userInReach(req.params.uid);
    notSelf(user.id, "停用");
    await accounts.setDisabled(user.id, nowOf().toISOString());
    return reply.redirect("/admin?flash=disabled", 303);
  });
  app.post<{ Params: { uid: string } }>("/admin/users/:uid/enable", async (req, reply) => {
    const user = await userInReach(req.params.uid);
    await accounts.setDisabled(user.id, null);
    return reply.redirect("/admin?flash=enabled", 303);
  });
  app.post<{ Params: { uid: string } }>("/admin/users/:uid/delete", async (req, reply) => {
    const user = await userInReach(req.params.uid);
    notSelf(user.id, "删除");
    if (!(await accounts.deleteUserWithoutHistory(user.id)))
      throw new StorageConflict("该用户已有办理记录，不能删除；可以停用，停用后不能登录，记录仍署其名");
    return reply.redirect("/admin?flash=deleted", 303);
  });

  // ---- one agency: rename, move in the tree ----
  /** An agency within the administrator's reach, else 404. */
  const agencyInReach = async (aid: string) => {
    const id = /^\d{1,9}$/.test(aid) ? Number(aid) : NaN;
    const agency = (await reach()).find((a) => a.id === id);
    if (!agency) throw new NotFound("没有这个机关，或不在您的管理范围内");
    return agency;
  };
  const showAgency = async (
    reply: FastifyReply,
    aid: string,
    failed: { form: Form; errors: Map<string, string[]>; general: string[] } | null,
    code = 200,
  ) => {
    const agency = await agencyInReach(aid);
    const parentId = (await wb.store.offices()).find((o) => o.id === agency.id)?.parentId ?? null;
    return sendHtml(
      reply,
      agencyEditPage(await ctxOf(), {
        agency,
        parentId,
        agencies: await reach(),
        home: agency.id === me().homeAgencyId,
        digestDays: daysOf(await wb.store.setting(agency.id, DIGEST_DAYS_SETTING)),
        ...(failed ?? { form: {}, errors: new Map(), general: [] }),
      }),
      code,
    );
  };
  app.get<{ Params: { aid: string } }>("/admin/agencies/:aid", async (req, reply) =>
    showAgency(reply, req.params.aid, null),
  );
  app.post<{ Params: { aid: string }; Body: Form }>("/admin/agencies/:aid", async (req, reply) => {
    const agency = await agencyInReach(req.params.aid);
    const form = req.body ?? {};
    const fields = new Map<string, string[]>();
    const name = (form.name ?? "").trim();
    if (name === "" || [...name].length > 100) fields.set("name", ["请填写机关全称（不超过100个字）"]);
    const daysGiven = (form.digestDays ?? "").trim();
    const days = daysGiven === "" ? null : daysOf(daysGiven);
    if (daysGiven !== "" && days === null)
      fields.set("digestDays", [`请填写0–${MAX_DIGEST_DAYS}的整数，或留空（用默认的天数）`]);
    const home = agency.id === me().homeAgencyId;
    const parentGiven = !home && form.parent !== undefined && form.parent !== "";
    const parent = Number(form.parent);
    if (parentGiven && !(await reach()).some((a) => a.id === parent))
      fields.set("parent", ["请选择上级机关"]);
    if (fields.size === 0 && parentGiven) {
      const current = (await wb.store.offices()).find((o) => o.id === agency.id)?.parentId ?? null;
      if (current !== parent)
        try {
          await wb.store.moveOffice(agency.id, parent);
        } catch (e) {
          if (!(e instanceof StorageConflict)) throw e;
          fields.set("parent", [e.message]);
        }
    }
    if (fields.size > 0) return showAgency(reply, req.params.aid, { form, errors: fields, general: [] }, 400);
    if (name !== agency.name) await wb.store.renameOffice(agency.id, name, wb.who);
    if (form.digestDays !== undefined) await wb.store.setSetting(agency.id, DIGEST_DAYS_SETTING, days);
    return reply.redirect("/admin?flash=moved", 303);
  });

  app.post<{ Body: Form }>("/admin/agencies", async (req, reply) => {
    const form = req.body ?? {};
    const parent = Number(form.parent);
    if (!(await reach()).some((a) => a.id === parent))
      return showAdmin(
        reply,
        null,
        { form, errors: new Map([["parent", ["请选择上级机关"]]]), general: [], failed: "agency" },
        400,
      );
    try {
      await wb.createOffice(form, parent);
    } catch (e) {
      if (e instanceof FormInvalid)
        return showAdmin(reply, null, { form, errors: e.fields, general: e.general, failed: "agency" }, 400);
      throw e;
    }
    return reply.redirect("/admin?flash=agency", 303);
  });
}

/** The e-mail address of a form (null when left empty); a malformed one is a field message. */
function emailOf(
  given: string | undefined,
  fields: Map<string, string[]>,
  name = "user.email",
): string | null {
  const email = (given ?? "").trim();
  if (email === "") return null;
  if (email.length > 254 || !/^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/.test(email))
    fields.set(name, ["电子邮箱格式不正确，如 zhangsan@example.gov.cn"]);
  return email;
}
