/**
 * Push mail against the test Cyrus (test/interop/cyrus.sh): push-scenario.ts.
 *
 *   npx vitest run --project interop test/interop/cyrus-push.test.ts
 */
import { describePush } from './push-scenario.ts';
import { SERVERS } from './servers.ts';

describePush(SERVERS.cyrus);
