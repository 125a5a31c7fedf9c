import { endWithSignal } from './interrupt.js';
import { main } from './main.js';

const outcome = await main(process.argv.slice(2));
// An interrupted run has cleaned up by now: it ends by the signal, at once, even with a tile still
// running in native code on a worker thread.
if (typeof outcome === 'string') endWithSignal(outcome);
else process.exitCode = outcome;
