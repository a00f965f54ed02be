/**
 * Push mail against the test Courier (test/interop/courier.sh): push-scenario.ts.
 *
 *   npx vitest run --project interop test/interop/courier-push.test.ts
 */
import { describePush } from './push-scenario.ts';
import { SERVERS } from './servers.ts';

describePush(SERVERS.courier);
