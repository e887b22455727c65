/**
 * The documents a message names (data/documents.json names and aliases, through the
 * catalogue). Places come from the place resolver (places.ts), the direction from
 * direction.ts, dates from when.ts.
 */
import type { Tables } from '../catalogue/tables.ts';
import type { DocumentType } from '../catalogue/schema.ts';
import { nameKey } from '../places/names.ts';

/**
 * Documents named in the text, in order of appearance. Chinese names match anywhere,
 * Latin names as whole words; a name inside a longer one found at the same place
 * ("statement" in "bank statement") does not count. Two-letter aliases (CO, BL) only
 * when written in capitals: in lower case they are everyday words.
 * `conceptTokens` are the search's concept tokens for the text: a concept named like
 * a document id (#certificate-of-origin) names that document ("co", "产地证").
 */
/** A document's names, prepared once per tables: name keys (OpenCC is not cheap) and whole-word Latin forms. */
interface DocumentName {
  document: DocumentType;
  han?: string;
  latin?: string;
  /** Two-letter aliases (CO, BL) only in capitals. */
  upper: boolean;
}
const preparedNames = new WeakMap<Tables, DocumentName[]>();
function documentNames(tables: Tables): DocumentName[] {
  let names = preparedNames.get(tables);
  if (!names) {
    names = [];
    for (const document of tables.documents) {
      for (const name of [document.name.en, document.name.zh, ...document.aliases]) {
        const key = nameKey(name);
        if (!key) continue;
        if (/\p{Script=Han}/u.test(key)) {
          if (key.length >= 2) names.push({ document, han: key, upper: false });
          continue;
        }
        const words = ` ${name.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
        const upper = key.length <= 2;
        names.push({ document, latin: upper ? words.toUpperCase() : words.toLowerCase(), upper });
      }
    }
    preparedNames.set(tables, names);
  }
  return names;
}

export function findDocuments(text: string, tables: Tables, conceptTokens: Iterable<string> = []): DocumentType[] {
  const hits: { at: number; end: number; document: DocumentType }[] = [];
  const haystack = nameKey(text);
  const latin = ` ${text.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const latinLower = latin.toLowerCase();
  for (const { document, han, latin: words, upper } of documentNames(tables)) {
    if (han) {
      const at = haystack.indexOf(han);
      if (at >= 0) hits.push({ at, end: at + han.length, document });
    } else if (words) {
      const at = (upper ? latin : latinLower).indexOf(words);
      // Latin positions live in another string than Han ones: offset them past it.
      if (at >= 0) hits.push({ at: haystack.length + at, end: haystack.length + at + words.length, document });
    }
  }
  for (const token of conceptTokens) {
    const document = token.startsWith('#') ? tables.document(token.slice(1)) : undefined;
    if (document && !hits.some((h) => h.document.id === document.id)) hits.push({ at: Number.MAX_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER, document });
  }
  hits.sort((a, b) => a.at - b.at || b.end - a.end);
  const kept: typeof hits = [];
  for (const hit of hits) {
    const inside = kept.some((k) => hit.at >= k.at && hit.end <= k.end && hit.at !== Number.MAX_SAFE_INTEGER);
    if (!inside && !kept.some((k) => k.document.id === hit.document.id)) kept.push(hit);
  }
  return kept.map((k) => k.document);
}

/**
 * "for our import licence application", "用于申请进口许可证": a document named as what the
 * papers are for, not as the paper itself. Such spans are left out when documents are read.
 */
const PURPOSE = /\bfor\s+(?:our|the|an?|my|their|his|her)\s+(?:[\w-]+\s+){0,4}?(?:appl\w*|registration|renewal|tender|bid|filing)\b|(?:用于|用於|用来|用來)(?:申请|申請|办理|辦理)[^，,。.？?！!]{0,12}/giu;

export function withoutPurposes(text: string): string {
  return text.replace(PURPOSE, ' ');
}
