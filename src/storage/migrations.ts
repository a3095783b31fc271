/**
 * Versioned migrations, the same list for both engines (SQLite embedded, PostgreSQL for a city).
 * Only the auto-increment key differs between them; everything else is portable DDL. A
 * migration once released is never edited: a change is a new entry at the end.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from "kysely";
import type { Engine } from "./engine.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

function migrations(engine: Engine): Record<string, Migration> {
  // An auto-increment primary key in each engine's own form.
  const serial = engine === "postgres" ? "serial" : "integer";
  return {
    "0001-initial": {
      async up(db: AnyDb) {
        await db.schema
          .createTable("office")
          .addColumn("id", serial, (c) =>
            engine === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("year_data")
          .addColumn("office_id", "integer", (c) => c.notNull().references("office.id"))
          .addColumn("year", "integer", (c) => c.notNull())
          .addColumn("body", "text", (c) => c.notNull())
          .addColumn("lists", "text", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("year_data_pk", ["office_id", "year"])
          .execute();
        await db.schema
          .createTable("application")
          .addColumn("office_id", "integer", (c) => c.notNull())
          .addColumn("year", "integer", (c) => c.notNull())
          .addColumn("seq", "integer", (c) => c.notNull())
          .addColumn("app_id", "text", (c) => c.notNull())
          .addColumn("replied", "text")
          .addColumn("record", "text", (c) => c.notNull())
          .addColumn("version", "integer", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("application_pk", ["office_id", "year", "app_id"])
          .addForeignKeyConstraint("application_year_fk", ["office_id", "year"], "year_data", [
            "office_id",
            "year",
          ])
          .execute();
        await db.schema
          .createIndex("application_seq")
          .on("application")
          .columns(["office_id", "year", "seq"])
          .unique()
          .execute();
        await db.schema
          .createIndex("application_open")
          .on("application")
          .columns(["office_id", "replied"])
          .execute();
        await db.schema
          .createTable("approval_case")
          .addColumn("office_id", "integer", (c) => c.notNull())
          .addColumn("year", "integer", (c) => c.notNull())
          .addColumn("seq", "integer", (c) => c.notNull())
          .addColumn("case_id", "text", (c) => c.notNull())
          .addColumn("record", "text", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("approval_case_pk", ["office_id", "year", "case_id"])
          .addForeignKeyConstraint("approval_case_year_fk", ["office_id", "year"], "year_data", [
            "office_id",
            "year",
          ])
          .execute();
        await db.schema
          .createIndex("approval_case_seq")
          .on("approval_case")
          .columns(["office_id", "year", "seq"])
          .unique()
          .execute();
        await db.schema
          .createTable("history")
          .addColumn("id", serial, (c) =>
            engine === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn("office_id", "integer", (c) => c.notNull())
          .addColumn("year", "integer", (c) => c.notNull())
          .addColumn("record_id", "text", (c) => c.notNull())
          .addColumn("at", "text", (c) => c.notNull())
          .addColumn("who", "text", (c) => c.notNull())
          .addColumn("action", "text", (c) => c.notNull())
          .addColumn("field", "text", (c) => c.notNull())
          .addColumn("old_value", "text")
          .addColumn("new_value", "text")
          .execute();
        await db.schema
          .createIndex("history_record")
          .on("history")
          .columns(["office_id", "year", "record_id", "id"])
          .execute();
        await db.schema
          .createTable("letter")
          .addColumn("id", serial, (c) =>
            engine === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn("office_id", "integer", (c) => c.notNull())
          .addColumn("year", "integer", (c) => c.notNull())
          .addColumn("app_id", "text", (c) => c.notNull())
          .addColumn("suffix", "text", (c) => c.notNull())
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("version", "integer", (c) => c.notNull())
          .addColumn("doc_number", "text")
          .addColumn("letter_date", "text", (c) => c.notNull())
          .addColumn("snapshot", "text", (c) => c.notNull())
          .addColumn("issued_at", "text", (c) => c.notNull())
          .addColumn("who", "text", (c) => c.notNull())
          .addUniqueConstraint("letter_version", ["office_id", "year", "app_id", "suffix", "version"])
          .execute();
        await db.schema
          .createTable("counter")
          .addColumn("office_id", "integer", (c) => c.notNull())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("value", "integer", (c) => c.notNull())
          .addPrimaryKeyConstraint("counter_pk", ["office_id", "name"])
          .execute();
        await db.schema
          .createTable("setting")
          .addColumn("office_id", "integer", (c) => c.notNull())
          .addColumn("key", "text", (c) => c.notNull())
          .addColumn("value", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("setting_pk", ["office_id", "key"])
          .execute();
        // History is append-only, enforced by the database itself.
        if (engine === "sqlite") {
          await sql
            .raw(
              "CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END",
            )
            .execute(db);
          await sql
            .raw(
              "CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END",
            )
            .execute(db);
        } else {
          await sql
            .raw(
              "CREATE FUNCTION history_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'history is append-only'; END $$ LANGUAGE plpgsql",
            )
            .execute(db);
          await sql
            .raw(
              "CREATE TRIGGER history_append_only BEFORE UPDATE OR DELETE ON history FOR EACH ROW EXECUTE FUNCTION history_append_only()",
            )
            .execute(db);
        }
      },
    },
    "0002-counter-names": {
      // Counters were named pattern + NUL + year; PostgreSQL text cannot hold a NUL byte.
      async up(db: AnyDb) {
        const rows = (await db.selectFrom("counter").select(["office_id", "name"]).execute()) as {
          office_id: number;
          name: string;
        }[];
        for (const r of rows) {
          const at = r.name.lastIndexOf("\u0000");
          if (at < 0) continue;
          await db
            .updateTable("counter")
            .set({ name: `${r.name.slice(at + 1)}/${r.name.slice(0, at)}` })
            .where("office_id", "=", r.office_id)
            .where("name", "=", r.name)
            .execute();
        }
      },
    },
    "0003-import-preview": {
      // Ledger previews waiting for confirmation, shared by every server process.
      async up(db: AnyDb) {
        await db.schema
          .createTable("import_preview")
          .addColumn("token", "text", (c) => c.primaryKey())
          .addColumn("office_id", "integer", (c) => c.notNull().references("office.id"))
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("year", "integer", (c) => c.notNull())
          .addColumn("payload", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("expires_at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("import_preview_expires")
          .on("import_preview")
          .column("expires_at")
          .execute();
      },
    },
    "0004-agencies-users": {
      // Offices become agencies in a tree (an existing office is a root: its data stays its
      // own), with users, their sessions, the login failures that slow guessing down, the
      // sign-off of a reply by the office's head, and the user of every history row.
      async up(db: AnyDb) {
        await db.schema
          .alterTable("office")
          .addColumn("parent_id", "integer", (c) => c.references("office.id"))
          .execute();
        await db.schema.alterTable("history").addColumn("user_id", "integer").execute();
        await db.schema
          .createTable("app_user")
          .addColumn("id", serial, (c) =>
            engine === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn("office_id", "integer", (c) => c.notNull().references("office.id"))
          .addColumn("username", "text", (c) => c.notNull().unique())
          .addColumn("display_name", "text", (c) => c.notNull())
          .addColumn("roles", "text", (c) => c.notNull())
          .addColumn("password_hash", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("session")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id"))
          .addColumn("agency_id", "integer", (c) => c.notNull().references("office.id"))
          .addColumn("csrf", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("expires_at", "text", (c) => c.notNull())
          .execute();
        await db.schema.createIndex("session_user").on("session").column("user_id").execute();
        await db.schema
          .createTable("login_failure")
          .addColumn("key", "text", (c) => c.primaryKey())
          .addColumn("failures", "integer", (c) => c.notNull())
          .addColumn("last_at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("sign_off")
          .addColumn("office_id", "integer", (c) => c.notNull().references("office.id"))
          .addColumn("year", "integer", (c) => c.notNull())
          .addColumn("app_id", "text", (c) => c.notNull())
          .addColumn("version", "integer", (c) => c.notNull())
          .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id"))
          .addColumn("at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("sign_off_pk", ["office_id", "year", "app_id", "version"])
          .execute();
      },
    },
    "0005-batch-output": {
      // The files of year-end batch jobs, in the database so that a worker on another machine
      // and every server process share them; one row per file, written once.
      async up(db: AnyDb) {
        await db.schema
          .createTable("batch_output")
          .addColumn("office_id", "integer", (c) => c.notNull().references("office.id"))
          .addColumn("year", "integer", (c) => c.notNull())
          .addColumn("revision", "text", (c) => c.notNull())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("media_type", "text", (c) => c.notNull())
          .addColumn("bytes", engine === "postgres" ? "bytea" : "blob", (c) => c.notNull())
          .addColumn("sha256", "text", (c) => c.notNull())
          .addColumn("size", "integer", (c) => c.notNull())
          .addColumn("job_id", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("batch_output_pk", ["office_id", "year", "revision", "name"])
          .execute();
      },
    },
    "0006-user-email-digest": {
      // Users get an e-mail address (the daily digest's) and can be disabled (kept, with their
      // history, but unable to log in); each digest sent is recorded, one per user and day.
      async up(db: AnyDb) {
        await db.schema.alterTable("app_user").addColumn("email", "text").execute();
        await db.schema.alterTable("app_user").addColumn("disabled_at", "text").execute();
        await db.schema
          .createTable("digest_sent")
          .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id"))
          .addColumn("day", "text", (c) => c.notNull())
          .addColumn("sent_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("digest_sent_pk", ["user_id", "day"])
          .execute();
        await db.schema.createIndex("login_failure_last").on("login_failure").column("last_at").execute();
      },
    },
    // A 文号 is issued once in an agency: the counter hands each number out once, and the
    // database refuses a second letter with the same number (letters without one are NULL,
    // distinct in a unique index on both engines).
    "0007-letter-number-unique": {
      async up(db: AnyDb) {
        await db.schema
          .createIndex("letter_doc_number")
          .on("letter")
          .columns(["office_id", "doc_number"])
          .unique()
          .execute();
      },
    },
    // The deployment's outgoing mail (the daily digest's SMTP server), set by an administrator
    // of a root agency on the settings page; one row (id 1). The password is kept to log in to
    // the SMTP server with: never shown back, never logged.
    "0008-mail-settings": {
      async up(db: AnyDb) {
        await db.schema
          .createTable("mail_setting")
          .addColumn("id", "integer", (c) => c.primaryKey())
          .addColumn("host", "text", (c) => c.notNull())
          .addColumn("port", "integer", (c) => c.notNull())
          .addColumn("secure", "integer", (c) => c.notNull())
          .addColumn("username", "text")
          .addColumn("password", "text")
          .addColumn("from_address", "text", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .addColumn("updated_by", "integer")
          .execute();
      },
    },
  };
}

class Provider implements MigrationProvider {
  constructor(private readonly engine: Engine) {}
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(migrations(this.engine));
  }
}

/**
 * The migrator. On PostgreSQL its bookkeeping tables live in the connection's current schema,
 * named explicitly: Kysely looks for them among the tables of every schema, so a database with
 * another gongwen schema in it (one per test, or per deployment) would otherwise seem migrated.
 */
async function migrator(db: AnyDb, engine: Engine): Promise<Migrator> {
  let migrationTableSchema: string | undefined;
  if (engine === "postgres")
    migrationTableSchema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]?.s;
  return new Migrator({ db, provider: new Provider(engine), migrationTableSchema });
}

/** Bring the database to the latest version; throws with the failing migration's error. */
export async function migrateToLatest(db: AnyDb, engine: Engine): Promise<string[]> {
  const migrator_ = await migrator(db, engine);
  const { error, results } = await migrator_.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** Bring the database to a named version (tests of a migration start from the one before it). */
export async function migrateTo(db: AnyDb, engine: Engine, name: string): Promise<void> {
  const { error } = await (await migrator(db, engine)).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
