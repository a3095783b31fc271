/**
 * The workbench's operations: what a page asks for, answered from storage and the library.
 * Deadlines, standings, fees, letters and their legal texts all come from the library; this
 * module only gathers the inputs, validates records with the dataset's own validation and
 * stores them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  StorageConflict,
  type CounterFloor,
  type Office,
  type Store,
  type StoredApplication,
  type Who,
} from "../storage/index.js";
import { currentActor } from "./context.js";
import {
  applicationFact,
  applicationFactContext,
  applicationFacts,
  buildLetter,
  computeFee,
  defaultCalendar,
  docNumberSeq,
  formatDocNumber,
  LetterError,
  lettersConfigFor,
  plannedLetters,
  PROVIDING_REPLY_TYPES,
  createPdfRenderer,
  renderDocx,
  RECEIPT_FIELD,
  SAMPLES_DIR,
  UserError,
  validateDatasetText,
  clerkMessage,
  workStanding,
  type Application,
  type ApplicationFacts,
  type Calendar,
  type Dataset,
  type LettersConfig,
  type PdfRenderer,
  type PlannedLetter,
  type WorkStanding,
} from "./lib.js";
import { Previews } from "./previews.js";
import { YearCache, type YearMemo } from "./year-cache.js";

export type Form = Record<string, string | undefined>;

/** Messages by form field (a dataset path such as applicant.name), and those of no field. */
export class FormInvalid extends Error {
  constructor(
    readonly fields: Map<string, string[]>,
    readonly general: string[],
  ) {
    super([...general, ...[...fields.values()].flat()].join("；"));
    this.name = "FormInvalid";
  }
}

/** A request for something that does not exist (404). */
export class NotFound extends Error {}

export interface WorkItem {
  year: number;
  id: string;
  record: Application;
  facts: ApplicationFacts;
  standing: WorkStanding;
}

export interface Worklist {
  asOf: string;
  items: WorkItem[];
  counts: Record<WorkStanding["status"], number>;
}

export interface LetterSlot {
  planned: PlannedLetter;
  issued: { version: number; docNumber: string | null; date: string; issuedAt: string; who: string }[];
}

/** Steps that leave a signed-off reply as it was signed. */
const AFTER_SIGN_OFF = new Set(["delivered", "issue-letter", "sign-off"]);

const SAMPLE_FILES = ["2014-commerce-bureau.json", "2023-district-bureau.json"];

/** Today as YYYY-MM-DD in the machine's time zone (the office's calendar day). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function set(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let o = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i]!;
    const next = keys[i + 1]!;
    if (o[k] === undefined || o[k] === null) o[k] = /^\d+$/.test(next) ? [] : {};
    o = o[k] as Record<string, unknown>;
  }
  o[keys[keys.length - 1]!] = value;
}

/** The object without its undefined members. */
function compact<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/** The object, or undefined when it has no members. */
function optional<T extends Record<string, unknown>>(o: T): T | undefined {
  return Object.keys(o).length > 0 ? o : undefined;
}

