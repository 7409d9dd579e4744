import { describe, expect, it } from 'vitest';
import { batched } from '../../src/platform/db/batch';

/** A statement that answers each input doubled, recording the batches it was given; `fails` refuses some. */
function statement(fails: (input: number) => boolean = () => false) {
  const batches: number[][] = [];
  const run = async (inputs: number[]) => {
    batches.push(inputs);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (inputs.some(fails)) throw new Error(`refused ${inputs.filter(fails).join(', ')}`);
    return inputs.map((n) => n * 2);
  };
  return { batches, run };
}

describe('batched statements', () => {
  it('a call alone runs at once; calls made while it runs go together in the next statement', async () => {
    const { batches, run } = statement();
    const call = batched(run);
    const answers = await Promise.all([1, 2, 3, 4].map((n) => call(n)));
    expect(answers).toEqual([2, 4, 6, 8]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('a statement that fails is run again one call at a time: only the failing call fails', async () => {
    const { batches, run } = statement((n) => n === 3);
    const call = batched(run);
    const settled = await Promise.allSettled([1, 2, 3, 4].map((n) => call(n)));
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : String(s.reason)))).toEqual([
      2,
      4,
      'Error: refused 3',
      8,
    ]);
    expect(batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });

  it('takes at most `max` calls, and with powersOfTwo only 1, 2, 4, 8… of them', async () => {
    const { batches, run } = statement();
    const call = batched(run, { max: 4, powersOfTwo: true });
    await Promise.all(Array.from({ length: 12 }, (_, n) => call(n)));
    expect(batches.map((b) => b.length)).toEqual([1, 4, 4, 2, 1]);
    expect(batches.flat()).toEqual(Array.from({ length: 12 }, (_, n) => n));
  });
});
