/** A NUL, or half of a UTF-16 surrogate pair without its other half: text no database column takes. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isForbidden(text: string): boolean {
  return text.includes("\u0000") || LONE_SURROGATE.test(text);
}

export const FORBIDDEN_TEXT_MESSAGE =
  "Texten innehåller otillåtna tecken (NUL-tecken eller ofullständiga Unicode-tecken).";

/** Whether any string (value or key) anywhere in a parsed JSON value holds forbidden characters. */
export function hasForbiddenText(value: unknown): boolean {
  if (typeof value === "string") return isForbidden(value);
  if (Array.isArray(value)) return value.some(hasForbiddenText);
  if (value !== null && typeof value === "object") {
    return Object.entries(value).some(([key, item]) => isForbidden(key) || hasForbiddenText(item));
  }
  return false;
}
