/**
 * Installs every extension grammar of parser/ext/ into the dispatch tables. Called once,
 * explicitly, at the end of untagged.ts: an explicit call (not an import kept for its side
 * effects) survives `sideEffects: false` and tree shaking.
 *
 * untagged.ts owns the untagged-response tables and passes its `registerUntagged` in, so no
 * extension file imports untagged.ts at run time: there is no import cycle, and the order in
 * which modules load (a test importing an extension file first, a bundler, vite's module
 * runner, which does not hoist bindings across a cycle) does not matter. FETCH attributes and
 * response codes are registered straight with fetch.ts and resp-code.ts, which import nothing
 * from here.
 */
import { registerAcl } from './ext/acl.ts';
import { registerEsearch } from './ext/esearch.ts';
import { registerGmail } from './ext/gmail.ts';
import { registerI18n } from './ext/i18n.ts';
import { registerId } from './ext/id.ts';
import { registerList } from './ext/list.ts';
import { registerMetadata } from './ext/metadata.ts';
import { registerNamespace } from './ext/namespace.ts';
import { registerNotify } from './ext/notify.ts';
import { registerObjectId } from './ext/objectid.ts';
import { registerPreview } from './ext/preview.ts';
import { registerQuota } from './ext/quota.ts';
import { registerReferral } from './ext/referral.ts';
import { registerSortThread } from './ext/sort-thread.ts';
import { registerStatus } from './ext/status.ts';
import { registerVanished } from './ext/vanished.ts';
import type { UntaggedParser } from './untagged.ts';

/** untagged.ts's `registerUntagged`, handed to the extensions that add untagged responses. */
export type RegisterUntagged = (name: string, parse: UntaggedParser) => void;

let installed = false;

/** Registers the extension responses, FETCH attributes and response codes (idempotent). */
export function installExtensions(registerUntagged: RegisterUntagged): void {
  if (installed) return;
  installed = true;
  registerStatus(registerUntagged);
  registerList(registerUntagged);
  registerNamespace(registerUntagged);
  registerEsearch(registerUntagged);
  registerSortThread(registerUntagged);
  registerVanished(registerUntagged);
  registerId(registerUntagged);
  registerQuota(registerUntagged);
  registerMetadata(registerUntagged);
  registerAcl(registerUntagged);
  registerI18n(registerUntagged);
  registerPreview();
  registerObjectId();
  registerGmail();
  registerNotify();
  registerReferral();
}
