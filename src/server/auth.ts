/**
 * Users and who may do what: password hashing (scrypt from node:crypto, salted, compared in
 * constant time), sessions in the database (a random id in an HttpOnly SameSite=Strict cookie;
 * the database keeps only its sha256), the login rate limit, and the one table of every route's
 * access (a route missing from it is refused at start, so a new route cannot go unchecked).
 */
import { createHash, randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import type { Office, Store, StoredUser } from "../storage/index.js";
import { currentActor, type Actor, type AgencyRef, type Role } from "./context.js";

export const ROLES: readonly Role[] = ["clerk", "head", "admin", "supervisor"];

export const ROLE_LABELS: Record<Role, string> = {
  clerk: "经办人",
  head: "负责人",
  admin: "管理员",
  supervisor: "监督",
};

export const SESSION_COOKIE = "gongwen_session";
/** The login form's CSRF cookie (before there is a session). */
export const LOGIN_COOKIE = "gongwen_login";
/** A session lasts a working day and a bit; logging in again starts a new one. */
export const SESSION_HOURS = 12;
/** Failed logins before an account (or a client address) has to wait. */
export const MAX_FAILURES = { account: 5, address: 20 } as const;
export const LOCK_MINUTES = 15;
export const MIN_PASSWORD = 8;

// ---- passwords ----------------------------------------------------------------------------

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

function scryptAsync(password: string, salt: Buffer, N: number, r: number, p: number, keylen: number) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, keylen, { N, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** scrypt$N$r$p$salt$hash (salt and hash base64url); a new random salt every time. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keylen);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([\w-]+)\$([\w-]+)$/.exec(stored);
  if (!m) return false;
  const want = Buffer.from(m[5]!, "base64url");
  const got = await scryptAsync(
    password,
    Buffer.from(m[4]!, "base64url"),
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    want.length,
  );
  return got.length === want.length && timingSafeEqual(got, want);
}

/** A hash to check against when the account does not exist (the same work either way). */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(12).toString("base64url"));
  return dummyHash;
}

/** The problems of a new password (empty when it will do), in Chinese. */
export function passwordProblems(password: string, repeat: string | undefined): string[] {
  const out: string[] = [];
  if ([...password].length < MIN_PASSWORD) out.push(`密码至少应有${MIN_PASSWORD}个字符`);
  if (repeat !== undefined && repeat !== password) out.push("两次输入的密码不一致");
  return out;
}

export function usernameProblems(username: string): string[] {
  return /^[A-Za-z0-9._-]{2,32}$/.test(username) ? [] : ["用户名应为2–32个字母、数字、点、横线或下划线"];
}

export function equalText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

// ---- sessions -----------------------------------------------------------------------------

/** Start a session: the cookie's value (to send once) and the session's CSRF token. */
export async function startSession(
  store: Store,
  user: StoredUser,
  now: Date = new Date(),
): Promise<{ cookie: string; csrf: string }> {
  const cookie = randomBytes(32).toString("base64url");
  const csrf = randomBytes(24).toString("base64url");
  await store.accounts.createSession({
    idHash: sha256(cookie),
    userId: user.id,
    agencyId: user.officeId,
    csrf,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
  });
  return { cookie, csrf };
}

/** The agencies a user may read: their own, and a supervisor's every agency below it. */
export function scopeOf(user: StoredUser, offices: readonly Office[]): AgencyRef[] {
  if (user.roles.includes("supervisor")) return subtreeOf(user.officeId, offices);
  const own = offices.find((o) => o.id === user.officeId);
  return own ? [{ id: own.id, name: own.name, depth: 0 }] : [];
}

/** The agencies below `root` and itself (an administrator's reach), parents first. */
export function subtreeOf(root: number, offices: readonly Office[]): AgencyRef[] {
  const top = offices.find((o) => o.id === root);
  if (!top) return [];
  const out: AgencyRef[] = [{ id: top.id, name: top.name, depth: 0 }];
  const walk = (parent: number, depth: number) => {
    for (const o of offices)
      if (o.parentId === parent) {
        out.push({ id: o.id, name: o.name, depth });
        walk(o.id, depth + 1);
      }
  };
  walk(top.id, 1);
  return out;
}

