/**
 * The letters stage: the on-request disclosure letters of a dataset (回执, 补正告知书, 征求意见函,
 * 延期答复告知书, 收费通知书, 答复书): in memory (composeLetters) or written to a folder
 * (writeLetters, what `gongwen letters` runs).
 */
export {
  composeLetters,
  letterGaps,
  type ComposeLettersOptions,
  type ComposedLetters,
  type LetterGap,
} from "./compose-letters.js";
export {
  writeLetters,
  planLetters,
  countsLine,
  MERGED_FILE,
  LETTER_FORMATS,
  type LetterFormat,
  type LettersOptions,
  type LettersResult,
  type WrittenLetter,
} from "./batch.js";
export {
  buildLetter,
  letterContext,
  LetterError,
  type BuiltLetter,
  type LetterContext,
  type LetterEnv,
} from "./build.js";
export {
  DEFAULT_LETTERS_CONFIG,
  LETTERS_CONFIG_FILE,
  lettersConfigFor,
  loadLettersConfigFile,
  resolveLettersConfig,
  type LettersConfig,
} from "./config.js";
export {
  LETTER_KINDS,
  LETTER_KIND_LABELS,
  KIND_OPTIONS,
  kindsOfOption,
  plannedLetters,
  type LetterKind,
  type PlannedLetter,
} from "./kinds.js";
export { formatDocNumber, seqOf as docNumberSeq } from "./doc-number.js";
export { loadLettersDataset, parseLettersDataset, type LettersDataset } from "./load.js";
export { replyBasis, procedureBasis, type ReplyBasis, type CitedBasis, type Citation } from "./basis.js";
export { remedyNotice, DEFAULT_REMEDY, type RemedyConfig, type Remedy } from "./remedy.js";
