/**
 * The layers of docs ARCHITECTURE.md, checked on the import graph of src/ (issue 22):
 * every import and export-from, `import type` included, between files and between
 * folders (a folder is the first path segment under src/; files directly in src/ are
 * "runtime"). No file imports in a loop, no folder does, no folder imports a higher
 * layer, and grammY stays in the Telegram-facing folders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/**
 * Every folder of src/ and its layer, bottom (0) to top. A folder imports only folders of
 * its own layer or below (and never in a loop). A new folder fails the test until it is placed here.
 */
const LAYER: Record<string, number> = {
  // Process-wide settings and logging: imports nothing of ours.
  infra: 0,
  // HTML escaping, source lines, message fitting.
  format: 0,
  // Languages, locales, Chinese script conversion, `localized`, i18next.
  i18n: 1,
  // Tables and the ports to them: the FAQ index, places, documents and countries, storage, data loading.
  knowledge: 2,
  places: 2,
  catalogue: 2,
  storage: 2,
  data: 2,
  // Case → Verdict.
  check: 3,
  // Text → what the user asked.
  understand: 4,
  // Composing the answer (and reading uploaded documents into one).
  reply: 5,
  read: 5,
  // grammY: features, session, callback data, sending.
  bot: 6,
  // Wiring and transports: main.ts, app.ts, the webhook server, the command line.
  runtime: 7,
  server: 7,
  cli: 7,
};

/**
 * Upward imports that live in code being rewritten elsewhere (src/understand/*,
 * src/reply/answer.ts, src/check/rules.ts), tolerated until that rewrite lands.
 * Keep this list short: an entry that no longer exists fails the test, so fixing one
 * means deleting its line. Nothing may be added here.
 */
/** Upward imports still being removed (none now: buttons are typed actions that bot/ encodes). */
const KNOWN_UPWARD = new Set<string>([]);

/** The only places that may import grammY or its plugins. */
const TELEGRAM_FACING = [/^bot\//, /^server\//, /^cli\//, /^main\.ts$/, /^app\.ts$/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier in a file: imports, exports from, `import type`, `import()` and `typeof import()`. */
function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      found.push(node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      found.push(node.arguments[0].text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

interface Graph {
  /** Paths relative to src/, with forward slashes. */
  files: string[];
  /** file → the src files it imports. */
  imports: Map<string, Set<string>>;
  /** file → the packages it imports (bare specifiers, `node:` included). */
  packages: Map<string, Set<string>>;
  unresolved: string[];
}

const toKey = (absolute: string) => relative(SRC, absolute).split(sep).join('/');

function buildGraph(): Graph {
  const absolute = sourceFiles(SRC);
  const files = absolute.map(toKey).sort();
  const known = new Set(files);
  const imports = new Map<string, Set<string>>();
  const packages = new Map<string, Set<string>>();
  const unresolved: string[] = [];
  for (const path of absolute) {
    const from = toKey(path);
    imports.set(from, new Set());
    packages.set(from, new Set());
    for (const spec of specifiers(path)) {
      if (!spec.startsWith('.')) {
        packages.get(from)!.add(spec);
        continue;
      }
      const base = toKey(resolve(dirname(path), spec));
      const target = [base, `${base}.ts`, `${base}/index.ts`].find((candidate) => known.has(candidate));
      if (target) imports.get(from)!.add(target);
      else unresolved.push(`${from} -> ${spec}`);
    }
  }
  return { files, imports, packages, unresolved };
}

const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : 'runtime');

/** Strongly connected components with more than one node, or a node importing itself (Tarjan). */
function cycles(nodes: Iterable<string>, edges: (node: string) => Iterable<string>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of edges(node)) {
      if (!index.has(target)) {
        connect(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || [...edges(node)].includes(node)) found.push(component.sort());
  };
  for (const node of nodes) if (!index.has(node)) connect(node);
  return found;
}

const graph = buildGraph();
const edges = [...graph.imports].flatMap(([from, targets]) => [...targets].map((to) => ({ from, to })));

describe('architecture: layers that only look down', () => {
  it('resolves every relative import to a file under src/', () => {
    expect(graph.files.length).toBeGreaterThan(50);
    expect(graph.unresolved).toEqual([]);
  });

  it('places every folder of src/ in a layer, and lists no folder that is gone', () => {
    const folders = new Set(graph.files.map(folderOf));
    expect([...folders].filter((folder) => !(folder in LAYER)).sort()).toEqual([]);
    expect(Object.keys(LAYER).filter((folder) => !folders.has(folder)).sort()).toEqual([]);
  });

  it('has no import cycle between files', () => {
    expect(cycles(graph.files, (file) => graph.imports.get(file) ?? [])).toEqual([]);
  });

  it('has no import cycle between folders, besides the loops the known upward imports close', () => {
    const folderEdges = new Map<string, Set<string>>();
    for (const { from, to } of edges) {
      if (KNOWN_UPWARD.has(`${from} -> ${to}`)) continue;
      const [a, b] = [folderOf(from), folderOf(to)];
      if (a !== b) folderEdges.set(a, (folderEdges.get(a) ?? new Set()).add(b));
    }
    expect(cycles(Object.keys(LAYER), (folder) => folderEdges.get(folder) ?? [])).toEqual([]);
  });

  it('imports no higher layer, except the known imports in code being rewritten', () => {
    const upward = edges
      .filter(({ from, to }) => (LAYER[folderOf(from)] ?? Infinity) < (LAYER[folderOf(to)] ?? -Infinity))
      .map(({ from, to }) => `${from} -> ${to}`);
    expect(upward.filter((edge) => !KNOWN_UPWARD.has(edge)).sort()).toEqual([]);
    // A fixed one leaves the list too.
    expect([...KNOWN_UPWARD].filter((edge) => !upward.includes(edge))).toEqual([]);
  });

  it('imports grammY only in bot/, server/, cli/, main.ts and app.ts', () => {
    const isGrammy = (spec: string) => spec === 'grammy' || spec.startsWith('grammy/') || spec.startsWith('@grammyjs/');
    const offenders = graph.files
      .filter((file) => !TELEGRAM_FACING.some((allowed) => allowed.test(file)))
      .flatMap((file) => [...(graph.packages.get(file) ?? [])].filter(isGrammy).map((spec) => `${file} -> ${spec}`));
    expect(offenders).toEqual([]);
  });
});
