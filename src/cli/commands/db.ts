/**
 * `gongwen db …`: the workbench database's maintenance, for both engines.
 * - `db migrate [--database …]`: bring the database to the latest version (also done on start).
 * - `db copy --from sqlite:FILE --to postgres://…`: move a whole database to another (empty)
 *   one, each table's row count and digest compared before the copy commits.
 * - `db backup FILE [--database FILE] [--force]`: a consistent copy of the embedded database,
 *   also while the server runs (PostgreSQL: pg_dump).
 * - `db user add --username … --name … --roles 经办人,负责人 [--agency ID]`: a user of the
 *   workbench, the password read from GONGWEN_PASSWORD or the first line of standard input
 *   (never an argument, which other users of the machine can see); `db user list`.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Argv, CommandModule } from "yargs";
import { UserError } from "../../util/errors.js";
import { parseLang, t, type Lang } from "../../util/i18n.js";
import type { Store } from "../../storage/index.js";

export const DEFAULT_DB = "gongwen-data/workbench.sqlite";

export const databaseOption = {
  alias: "db",
  type: "string",
  default: DEFAULT_DB,
  describe: "数据库：SQLite 文件或 postgres:// 地址 / database: a SQLite file or a postgres:// URL",
} as const;

function isUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//.test(target);
}

/** A database named for people: a URL without its password. */
export function shownTarget(target: string): string {
  if (!isUrl(target)) return target;
  try {
    const u = new URL(target);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://…";
  }
}

/** The file (resolved) or the URL; a URL that does not parse is bad input. */
export function databaseTarget(given: string, lang: Lang): string {
  if (!isUrl(given)) return resolve(given);
  try {
    new URL(given);
  } catch {
    throw new UserError(
      t(
        lang,
        "数据库地址格式不正确（应为 postgres://用户:密码@主机/库名）",
        "Malformed database URL (postgres://user:password@host/db)",
      ),
    );
  }
  return given;
}

/** Open and migrate; a server that cannot be reached is named (without its password). */
export async function openStore(given: string, lang: Lang): Promise<{ store: Store; target: string }> {
  const target = databaseTarget(given, lang);
  const { Store } = await import("../../storage/index.js");
  try {
    return { store: await Store.open(target, lang), target };
  } catch (e) {
    if (!isUrl(target)) throw e;
    const why = (e as Error).message;
    throw new UserError(
      t(
        lang,
        `无法连接数据库 ${shownTarget(target)}：${why}`,
        `Cannot open the database ${shownTarget(target)}: ${why}`,
      ),
    );
  }
}

/** `sqlite:FILE`, a file, or a postgres:// URL → what openDatabase takes. */
export function copyEnd(given: string, lang: Lang): string {
  return databaseTarget(given.startsWith("sqlite:") ? given.slice("sqlite:".length) : given, lang);
}

interface DbArgs {
  action: string;
  username?: string;
  name?: string;
  roles?: string;
  agency?: number;
  from?: string;
  to?: string;
  file?: string;
  database: string;
  force: boolean;
  lang?: string;
}

