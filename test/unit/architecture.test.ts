import path from 'node:path';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseConfig from 'dependency-cruiser/config-utl/extract-depcruise-config';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

// The rules of .dependency-cruiser.cjs, run on the real source tree (no violation allowed) and on a fixture
// tree built to break each of them (so the check demonstrably fails when the architecture does).

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/architecture');
const RULES = ['rules-are-pure', 'no-foreign-store', 'no-circular'];

async function cruiseSrc(baseDir: string): Promise<ICruiseResult['summary']> {
  const configuration = await extractDepcruiseConfig(path.join(ROOT, '.dependency-cruiser.cjs'));
  const result = await cruise(
    ['src'],
    {
      ...configuration.options,
      baseDir,
      validate: true,
      ruleSet: { forbidden: configuration.forbidden ?? [] },
    },
    {},
    { tsConfig: extractTSConfig(path.join(ROOT, 'tsconfig.json')) },
  );
  return (result.output as ICruiseResult).summary;
}

const describeViolation = (v: IViolation) => `${v.rule.name}: ${v.from} → ${v.to}`;

describe('architecture (dependency-cruiser)', () => {
  it('the configuration defines the three rules', async () => {
    const configuration = await extractDepcruiseConfig(path.join(ROOT, '.dependency-cruiser.cjs'));
    expect((configuration.forbidden ?? []).map((rule) => rule.name)).toEqual(expect.arrayContaining(RULES));
  });

  it('src breaks none of the rules', async () => {
    const summary = await cruiseSrc(ROOT);
    expect(summary.totalCruised).toBeGreaterThan(50);
    expect(summary.violations.map(describeViolation)).toEqual([]);
  }, 60_000);

  it('a tree that breaks each rule is caught by each rule', async () => {
    const found = (await cruiseSrc(FIXTURE)).violations.map(describeViolation);
    const sample = 'src/modules/sample';
    expect(found).toEqual(
      expect.arrayContaining([
        `rules-are-pure: ${sample}/rules.ts → ${sample}/store.ts`,
        expect.stringMatching(/^rules-are-pure: .*node_modules\/drizzle-orm\//),
        // Reached only through store.ts: the rule follows imports, not just the file's own.
        expect.stringMatching(new RegExp(`^rules-are-pure: ${sample}/rules.ts → (node:)?fs$`)),
        `no-foreign-store: src/modules/other/routes.ts → ${sample}/store.ts`,
        expect.stringMatching(/^no-circular: src\/modules\/sample\/(rules|store)\.ts → /),
      ]),
    );
    for (const rule of RULES) expect(found.some((v) => v.startsWith(`${rule}:`))).toBe(true);
  }, 60_000);
});
