/** Telegram HTML: escaping, converting to plain text, and splitting to the 4096 limit. */

export const TELEGRAM_MESSAGE_LIMIT = 4096;

/** User text echoed back in a reply, cut short: a 10,000-character message must not come back whole. */
export function quoteUserText(text: string, max = 80): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A source line (a URL, or a document name with or without a URL): its address becomes a link. */
export function renderSource(source: string): string {
  const url = /https?:\/\/\S+/.exec(source)?.[0];
  if (!url) return escapeHtml(source);
  const [before = '', after = ''] = source.split(url);
  return `${escapeHtml(before)}<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>${escapeHtml(after)}`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** What the user sees of an HTML message: tags dropped, entities decoded. */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<a href="([^"]*)">([^<]*)<\/a>/g, (_m, href: string, text: string) => (href === text ? text : `${text} (${href})`))
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_m, name: string) => ENTITIES[name] ?? _m)
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)));
}

interface Token {
  text: string;
  kind: 'open' | 'close' | 'text';
  tag?: string;
}

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /<(\/?)([a-z]+)[^>]*>|&[#a-z0-9]+;|[\s\S]/giy;
  for (const match of html.matchAll(new RegExp(pattern.source, 'gi'))) {
    const [text, slash, tag] = match;
    if (tag) tokens.push({ text, kind: slash ? 'close' : 'open', tag: tag.toLowerCase() });
    else tokens.push({ text, kind: 'text' });
  }
  return tokens;
}

/**
 * Splits HTML into messages of at most `limit` characters, never inside a tag or
 * an entity. It cuts at the last paragraph break, else line break, else space,
 * and closes the tags still open at a cut and reopens them in the next part.
 */
export function splitHtml(html: string, limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  if (html.length <= limit) return [html];
  const tokens = tokenize(html);
  const closeTags = (stack: Token[]) => stack.map((t) => `</${t.tag}>`).reverse().join('');
  const apply = (stack: Token[], token: Token) => {
    if (token.kind === 'open') return [...stack, token];
    if (token.kind === 'close') return stack.slice(0, -1);
    return stack;
  };
  const isBreak = (i: number, kind: 'para' | 'line' | 'space') => {
    const t = tokens[i];
    if (!t || t.kind !== 'text') return false;
    if (kind === 'para') return t.text === '\n' && tokens[i - 1]?.text === '\n';
    return t.text === (kind === 'line' ? '\n' : ' ');
  };

  const parts: string[] = [];
  let start = 0;
  let stackAtStart: Token[] = [];
  while (start < tokens.length) {
    const prefix = stackAtStart.map((t) => t.text).join('');
    let length = prefix.length;
    let stack = stackAtStart;
    let end = start;
    while (end < tokens.length) {
      const token = tokens[end]!;
      const next = apply(stack, token);
      if (length + token.text.length + closeTags(next).length > limit) break;
      length += token.text.length;
      stack = next;
      end++;
    }
    let cut = end;
    if (end < tokens.length) {
      const floor = start + Math.floor((end - start) / 3);
      for (const kind of ['para', 'line', 'space'] as const) {
        let found = -1;
        for (let i = end - 1; i > floor; i--) if (isBreak(i, kind)) { found = i + 1; break; }
        if (found > 0) { cut = found; break; }
      }
      if (cut === start) cut = start + 1;
    }
    let stackAtCut = stackAtStart;
    for (let i = start; i < cut; i++) stackAtCut = apply(stackAtCut, tokens[i]!);
    const body = tokens.slice(start, cut).map((t) => t.text).join('').replace(/\s+$/, '');
    if (body.trim()) parts.push(prefix + body + closeTags(stackAtCut));
    start = cut;
    while (start < tokens.length && tokens[start]!.kind === 'text' && /^\s$/.test(tokens[start]!.text)) start++;
    stackAtStart = stackAtCut;
  }
  return parts;
}
