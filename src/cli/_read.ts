import { createConfig } from '../infra/config.ts';
import { DataService } from '../data/service.ts';
import { Understander } from '../understand/index.ts';
const data = await DataService.load(createConfig({}));
const { knowledge, tables } = data.current();
const u = new Understander({ index: knowledge.index, tables, today: '2026-12-06' });
for (const q of process.argv.slice(2)) {
  const r = u.understand(q);
  console.log(q, JSON.stringify({ places: r.places.map(p => [p.kind, p.matched, (p as any).code]), dir: r.direction, issuing: r.travel.issuing?.matched, use: r.travel.use?.matched, when: r.when, facets: r.facets, docs: r.documents.map(d => d.id), off: r.offTopic, intent: r.intent.entry?.id }));
}
process.exit(0);
