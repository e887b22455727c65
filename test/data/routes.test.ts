import { describe, expect, it } from 'vitest';
import { routedEntryIds } from '../../src/reply/routes.ts';
import { shippedData } from '../helpers/bot.ts';

describe('the routes’ FAQ entries', () => {
  it('every entry a facet or a route names exists in data/faq.json (a renamed id would silently drop an answer)', async () => {
    const { knowledge } = (await shippedData()).current();
    expect(routedEntryIds().filter((id) => !knowledge.kb.byId.has(id))).toEqual([]);
  });
});
