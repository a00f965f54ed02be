/**
 * Push mail against the test Dovecot (test/interop/dovecot.sh): push-scenario.ts.
 *
 *   npx vitest run --project interop test/interop/dovecot-push.test.ts
 */
import { describePush } from './push-scenario.ts';
import { SERVERS } from './servers.ts';

describePush(SERVERS.dovecot);
