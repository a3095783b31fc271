/**
 * The data layer's public face: read and validate a dataset, and the dataset's types.
 *
 *   const data = loadDataset("samples/2023-district-bureau.json", { lang: "zh" });
 *   const { ok, errors } = validateDatasetText(text, "x.json", "en");
 */
export { loadDataset, parseDataset, readDatasetText, DatasetError, type LoadOptions } from "./load.js";
export {
  validateDatasetText,
  validateDataset,
  formatValidationError,
  type DatasetIssue,
  type DatasetValidation,
  type ValidationError,
  type ValidationResult,
} from "./validate.js";
export type { IssueCode } from "./issue.js";
export { countAgrees, countText, countValue, isApproximate } from "./count.js";
export { RECEIPT_FIELD } from "./receipt.js";
export { FIELD_LABELS, fieldPathLabel } from "./field-labels.js";
export { clerkMessage, placeText } from "./messages.js";
export { dateParts, dateText, type DateParts } from "./date-text.js";
export {
  inputMessage,
  problemsText,
  formatApplicationProblem,
  codedOf,
  CodedUserError,
  type InputMessage,
  type InputMessageId,
  type QuantitySubject,
} from "./input-messages.js";
export { groundProblem, isGround, type GroundProblem } from "./grounds.js";
export {
  deliveryDeparture,
  deliveryProblems,
  PROVIDING_REPLY_TYPES,
  type DeliveryProblem,
} from "./delivery.js";
export {
  APPLICANT_TYPES,
  APPLICANT_TYPE_LABELS,
  CHANNELS,
  CHANNEL_LABELS,
  REPLY_TYPES,
  REPLY_TYPE_LABELS,
  REASONS,
  REASON_LABELS,
  GROUNDS,
  GROUND_LABELS,
  groundsOf,
  CONSULTATION_PARTIES,
  DELIVERY_FORMS,
  DELIVERY_FORM_LABELS,
  DELIVERY_METHODS,
  DELIVERY_METHOD_LABELS,
  REPLY_TYPE_ROW,
  replyTableRow,
  type ReplyTableRow,
} from "./codes.js";
export { SAMPLES_DIR } from "../util/paths.js";
export { SCHEMA_FILE, SCHEMA_ID, loadSchema, datasetValidator } from "./schema.js";
export type * from "./types.js";
