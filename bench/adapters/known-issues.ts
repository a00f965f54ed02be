/**
 * What a reader of the tables needs to know: causes found for peer count mismatches, attached to the report when the mismatch shows up
 * (a cause is never a reason to skip a check: the counts are compared on every run).
 */
export const KNOWN_ISSUES: readonly { adapter: string; workload: string; cause: string }[] = [
  {
    adapter: 'emailjs',
    workload: 'list-status',
    cause:
      'emailjs-imap-handler reads a token that starts with a digit as a sequence set, so the unquoted mailbox name `2024:Q1` (a valid astring; Dovecot sends it so) throws "Unexpected char" and the LIST is lost',
  },
];

export function knownCause(adapter: string, workload: string): string | undefined {
  return KNOWN_ISSUES.find((k) => k.adapter === adapter && k.workload === workload)?.cause;
}

/** Differences in what the adapters do with the same bytes, printed under the workload's table. */
export const WORKLOAD_NOTES: Readonly<Record<string, readonly string[]>> = {
  'body-literals': [
    "node-imap streams a BODY[] literal: each socket chunk is pushed as is to the message's Readable; the adapter joins the pieces with Buffer.concat when the stream ends, as a fetch listener does to get the body, so every parser hands out whole bodies (counting the pieces without joining them ran at 52 GB/s at 65536-byte chunks: node-imap then copies nothing). imap-wire hands out each literal whole (a view when it lies in one chunk, else one exact-size copy), as do imapflow (Buffer.concat of the pieces) and emailjs (after the framer's concat, the parser copies the response again: `new Uint8Array(input)`).",
  ],
  'envelope-bodystructure': [
    'imapflow / emailjs / node-imap build a generic token tree; imapflow-typed and node-imap additionally convert ENVELOPE and BODYSTRUCTURE to objects (with RFC 2047 decoding).',
  ],
};
