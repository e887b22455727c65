import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { DataService } from './src/data/service.ts';
import { syntheticKnowledgeBase } from './bench/synthetic.ts';
const real = (await DataService.load({ faqFile: 'data/faq.json', countriesFile: 'data/countries.json', documentsFile: 'data/documents.json' })).current().knowledge.kb;
const syn = syntheticKnowledgeBase(real, 5000);
const entries = syn.entries.map((entry, i) => { if (i < real.entries.length) return entry; const tag = entry.keywords.at(-1)!; const own = (q: string[]) => q.map((x) => (x.includes(tag) ? x : `${x} ${tag}`)); return { ...entry, questions: { zh: own(entry.questions.zh), en: own(entry.questions.en) } }; });
writeFileSync('/tmp/h11-reload/faq.json', JSON.stringify({ ...JSON.parse(readFileSync('data/faq.json','utf8')), entries }));
copyFileSync('data/countries.json', '/tmp/h11-reload/countries.json'); copyFileSync('data/documents.json', '/tmp/h11-reload/documents.json');
