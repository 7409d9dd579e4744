import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

/**
 * The local provider's state (interactions, sessions, codes, tokens) in this process's memory, each kept until it
 * expires. A stand-in for a few people on one machine: look-ups other than by id scan every entry.
 */
export function memoryStore(): AdapterFactory {
  const entries = new Map<string, { payload: AdapterPayload; expires: number }>();
  const live = (key: string) => {
    const entry = entries.get(key);
    return entry && entry.expires > Date.now() ? entry.payload : undefined;
  };
  const findBy = (model: string, match: (payload: AdapterPayload) => boolean) => {
    for (const [key, entry] of entries)
      if (key.startsWith(`${model}:`) && match(entry.payload)) return live(key);
    return undefined;
  };

  return (model) => {
    const keyOf = (id: string) => `${model}:${id}`;
    const adapter: Adapter = {
      upsert: async (id, payload, expiresIn) => {
        const now = Date.now();
        for (const [key, entry] of entries) if (entry.expires <= now) entries.delete(key);
        entries.set(keyOf(id), { payload, expires: now + expiresIn * 1000 });
      },
      find: async (id) => live(keyOf(id)),
      findByUid: async (uid) => findBy(model, (payload) => payload.uid === uid),
      findByUserCode: async (userCode) => findBy(model, (payload) => payload.userCode === userCode),
      consume: async (id) => {
        const payload = live(keyOf(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => {
        entries.delete(keyOf(id));
      },
      revokeByGrantId: async (grantId) => {
        for (const [key, entry] of entries) if (entry.payload.grantId === grantId) entries.delete(key);
      },
    };
    return adapter;
  };
}
