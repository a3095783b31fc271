/**
 * The files of year-end batch jobs (src/jobs): kept in the database, not in a folder, because
 * a worker may run on another machine than the server that offers the files, and several
 * server processes share one PostgreSQL. A batch's files are written in one transaction, each
 * once per (agency, year, data revision, name): a retried job (its worker killed after the
 * commit) inserts nothing, so the files exist exactly once.
 */
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

export interface BatchFile {
  name: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** A stored file without its bytes. */
export interface StoredBatchFile {
  officeId: number;
  year: number;
  revision: string;
  name: string;
  mediaType: string;
  sha256: string;
  size: number;
  jobId: string;
  createdAt: string;
}

const META = [
  "office_id",
  "year",
  "revision",
  "name",
  "media_type",
  "sha256",
  "size",
  "job_id",
  "created_at",
] as const;

type MetaRow = {
  office_id: number;
  year: number;
  revision: string;
  name: string;
  media_type: string;
  sha256: string;
  size: number;
  job_id: string;
  created_at: string;
};

function metaOf(r: MetaRow): StoredBatchFile {
  return {
    officeId: Number(r.office_id),
    year: Number(r.year),
    revision: r.revision,
    name: r.name,
    mediaType: r.media_type,
    sha256: r.sha256,
    size: Number(r.size),
    jobId: r.job_id,
    createdAt: r.created_at,
  };
}

export class BatchOutputs {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Store a batch's files in one transaction; a file already there (same agency, year,
   * revision and name) is kept as it is. Returns how many files were added.
   */
  async put(
    key: { officeId: number; year: number; revision: string },
    jobId: string,
    files: readonly BatchFile[],
    now: Date = new Date(),
  ): Promise<number> {
    if (files.length === 0) return 0;
    return this.db.transaction().execute(async (trx) => {
      let added = 0;
      for (const f of files) {
        const r = await trx
          .insertInto("batch_output")
          .values({
            office_id: key.officeId,
            year: key.year,
            revision: key.revision,
            name: f.name,
            media_type: f.mediaType,
            bytes: f.bytes,
            sha256: createHash("sha256").update(f.bytes).digest("hex"),
            size: f.bytes.length,
            job_id: jobId,
            created_at: now.toISOString(),
          })
          .onConflict((oc) => oc.columns(["office_id", "year", "revision", "name"]).doNothing())
          .executeTakeFirst();
        added += Number(r.numInsertedOrUpdatedRows ?? 0);
      }
      return added;
    });
  }

  /** The files of (agency, year, revision), by name. */
  async list(officeId: number, year: number, revision: string): Promise<StoredBatchFile[]> {
    const rows = await this.db
      .selectFrom("batch_output")
      .select(META)
      .where("office_id", "=", officeId)
      .where("year", "=", year)
      .where("revision", "=", revision)
      .orderBy("name")
      .execute();
    return rows.map(metaOf);
  }

  /** Every stored file of the given agencies (newest first). */
  async ofAgencies(officeIds: readonly number[]): Promise<StoredBatchFile[]> {
    if (officeIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("batch_output")
      .select(META)
      .where("office_id", "in", [...officeIds])
      .orderBy("created_at", "desc")
      .orderBy("name")
      .execute();
    return rows.map(metaOf);
  }

  /** One file with its bytes, or null. */
  async file(
    officeId: number,
    year: number,
    revision: string,
    name: string,
  ): Promise<(StoredBatchFile & { bytes: Uint8Array }) | null> {
    const r = await this.db
      .selectFrom("batch_output")
      .select([...META, "bytes"])
      .where("office_id", "=", officeId)
      .where("year", "=", year)
      .where("revision", "=", revision)
      .where("name", "=", name)
      .executeTakeFirst();
    if (!r) return null;
    return { ...metaOf(r), bytes: new Uint8Array(r.bytes) };
  }

  /** How many files are stored for (agency, year, revision) (a test's and the job's check). */
  async count(officeId: number, year: number, revision: string): Promise<number> {
    const r = await this.db
      .selectFrom("batch_output")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("office_id", "=", officeId)
      .where("year", "=", year)
      .where("revision", "=", revision)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }
}
