/** Minimal typings for the untyped peers, only what the adapters touch. */
declare module 'emailjs-imap-handler' {
  export interface EmailjsNode {
    type: string;
    value: string | Uint8Array;
    section?: EmailjsAttribute[];
    partial?: number[];
  }
  export type EmailjsAttribute = EmailjsNode | EmailjsAttribute[] | null;
  export interface EmailjsResponse {
    tag: string;
    command: string;
    attributes?: EmailjsAttribute[];
  }
  const handler: { parser(buffer: Uint8Array, options?: { valueAsString?: boolean }): EmailjsResponse };
  export default handler;
}

declare module 'imap/lib/Parser.js' {
  import type { EventEmitter } from 'node:events';
  import type { Readable } from 'node:stream';
  export class Parser extends EventEmitter {
    constructor(stream: Readable, debug?: (msg: string) => void);
  }
  const _default: { Parser: typeof Parser };
  export default _default;
}
