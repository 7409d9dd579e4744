import { describe, expect, it, vi } from 'vitest';
import { lazy } from './lazy';

describe('lazy', () => {
  it('makes nothing until first asked, then once for every caller', async () => {
    const make = vi.fn(async () => ({ loaded: true }));
    const value = lazy(make);
    expect(make).not.toHaveBeenCalled();
    const [first, second] = await Promise.all([value(), value()]);
    expect(await value()).toBe(first);
    expect(second).toBe(first);
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed attempt', async () => {
    const make = vi.fn().mockRejectedValueOnce(new Error('not yet')).mockResolvedValue('ready');
    const value = lazy<string>(make);
    await expect(value()).rejects.toThrow('not yet');
    expect(await value()).toBe('ready');
    expect(make).toHaveBeenCalledTimes(2);
  });
});
