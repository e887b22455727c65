/**
 * What Telegram's HTML parse mode accepts, checked strictly: only its tags, every
 * tag closed in order, only the entities it knows, no bare < > &.
 * Returns the problems found (empty: valid).
 */
const TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'tg-spoiler', 'blockquote', 'span']);

export function telegramHtmlProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  for (const match of html.matchAll(/<(\/?)([a-z-]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*>|<|>|&(?:[a-z]+|#\d+);|&/gi)) {
    const [token, slash, tag] = match;
    if (tag) {
      const name = tag.toLowerCase();
      if (!TAGS.has(name)) problems.push(`unsupported tag <${name}>`);
      if (slash) {
        if (stack.pop() !== name) problems.push(`</${name}> does not close the open tag`);
      } else stack.push(name);
    } else if (token.startsWith('&') && token.length > 1) {
      if (!/^&(?:amp|lt|gt|quot|#\d+);$/.test(token)) problems.push(`unknown entity ${token}`);
    } else problems.push(`bare ${token}`);
  }
  if (stack.length) problems.push(`unclosed ${stack.join(', ')}`);
  return problems;
}