export const dbCommand: CommandModule<object, DbArgs> = {
  command: "db <action> [file]",
  describe:
    "数据库维护：migrate 升级；copy --from --to 整库迁移并核对；backup FILE 备份 / database: migrate; copy; backup FILE",
  builder: (y: Argv) =>
    y
      .positional("action", {
        choices: ["migrate", "copy", "backup", "user"] as const,
        describe:
          "操作：migrate 升级、copy 迁移、backup 备份、user add|list 用户 / migrate | copy | backup | user add|list",
      })
      .positional("file", {
        type: "string",
        describe: "备份文件；user 的 add 或 list / backup file; add or list",
      })
      .option("username", { type: "string", describe: "user add：用户名 / user name" })
      .option("name", { type: "string", describe: "user add：姓名 / display name" })
      .option("roles", {
        type: "string",
        describe:
          "user add：角色，逗号分隔：经办人、负责人、管理员、监督 / roles: clerk,head,admin,supervisor",
      })
      .option("agency", {
        type: "number",
        describe: "user add：机关编号（默认第一个机关；见 user list） / agency id (default: the first)",
      })
      .option("database", databaseOption)
      .option("from", {
        type: "string",
        describe: "copy：源数据库 sqlite:FILE 或 postgres://… / copy: source",
      })
      .option("to", { type: "string", describe: "copy：目标数据库（须为空） / copy: target (must be empty)" })
      .option("force", {
        type: "boolean",
        default: false,
        describe: "覆盖已有文件 / overwrite",
      }) as unknown as Argv<DbArgs>,
  handler: async (argv) => {
    const lang = parseLang(argv.lang);
    if (argv.action === "migrate") {
      const target = databaseTarget(argv.database, lang);
      const { openDatabase, migrateToLatest } = await import("../../storage/index.js");
      let opened;
      try {
        opened = await openDatabase(target, lang);
        const applied = await migrateToLatest(opened.db, opened.engine);
        process.stdout.write(
          applied.length === 0
            ? t(
                lang,
                `数据库已是最新版本：${shownTarget(target)}\n`,
                `Database is up to date: ${shownTarget(target)}\n`,
              )
            : t(
                lang,
                `已升级数据库 ${shownTarget(target)}：${applied.join("、")}\n`,
                `Migrated ${shownTarget(target)}: ${applied.join(", ")}\n`,
              ),
        );
      } catch (e) {
        if (!isUrl(target) || e instanceof UserError) throw e;
        const why = (e as Error).message;
        throw new UserError(
          t(
            lang,
            `无法升级数据库 ${shownTarget(target)}：${why}`,
            `Cannot migrate ${shownTarget(target)}: ${why}`,
          ),
        );
      } finally {
        await opened?.close();
      }
      return;
    }
    if (argv.action === "copy") {
      if (!argv.from || !argv.to)
        throw new UserError(
          t(
            lang,
            "请给出源和目标：gongwen db copy --from sqlite:FILE --to postgres://…",
            "Name both: gongwen db copy --from sqlite:FILE --to postgres://…",
          ),
        );
      const from = copyEnd(argv.from, lang);
      const to = copyEnd(argv.to, lang);
      if (!isUrl(from) && !existsSync(from))
        throw new UserError(t(lang, `数据库文件不存在：${argv.from}`, `No database file: ${argv.from}`));
      if (from === to)
        throw new UserError(t(lang, "源和目标是同一个数据库", "Source and target are the same database"));
      const { openDatabase, copyDatabase, CopyFailed } = await import("../../storage/index.js");
      const opened: { close(): Promise<void> }[] = [];
      try {
        const a = await openDatabase(from, lang);
        opened.push(a);
        const b = await openDatabase(to, lang);
        opened.push(b);
        const report = await copyDatabase(a, b);
        const lines = report.map(
          (r) => `  ${r.table.padEnd(16)} ${String(r.rows).padStart(8)}  sha256 ${r.digest.slice(0, 16)}`,
        );
        process.stdout.write(
          t(
            lang,
            `已复制 ${shownTarget(from)} → ${shownTarget(to)}，逐表核对行数和摘要一致：\n`,
            `Copied ${shownTarget(from)} → ${shownTarget(to)}; row counts and digests match:\n`,
          ) +
            lines.join("\n") +
            "\n",
        );
      } catch (e) {
        if (e instanceof CopyFailed) throw new UserError(e.message);
        if (e instanceof UserError) throw e;
        const why = (e as Error).message;
        throw new UserError(t(lang, `复制失败，目标未写入：${why}`, `Copy failed, target unchanged: ${why}`));
      } finally {
        for (const o of opened) await o.close();
      }
      return;
    }
    if (argv.action === "user") {
      await userCommand(argv, lang);
      return;
    }
    // backup
    if (argv.file === undefined)
      throw new UserError(
        t(lang, "请给出备份文件：gongwen db backup FILE", "Name the backup file: gongwen db backup FILE"),
      );
    if (isUrl(argv.database))
      throw new UserError(
        t(lang, "PostgreSQL 数据库请用 pg_dump 备份", "Back up a PostgreSQL database with pg_dump"),
      );
    const source = resolve(argv.database);
    const target = resolve(argv.file);
    if (!existsSync(source))
      throw new UserError(
        t(lang, `数据库文件不存在：${argv.database}`, `No database file: ${argv.database}`),
      );
    if (target === source)
      throw new UserError(
        t(lang, "备份文件不能是数据库文件本身", "The backup cannot be the database itself"),
      );
    if (existsSync(target) && !argv.force)
      throw new UserError(
        t(lang, `${argv.file} 已存在；如需覆盖请加 --force`, `${argv.file} exists; use --force to overwrite`),
      );
    const { store } = await openStore(source, lang);
    try {
      await store.backup(target, { force: argv.force, lang });
    } finally {
      await store.close();
    }
    process.stdout.write(t(lang, `已备份到 ${argv.file}\n`, `Backed up to ${argv.file}\n`));
  },
};

