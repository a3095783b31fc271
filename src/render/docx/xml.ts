/** Text and escaping for XML parts. */

// Characters XML 1.0 cannot carry (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/F).
const XML_INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as a DOCX can hold it: CR LF / CR → LF, characters XML cannot carry removed. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(XML_INVALID, "");
}

/** Escaped element content (invalid characters removed). */
export function xmlText(s: string): string {
  return cleanText(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escaped attribute value. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
