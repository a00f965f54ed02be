/**
 * Byte values and byte-class tables of the IMAP grammar (RFC 9051 §9, RFC 3501 §9).
 *
 * Each table is a 256-entry `Uint8Array` named after the ABNF rule it implements; a lookup is one
 * indexed load, which is why the lexer never uses regular expressions.
 */

/** Byte values the grammar names. */
export const enum Ch {
  Nul = 0x00,
  Tab = 0x09,
  Lf = 0x0a,
  Cr = 0x0d,
  Space = 0x20,
  Bang = 0x21, // "!"
  DQuote = 0x22, // '"'
  Hash = 0x23,
  Dollar = 0x24, // "$"
  Percent = 0x25, // "%"
  LParen = 0x28, // "("
  RParen = 0x29, // ")"
  Star = 0x2a, // "*"
  Plus = 0x2b, // "+"
  Comma = 0x2c, // ","
  Minus = 0x2d, // "-"
  Dot = 0x2e, // "."
  Slash = 0x2f,
  Zero = 0x30,
  Nine = 0x39,
  Colon = 0x3a, // ":"
  Lt = 0x3c, // "<"
  Eq = 0x3d,
  Gt = 0x3e, // ">"
  LBracket = 0x5b, // "["
  Backslash = 0x5c, // "\"
  RBracket = 0x5d, // "]"
  LBrace = 0x7b, // "{"
  RBrace = 0x7d, // "}"
  Tilde = 0x7e, // "~"
  Del = 0x7f,
}

function table(pred: (c: number) => boolean): Uint8Array {
  const t = new Uint8Array(256);
  for (let c = 0; c < 256; c++) t[c] = pred(c) ? 1 : 0;
  return t;
}

/** `CTL = %x00-1F / %x7F` (RFC 5234). */
const isCtl = (c: number): boolean => c < 0x20 || c === Ch.Del;

/**
 * ```abnf
 * ATOM-CHAR       = <any CHAR except atom-specials>
 * atom-specials   = "(" / ")" / "{" / SP / CTL / list-wildcards / quoted-specials / resp-specials
 * list-wildcards  = "%" / "*"
 * quoted-specials = DQUOTE / "\"
 * resp-specials   = "]"
 * CHAR            = %x01-7F
 * ```
 */
export const ATOM_CHAR: Uint8Array = table(
  (c) =>
    c >= 0x01 &&
    c <= 0x7f &&
    !isCtl(c) &&
    c !== Ch.LParen &&
    c !== Ch.RParen &&
    c !== Ch.LBrace &&
    c !== Ch.Space &&
    c !== Ch.Percent &&
    c !== Ch.Star &&
    c !== Ch.DQuote &&
    c !== Ch.Backslash &&
    c !== Ch.RBracket,
);

/** `ASTRING-CHAR = ATOM-CHAR / resp-specials` */
export const ASTRING_CHAR: Uint8Array = table((c) => ATOM_CHAR[c] === 1 || c === Ch.RBracket);

/** `tag = 1*<any ASTRING-CHAR except "+">` */
export const TAG_CHAR: Uint8Array = table((c) => ASTRING_CHAR[c] === 1 && c !== Ch.Plus);

/**
 * `TEXT-CHAR = <any CHAR except CR and LF>`, widened to 8-bit: RFC 9051 `text` admits UTF-8
 * (`text = 1*(TEXT-CHAR / UTF8-2 / UTF8-3 / UTF8-4)`), so any byte but CR, LF and NUL.
 */
export const TEXT_CHAR: Uint8Array = table((c) => c !== Ch.Cr && c !== Ch.Lf && c !== Ch.Nul);

/** Bytes that end a run inside a quoted string: DQUOTE, "\\", CR, LF, NUL. */
export const QUOTED_STOP: Uint8Array = table(
  (c) => c === Ch.DQuote || c === Ch.Backslash || c === Ch.Cr || c === Ch.Lf || c === Ch.Nul,
);

/** `DIGIT = %x30-39` */
export const DIGIT: Uint8Array = table((c) => c >= Ch.Zero && c <= Ch.Nine);

/**
 * Characters of a FETCH attribute name or response-code atom as servers send them: ATOM-CHAR
 * minus `[`, so `BODY[1]` splits into the name `BODY` and its section (RFC 9051 `msg-att`).
 */
export const ITEM_NAME_CHAR: Uint8Array = table((c) => ATOM_CHAR[c] === 1 && c !== Ch.LBracket);

/** Lower-cases an ASCII letter; other bytes unchanged. Used for case-insensitive keyword matches. */
export function lowerAscii(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}

/** A hex digit's value (either case), -1 for any other byte (RFC 2047 Q, RFC 2231 `%XX`). */
export function hexValue(c: number): number {
  if (c >= Ch.Zero && c <= Ch.Nine) return c - Ch.Zero;
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x66 ? l - 0x57 : -1;
}

/** RFC 8474 §7 `objectid = 1*255(ALPHA / DIGIT / "_" / "-")`: its characters. */
export const OBJECTID_CHAR: Uint8Array = table(
  (c) =>
    (c >= Ch.Zero && c <= Ch.Nine) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x5f ||
    c === Ch.Minus,
);
