/**
 * Ledger previews waiting for the clerk's confirmation, kept in the database (table
 * import_preview) rather than in the process: a restart between preview and confirm loses
 * nothing, and several server processes on one PostgreSQL share them. A preview expires after
 * `ttlMs`; confirming removes it in the same transaction as the records it writes, so it is
 * confirmed at most once, whichever process confirms it.
 */
import { randomBytes } from "node:crypto";
import type { Store } from "../storage/index.js";
import type { LedgerKind, LedgerPreview } from "./ledger.js";

/** Twelve hours: a preview left overnight is read again. */
export const PREVIEW_TTL_MS = 12 * 60 * 60 * 1000;

export class Previews {
  constructor(
    private readonly store: Store,
    private readonly ttlMs = PREVIEW_TTL_MS,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Keep a preview; returns its token (random, unguessable). Expired previews are removed. */
  async put(officeId: number, preview: LedgerPreview): Promise<string> {
    const token = randomBytes(18).toString("base64url");
    const at = this.now();
    // The merged dataset text is only needed while planning; the writes carry the records.
    const kept: LedgerPreview = { ...preview, plan: { ...preview.plan, text: null } };
    await this.store.putPreview({
      token,
      officeId,
      kind: preview.kind,
      year: preview.year,
      payload: JSON.stringify(kept),
      createdAt: at.toISOString(),
      expiresAt: new Date(at.getTime() + this.ttlMs).toISOString(),
    });
    return token;
  }

  /** The preview of `token` in the office, if it is of `kind` and has not expired. */
  async get(officeId: number, token: string, kind: LedgerKind): Promise<LedgerPreview | null> {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(token)) return null;
    const row = await this.store.preview(officeId, token, this.now().toISOString());
    if (!row || row.kind !== kind) return null;
    return JSON.parse(row.payload) as LedgerPreview;
  }

  /** Forget a preview (its confirmation was refused: the clerk reads the ledger again). */
  async drop(officeId: number, token: string): Promise<void> {
    await this.store.deletePreview(officeId, token);
  }
}
