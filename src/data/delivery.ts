/**
 * How information is provided (reply.delivery) against the form the application asked for
 * (requestedDelivery). The agency decides the form "根据申请人的要求及行政机关保存政府信息的实际
 * 情况" and may depart from the request only for a reason (ogi-2019 Art. 40; ogi-2008 Art. 26:
 * "无法按照申请人要求的形式提供的"), which the reply states. The one copy of the rules:
 * validation reports a problem at its field, and a reply letter is refused with the same sentence.
 */
import {
  DELIVERY_FORM_LABELS,
  DELIVERY_METHOD_LABELS,
  REPLY_TYPE_LABELS,
  type DeliveryForm,
  type DeliveryMethod,
} from "./codes.js";
import type { Msg } from "./messages.js";

/** Reply types that provide information to the applicant (and so have a delivery). */
export const PROVIDING_REPLY_TYPES: readonly string[] = ["disclosed", "partial"];

/** The requested or actual form and method, each when known. */
export interface DeliveryShape {
  form?: DeliveryForm;
  method?: DeliveryMethod;
}

export interface DeliveryProblem {
  /** Field inside the application: reply.delivery or reply.delivery.deviation. */
  field: string;
  code: "not-allowed" | "required";
  message: Msg;
}

function shape(v: unknown): DeliveryShape | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const o = v as Record<string, unknown>;
  const out: DeliveryShape = {};
  if (typeof o.form === "string" && o.form in DELIVERY_FORM_LABELS) out.form = o.form as DeliveryForm;
  if (typeof o.method === "string" && o.method in DELIVERY_METHOD_LABELS)
    out.method = o.method as DeliveryMethod;
  return out;
}

/** 纸质形式、邮寄方式 — the shape as a clerk says it (only its known parts; follows 以). */
export function deliveryText(d: DeliveryShape): { zh: string; en: string } {
  const zh = [
    d.form && `${DELIVERY_FORM_LABELS[d.form]}形式`,
    d.method && `${DELIVERY_METHOD_LABELS[d.method]}方式`,
  ]
    .filter(Boolean)
    .join("、");
  const en = [d.form, d.method && `by ${d.method}`].filter(Boolean).join(" ");
  return { zh, en };
}

/**
 * Where the delivery departs from the request: the parts both state and that differ (a part only
 * one of them states is not a departure). Null when it follows the request or either is absent.
 */
export function deliveryDeparture(
  requested: unknown,
  delivery: unknown,
): { requested: DeliveryShape; actual: DeliveryShape } | null {
  const asked = shape(requested);
  const got = shape(delivery);
  if (!asked || !got) return null;
  const form = asked.form !== undefined && got.form !== undefined && asked.form !== got.form;
  const method = asked.method !== undefined && got.method !== undefined && asked.method !== got.method;
  if (!form && !method) return null;
  return {
    requested: { ...(form ? { form: asked.form } : {}), ...(method ? { method: asked.method } : {}) },
    actual: { ...(form ? { form: got.form } : {}), ...(method ? { method: got.method } : {}) },
  };
}

/** The problems of an application's delivery (any shape), in order; empty when none. */
export function deliveryProblems(app: unknown): DeliveryProblem[] {
  if (typeof app !== "object" || app === null) return [];
  const a = app as Record<string, unknown>;
  const reply =
    typeof a.reply === "object" && a.reply !== null ? (a.reply as Record<string, unknown>) : undefined;
  const delivery =
    reply && typeof reply.delivery === "object" && reply.delivery !== null
      ? (reply.delivery as Record<string, unknown>)
      : undefined;
  if (!reply || !delivery) return [];
  const out: DeliveryProblem[] = [];
  const type = typeof reply.type === "string" ? reply.type : undefined;
  if (type !== undefined && !PROVIDING_REPLY_TYPES.includes(type)) {
    const label = (REPLY_TYPE_LABELS as Record<string, string>)[type] ?? type;
    out.push({
      field: "reply.delivery",
      code: "not-allowed",
      message: {
        zh: `答复类型为“${label}”的答复不向申请人提供信息，不应填写提供和送达；只有予以公开和部分公开的答复填写`,
        en: `a "${type}" reply provides no information: reply.delivery is only for disclosed and partial replies`,
      },
    });
    return out;
  }
  const departure = deliveryDeparture(a.requestedDelivery, delivery);
  const reason = typeof delivery.deviation === "string" ? delivery.deviation.trim() : "";
  if (departure && reason === "") {
    const asked = deliveryText(departure.requested);
    const got = deliveryText(departure.actual);
    out.push({
      field: "reply.delivery.deviation",
      code: "required",
      message: {
        zh: `申请要求以${asked.zh}提供，答复以${got.zh}提供：须填写未按申请的形式提供的原因（如按申请的形式提供可能危及政府信息载体安全或者公开成本过高），答复书据此说明`,
        en: `the application asks for ${asked.en} but the reply provides ${got.en}: give the reason in reply.delivery.deviation (the reply states it)`,
      },
    });
  }
  return out;
}
