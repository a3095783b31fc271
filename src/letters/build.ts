/**
 * One letter: application + its facts → the letter's context → composeDocument → document tree.
 * Code decides (basis, remedy, deadline, amounts, document number, which template); the
 * template (templates/letters/<kind or reply variant>.md.hbs) words it.
 *
 * A record lacking what its letter needs is a LetterError naming the application id and the
 * field — never the applicant.
 */
import { composeDocument } from "../compose/index.js";
import { perRequestBand, REGIME_RULES, type FeeTier } from "../law/index.js";
import type { Reason, Regime } from "../data/codes.js";
import type { Application, Dataset } from "../data/types.js";
import { noteText, recordGaps, type RecordGap } from "../data/completeness.js";
import { DELIVERY_FORM_LABELS, DELIVERY_METHOD_LABELS, GROUND_LABELS } from "../data/codes.js";
import { dateText } from "../data/date-text.js";
import { groundProblem, isGround } from "../data/grounds.js";
import { deliveryDeparture, deliveryProblems, deliveryText } from "../data/delivery.js";
import { extensionProblem, feeProblem } from "../data/record-limits.js";
import { costItemCents } from "../data/fee-schedule.js";
import { inputMessage } from "../data/input-messages.js";
import type { DocumentTree } from "../document/tree.js";
import type { ApplicationFacts } from "../facts/applications.js";
import { resolveInterpretations } from "../facts/interpretations.js";
import { UserError } from "../util/errors.js";
import { t, type Lang } from "../util/i18n.js";
import {
  BasisError,
  deliveryBasis,
  OGI_LAW,
  procedureBasis,
  reapplyBasis,
  replyBasis,
  waiverBasis,
  type ReplyBasis,
} from "./basis.js";
import type { LettersConfig } from "./config.js";
import type { LetterKind, PlannedLetter } from "./kinds.js";
import { remedyNotice } from "./remedy.js";
import { fieldLabelZh } from "./fields.js";

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
  /**
   * Messages name a field by its key (received), as --json prints them; by default a Chinese
   * message names it in Chinese (收到日期).
   */
  fieldKeys?: boolean;
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
    /**
     * The 附注's contact (config contactNote): the application's handler, else the disclosure
     * office's contact person; null when unknown or the note is off.
     */
    contactName: string | null;
    /** The handler's phone, else the disclosure office's, else the agency's; null when unknown or off. */
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
    /**
     * Which rule of ogi-2019 Art. 31 fixed the receipt date, for the receipt's wording:
     * "signed-for" (registered post, item (2)), "post-confirmed" (ordinary post: confirmed with
     * the applicant the day it arrived, item (2)), "confirmed" (online, fax, e-mail: confirmed
     * by both sides, item (3)); null: in person, or a date stated in the record.
     */
    receiptRule: "signed-for" | "post-confirmed" | "confirmed" | null;
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
    /** The letters configuration's feePayment sentence, printed when the dataset says nothing of how to pay. */
    payment: string;
    /** agency.feePayment: how (缴费方式), into which account (收款账户), where (缴费地点); null when not given. */
    paymentMethod: string | null;
    paymentAccount: string | null;
    paymentPlace: string | null;
    /** An ogi-2008 cost fee's items (fee.costs): what, how many, unit price and subtotal; empty otherwise. */
    costs: { item: string; quantity: number; unit: string; unitPriceText: string; subtotalText: string }[];
    /**
     * ogi-2008, a natural person: the citation for asking a waiver on hardship (Art. 28 ¶1,
     * 确有经济困难的，经本人申请…可以减免相关费用); null otherwise.
     */
    waiverBasis: string | null;
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
    /**
     * A withdrawal (other / other with reply.withdrawn): the day the written withdrawal was
     * received, and the citation for asking again (null: none cited).
     */
    withdrawal: { date: string; reapply: string | null } | null;
  } | null;
  /**
   * A refusal (or the withheld part): its reason; its specific ground (reply.ground) as a code
   * and the label of it, or, for prohibited-by-law, the law and article as `law`.
   */
  refusal: {
    reason: string;
    thirdPartyObjected: boolean;
    ground: string | null;
    groundLabel: string | null;
    law: string | null;
  } | null;
  withheld: { reason: string; text: string } | null;
  /**
   * A disclosed or partial reply's reply.delivery: the form and method as labels (纸质, 邮寄 …)
   * and the method's code (the template words each method its own way); a departure from the
   * application's requestedDelivery with its reason and basis (Art. 40; ogi-2008 Art. 26); the
   * enclosed documents' titles (附件).
   */
  delivery: {
    form: string | null;
    method: string | null;
    methodCode: string | null;
    departure: { requested: string; reason: string; basis: string } | null;
    enclosures: string[];
  } | null;
  remedy: string | null;
}

