import type { Reply, Request } from './protocol.js';

/** The page's side of the worker: requests go out, replies come to one listener. */
export function startWorker(
  onReply: (reply: Reply) => void,
): (request: Request, transfer?: Transferable[]) => void {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'vdsr' });
  worker.onmessage = (event: MessageEvent<Reply>) => onReply(event.data);
  worker.onerror = (event) => {
    onReply({ type: 'error', code: 'E_INTERNAL', message: `The worker failed: ${event.message}` });
  };
  return (request, transfer = []) => worker.postMessage(request, transfer);
}
