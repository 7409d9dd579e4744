/**
 * Group statements as PostgreSQL groups commits: a call that finds none of its kind in flight runs at once; calls
 * made meanwhile wait and then run together, as one statement. Under load, many concurrent requests then cost
 * one round trip instead of one each (on a small machine, the write to the server's socket is a good part of a
 * request's cost); alone, a call waits for nothing. `run` answers its inputs in their order, with one statement
 * (all or nothing): a batch that fails is run again one call at a time, so that a call fails only by itself.
 */
export interface BatchOptions {
  /** At most this many calls in one statement. */
  max?: number;
  /** Only batches of 1, 2, 4, 8… calls (the rest wait for the next): one prepared statement a size, few sizes. */
  powersOfTwo?: boolean;
}

export function batched<I, O>(
  run: (inputs: I[]) => Promise<O[]>,
  { max = 200, powersOfTwo = false }: BatchOptions = {},
): (input: I) => Promise<O> {
  interface Call {
    input: I;
    resolve: (output: O) => void;
    reject: (error: unknown) => void;
  }
  let waiting: Call[] = [];
  let running = false;

  async function runAlone(call: Call): Promise<void> {
    try {
      const [output] = await run([call.input]);
      call.resolve(output as O);
    } catch (error) {
      call.reject(error);
    }
  }

  async function drain(): Promise<void> {
    running = true;
    while (waiting.length > 0) {
      const available = Math.min(waiting.length, max);
      const size = powersOfTwo ? 2 ** Math.floor(Math.log2(available)) : available;
      const batch = waiting.slice(0, size);
      waiting = waiting.slice(size);
      if (batch.length === 1) {
        await runAlone(batch[0] as Call);
        continue;
      }
      try {
        const outputs = await run(batch.map((call) => call.input));
        batch.forEach((call, i) => call.resolve(outputs[i] as O));
      } catch {
        for (const call of batch) await runAlone(call);
      }
    }
    running = false;
  }

  return (input) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ input, resolve, reject });
      if (!running) void drain();
    });
}
