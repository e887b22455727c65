/**
 * Issue 22 point 4: no function in src/ is over 60 lines, counted from its first line to its
 * last (declarations, methods, accessors, constructors, arrow functions, function expressions).
 * ALLOWED names the functions still being shortened; an entry that is no longer too long
 * fails too, so the list only shrinks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MAX_LINES = 60;

/** `path name` of functions allowed over MAX_LINES for now. */
const ALLOWED: string[] = [];

interface Measured {
  /** `src/… name`, the form ALLOWED uses. */
  key: string;
  line: number;
  lines: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The name a reader would search for: the declared name, or the variable or property it is assigned to. */
function functionName(node: ts.FunctionLikeDeclaration): string {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (
    (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) &&
    parent.initializer === node
  ) {
    return parent.name.getText();
  }
  return '<anonymous>';
}

function isMeasured(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

function measureFile(path: string): Measured[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const file = relative(ROOT, path).split('\\').join('/');
  const found: Measured[] = [];
  const visit = (node: ts.Node): void => {
    if (isMeasured(node) && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({ key: `${file} ${functionName(node)}`, line: first + 1, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('function length', () => {
  const functions = sourceFiles(join(ROOT, 'src')).flatMap(measureFile);
  const tooLong = functions.filter((f) => f.lines > MAX_LINES);

  it(`no function in src/ is over ${MAX_LINES} lines unless ALLOWED`, () => {
    const offenders = tooLong
      .filter((f) => !ALLOWED.includes(f.key))
      .map((f) => `${f.key} (line ${f.line}): ${f.lines} lines`);
    expect(offenders, `split these into functions of ${MAX_LINES} lines or fewer`).toEqual([]);
  });

  it('every ALLOWED entry is still over the limit (the list only shrinks)', () => {
    const stale = ALLOWED.filter((key) => !tooLong.some((f) => f.key === key));
    expect(stale, 'no longer over the limit (or gone): delete from ALLOWED').toEqual([]);
  });
});
