/**
 * Users, their sessions and failed logins. Passwords arrive hashed (the server hashes them) and
 * sessions by the sha256 of their cookie's id: nothing here can log a user in by itself.
 */
import type { Kysely } from "kysely";
import type { Database } from "./schema.js";
import { StorageConflict } from "./errors.js";

export interface StoredUser {
  id: number;
  officeId: number;
  username: string;
  displayName: string;
  roles: string[];
  createdAt: string;
  /** Where the daily digest goes, or null. */
  email: string | null;
  /** When the user was disabled (cannot log in), or null. */
  disabledAt: string | null;
}

export interface StoredSession {
  userId: number;
  agencyId: number;
  csrf: string;
  expiresAt: string;
}

type UserRow = {
  id: number;
  office_id: number;
  username: string;
  display_name: string;
  roles: string;
  created_at: string;
  email: string | null;
  disabled_at: string | null;
};

function userOf(r: UserRow): StoredUser {
  return {
    id: Number(r.id),
    officeId: Number(r.office_id),
    username: r.username,
    displayName: r.display_name,
    roles: r.roles.split(",").filter(Boolean),
    createdAt: r.created_at,
    email: r.email,
    disabledAt: r.disabled_at,
  };
}

const USER_COLUMNS = [
  "id",
  "office_id",
  "username",
  "display_name",
  "roles",
  "created_at",
  "email",
  "disabled_at",
] as const;

export class Accounts {
  constructor(private readonly db: Kysely<Database>) {}

  // ---- users -------------------------------------------------------------------------------

  async userCount(): Promise<number> {
    const r = await this.db
      .selectFrom("app_user")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** The users of the given agencies (all users without `officeIds`), by id. */
  async users(officeIds?: readonly number[]): Promise<StoredUser[]> {
    if (officeIds && officeIds.length === 0) return [];
    let q = this.db.selectFrom("app_user").select(USER_COLUMNS);
    if (officeIds) q = q.where("office_id", "in", officeIds);
    return (await q.orderBy("id").execute()).map(userOf);
  }

  async user(id: number): Promise<StoredUser | null> {
    const r = await this.db
      .selectFrom("app_user")
      .select(USER_COLUMNS)
      .where("id", "=", id)
      .executeTakeFirst();
    return r ? userOf(r) : null;
  }

  /** A user by login name, with the password hash to check. */
  async login(username: string): Promise<(StoredUser & { passwordHash: string }) | null> {
    const r = await this.db
      .selectFrom("app_user")
      .select([...USER_COLUMNS, "password_hash"])
      .where("username", "=", username)
      .executeTakeFirst();
    return r ? { ...userOf(r), passwordHash: r.password_hash } : null;
  }

  async createUser(u: {
    officeId: number;
    username: string;
    displayName: string;
    roles: readonly string[];
    passwordHash: string;
    email?: string | null;
  }): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const taken = await trx
        .selectFrom("app_user")
        .select("id")
        .where("username", "=", u.username)
        .executeTakeFirst();
      if (taken) throw new StorageConflict(`用户名 ${u.username} 已被使用`);
      const row = await trx
        .insertInto("app_user")
        .values({
          office_id: u.officeId,
          username: u.username,
          display_name: u.displayName,
          roles: u.roles.join(","),
          password_hash: u.passwordHash,
          created_at: new Date().toISOString(),
          email: u.email ?? null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return Number(row.id);
    });
  }

  async setPassword(userId: number, passwordHash: string): Promise<void> {
    await this.db
      .updateTable("app_user")
      .set({ password_hash: passwordHash })
      .where("id", "=", userId)
      .execute();
  }

  /** A user's own e-mail address (the digest's), or null for none. */
  async setEmail(userId: number, email: string | null): Promise<void> {
    await this.db.updateTable("app_user").set({ email }).where("id", "=", userId).execute();
  }

  async setRoles(userId: number, roles: readonly string[]): Promise<void> {
    await this.db
      .updateTable("app_user")
      .set({ roles: roles.join(",") })
      .where("id", "=", userId)
      .execute();
  }

  /** Change a user's roles, agency and e-mail address (their sessions are the caller's to end). */
  async updateUser(
    userId: number,
    u: { roles: readonly string[]; officeId: number; email: string | null },
  ): Promise<void> {
    await this.db
      .updateTable("app_user")
      .set({ roles: u.roles.join(","), office_id: u.officeId, email: u.email })
      .where("id", "=", userId)
      .execute();
  }