function fail(
  env: Pick<LetterEnv, "lang" | "fieldKeys">,
  id: string,
  kind: LetterKind,
  field: string,
  zh: string,
  en: string,
): LetterError {
  const name = env.fieldKeys === true || field === "" ? field : fieldLabelZh(field);
  return new LetterError(id, kind, field, t(env.lang, `${id}：${name}：${zh}`, `${id}: ${field}: ${en}`));
}

/** Money as written in a notice: whole yuan without decimals, otherwise two decimals. */
export function moneyText(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

function tierRows(method: "per-page" | "per-request", tiers: readonly FeeTier[], quantity: number) {
  const unit = method === "per-page" ? "页" : "件";
  if (method === "per-request") {
    const { from, to } = perRequestBand(quantity);
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
function feeContext(
  app: Application,
  facts: ApplicationFacts,
  config: LettersConfig,
  dataset: Dataset,
): LetterContext["fee"] {
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
    // The period the facts counted the payment deadline (and the fee pause) with.
    payDays: resolveInterpretations(dataset).feePaymentDays,
    payment: config.feePayment,
    paymentMethod: dataset.agency.feePayment?.method ?? null,
    paymentAccount: dataset.agency.feePayment?.account ?? null,
    paymentPlace: dataset.agency.feePayment?.place ?? null,
    costs: (f.costs ?? []).map((c) => ({
      item: c.item,
      quantity: c.quantity,
      unit: c.unit,
      unitPriceText: moneyText(c.unitPrice),
      subtotalText: moneyText(costItemCents(c.unitPrice, c.quantity) / 100),
    })),
    waiverBasis:
      facts.regime === "ogi-2008" && app.applicant.type === "natural-person" ? waiverBasis().text : null,
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
  const err = (field: string, zh: string, en: string) => fail(env, id, kind, field, zh, en);
  const warnings: string[] = [];
  /** A record gap (data/completeness.ts, which validation reports too) refuses the letter. */
  const gap = (letter: RecordGap["letter"]) => {
    const g = recordGaps(app, env.dataset.agency.website !== undefined).find((x) => x.letter === letter);
    if (g) throw err(g.field, g.message.zh, g.message.en);
  };

  if (facts.received === null || facts.regime === null) {
    const p = facts.problems[0];
    throw err(
      p?.field ?? "received",
      p ? inputMessage(p, "zh") : "缺少收到申请的日期",
      p ? inputMessage(p, "en") : "the receipt date is missing",
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
      contactName: config.contactNote ? (app.handler?.name ?? agency.disclosureOffice.contact ?? null) : null,
      contactPhone: config.contactNote
        ? (app.handler?.phone ?? agency.disclosureOffice.phone ?? agency.phone ?? null)
        : null,
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
      receiptRule:
        facts.receivedFrom === "signedFor"
          ? "signed-for"
          : facts.receivedFrom === "confirmed"
            ? app.channel === "ordinary-post"
              ? "post-confirmed"
              : "confirmed"
            : null,
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
    fee: feeContext(app, facts, config, env.dataset),
    reply: null,
    refusal: null,
    withheld: null,
    delivery: null,
    remedy: null,
  };

  let template: string = `letters/${kind}`;
  let date: string;
  switch (kind) {
    case "receipt": {
      if (facts.dueAtReceipt === null) {
        // Why: e.g. the deadline runs into a year whose holiday notice is not in the calendar
        // yet, and how to add it.
        const why = facts.problems.find((p) => p.field === "received");
        throw why
          ? err(
              "received",
              `无法计算答复期限：${inputMessage(why, "zh")}`,
              `the reply deadline cannot be computed: ${inputMessage(why, "en")}`,
            )
          : err("received", "无法计算答复期限", "the reply deadline cannot be computed");
      }
      date = facts.received;
      ctx.deadlineBasis = procedureBasis("receipt", regime);
      ctx.receipt = { due: facts.dueAtReceipt };
      break;
    }
    case "correction": {
      const c = app.correction;
      if (!c) throw err("correction", "没有补正告知记录", "there is no correction record");
      gap("correction");
      date = c.notified;
      ctx.basis = procedureBasis("correction", regime);
      if (facts.correction?.onTime === false)
        warnings.push(
          t(
            lang,
            `${id}：补正告知日期 ${dateText(c.notified)} 晚于应告知期限 ${dateText(facts.correction.due)}`,
            `${id}: the correction notice (${dateText(c.notified, "en")}) is later than its limit ${dateText(facts.correction.due, "en")}`,
          ),
        );
      break;
    }
    case "extension": {
      const e = app.extension;
      const f = facts.extension;
      if (!e || !f) throw err("extension", "没有延期记录", "there is no extension record");
      const over = extensionProblem(regime, e);
      if (over) throw err(over.field, over.message.zh, over.message.en);
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
        answerDays: is2019 ? resolveInterpretations(env.dataset).consultationAnswerDays : null,
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
      const wrong = feeProblem(regime, f);
      if (wrong) throw err(wrong.field, wrong.message.zh, wrong.message.en);
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
          replyDate: r.date,
          overrides: config.basis,
        });
      } catch (e) {
        if (e instanceof BasisError) throw err(e.field, e.zh, e.en);
        throw e;
      }
      template = basis.template;
      gap("reply");
      const groundIssue = groundProblem(r);
      if (groundIssue) throw err("reply.ground", groundIssue.message.zh, groundIssue.message.en);
      const note = noteText(r.note);
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
        withdrawal:
          r.type === "other" && r.reason === "other" && r.withdrawn !== undefined
            ? { date: r.withdrawn, reapply: reapplyBasis(regime)?.text ?? null }
            : null,
      };
      const refusalReason = r.type === "refused" || r.type === "partial" ? (basis.reason ?? null) : null;
      if (refusalReason !== null)
        ctx.refusal = {
          reason: refusalReason,
          thirdPartyObjected: thirdParty.some((c) => c.consent === false),
          ground: isGround(r.ground) ? r.ground : null,
          groundLabel: isGround(r.ground) ? GROUND_LABELS[r.ground] : null,
          law: refusalReason === "prohibited-by-law" && r.ground !== undefined ? r.ground.trim() : null,
        };
      if (basis.withheld) ctx.withheld = { reason: basis.withheld.reason, text: basis.withheld.text };
      const deliveryIssue = deliveryProblems(app)[0];
      if (deliveryIssue) throw err(deliveryIssue.field, deliveryIssue.message.zh, deliveryIssue.message.en);
      if (r.delivery) ctx.delivery = deliveryContext(app, regime);
      ctx.remedy = remedyNotice(r.type, r.date, agency, config.remedy).sentence;
      if (facts.reply?.onTime === false)
        warnings.push(
          t(
            lang,
            `${id}：答复日期 ${dateText(r.date)} 晚于答复期限 ${dateText(facts.due)}（逾期${facts.reply.workingDaysLate}个工作日）`,
            `${id}: the reply (${dateText(r.date, "en")}) is later than its deadline ${dateText(facts.due, "en")} (${facts.reply.workingDaysLate} working days late)`,
          ),
        );
      break;
    }
  }
  ctx.letter.date = date;
  return { template, context: ctx, date, warnings };
}

function deliveryContext(app: Application, regime: Regime): NonNullable<LetterContext["delivery"]> {
  const d = app.reply!.delivery!;
  const departure = deliveryDeparture(app.requestedDelivery, d);
  return {
    form: d.form ? DELIVERY_FORM_LABELS[d.form] : null,
    method: d.method ? DELIVERY_METHOD_LABELS[d.method] : null,
    methodCode: d.method ?? null,
    departure: departure
      ? {
          requested: deliveryText(departure.requested).zh,
          reason: (d.deviation ?? "").trim().replace(/[。；，]+$/u, ""),
          basis: deliveryBasis(regime).text,
        }
      : null,
    enclosures: (d.enclosures ?? []).map((e) => e.trim()).filter(Boolean),
  };
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
