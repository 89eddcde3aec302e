// Lines of a byte stream, read lazily: nothing is consumed until iteration
// starts (readline drops lines emitted before its iterator exists), and a
// stream that stops without ending cleanly (an aborted upload) throws
// instead of looking like a shorter file.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export async function* readLines(stream: Readable): AsyncGenerator<string> {
  let failure: unknown;
  stream.once('error', (err) => {
    failure = err;
  });
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  for await (const line of rl) yield line;
  if (failure || stream.readableAborted || !stream.readableEnded) {
    throw new Error('the upload ended before it was complete', { cause: failure });
  }
}
