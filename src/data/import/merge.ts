/**
 * Merging ledger records into the dataset's list, keyed by id: a new id is added (at the end, in
 * ledger order); an id already present is updated with the values the ledger's cells give. A
 * blank cell never removes anything, and a default (收件日期 = 受理日期 …) only fills a field the
 * record lacks. Every record is reported as added, filled (fields added), changed (an existing
 * value differs — the caller asks for --force), or unchanged; records the ledger does not
 * mention stay as they are. Nothing is ever duplicated: there is one record per id.
 *
 * A reply whose type changes is replaced as a whole (a reason or responsible agency of the old
 * type would not fit the new one); only its free-text note is kept.
 */
import type { Place } from "./ledger.js";
import type { LedgerRecord } from "./records.js";
import type { ImportKind } from "./headers.js";

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Field order of new and updated records (the schema's order). */
const ORDER: Record<string, readonly string[]> = {
  application: [
    "id",
    "carriedOver",
    "applicant",
    "channel",
    "submitted",
    "received",
    "signedFor",
    "confirmed",
    "content",
    "requestedDelivery",
    "handler",
    "correction",
    "consultations",
    "extension",
    "reply",
    "fee",
    "reconsideration",
    "litigation",
  ],
  applicant: ["type", "name", "address", "postcode", "phone", "email", "idNumber"],
  reply: [
    "date",
    "type",
    "reason",
    "ground",
    "responsibleAgency",
    "duplicateOf",
    "withdrawn",
    "delivery",
    "delivered",
    "note",
  ],
  delivery: ["form", "method", "deviation", "enclosures"],
  fee: ["method", "quantity", "amount", "noticeDate", "paid", "paidDate"],
  case: ["id", "item", "received", "accepted", "completed", "sealUsed"],
};

function ordered(obj: Obj, order: readonly string[]): Obj {
  const out: Obj = {};
  for (const k of order) if (k in obj) out[k] = obj[k];
  for (const k of Object.keys(obj)) if (!(k in out)) out[k] = obj[k];
  return out;
}

/** A record with its fields (and those of applicant, reply, fee) in schema order. */
export function orderRecord(kind: ImportKind, rec: Obj): Obj {
  if (kind === "approval-cases") return ordered(rec, ORDER.case!);
  const out = ordered(rec, ORDER.application!);
  for (const k of ["applicant", "reply", "fee"]) if (isObj(out[k])) out[k] = ordered(out[k], ORDER[k]!);
  const reply = out.reply;
  if (isObj(reply) && isObj(reply.delivery)) reply.delivery = ordered(reply.delivery, ORDER.delivery!);
  if (isObj(out.requestedDelivery))
    out.requestedDelivery = ordered(out.requestedDelivery, ["form", "method"]);
  return out;
}

function mergeObjects(old: Obj, inc: Obj): Obj {
  const out: Obj = { ...old };
  for (const [k, v] of Object.entries(inc)) {
    const prev = old[k];
    if (k === "reply" && isObj(prev) && isObj(v) && prev.type !== v.type) {
      out[k] = typeof prev.note === "string" ? { ...v, note: prev.note } : { ...v };
    } else if (isObj(prev) && isObj(v)) out[k] = mergeObjects(prev, v);
    else out[k] = v;
  }
  return out;
}

function fillDefaults(rec: Obj, defaults: Obj): Obj {
  const out: Obj = { ...rec };
  for (const [k, v] of Object.entries(defaults)) {
    if (isObj(v)) out[k] = fillDefaults(isObj(out[k]) ? out[k] : {}, v);
    else if (out[k] === undefined) out[k] = v;
  }
  return out;
}

/** Leaf values by dotted path (arrays are leaves). */
function leaves(v: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (isObj(v)) {
    for (const [k, x] of Object.entries(v)) leaves(x, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, v);
  return out;
}

export interface FieldChange {
  /** Dotted path in the record: reply.date. */
  path: string;
  from: unknown;
  /** undefined: the field is removed (a reply replaced by one of another type). */
  to: unknown;
}

export type ChangeStatus = "added" | "filled" | "changed" | "unchanged";

export interface RecordChange {
  id: string;
  /** The ledger row. */
  place: Place;
  status: ChangeStatus;
  /** Fields the record did not have (dotted paths). */
  filled: string[];
  /** Fields whose existing value differs. */
  changed: FieldChange[];
}

export interface MergeResult {
  list: Obj[];
  changes: RecordChange[];
  /** Records of the dataset the ledger does not mention (kept as they are). */
  kept: number;
  /** Indexes in `list` of records that differ from before (updated or added). */
  touched: Set<number>;
}

export function mergeRecords(
  kind: ImportKind,
  existing: readonly Obj[],
  incoming: readonly LedgerRecord[],
): MergeResult {
  const list = [...existing];
  const indexOf = new Map<string, number>();
  list.forEach((r, i) => {
    if (typeof r.id === "string" && !indexOf.has(r.id)) indexOf.set(r.id, i);
  });
  const changes: RecordChange[] = [];
  const touched = new Set<number>();
  for (const rec of incoming) {
    const at = indexOf.get(rec.id);
    if (at === undefined) {
      list.push(orderRecord(kind, fillDefaults(rec.values, rec.defaults)));
      indexOf.set(rec.id, list.length - 1);
      touched.add(list.length - 1);
      changes.push({ id: rec.id, place: rec.place, status: "added", filled: [], changed: [] });
      continue;
    }
    const old = list[at]!;
    const merged = fillDefaults(mergeObjects(old, rec.values), rec.defaults);
    const before = leaves(old);
    const after = leaves(merged);
    const filled: string[] = [];
    const changed: FieldChange[] = [];
    for (const [path, v] of after) {
      if (!before.has(path)) filled.push(path);
      else if (JSON.stringify(before.get(path)) !== JSON.stringify(v))
        changed.push({ path, from: before.get(path), to: v });
    }
    for (const [path, v] of before) if (!after.has(path)) changed.push({ path, from: v, to: undefined });
    const status: ChangeStatus = changed.length > 0 ? "changed" : filled.length > 0 ? "filled" : "unchanged";
    if (status !== "unchanged") {
      list[at] = orderRecord(kind, merged);
      touched.add(at);
    }
    changes.push({ id: rec.id, place: rec.place, status, filled, changed });
  }
  const mentioned = new Set(incoming.map((r) => r.id));
  const kept = existing.filter((r) => !(typeof r.id === "string" && mentioned.has(r.id))).length;
  return { list, changes, kept, touched };
}