  /** Disable a user (`at`) or enable them again (null); disabling ends every session of theirs. */
  async setDisabled(userId: number, at: string | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable("app_user").set({ disabled_at: at }).where("id", "=", userId).execute();
      if (at !== null) await trx.deleteFrom("session").where("user_id", "=", userId).execute();
    });
  }

  /**
   * Delete a user who has left no trace (no history row, sign-off or issued letter names them);
   * false (nothing deleted) when they have: such a user can only be disabled.
   */
  async deleteUserWithoutHistory(userId: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const used =
        (await trx
          .selectFrom("history")
          .select("id")
          .where("user_id", "=", userId)
          .limit(1)
          .executeTakeFirst()) ??
        (await trx
          .selectFrom("sign_off")
          .select("user_id")
          .where("user_id", "=", userId)
          .limit(1)
          .executeTakeFirst());
      if (used) return false;
      await trx.deleteFrom("session").where("user_id", "=", userId).execute();
      await trx.deleteFrom("digest_sent").where("user_id", "=", userId).execute();
      const r = await trx.deleteFrom("app_user").where("id", "=", userId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    });
  }

  /** Whether any history row or sign-off names the user (then they can be disabled, not deleted). */
  async hasHistory(userId: number): Promise<boolean> {
    const h = await this.db
      .selectFrom("history")
      .select("id")
      .where("user_id", "=", userId)
      .limit(1)
      .executeTakeFirst();
    if (h) return true;
    const s = await this.db
      .selectFrom("sign_off")
      .select("user_id")
      .where("user_id", "=", userId)
      .limit(1)
      .executeTakeFirst();
    return s !== undefined;
  }

  // ---- digests -----------------------------------------------------------------------------

  /**
   * Claim the digest of `day` for a user: true when nobody had (the caller sends it), false when
   * it was already sent (or is being sent by another run). The primary key decides, so two runs
   * at once cannot both claim it.
   */
  async claimDigest(userId: number, day: string, at: string): Promise<boolean> {
    const r = await this.db
      .insertInto("digest_sent")
      .values({ user_id: userId, day, sent_at: at })
      .onConflict((oc) => oc.columns(["user_id", "day"]).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** Give a claim back (the sending failed: the next run tries again). */
  async releaseDigest(userId: number, day: string): Promise<void> {
    await this.db.deleteFrom("digest_sent").where("user_id", "=", userId).where("day", "=", day).execute();
  }

  async digestsSent(day: string): Promise<number[]> {
    const rows = await this.db.selectFrom("digest_sent").select("user_id").where("day", "=", day).execute();
    return rows.map((r) => Number(r.user_id)).sort((a, b) => a - b);
  }

  // ---- sessions ----------------------------------------------------------------------------

  /** Keep a new session; sessions expired by its creation time are removed first. */
  async createSession(s: {
    idHash: string;
    userId: number;
    agencyId: number;
    csrf: string;
    createdAt: string;
    expiresAt: string;
  }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("session").where("expires_at", "<=", s.createdAt).execute();
      await trx
        .insertInto("session")
        .values({
          id: s.idHash,
          user_id: s.userId,
          agency_id: s.agencyId,
          csrf: s.csrf,
          created_at: s.createdAt,
          expires_at: s.expiresAt,
        })
        .execute();
    });
  }

  /** The session of `idHash` not expired at `now`. */
  async session(idHash: string, now: string): Promise<StoredSession | null> {
    const r = await this.db
      .selectFrom("session")
      .select(["user_id", "agency_id", "csrf", "expires_at"])
      .where("id", "=", idHash)
      .where("expires_at", ">", now)
      .executeTakeFirst();
    return r
      ? { userId: Number(r.user_id), agencyId: Number(r.agency_id), csrf: r.csrf, expiresAt: r.expires_at }
      : null;
  }

  async setSessionAgency(idHash: string, agencyId: number): Promise<void> {
    await this.db.updateTable("session").set({ agency_id: agencyId }).where("id", "=", idHash).execute();
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom("session").where("id", "=", idHash).execute();
  }

  /** Log a user out everywhere: every session of theirs; returns how many there were. */
  async deleteSessionsOf(userId: number): Promise<number> {
    const r = await this.db.deleteFrom("session").where("user_id", "=", userId).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async sessionCount(userId: number): Promise<number> {
    const r = await this.db
      .selectFrom("session")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  // ---- failed logins -----------------------------------------------------------------------

  async failures(keys: readonly string[]): Promise<{ key: string; failures: number; lastAt: string }[]> {
    if (keys.length === 0) return [];
    const rows = await this.db
      .selectFrom("login_failure")
      .select(["key", "failures", "last_at"])
      .where("key", "in", keys)
      .execute();
    return rows.map((r) => ({ key: r.key, failures: Number(r.failures), lastAt: r.last_at }));
  }

  /** One more failure for each key (a key whose last failure is before `resetBefore` starts again). */
  async addFailure(keys: readonly string[], at: string, resetBefore: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const key of keys) {
        const row = await trx
          .selectFrom("login_failure")
          .select(["failures", "last_at"])
          .where("key", "=", key)
          .executeTakeFirst();
        if (!row) await trx.insertInto("login_failure").values({ key, failures: 1, last_at: at }).execute();
        else
          await trx
            .updateTable("login_failure")
            .set({ failures: row.last_at < resetBefore ? 1 : Number(row.failures) + 1, last_at: at })
            .where("key", "=", key)
            .execute();
      }
    });
  }

  /** Remove the failures whose last one is before `before` (they no longer count); how many. */
  async pruneFailures(before: string): Promise<number> {
    const r = await this.db.deleteFrom("login_failure").where("last_at", "<", before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async clearFailures(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.deleteFrom("login_failure").where("key", "in", keys).execute();
  }
}
