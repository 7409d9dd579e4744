import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { problemsOf } from './browser';
import { ROOT } from './server';

const RESULTS_DIR = path.join(ROOT, 'test-results');

/** Names of the page states checked so far in this test file (for the summary line). */
export const checkedPages: string[] = [];
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface PageFacts {
  lang: string;
  title: string;
  h1Count: number;
  h1Texts: string[];
  scrollWidth: number;
  innerWidth: number;
  loading: boolean;
}

function readFacts(page: Page): Promise<PageFacts> {
  return page.evaluate(() => {
    const headings = [...document.querySelectorAll('h1')];
    return {
      lang: document.documentElement.getAttribute('lang') ?? '',
      title: document.title.trim(),
      h1Count: headings.length,
      h1Texts: headings.map((h) => h.textContent?.trim() ?? ''),
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      loading: document.querySelector('.mantine-Loader-root, [data-loading="true"]') !== null,
    };
  });
}

function fileName(name: string): string {
  return name.replace(/[^\w.-]+/g, '-');
}

/**
 * The accessibility gate every page goes through: axe-core with the WCAG 2.1 A and AA rules, plus the
 * basics axe does not insist on — `<html lang>`, exactly one `<h1>`, a `<title>`, no sideways scrolling,
 * no request to another origin and no uncaught script error. Saves a full-page screenshot
 * (test-results/screenshots/<name>.png) and the axe results (test-results/axe/<name>.json), and throws one
 * readable report listing every problem found.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  const file = fileName(name);
  // Wait for the loading indicators to go, so the check sees the finished page.
  await page
    .waitForFunction(
      () => !document.querySelector('.mantine-Loader-root, [data-loading="true"]'),
      undefined,
      {
        timeout: 10_000,
      },
    )
    .catch(() => undefined);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));

  // resultTypes: passes and inapplicable rules are summarised (one node each), which keeps axe fast; the
  // violations are reported in full. (options() replaces all options, so it comes before withTags().)
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations', 'incomplete'] })
    .withTags(WCAG_TAGS)
    .analyze();
  fs.mkdirSync(path.join(RESULTS_DIR, 'axe'), { recursive: true });
  fs.mkdirSync(path.join(RESULTS_DIR, 'screenshots'), { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, 'axe', `${file}.json`), JSON.stringify(results, null, 2));
  await page.screenshot({ path: path.join(RESULTS_DIR, 'screenshots', `${file}.png`), fullPage: true });

  const facts = await readFacts(page);
  checkedPages.push(name);
  const report: string[] = [];
  for (const violation of results.violations) {
    report.push(`axe ${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help}`);
    report.push(`  ${violation.helpUrl}`);
    for (const node of violation.nodes) {
      report.push(`  - ${node.target.map(String).join(' ')}`);
      if (node.failureSummary) report.push(`    ${node.failureSummary.replace(/\n/g, '\n    ')}`);
    }
  }
  const other: string[] = [];
  if (!facts.lang) other.push('<html> has no lang attribute');
  if (!facts.title) other.push('<title> is empty');
  if (facts.h1Count !== 1) {
    other.push(`expected exactly one <h1>, found ${facts.h1Count}: ${JSON.stringify(facts.h1Texts)}`);
  }
  if (facts.scrollWidth > facts.innerWidth + 1) {
    other.push(
      `horizontal scrollbar: document is ${facts.scrollWidth} px wide in a ${facts.innerWidth} px window`,
    );
  }
  if (facts.loading) other.push('the page was still loading after 10 s');
  other.push(...problemsOf(page));

  const count = results.violations.length + other.length;
  if (count > 0) {
    throw new Error(
      `${name} (${page.url()}): ${count} accessibility problem(s)\n${[...report, ...other].join('\n')}\n` +
        `screenshot: test-results/screenshots/${file}.png, axe: test-results/axe/${file}.json`,
    );
  }
}
