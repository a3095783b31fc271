/**
 * One letter: application + its facts → the letter's context → composeDocument → document tree.
 * Code decides (basis, remedy, deadline, amounts, document number, which template); the
 * template (templates/letters/<kind or reply variant>.md.hbs) words it.
 *
 * A record lacking what its letter needs is a LetterError naming the application id and the
 * field — never the applicant.
 */
import { composeDocument } from "../compose/index.js";
import { REGIME_RULES, type FeeTier } from "../calendar/index.js";
import type { Reason, Regime } from "../data/codes.js";
import type { Application, Dataset } from "../data/types.js";
import type { DocumentTree } from "../document/tree.js";
import type { ApplicationFacts } from "../facts/applications.js";
import { UserError } from "../util/errors.js";
import { t, type Lang } from "../util/i18n.js";
import { BasisError, OGI_LAW, procedureBasis, replyBasis, type ReplyBasis } from "./basis.js";
import type { LettersConfig } from "./config.js";
import type { LetterKind, PlannedLetter } from "./kinds.js";
import { remedyNotice } from "./remedy.js";

/** A letter that cannot be written: names the application id and the field it lacks. */
export class LetterError extends UserError {
  constructor(
    readonly id: string,
    readonly kind: LetterKind,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "LetterError";
  }
}

export interface LetterEnv {
  dataset: Dataset;
  config: LettersConfig;
  /** Document numbers by `${id}/${suffix}` (see assignDocNumbers). */
  docNumbers: ReadonlyMap<string, string>;
  templatesDir?: string;
  lang: Lang;
}

export interface BuiltLetter {
  id: string;
  kind: LetterKind;
  /** File-name suffix (reply, consultation-2 …). */
  suffix: string;
  date: string;
  docNumber: string | null;
  template: string;
  tree: DocumentTree;
  /** Messages for the clerk (e.g. a reply after its deadline), naming the application by id. */
  warnings: string[];
}

/** What a template sees. Optional parts are null (templates test them with {{#if}}). */
export interface LetterContext {
  agency: {
    name: string;
    shortName: string;
    address: string;
    phone: string | null;
    website: string | null;
    office: { name: string; phone: string | null; address: string | null };
  };
  letter: {
    kind: LetterKind;
    docNumber: string | null;
    date: string;
    seal: boolean;
    contactPhone: string | null;
  };
  addressee: string;
  /** 您 (natural person) or 贵单位. */
  you: string;
  law: string;
  application: {
    id: string;
    content: string;
    submitted: string;
    received: string;
    channel: string;
    receivedFrom: string | null;
  };
  regime: {
    code: Regime;
    is2019: boolean;
    baseDays: number;
    maxExtensionDays: number;
    correctionNoticeDays: number | null;
  };
  /** The letter's own legal basis (the reply's basis for replies). */
  basis: { text: string } | null;
  /** Receipt: the deadline provision. */
  deadlineBasis: { text: string } | null;
  receipt: { due: string } | null;
  correction: {
    notified: string;
    items: string[];
    periodDays: number;
    corrected: boolean;
    correctedReceived: string | null;
  } | null;
  extension: { days: number; originalDue: string; newDue: string; pauseOngoing: boolean } | null;
  consultation: { isAgency: boolean; name: string; sent: string; answerDays: number | null } | null;
  fee: {
    noticeDate: string;
    schedule: boolean;
    perPage: boolean;
    quantity: number;
    amountText: string;
    tiers: { range: string; units: number; rateText: string; subtotalText: string }[];
    quantityInTiers: number;
    payDays: number;
    payment: string;
  } | null;
  reply: {
    date: string;
    type: string;
    reason: Reason | null;
    note: string | null;
    responsible: { name: string; contact: string | null; address: string | null } | null;
    alreadyPublic: boolean;
    partial: boolean;
    notThisAgency: boolean;
    needsCreation: boolean;
    afterCorrection: boolean;
  } | null;
  refusal: { reason: string; thirdPartyObjected: boolean } | null;
  withheld: { reason: string; text: string } | null;
  remedy: string | null;
}

function fail(id: string, kind: LetterKind, field: string, lang: Lang, zh: string, en: string): LetterError {
  return new LetterError(id, kind, field, t(lang, `${id}：${field}：${zh}`, `${id}: ${field}: ${en}`));
}