/** A textarea's lines, trimmed, without the empty ones. */
function lines(form: Form, name: string): string[] {
  return (form[name] ?? "")
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Trimmed form value, or undefined when empty. */
function val(form: Form, name: string): string | undefined {
  const v = form[name];
  if (v === undefined) return undefined;
  const s = v.trim();
  return s === "" ? undefined : s;
}

/** A whole number typed in a form: the number when it is one, else the text (validation names it). */
function num(form: Form, name: string): number | string | undefined {
  const v = val(form, name);
  if (v === undefined) return undefined;
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

/** The dataset validation's messages for one record, by form field. */
export function recordErrors(
  body: Dataset,
  list: "applications" | "cases",
  records: unknown[],
  fieldOf: (rest: string, index: number) => string = (rest) => rest,
): { fields: Map<string, string[]>; general: string[] } {
  const probe = JSON.parse(JSON.stringify(body)) as Dataset;
  if (list === "applications") probe.disclosure.applications = records as Application[];
  else {
    probe.approval ??= {} as NonNullable<Dataset["approval"]>;
    probe.approval.cases = records as NonNullable<NonNullable<Dataset["approval"]>["cases"]>;
  }
  const result = validateDatasetText(JSON.stringify(probe), "form", "zh");
  const fields = new Map<string, string[]>();
  const general: string[] = [];
  if (result.ok) return { fields, general };
  const prefix = list === "applications" ? "/disclosure/applications/" : "/approval/cases/";
  for (const e of result.errors) {
    // Only this record's own problems: the probe holds no other record, so checks across the
    // year's records (totals) are left to the year's validation on export.
    if (!e.pointer.startsWith(prefix)) continue;
    const rest = e.pointer.slice(prefix.length);
    const slash = rest.indexOf("/");
    const index = Number(slash < 0 ? rest : rest.slice(0, slash));
    const path = slash < 0 ? "" : rest.slice(slash + 1).replace(/\//g, ".");
    const message = clerkMessage(e.message, "zh");
    const name = path === "" ? "" : fieldOf(path, index);
    if (name === "") general.push(message);
    else fields.set(name, [...(fields.get(name) ?? []), message]);
  }
  return { fields, general };
}

export class Workbench {
  readonly calendar: Calendar;
  readonly config: LettersConfig;
  private pdfRenderer: PdfRenderer | null = null;
  /** Ledger previews waiting for confirmation (in the database). */
  readonly previews: Previews;
  /** The year pages' computations, per (office, year, data revision). */
  readonly yearCache = new YearCache();

  constructor(
    readonly store: Store,
    /** Who writes when no user is logged in (loading samples from the command line …). */
    readonly defaultWho: string = "经办人",
    /** The working-day calendar (`serve --calendar-override`); default the shipped national data. */
    calendar?: Calendar,
  ) {
    this.previews = new Previews(store);
    this.calendar = (calendar ?? defaultCalendar("zh")).withLang("zh");
    this.config = lettersConfigFor(undefined, "zh");
  }

  /** The PDF writer, set up once (fonts) and shared by every document the workbench serves. */
  get pdf(): PdfRenderer {
    this.pdfRenderer ??= createPdfRenderer({ lang: "zh", sealPlaceholder: this.config.seal });
    return this.pdfRenderer;
  }

  /** Who is making a change: the logged-in user (history names them), else `defaultWho`. */
  get who(): Who {
    const a = currentActor();
    return a ? { userId: a.userId, name: a.displayName } : this.defaultWho;
  }

  // ---- the office ---------------------------------------------------------------------------

  /**
   * The agency being worked on: the logged-in user's session agency (every record read or
   * written goes through it, so another agency's records are out of reach); without a user
   * (the command line, before the first login) the first agency of the database.
   */
  async office(): Promise<Office | null> {
    const a = currentActor();
    if (a) return { id: a.agencyId, name: a.agencyName, parentId: null };
    const offices = await this.store.offices();
    return offices[0] ?? null;
  }

  async requireOffice(): Promise<Office> {
    const o = await this.office();
    if (!o) throw new NotFound("尚未建立机关：请先在“开始使用”页建立本机关或载入示例");
    return o;
  }

  /** The dataset of a new agency from the setup form (the dataset's own validation on it). */
  officeDataset(form: Form): Dataset {
    const yearText = val(form, "year") ?? "";
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    const fields = new Map<string, string[]>();
    if (!(year >= 2007 && year <= 2100)) fields.set("year", ["年度应为 2007–2100 之间的四位数字"]);
    const dataset = {
      year: Number.isNaN(year) ? 2026 : year,
      agency: {},
      disclosure: { applications: [] },
    } as unknown as Dataset;
    const agency: Record<string, unknown> = {
      name: val(form, "agency.name") ?? "",
      shortName: val(form, "agency.shortName") ?? "",
      parentGovernment: val(form, "agency.parentGovernment") ?? "",
      reconsiderationBody: { name: val(form, "agency.reconsiderationBody.name") ?? "" },
      court: { name: val(form, "agency.court.name") ?? "" },
      address: val(form, "agency.address") ?? "",
      disclosureOffice: {
        name: val(form, "agency.disclosureOffice.name") ?? "",
        head: val(form, "agency.disclosureOffice.head") ?? "",
      },
    };
    for (const k of ["phone", "postcode", "email"]) {
      const v = val(form, `agency.${k}`);
      if (v !== undefined) agency[k] = v;
    }
    dataset.agency = agency as unknown as Dataset["agency"];
    const result = validateDatasetText(JSON.stringify(dataset), "form", "zh");
    const general: string[] = [];
    if (!result.ok)
      for (const e of result.errors) {
        const name = e.pointer.slice(1).replace(/\//g, ".");
        if (name.startsWith("agency."))
          fields.set(name, [...(fields.get(name) ?? []), clerkMessage(e.message, "zh")]);
        else general.push(clerkMessage(e.message, "zh"));
      }
    if (fields.size > 0 || general.length > 0) throw new FormInvalid(fields, general);
    return dataset;
  }

  /**
   * Create an agency from the setup form: the root (the first of the database), or one under
   * `parentId` (a department under its government).
   */
  async createOffice(form: Form, parentId: number | null = null): Promise<number> {
    if (parentId === null && (await this.store.offices()).length > 0)
      throw new StorageConflict("本数据库已建立机关");
    const dataset = this.officeDataset(form);
    return this.store.createOffice(dataset, this.who, [], parentId);
  }

  /** Both samples as one demo office (the 2014 and 2023 years). */
  async loadSamples(): Promise<number> {
    if ((await this.store.offices()).length > 0) throw new StorageConflict("本数据库已建立机关");
    const sets = SAMPLE_FILES.map((f) => {
      const text = readFileSync(join(SAMPLES_DIR, f), "utf8");
      const r = validateDatasetText(text, f, "zh");
      if (!r.ok) throw new Error(`sample ${f} is invalid`);
      return JSON.parse(text) as Dataset;
    });
    const last = sets[sets.length - 1]!;
    const id = await this.store.createOffice(last, this.who, this.counterFloors(last));
    for (const d of sets.slice(0, -1))
      await this.store.importYear(id, d, this.who, false, this.counterFloors(d));
    return id;
  }

  /**
   * The numbers a dataset's records already issued, as counter floors: per pattern (of the
   * letter's kind) and year (of its date), the highest sequence number that fits the pattern.
   */
  counterFloors(dataset: Dataset): CounterFloor[] {
    const short = dataset.agency.shortName;
    const out = new Map<string, CounterFloor>();
    for (const record of dataset.disclosure.applications ?? []) {
      const issued = (record as { issued?: Record<string, { docNumber?: string; date?: string }> }).issued;
      if (!issued) continue;
      const planned = plannedLetters(record);
      for (const [suffix, n] of Object.entries(issued)) {
        const kind = planned.find((p) => p.suffix === suffix)?.kind;
        const pattern = kind ? this.config.docNumber[kind] : null;
        if (!pattern || typeof n?.docNumber !== "string" || typeof n.date !== "string") continue;
        const year = n.date.slice(0, 4);
        const seq = docNumberSeq(n.docNumber, pattern, short, year);
        if (seq === undefined) continue;
        const key = `${year}/${pattern}`;
        if (seq > (out.get(key)?.seq ?? 0)) out.set(key, { pattern, year, seq });
      }
    }
    return [...out.values()];
  }

  /** Import a dataset text (a year): the dataset's validation, messages with line:column. */
  async importDataset(text: string, fileName: string, replace: boolean): Promise<number> {
    const office = await this.requireOffice();
    const r = validateDatasetText(text, fileName, "zh");
    if (!r.ok)
      throw new FormInvalid(
        new Map(),
        r.errors.slice(0, 50).map((e) => `第${e.line}行第${e.column}列：${clerkMessage(e.message, "zh")}`),
      );
    const dataset = JSON.parse(text) as Dataset;
    delete (dataset as Partial<Dataset>).$schema;
    await this.store.importYear(office.id, dataset, this.who, replace, this.counterFloors(dataset));
    return dataset.year;
  }

  /**
   * The year pages' memo of a year at its current data revision (and the previous year's,
   * which the audit and the annual report compare with).
   */
  async yearMemo(officeId: number, year: number): Promise<YearMemo> {
    const revs = await this.store.revisions(officeId, [year - 1, year]);
    return this.yearCache.at(officeId, year, `${revs.get(year)}/${revs.get(year - 1)}`);
  }

  // ---- facts --------------------------------------------------------------------------------

  private bodies = new Map<string, { stamp: string; body: Dataset }>();

  /**
   * The year's dataset body (agency, regime, interpretations …) and the stamp of its last
   * write. Kept while the stamp stands, so a change saved by another server process on the same
   * database is seen at the next request.
   */
  async bodyAndStamp(officeId: number, year: number): Promise<{ stamp: string; body: Dataset }> {
    const key = `${officeId}/${year}`;
    const stamp = await this.store.yearBodyStamp(officeId, year);
    if (stamp === null) throw new NotFound(`没有${year}年度的数据`);
    const hit = this.bodies.get(key);
    if (hit && hit.stamp === stamp) return hit;
    const body = await this.store.yearBody(officeId, year);
    if (!body) throw new NotFound(`没有${year}年度的数据`);
    const entry = { stamp, body };
    this.bodies.set(key, entry);
    return entry;
  }

  /** The year's dataset body (agency, regime …), as it stands in the database. */
  async body(officeId: number, year: number): Promise<Dataset> {
    return (await this.bodyAndStamp(officeId, year)).body;
  }

  factOf(body: Dataset, record: Application, seq: number): ApplicationFacts {
    return applicationFact(record, seq, applicationFactContext(body, this.calendar));
  }

  /** Facts of several applications of one year (index = position in `records`). */
  factsOf(body: Dataset, records: Application[]): ApplicationFacts[] {
    return applicationFacts(
      { ...body, disclosure: { ...body.disclosure, applications: records } },
      this.calendar,
    );
  }

  standing(facts: ApplicationFacts, asOf: string): WorkStanding {
    return workStanding(facts, asOf, this.calendar);
  }

  /**
   * Records and their facts by year/id, kept while the record's stamp (version and time of the
   * last change) stays the same: the worklist parses and computes only what changed since.
   * Without it, 10,000 open applications cost ~60 ms of JSON parsing and facts per request.
   */
  private readonly worklistCache = new Map<
    string,
    { stamp: string; record: Application; facts: ApplicationFacts }
  >();

  /** Open applications as of `asOf`, each with its deadline and standing from the library. */
  async worklist(asOf: string): Promise<Worklist> {
    return this.worklistOf((await this.requireOffice()).id, asOf);
  }

  /**
   * The worklist of agency `officeId` (the oversight page's, one per agency in the user's
   * scope; the caller has checked that scope).
   */
  async worklistOf(officeId: number, asOf: string): Promise<Worklist> {
    const office = { id: officeId };
    const stamps = await this.store.openStamps(office.id, asOf);
    const counts: Worklist["counts"] = { "on-time": 0, "due-soon": 0, overdue: 0, unknown: 0 };
    // An application's facts depend on its record and on its year's settings.
    const bodies = new Map<number, { stamp: string; body: Dataset }>();
    for (const y of new Set(stamps.map((s) => s.year))) bodies.set(y, await this.bodyAndStamp(office.id, y));
    const stampOf = (s: { year: number; stamp: string }) => `${bodies.get(s.year)!.stamp}|${s.stamp}`;
    const missing = new Map<number, string[]>();
    for (const s of stamps) {
      const c = this.worklistCache.get(`${office.id}/${s.year}/${s.id}`);
      if (c && c.stamp === stampOf(s)) continue;
      const list = missing.get(s.year);
      if (list) list.push(s.id);
      else missing.set(s.year, [s.id]);
    }
    for (const [year, ids] of missing) {
      const body = bodies.get(year)!.body;
      const got = await this.store.applicationsById(office.id, year, ids);
      const entries = [...got.values()];
      // One facts computation per year (the library shares its set-up across the applications).
      const facts = this.factsOf(
        body,
        entries.map((e) => e.record),
      );
      entries.forEach((e, k) =>
        this.worklistCache.set(`${office.id}/${year}/${e.record.id}`, {
          stamp: stampOf({ year, stamp: e.stamp }),
          record: e.record,
          facts: facts[k]!,
        }),
      );
    }
    const items: WorkItem[] = [];
    for (const s of stamps) {
      const c = this.worklistCache.get(`${office.id}/${s.year}/${s.id}`);
      if (!c) continue;
      const f = c.facts;
      // Not yet received that day: not on that day's worklist.
      if (f.received !== null && f.received > asOf) continue;
      const standing = workStanding(f, asOf, this.calendar);
      counts[standing.status]++;
      items.push({ year: s.year, id: s.id, record: c.record, facts: f, standing });
    }
    return { asOf, items, counts };
  }

  async application(
    year: number,
    id: string,
  ): Promise<StoredApplication & { facts: ApplicationFacts; body: Dataset }> {
    const office = await this.requireOffice();
    const a = await this.store.application(office.id, year, id);
    if (!a) throw new NotFound(`没有登记号为 ${id} 的申请`);
    const body = await this.body(office.id, year);
    return { ...a, body, facts: this.factOf(body, a.record, a.seq) };
  }

  /**
   * The application's timeline. A record that came with the year's dataset (the samples, an
   * import) starts with that load, shown without its figures; a registered one, with its registration.
   */
  async history(year: number, id: string) {
    const office = await this.requireOffice();
    const own = await this.store.historyOf(office.id, year, id);
    // Registered, or added by a ledger (its first rows set the new record's fields, id first).
    const first = own[0];
    if (first && (first.action === "register" || (first.field === "id" && first.oldValue === null)))
      return own;
    const loads = (await this.store.historyOf(office.id, year, "")).filter(
      (e) => e.action === "import" || e.action === "create-office",
    );
    const origin = loads.filter((e) => own.length === 0 || e.id < own[0]!.id).slice(-1);
    return [
      ...origin.map((e) => ({ ...e, recordId: id, field: "", oldValue: null, newValue: null })),
      ...own,
    ];
  }

  // ---- registering --------------------------------------------------------------------------

  /** A suggested register number for a new application of `year`: YSQ<year>-<next>. */
  async suggestId(year: number): Promise<string> {
    const office = await this.requireOffice();
    const apps = await this.store.applications(office.id, { year });
    let max = 0;
    for (const a of apps) {
      const m = new RegExp(`^YSQ${year}-(\\d+)$`).exec(a.record.id);
      if (m) max = Math.max(max, Number(m[1]));
    }
    return `YSQ${year}-${String(max + 1).padStart(3, "0")}`;
  }

  /** The application a registration form describes (fields left empty are left out). */
  applicationFromForm(form: Form): Application {
    // A field left empty is left out: the validation then names it (缺少必填字段…).
    const applicant = compact({
      type: val(form, "applicant.type"),
      name: val(form, "applicant.name"),
      phone: val(form, "applicant.phone"),
      address: val(form, "applicant.address"),
      postcode: val(form, "applicant.postcode"),
      email: val(form, "applicant.email"),
    });
    const channel = val(form, "channel");
    const receiptField = channel ? RECEIPT_FIELD[channel as keyof typeof RECEIPT_FIELD] : undefined;
    return compact({
      id: val(form, "id"),
      applicant,
      channel,
      submitted: val(form, "submitted"),
      // Only the date the channel needs (签收日期 for registered post, 确认日期 online …).
      ...(receiptField === "signedFor" || receiptField === "confirmed"
        ? { [receiptField]: val(form, receiptField) }
        : {}),
      content: val(form, "content"),
      requestedDelivery: optional(
        compact({ form: val(form, "requestedDelivery.form"), method: val(form, "requestedDelivery.method") }),
      ),
    }) as unknown as Application;
  }

  private receiptYear(rec: Application, fallback: number): number {
    const f = RECEIPT_FIELD[rec.channel as keyof typeof RECEIPT_FIELD] ?? "submitted";
    const d = (rec as unknown as Record<string, unknown>)[f] ?? rec.submitted;
    const m = typeof d === "string" ? /^(\d{4})-\d{2}-\d{2}$/.exec(d) : null;
    return m ? Number(m[1]) : fallback;
  }

  /** Register from the form: validate, store with history; returns where it went. */
  async register(form: Form): Promise<{ year: number; id: string }> {
    const office = await this.requireOffice();
    const rec = this.applicationFromForm(form);
    const years = await this.store.years(office.id);
    const latest = years[years.length - 1]!;
    const year = this.receiptYear(rec, latest);
    let body: Dataset;
    let newYear: Dataset | null = null;
    if (years.includes(year)) body = await this.body(office.id, year);
    else {
      // A year not yet in the database starts from the latest year's agency, without records.
      const from = await this.body(office.id, latest);
      newYear = { year, agency: from.agency, disclosure: { applications: [] } } as Dataset;
      body = newYear;
    }
    const { fields, general } = recordErrors(body, "applications", [rec]);
    if (fields.size > 0 || general.length > 0) throw new FormInvalid(fields, general);
    try {
      await this.store.insertApplication(office.id, year, rec, this.who, newYear);
    } catch (e) {
      if (e instanceof StorageConflict) throw new FormInvalid(new Map([["id", [e.message]]]), []);
      throw e;
    }
    return { year, id: rec.id };
  }

  // ---- steps --------------------------------------------------------------------------------

  /**
   * Record a step on an application (the form's fields are dataset paths inside the record).
   * `version` is the record's version the page showed: a stale page is refused.
   */
  async step(year: number, id: string, step: string, form: Form): Promise<void> {
    const office = await this.requireOffice();
    const current = await this.application(year, id);
    const version = Number(form.version);
    const rec = JSON.parse(JSON.stringify(current.record)) as Record<string, unknown>;
    const fields = new Map<string, string[]>();
    // A field left empty is left out, and the dataset validation names it.
    const need = (name: string): string | undefined => val(form, name);
    switch (step) {
      case "correction-notified": {
        const items = lines(form, "correction.items");
        rec.correction = compact({
          notified: need("correction.notified"),
          ...(items.length ? { items } : {}),
          periodDays: num(form, "correction.periodDays") ?? this.config.correctionPeriodDays,
        });
        break;
      }
      case "correction-received": {
        if (!rec.correction) throw new FormInvalid(new Map(), ["尚未告知补正"]);
        const got = need("correction.correctedReceived");
        if (got !== undefined) set(rec, "correction.correctedReceived", got);
        else fields.set("correction.correctedReceived", ["缺少必填字段收到补正日期"]);
        break;
      }
      case "consultation-sent": {
        const list = (Array.isArray(rec.consultations) ? rec.consultations : []) as unknown[];
        const n = list.length;
        list.push(compact({ party: val(form, "party"), name: need("name"), sent: need("sent") }));
        rec.consultations = list;
        // Messages of the new entry are shown at the form's own fields.
        form.__index = String(n);
        break;
      }
      case "consultation-answered": {
        const list = (Array.isArray(rec.consultations) ? rec.consultations : []) as Record<string, unknown>[];
        const i = Number(form.index);
        const c = list[i];
        if (!Number.isInteger(i) || !c) throw new FormInvalid(new Map(), ["没有这一次征求意见"]);
        const answered = need("answered");
        if (answered !== undefined) c.answered = answered;
        else fields.set("answered", ["缺少必填字段收到意见日期"]);
        const consent = val(form, "consent");
        if (consent === "yes") c.consent = true;
        else if (consent === "no") c.consent = false;
        else delete c.consent;
        form.__index = String(i);
        break;
      }
      case "extension": {
        rec.extension = compact({
          approved: need("extension.approved"),
          notified: need("extension.notified"),
          days: num(form, "extension.days"),
        });
        break;
      }
      case "fee-notice": {
        const method = val(form, "fee.method");
        const quantity = num(form, "fee.quantity");
        const regime = current.facts.regime;
        // The amount is the national schedule's (the library computes it); an ogi-2008 cost
        // fee has no schedule and is entered.
        let amount: number | string | undefined = num(form, "fee.amount");
        if (
          regime !== null &&
          typeof quantity === "number" &&
          (method === "per-page" || method === "per-request")
        ) {
          const c = computeFee({ regime, method, quantity }, "zh");
          if (c.fee) amount = c.fee.amount;
        }
        rec.fee = compact({ method, quantity, amount, noticeDate: need("fee.noticeDate") });
        break;
      }
      case "fee-paid": {
        if (!rec.fee) throw new FormInvalid(new Map(), ["尚未发出收费通知"]);
        const f = rec.fee as Record<string, unknown>;
        f.paid = true;
        const paidDate = need("fee.paidDate");
        if (paidDate !== undefined) f.paidDate = paidDate;
        else fields.set("fee.paidDate", ["缺少必填字段缴费日期"]);
        break;
      }
      case "reply": {
        const reply: Record<string, unknown> = compact({
          date: need("reply.date"),
          type: val(form, "reply.type"),
        });
        const reason = val(form, "reply.reason");
        if (reason !== undefined) reply.reason = reason;
        // The ground: the prohibiting law as text for prohibited-by-law, else the chosen sort.
        const ground = val(form, reason === "prohibited-by-law" ? "reply.groundLaw" : "reply.ground");
        if (ground !== undefined) reply.ground = ground;
        const ra = val(form, "reply.responsibleAgency.name");
        if (ra !== undefined && reply.type === "not-this-agency") {
          const contact = val(form, "reply.responsibleAgency.contact");
          reply.responsibleAgency = { name: ra, ...(contact ? { contact } : {}) };
        }
        const note = val(form, "reply.note");
        if (note !== undefined) reply.note = note;
        // How the information is provided: only a reply that provides it (the form hides the fields otherwise).
        if (typeof reply.type === "string" && PROVIDING_REPLY_TYPES.includes(reply.type)) {
          const enclosures = lines(form, "reply.delivery.enclosures");
          const delivery = optional(
            compact({
              form: val(form, "reply.delivery.form"),
              method: val(form, "reply.delivery.method"),
              deviation: val(form, "reply.delivery.deviation"),
              ...(enclosures.length ? { enclosures } : {}),
            }),
          );
          if (delivery) reply.delivery = delivery;
        }
        rec.reply = reply;
        break;
      }
      case "delivered": {
        if (!rec.reply) throw new FormInvalid(new Map(), ["尚未记录答复"]);
        const served = need("reply.delivered");
        if (served !== undefined) set(rec, "reply.delivered", served);
        else fields.set("reply.delivered", ["缺少必填字段送达日期"]);
        break;
      }
      default:
        throw new NotFound("没有这一步骤");
    }
    const index = form.__index;
    const fieldOf =
      index !== undefined
        ? (rest: string) => {
            const m = /^consultations\.(\d+)\.(.+)$/.exec(rest);
            return m && m[1] === index ? m[2]! : rest;
          }
        : undefined;
    const v = recordErrors(current.body, "applications", [rec], fieldOf);
    for (const [k, msgs] of v.fields) if (!fields.has(k)) fields.set(k, msgs);
    if (fields.size > 0 || v.general.length > 0) throw new FormInvalid(fields, v.general);
    await this.store.updateApplication(
      office.id,
      year,
      rec as unknown as Application,
      version,
      this.who,
      step,
    );
  }

  // ---- letters ------------------------------------------------------------------------------

  async letterSlots(year: number, id: string): Promise<LetterSlot[]> {
    const office = await this.requireOffice();
    const a = await this.application(year, id);
    const issued = await this.store.letters(office.id, year, id);
    return plannedLetters(a.record).map((planned) => ({
      planned,
      issued: issued
        .filter((l) => l.suffix === planned.suffix)
        .map((l) => ({
          version: l.version,
          docNumber: l.docNumber,
          date: l.date,
          issuedAt: l.issuedAt,
          who: l.who,
        })),
    }));
  }

  private build(body: Dataset, record: Application, seq: number, suffix: string, docNumber: string | null) {
    const planned = plannedLetters(record).find((p) => p.suffix === suffix);
    if (!planned) throw new NotFound("该申请没有这份文书");
    try {
      return buildLetter(
        {
          dataset: body,
          config: this.config,
          docNumbers: new Map(docNumber ? [[`${record.id}/${suffix}`, docNumber]] : []),
          lang: "zh",
        },
        record,
        this.factOf(body, record, seq),
        planned,
      );
    } catch (e) {
      if (e instanceof LetterError || e instanceof UserError)
        throw new FormInvalid(new Map(), [clerkMessage(e.message, "zh")]);
      throw e;
    }
  }

  /**
   * A letter's bytes: an issued version as issued (its record, number and date), or — before
   * it is issued — a draft from the record as it is now, without a number.
   */
  async letterFile(
    year: number,
    id: string,
    suffix: string,
    format: "pdf" | "docx",
    version?: number,
  ): Promise<{ bytes: Uint8Array; name: string }> {
    const office = await this.requireOffice();
    const a = await this.application(year, id);
    const issued = (await this.store.letters(office.id, year, id)).filter((l) => l.suffix === suffix);
    const chosen =
      version !== undefined ? issued.find((l) => l.version === version) : issued[issued.length - 1];
    if (version !== undefined && !chosen) throw new NotFound("没有这一版本的文书");
    const letter = chosen
      ? this.build(a.body, chosen.snapshot, a.seq, suffix, chosen.docNumber)
      : this.build(a.body, a.record, a.seq, suffix, null);
    const bytes =
      format === "pdf" ? (await this.pdf.render(letter.tree)).bytes : await renderDocx(letter.tree);
    const name = `${id}-${suffix}${chosen ? `-v${chosen.version}` : "-draft"}.${format}`;
    return { bytes, name };
  }

  /** The head signs off the reply as the record stands at `version` (the page's). */
  async signOff(year: number, id: string, version: number): Promise<void> {
    const office = await this.requireOffice();
    const a = await this.application(year, id);
    if (!a.record.reply) throw new FormInvalid(new Map(), ["尚未记录答复，没有可签批的内容"]);
    const who = this.who;
    if (typeof who === "string") throw new FormInvalid(new Map(), ["签批须由登录的负责人进行"]);
    await this.store.signOff(office.id, year, id, version, who);
  }

  /** Whether the reply as it stands now has been signed off (the sign-off of this version). */
  async signedOff(year: number, id: string): Promise<{ name: string; at: string } | null> {
    const office = await this.requireOffice();
    const a = await this.application(year, id);
    const offs = await this.store.signOffs(office.id, year, id);
    const exact = offs.find((x) => x.version === a.version);
    if (exact) return { name: exact.name, at: exact.at };
    // Recording that the reply was served (送达) changes the record, not the reply signed off.
    const last = offs.filter((x) => x.version < a.version).pop();
    if (!last) return null;
    const since = (await this.store.historyOf(office.id, year, id)).filter((e) => e.at >= last.at);
    return since.every((e) => AFTER_SIGN_OFF.has(e.action)) ? { name: last.name, at: last.at } : null;
  }

  /**
   * Issue (or re-issue) a letter: number and date fixed now, the record kept with it. The
   * reply is issued only after the head signed it off as it stands.
   */
  async issueLetter(
    year: number,
    id: string,
    suffix: string,
  ): Promise<{ version: number; docNumber: string | null }> {
    const office = await this.requireOffice();
    const a = await this.application(year, id);
    if (suffix === "reply" && !(await this.signedOff(year, id)))
      throw new FormInvalid(new Map(), ["答复须经负责人签批后才能签发：请负责人在本页“签批答复”"]);
    const built = this.build(a.body, a.record, a.seq, suffix, null);
    const pattern = this.config.docNumber[built.kind];
    const short = a.body.agency.shortName;
    const l = await this.store.issueLetter(
      office.id,
      year,
      { appId: id, suffix, kind: built.kind, date: built.date, snapshot: a.record },
      pattern
        ? {
            pattern,
            format: (seq) => formatDocNumber(pattern, { short, year: built.date.slice(0, 4), seq, id }),
          }
        : null,
      this.who,
    );
    return { version: l.version, docNumber: l.docNumber };
  }
}