/** The actor of a session cookie, or null (none, expired, or the user is gone). */
export async function actorOf(store: Store, cookie: string, now: Date = new Date()): Promise<Actor | null> {
  const sessionHash = sha256(cookie);
  const s = await store.accounts.session(sessionHash, now.toISOString());
  if (!s) return null;
  const user = await store.accounts.user(s.userId);
  // A disabled user's sessions were ended; this catches one started in the same moment.
  if (!user || user.disabledAt !== null) return null;
  const scope = scopeOf(user, await store.offices());
  // The session's agency must still be in the user's scope (roles may have changed since).
  const at = scope.find((a) => a.id === s.agencyId) ?? scope[0];
  if (!at) return null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
    homeAgencyId: user.officeId,
    agencyId: at.id,
    agencyName: at.name,
    scope,
    sessionHash,
    csrf: s.csrf,
  };
}

// ---- login rate limit ---------------------------------------------------------------------

function failureKeys(username: string, address: string): { account: string; address: string } {
  return { account: sha256(`account:${username}`), address: sha256(`address:${address}`) };
}

/**
 * Whether a login may be tried now: null, or the Chinese message why not (too many failures
 * of this account or from this address within the last LOCK_MINUTES).
 */
export async function loginBlocked(
  store: Store,
  username: string,
  address: string,
  now: Date = new Date(),
): Promise<string | null> {
  const keys = failureKeys(username, address);
  const since = new Date(now.getTime() - LOCK_MINUTES * 60_000).toISOString();
  for (const f of await store.accounts.failures([keys.account, keys.address])) {
    if (f.lastAt < since) continue;
    const max = f.key === keys.account ? MAX_FAILURES.account : MAX_FAILURES.address;
    if (f.failures >= max) {
      const wait = Math.max(
        1,
        Math.ceil((new Date(f.lastAt).getTime() + LOCK_MINUTES * 60_000 - now.getTime()) / 60_000),
      );
      return `登录失败次数过多，请${wait}分钟后再试`;
    }
  }
  return null;
}

export async function loginFailed(store: Store, username: string, address: string, now = new Date()) {
  const keys = failureKeys(username, address);
  const since = new Date(now.getTime() - LOCK_MINUTES * 60_000).toISOString();
  await store.accounts.addFailure([keys.account, keys.address], now.toISOString(), since);
  // Rows whose last failure is older than the lock no longer count: removed, so the table holds
  // only the last LOCK_MINUTES' worth of guessing.
  await store.accounts.pruneFailures(since);
}

export async function loginSucceeded(store: Store, username: string) {
  // The account starts again; the address keeps its count (one good password does not
  // excuse guessing at other accounts from there).
  await store.accounts.clearFailures([failureKeys(username, "").account]);
}

// ---- who may do what ----------------------------------------------------------------------

/**
 * public: anyone (the login page, static files); setup: before the first administrator, with
 * the setup link; session: any logged-in user about their own session (log out, switch
 * agency); read: any role, on the session's agency; handle: a 经办人 of that agency; approve:
 * its 负责人; admin: its 管理员; lead: its 负责人 or 管理员; oversee: a 监督, across their whole scope (their own agency and
 * every one below it, whichever agency the session is looking at).
 */
export type Access =
  "public" | "setup" | "session" | "read" | "handle" | "approve" | "admin" | "lead" | "oversee";

type Rule = Access | ((params: Record<string, string>) => Access);

