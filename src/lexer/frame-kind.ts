/**
 * What kind of response a frame is, as far as literal announcements go: the framer needs it to
 * know whether a `{n}` closing a line announces a literal (RFC 9051 §9: status responses and
 * continuation requests end in `text`, which may end in `}`; everything else may end in a
 * literal). Inside a status response only an open response code can hold one
 * (`* NO [XFOO {5}` CRLF `a]b] …`), up to its first `]`.
 *
 * ```abnf
 * response-tagged = tag SP resp-cond-state CRLF
 * response-data   = "*" SP (resp-cond-state / resp-cond-bye / …) CRLF
 * resp-cond-state = ("OK" / "NO" / "BAD") SP resp-text
 * resp-cond-bye   = "BYE" SP resp-text
 * greeting        = "*" SP (resp-cond-auth / resp-cond-bye) CRLF   ; resp-cond-auth: OK / PREAUTH
 * resp-text       = ["[" resp-text-code "]" SP] [text]
 * continue-req    = "+" SP (resp-text / base64) CRLF
 * tag             = 1*<any ASTRING-CHAR except "+">                 ; no length limit
 * ```
 *
 * The scanner is fed the response's line bytes as they arrive (never its literals) and decides
 * from the grammar of the whole line, whatever its length and chunking. An earlier design read
 * the first 80 bytes: a tag of 78 characters hid the status word and `T… OK hello {5}` became
 * a literal that swallowed the next response (issue #17, finding 3). It is fed only until the
 * kind is settled: a FETCH after four bytes, a status response at the end of its code.
 */
import { Ch, TAG_CHAR } from './chars.ts';

/** A frame's kind, as far as literal announcements go. */
export const enum Kind {
  Unknown = 0,
  General = 1,
  Status = 2,
  Continuation = 3,
  /**
   * `* SEARCH`, `* SORT`, `* THREAD`, `* ESEARCH`, `* VANISHED`: responses made of numbers, whose
   * length grows with the mailbox (a `UID SEARCH ALL` of 10 million messages is ~90 MB), parsed
   * into compact arrays; they have a line limit of their own (issue #24). Literals as General.
   */
  NumberList = 4,
}

const enum Step {
  Start = 0,
  Tag = 1,
  /** After "*": the SP. */
  StarSp = 2,
  /** Reading the word after the tag or "*". */
  Word = 3,
  /** After a status word: an optional SP, then "[" or text. */
  AfterWord = 4,
  /** Inside a status response's code: brackets and quotes balanced. */
  Code = 5,
  /** Settled. */
  Done = 6,
}

/** Longest word told apart (`VANISHED`). */
const WORD_MAX = 8;

// Status words as lower-case letters packed into one number (5 bits a letter), so the word being
// read needs no buffer.
function pack(word: string): number {
  let v = 0;
  for (let i = 0; i < word.length; i++) v = v * 32 + (word.charCodeAt(i) - 0x60);
  return v;
}
const OK = pack('ok');
const NO = pack('no');
const BAD = pack('bad');
const BYE = pack('bye');
const PREAUTH = pack('preauth');
const SEARCH = pack('search');
const SORT = pack('sort');
const THREAD = pack('thread');
const ESEARCH = pack('esearch');
const VANISHED = pack('vanished');

export class KindScanner {
  kind = Kind.Unknown;
  /** More bytes can change the answer: feed the next line bytes. */
  open = true;
  private step = Step.Start;
  private untagged = false;
  private word = 0;
  private wordLen = 0;
  private depth = 0;
  /** Bytes fed so far, and how many had been when the kind was settled. */
  private fed = 0;
  settledAt = 0;

  /** Starts a new response. */
  reset(): void {
    this.kind = Kind.Unknown;
    this.open = true;
    this.step = Step.Start;
    this.untagged = false;
    this.word = 0;
    this.wordLen = 0;
    this.depth = 0;
    this.fed = 0;
    this.settledAt = 0;
  }

  /** Feeds the next bytes of the response's text (line bytes, CRLFs included, no literals). */
  feed(buf: Uint8Array, from: number, to: number): void {
    for (let i = from; i < to && this.open; i++) this.byte(buf[i]!);
  }

  /** The first line ended undecided (the tag or word ran to its end): settle. */
  lineEnded(): void {
    if (this.kind !== Kind.Unknown) return;
    this.settle(Kind.General);
  }

  /** Whether a `{n}` that ends the current line announces a literal. */
  literalAllowed(): boolean {
    if (this.kind === Kind.Unknown) this.lineEnded();
    if (this.kind === Kind.General || this.kind === Kind.NumberList) return true;
    if (this.kind === Kind.Continuation) return false;
    return this.step === Step.Code && this.depth > 0;
  }

  private settle(kind: Kind): void {
    this.kind = kind;
    this.settledAt = this.fed;
    this.open = false;
    this.step = Step.Done;
  }

  private byte(c: number): void {
    this.fed++;
    switch (this.step) {
      case Step.Start:
        if (c === Ch.Plus) this.settle(Kind.Continuation);
        else if (c === Ch.Star) {
          this.untagged = true;
          this.step = Step.StarSp;
        } else if (TAG_CHAR[c] === 1) this.step = Step.Tag;
        else this.settle(Kind.General);
        return;
      case Step.Tag:
        if (c === Ch.Space) this.step = Step.Word;
        else if (TAG_CHAR[c] !== 1) this.settle(Kind.General);
        return;
      case Step.StarSp:
        if (c === Ch.Space) this.step = Step.Word;
        else this.settle(Kind.General);
        return;
      case Step.Word: {
        const l = c | 0x20;
        if (l >= 0x61 && l <= 0x7a && this.wordLen < WORD_MAX) {
          this.word = this.word * 32 + (l - 0x60);
          this.wordLen++;
          return;
        }
        if (c !== Ch.Space && c !== Ch.Cr && c !== Ch.Lf && c !== Ch.LBracket) {
          this.settle(Kind.General);
          return;
        }
        if (!this.isStatusWord()) {
          this.settle(this.isNumberListWord() && c !== Ch.LBracket ? Kind.NumberList : Kind.General);
          return;
        }
        this.kind = Kind.Status;
        this.step = Step.AfterWord;
        if (c === Ch.LBracket) this.code(c);
        else if (c !== Ch.Space) this.settle(Kind.Status);
        return;
      }
      case Step.AfterWord:
        if (c === Ch.LBracket) {
          this.step = Step.Code;
          this.code(c);
        } else this.settle(Kind.Status);
        return;
      case Step.Code:
        this.code(c);
        return;
    }
  }

  private isStatusWord(): boolean {
    const w = this.word;
    if (w === OK || w === NO || w === BAD) return true;
    return this.untagged && (w === BYE || w === PREAUTH);
  }

  private isNumberListWord(): boolean {
    const w = this.word;
    return this.untagged && (w === SEARCH || w === SORT || w === THREAD || w === ESEARCH || w === VANISHED);
  }

  /** A byte of a response code (its "[" included). */
  private code(c: number): void {
    this.step = Step.Code;
    if (c === Ch.LBracket) this.depth = 1;
    else if (c === Ch.RBracket) {
      // The code closes at its first "]", as the parser reads it (resp-text-code = … / atom
      // [SP 1*<any TEXT-CHAR except "]">]; no known code holds a "]"), quotes or not: the rest is
      // text, where no literal can stand. Balancing nested "[" (or skipping quoted "]") here
      // once let `[XFOO a[b] {5}` take a literal the parser then read as text.
      this.depth = 0;
      this.settle(Kind.Status);
    }
  }
}
