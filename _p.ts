import { createConfig } from './src/infra/config.ts';
import { DataService } from './src/data/service.ts';
import { findPlaces } from './src/places/index.ts';
const { tables } = (await DataService.load(createConfig({}))).current();
for (const n of process.argv.slice(2)) { const r = findPlaces(n, tables.places) as any[]; console.log(n, r.map((m) => `${m.matched}:${m.kind}:${m.code ?? ''}`).join(' ')); }
process.exit(0);