const ROLE_NAMES: Record<string, string> = {
  经办人: "clerk",
  负责人: "head",
  管理员: "admin",
  监督: "supervisor",
  clerk: "clerk",
  head: "head",
  admin: "admin",
  supervisor: "supervisor",
};

async function readPassword(lang: Lang): Promise<string> {
  const env = process.env.GONGWEN_PASSWORD;
  if (env !== undefined && env !== "") return env;
  if (process.stdin.isTTY)
    throw new UserError(
      t(
        lang,
        "请通过环境变量 GONGWEN_PASSWORD 或标准输入提供新用户的密码（不要写在命令行参数中）",
        "Give the new user's password in GONGWEN_PASSWORD or on standard input (never as an argument)",
      ),
    );
  let text = "";
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? "";
}

async function userCommand(argv: DbArgs, lang: Lang): Promise<void> {
  const sub = argv.file ?? "";
  if (sub !== "add" && sub !== "list")
    throw new UserError(
      t(
        lang,
        "请写 gongwen db user add … 或 gongwen db user list",
        "Use gongwen db user add … or gongwen db user list",
      ),
    );
  const { hashPassword, passwordProblems, usernameProblems } = await import("../../server/auth.js");
  const { store } = await openStore(argv.database, lang);
  try {
    const offices = await store.offices();
    if (sub === "list") {
      const users = await store.accounts.users();
      const names = new Map(offices.map((o) => [o.id, o.name]));
      const lines = [
        ...offices.map((o) =>
          t(
            lang,
            `机关 ${o.id}：${o.name}${o.parentId ? `（上级 ${o.parentId}）` : ""}`,
            `agency ${o.id}: ${o.name}`,
          ),
        ),
        ...users.map(
          (u) =>
            `${t(lang, "用户", "user")} ${u.username}：${u.displayName}，${names.get(u.officeId) ?? u.officeId}，${u.roles.join(",")}`,
        ),
      ];
      process.stdout.write(lines.join("\n") + "\n");
      return;
    }
    const username = (argv.username ?? "").trim();
    const name = (argv.name ?? "").trim();
    const problems = [
      ...usernameProblems(username).map((m) => `--username：${m}`),
      ...(name === "" ? [t(lang, "--name：请给出姓名", "--name: give the display name")] : []),
    ];
    const roles = (argv.roles ?? "")
      .split(/[,，、]/)
      .map((r) => r.trim())
      .filter(Boolean);
    const unknown = roles.filter((r) => !ROLE_NAMES[r]);
    if (roles.length === 0 || unknown.length > 0)
      problems.push(
        t(
          lang,
          `--roles：应为经办人、负责人、管理员、监督中的一个或多个（逗号分隔）${unknown.length ? `，不认识：${unknown.join("、")}` : ""}`,
          `--roles: one or more of clerk, head, admin, supervisor${unknown.length ? `; unknown: ${unknown.join(", ")}` : ""}`,
        ),
      );
    const agency = argv.agency === undefined ? offices[0] : offices.find((o) => o.id === argv.agency);
    if (!agency)
      problems.push(
        offices.length === 0
          ? t(
              lang,
              "数据库中还没有机关：请先启动工作台建立机关",
              "The database has no agency yet: set up the workbench first",
            )
          : t(
              lang,
              `--agency：没有编号为 ${argv.agency} 的机关（见 gongwen db user list）`,
              `--agency: no agency ${argv.agency}`,
            ),
      );
    if (problems.length > 0) throw new UserError(problems.join("\n"));
    const password = await readPassword(lang);
    const weak = passwordProblems(password, undefined);
    if (weak.length > 0) throw new UserError(`${t(lang, "密码", "password")}：${weak.join("；")}`);
    const { StorageConflict } = await import("../../storage/index.js");
    try {
      await store.accounts.createUser({
        officeId: agency!.id,
        username,
        displayName: name,
        roles: [...new Set(roles.map((r) => ROLE_NAMES[r]!))],
        passwordHash: await hashPassword(password),
      });
    } catch (e) {
      if (e instanceof StorageConflict) throw new UserError(e.message);
      throw e;
    }
    process.stdout.write(
      t(
        lang,
        `已建立用户 ${username}（${name}），机关：${agency!.name}\n`,
        `Created user ${username} (${name}) of ${agency!.name}\n`,
      ),
    );
  } finally {
    await store.close();
  }
}