/** Every route of the workbench, by method and path. */
export const ROUTE_ACCESS: Record<string, Rule> = {
  "GET /static/:name": "public",
  "GET /login": "public",
  "POST /login": "public",
  "GET /setup": "setup",
  "POST /setup/office": "setup",
  "POST /setup/samples": "setup",
  "POST /logout": "session",
  "POST /logout/everywhere": "session",
  "POST /session/agency": "session",
  "GET /account": "session",
  "POST /account/password": "session",
  "POST /account/email": "session",
  "GET /": "read",
  "GET /applications/new": "handle",
  "POST /applications": "handle",
  "GET /applications/:year/:id": "read",
  // The 2019 条例 (第三十三条) lets only the head of the disclosure office approve an extension.
  "POST /applications/:year/:id/steps/:step": (p) => (p.step === "extension" ? "approve" : "handle"),
  "POST /applications/:year/:id/sign-off": "approve",
  "GET /applications/:year/:id/letters/:file": "read",
  "POST /applications/:year/:id/letters/:suffix/issue": "handle",
  "GET /applications/import": "handle",
  "POST /applications/import": "handle",
  "POST /applications/import/confirm": "handle",
  "GET /cases": "read",
  "POST /cases": "handle",
  "POST /cases/import": "handle",
  "POST /cases/import/confirm": "handle",
  "GET /data": "read",
  "GET /data/export/:file": "read",
  "POST /data/import": "admin",
  "GET /audit": "read",
  "GET /year-end": "read",
  "GET /year-end/:year/:file": "read",
  "GET /stats": "read",
  // 年终批量: the page and the files within the user's scope (checked again per file).
  "GET /batch": "read",
  "POST /batch": "lead",
  "POST /batch/all": "oversee",
  "GET /batch/files/:agency/:year/:revision/:name": "read",
  "GET /oversight": "oversee",
  "GET /rollup": "oversee",
  "GET /rollup/:year/:file": "oversee",
  "GET /digest": "read",
  "GET /admin": "admin",
  "POST /admin/users": "admin",
  "POST /admin/agencies": "admin",
  "POST /admin/users/:uid/password": "admin",
  "POST /admin/users/:uid/logout": "admin",
  "GET /admin/users/:uid": "admin",
  "POST /admin/users/:uid": "admin",
  "POST /admin/users/:uid/disable": "admin",
  "POST /admin/users/:uid/enable": "admin",
  "POST /admin/users/:uid/delete": "admin",
  "GET /admin/agencies/:aid": "admin",
  "POST /admin/agencies/:aid": "admin",
  // 邮件设置: the deployment's, so a 管理员 of a root agency only (checked again in the handler).
  "GET /admin/mail": "admin",
  "POST /admin/mail": "admin",
};

export function accessOf(method: string, url: string, params: Record<string, string>): Access | undefined {
  const rule = ROUTE_ACCESS[`${method} ${url}`];
  return typeof rule === "function" ? rule(params) : rule;
}

/** Whether the actor may do what `access` asks on the session's agency. */
export function allowed(actor: Actor, access: Access): boolean {
  if (access === "public" || access === "session") return true;
  if (access === "setup") return false;
  if (!actor.scope.some((a) => a.id === actor.agencyId)) return false;
  if (access === "read") return true;
  if (access === "oversee") return actor.roles.includes("supervisor");
  // Writes only in the user's own agency: a supervisor looking at an agency below reads only.
  if (actor.agencyId !== actor.homeAgencyId) return false;
  if (access === "lead") return actor.roles.includes("head") || actor.roles.includes("admin");
  const need: Role = access === "handle" ? "clerk" : access === "approve" ? "head" : "admin";
  return actor.roles.includes(need);
}

/**
 * Whether the actor may use a route (method, route pattern and its params): the same table and
 * check the server runs before the handler, for a page to offer only the buttons and links the
 * user can use.
 */
export function mayUse(
  actor: Actor,
  method: string,
  route: string,
  params: Record<string, string> = {},
): boolean {
  const access = accessOf(method, route, params);
  return access !== undefined && allowed(actor, access);
}

/**
 * mayUse for the current request's user (a page rendered without one, before the first user,
 * offers everything: the server checks anyway).
 */
export function may(method: string, route: string, params: Record<string, string> = {}): boolean {
  const a = currentActor();
  return a === null || mayUse(a, method, route, params);
}
