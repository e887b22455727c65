import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/bot.ts';
import { run, TSX } from '../helpers/process.ts';

describe('the console chat: browsing and deep links', () => {
  it('/faq browses to an answer and back (edits print again, marked), Share shows the inline cards, /start faq_… opens an answer', async () => {
    const dataDir = await tempDir();
    // /faq → "Basics" → first question → Back → All topics; then a deep link and its Share button.
    const faq = JSON.parse(readFileSync('data/faq.json', 'utf8')) as { categories: string[]; entries: { category: string }[] };
    const allTopics = String(faq.entries.filter((e) => e.category === faq.categories[0]).length + 1);
    const input = ['/faq', '1', '1', '4', allTopics, '/start faq_what-is-apostille', '4', ''].join('\n');
    const { code, stdout, stderr } = await run(TSX, ['src/main.ts'], input, { DATA_DIR: dataDir });
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/bot> FAQ by topic\n {5}Pick a topic:\n {5}\[1\] 📘 Basics \(\d+\)/);
    expect(stdout).toContain('bot (edited)> 📘 Basics\n     Pick a question:\n     [1] What is an apostille?');
    expect(stdout).toMatch(/bot \(edited\)> What is an apostille\?\n[\s\S]*certifies the authenticity of the signature[\s\S]*\[1\] 📤 Share\n {5}\[2\] 👍 Helpful\n {5}\[3\] 👎 Not helpful\n {5}\[4\] ⬅️ Back/);
    // Back, then All topics: the category list and the menu again.
    expect(stdout.split('bot (edited)> 📘 Basics').length).toBe(3);
    expect(stdout).toContain('bot (edited)> FAQ by topic');
    // The deep link: the answer with related questions, then Share lists the inline cards.
    expect(stdout).toMatch(/bot> What is an apostille\?\n[\s\S]*\[4\] 📤 Share/);
    expect(stdout).toContain('In any chat, @apostille_helper_bot with this text would offer:\n     1. What is an apostille? — An apostille');
    expect(stdout).not.toMatch(/<b>|&amp;|<a href/);
  });
});