/** Money as written in a notice: whole yuan without decimals, otherwise two decimals. */
export function moneyText(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** A note as the letters insert it: trimmed, without a closing full stop. */
function noteText(s: string | undefined): string | null {
  if (s === undefined) return null;
  const v = s.trim().replace(/[。．.；;，,]+$/u, "");
  return v === "" ? null : v;
}

function perRequestBand(k: number): [number, number] {
  if (k <= 10) return [1, 10];
  if (k <= 30) return [11, 30];
  const from = 31 + 10 * Math.floor((k - 31) / 10);
  return [from, from + 9];
}

function tierRows(method: "per-page" | "per-request", tiers: readonly FeeTier[], quantity: number) {
  const unit = method === "per-page" ? "页" : "件";
  if (method === "per-request") {
    const [from, to] = perRequestBand(quantity);
    const rate = tiers[0]?.rate ?? 0;
    return [
      {
        range: `${from}–${to}`,
        units: 1,
        rateText: rate === 0 ? "不收费" : `${rate}元/${unit}`,
        subtotalText: moneyText(rate),
      },
    ];
  }
  return tiers.map((x) => ({
    range: x.from === x.to ? String(x.from) : `${x.from}–${x.to}`,
    units: x.count,
    rateText: x.rate === 0 ? "不收费" : `${x.rate}元/${unit}`,
    subtotalText: moneyText(x.subtotal),
  }));
}

/** What a template sees of the fee (every letter of an application with a fee record). */
function feeContext(app: Application, facts: ApplicationFacts, config: LettersConfig): LetterContext["fee"] {
  const f = app.fee;
  const ff = facts.fee;
  if (!f || !ff) return null;
  const schedule = ff.tiers !== null;
  return {
    noticeDate: f.noticeDate,
    schedule,
    perPage: f.method === "per-page",
    quantity: f.quantity,
    amountText: moneyText(f.amount),
    tiers: schedule ? tierRows(f.method, ff.tiers ?? [], f.quantity) : [],
    quantityInTiers: f.method === "per-page" ? f.quantity : 1,
    payDays: config.feePaymentDays,
    payment: config.feePayment,
  };
}

/** The template and context of one letter. Throws LetterError when the record lacks what it needs. */
export function letterContext(
  env: LetterEnv,
  app: Application,
  facts: ApplicationFacts,
  planned: PlannedLetter,
): { template: string; context: LetterContext; date: string; warnings: string[] } {
  const { dataset, config, lang } = env;
  const id = app.id;
  const kind = planned.kind;
  const err = (field: string, zh: string, en: string) => fail(id, kind, field, lang, zh, en);
  const warnings: string[] = [];

  if (facts.received === null || facts.regime === null) {
    const p = facts.problems[0];
    throw err(
      p?.field ?? "received",
      p?.message ?? "缺少收到申请的日期",
      p?.message ?? "the receipt date is missing",
    );
  }
  const regime = facts.regime;
  const rules = REGIME_RULES[regime];
  const is2019 = regime === "ogi-2019";
  const agency = dataset.agency;
  const natural = app.applicant.type === "natural-person";

  const ctx: LetterContext = {
    agency: {
      name: agency.name,
      shortName: agency.shortName,
      address: agency.address,
      phone: agency.phone ?? null,
      website: agency.website ?? null,
      office: {
        name: agency.disclosureOffice.name,
        phone: agency.disclosureOffice.phone ?? null,
        address: agency.disclosureOffice.address ?? null,
      },
    },
    letter: {
      kind,
      docNumber: env.docNumbers.get(`${id}/${planned.suffix}`) ?? null,
      date: "",
      seal: config.seal,
      contactPhone: config.contactNote ? (agency.disclosureOffice.phone ?? agency.phone ?? null) : null,
    },
    addressee: app.applicant.name,
    you: natural ? "您" : "贵单位",
    law: OGI_LAW,
    application: {
      id,
      content: app.content,
      submitted: app.submitted,
      received: facts.received,
      channel: app.channel,
      receivedFrom: facts.receivedFrom,
    },
    regime: {
      code: regime,
      is2019,
      baseDays: rules.baseDays,
      maxExtensionDays: rules.maxExtensionDays,
      correctionNoticeDays: rules.correctionNoticeDays,
    },
    basis: null,
    deadlineBasis: null,
    receipt: null,
    correction: app.correction
      ? {
          notified: app.correction.notified,
          items: app.correction.items ?? [],
          periodDays: app.correction.periodDays ?? config.correctionPeriodDays,
          corrected: app.correction.correctedReceived !== undefined,
          correctedReceived: app.correction.correctedReceived ?? null,
        }
      : null,
    extension: null,
    consultation: null,
    fee: feeContext(app, facts, config),
    reply: null,
    refusal: null,
    withheld: null,
    remedy: null,
  };

  let template: string = `letters/${kind}`;
  let date: string;
  switch (kind) {
    case "receipt": {
      if (facts.dueAtReceipt === null)
        throw err("received", "无法计算答复期限", "the reply deadline cannot be computed");
      date = facts.received;
      ctx.deadlineBasis = procedureBasis("receipt", regime);
      ctx.receipt = { due: facts.dueAtReceipt };
      break;
    }
    case "correction": {
      const c = app.correction;
      if (!c) throw err("correction", "没有补正告知记录", "there is no correction record");
      if (!c.items || c.items.length === 0)
        throw err(
          "correction.items",
          "补正告知书须说明需要补正的事项，缺少 correction.items",
          "a correction notice must state what to correct: correction.items is missing",
        );
      date = c.notified;
      ctx.basis = procedureBasis("correction", regime);
      if (facts.correction?.onTime === false)
        warnings.push(
          t(
            lang,
            `${id}：补正告知日期 ${c.notified} 晚于应告知期限 ${facts.correction.due}`,
            `${id}: the correction notice (${c.notified}) is later than its limit ${facts.correction.due}`,
          ),
        );
      break;
    }
    case "extension": {
      const e = app.extension;
      const f = facts.extension;
      if (!e || !f) throw err("extension", "没有延期记录", "there is no extension record");
      if (!f.withinLimit)
        throw err(
          "extension.days",
          `延期${e.days}个工作日超过上限（${regime}最长${f.maxDays}个工作日）`,
          `an extension of ${e.days} working days exceeds the limit (${regime}: at most ${f.maxDays})`,
        );
      if (f.newDue === null || f.noticeOriginalDue === null)
        throw err("extension", "无法计算延期后的答复期限", "the extended deadline cannot be computed");
      date = e.notified;
      ctx.basis = procedureBasis("extension", regime);
      ctx.extension = {
        days: e.days,
        originalDue: f.noticeOriginalDue,
        newDue: f.newDue,
        pauseOngoing: f.pauseOngoingAtNotice,
      };
      if (f.lawful === false)
        warnings.push(
          t(
            lang,
            `${id}：延期在原答复期限 ${f.originalDue} 之后才批准或告知`,
            `${id}: the extension was approved or notified after the original deadline ${f.originalDue}`,
          ),
        );
      break;
    }
    case "consultation":
    case "consultation-notice": {
      const i = planned.consultation ?? 0;
      const c = app.consultations?.[i];
      if (!c) throw err(`consultations[${i}]`, "没有征求意见记录", "there is no consultation record");
      const isAgency = c.party === "agency";
      date = c.sent;
      ctx.basis = procedureBasis(
        kind === "consultation-notice"
          ? "consultation-notice"
          : isAgency
            ? "consultation-agency"
            : "consultation-third-party",
        regime,
      );
      ctx.consultation = {
        isAgency,
        name: c.name,
        sent: c.sent,
        answerDays: is2019 ? config.consultationAnswerDays : null,
      };
      if (kind === "consultation") {
        ctx.addressee = c.name;
        ctx.you = "贵方";
      }
      break;
    }
    case "fee": {
      const f = app.fee;
      const ff = facts.fee;
      if (!f || !ff || !ctx.fee) throw err("fee", "没有收费记录", "there is no fee record");
      if (ff.expected !== null && ff.matches === false)
        throw err(
          "fee.amount",
          `收费金额 ${moneyText(f.amount)} 元与收费标准计算结果 ${moneyText(ff.expected)} 元不符`,
          `the fee of ${moneyText(f.amount)} yuan differs from the schedule's ${moneyText(ff.expected)} yuan`,
        );
      date = f.noticeDate;
      ctx.basis = procedureBasis("fee", regime);
      break;
    }
    case "reply": {
      const r = app.reply;
      if (!r) throw err("reply", "没有答复记录", "there is no reply record");
      date = r.date;
      const consultations = app.consultations ?? [];
      const thirdParty = consultations.filter((c) => c.party === "third-party");
      let basis: ReplyBasis;
      try {
        basis = replyBasis({
          regime,
          type: r.type,
          reason: r.reason ?? null,
          thirdPartyConsulted: thirdParty.length > 0,
          overrides: config.basis,
        });
      } catch (e) {
        if (e instanceof BasisError) throw err(e.field, e.zh, e.en);
        throw e;
      }
      template = basis.template;
      const note = noteText(r.note);
      const needNote = (why: string, whyEn: string) => {
        if (note === null) throw err("reply.note", why, whyEn);
      };
      if (r.type === "already-public" && agency.website === undefined)
        needNote(
          "已主动公开的答复须告知获取途径：请在 reply.note 中写明公开的位置（或在 agency.website 中填写门户网站）",
          "an already-public reply must say where: give reply.note (or agency.website)",
        );
      if (r.type === "special-law")
        needNote(
          "须在 reply.note 中写明依照哪部法律、行政法规以及如何办理",
          "reply.note must say which law governs access and how to proceed",
        );
      if (r.type === "other" && r.reason === "other")
        needNote(
          "其他处理须在 reply.note 中写明处理情况",
          "an other/other reply needs reply.note saying what was done",
        );
      if (r.reason === "no-correction" && !app.correction)
        throw err(
          "correction",
          "逾期不补正的答复须有补正告知记录",
          "a no-correction reply needs the correction record",
        );
      if (r.reason === "unclear-after-correction" && !app.correction?.correctedReceived)
        throw err(
          "correction.correctedReceived",
          "补正后仍不明确的答复须有收到补正申请的日期",
          "an unclear-after-correction reply needs the date the corrected request was received",
        );
      if (r.reason === "fee-unpaid" && !app.fee)
        throw err("fee", "逾期未缴费的答复须有收费记录", "a fee-unpaid reply needs the fee record");
      const ra = r.responsibleAgency;
      ctx.basis = { text: basis.text };
      ctx.reply = {
        date: r.date,
        type: r.type,
        reason: r.reason ?? null,
        note,
        responsible: ra ? { name: ra.name, contact: ra.contact ?? null, address: ra.address ?? null } : null,
        alreadyPublic: r.type === "already-public",
        partial: r.type === "partial",
        notThisAgency: r.type === "not-this-agency",
        needsCreation: r.reason === "needs-creation",
        afterCorrection: r.reason === "unclear-after-correction",
      };
      const refusalReason = r.type === "refused" || r.type === "partial" ? (basis.reason ?? null) : null;
      if (refusalReason !== null)
        ctx.refusal = {
          reason: refusalReason,
          thirdPartyObjected: thirdParty.some((c) => c.consent === false),
        };
      if (basis.withheld) ctx.withheld = { reason: basis.withheld.reason, text: basis.withheld.text };
      ctx.remedy = remedyNotice(r.type, r.date, agency, config.remedy).sentence;
      if (facts.reply?.onTime === false)
        warnings.push(
          t(
            lang,
            `${id}：答复日期 ${r.date} 晚于答复期限 ${facts.due}（逾期${facts.reply.workingDaysLate}个工作日）`,
            `${id}: the reply (${r.date}) is later than its deadline ${facts.due} (${facts.reply.workingDaysLate} working days late)`,
          ),
        );
      break;
    }
  }
  ctx.letter.date = date;
  return { template, context: ctx, date, warnings };
}

/** Compose one letter into a document tree (kind "letter": no page number on page one). */
export function buildLetter(
  env: LetterEnv,
  app: Application,
  facts: ApplicationFacts,
  planned: PlannedLetter,
): BuiltLetter {
  const { template, context, date, warnings } = letterContext(env, app, facts, planned);
  const tree = composeDocument(template, context, {
    kind: "letter",
    meta: { title: "", author: env.dataset.agency.name, date, subject: app.id },
    ...(env.templatesDir !== undefined ? { templatesDir: env.templatesDir } : {}),
    lang: env.lang,
  });
  const title = tree.blocks.find((b) => b.type === "title");
  tree.meta.title = title && title.type === "title" ? title.text : app.id;
  return {
    id: app.id,
    kind: planned.kind,
    suffix: planned.suffix,
    date,
    docNumber: context.letter.docNumber,
    template,
    tree,
    warnings,
  };
}
