/**
 * Small talk: greetings, thanks, "help", a lone "?" and the like. Recognised only
 * when the message is nothing else: what is left after removing these phrases,
 * punctuation and particles must be (nearly) empty, or say nothing of our domain
 * (the caller checks the latter).
 */
import { normalizeText } from '../knowledge/analyze.ts';

export type SmalltalkKind = 'greeting' | 'thanks' | 'help' | 'bye' | 'ack';

/** Phrases per kind, Simplified Chinese and lower-case English (the text is normalised first). */
const PHRASES: Record<SmalltalkKind, string[]> = {
  greeting: ['你好', '您好', '你们好', '哈喽', '哈啰', '嗨', '在吗', '在不在', '有人吗', '早上好', '早安', '上午好', '下午好', '晚上好', '早', '喂', '大家好', 'hello', 'hallo', 'hi', 'hey', 'hiya', 'yo', 'good morning', 'good afternoon', 'good evening', 'morning', 'anyone there', 'are you there', 'nihao'],
  thanks: ['谢谢', '多谢', '感谢', '谢了', '谢啦', '辛苦了', '帮大忙了', '太好了', '唔该', '多謝', 'thanks', 'thank you', 'thank u', 'thx', 'ty', 'tks', 'cheers', 'many thanks', 'much appreciated', 'appreciate it', 'great', 'perfect', 'awesome'],
  help: ['帮助', '帮忙', '怎么用', '如何使用', '你能做什么', '你会什么', '你是谁', '菜单', '功能', 'help', 'menu', 'what can you do', 'who are you', 'how to use', 'how does this work', 'start'],
  bye: ['再见', '拜拜', '回见', 'bye', 'goodbye', 'see you', 'see ya', 'bye bye'],
  ack: ['好的', '好', '嗯', '嗯嗯', '哦', '知道了', '明白', '明白了', '收到', '了解', '行', 'ok', 'okay', 'k', 'got it', 'sure', 'fine', 'noted', 'i see', 'cool'],
};

/** Filler around small talk: particles, address words, emoji and punctuation. */
const FILLER = /[\s\p{P}\p{S}\d]+|(?:呀|啊|哈|啦|呢|吧|哦|喔|嘛|哟|的|了|么|吗|你|您|机器人|小助手|老师|亲|bro|dude|man|guys|bot|so much|a lot|very much|lot|lots|all|again|there|mate|sir|madam|please|pls|plz)/giu;

/** Longest phrases first, so "thank you" is removed before "thank" could be. */
const ORDERED = (Object.entries(PHRASES) as [SmalltalkKind, string[]][])
  .flatMap(([kind, phrases]) => phrases.map((phrase) => ({ kind, phrase })))
  .sort((a, b) => b.phrase.length - a.phrase.length);

const isLatinWordChar = (char: string | undefined) => char !== undefined && /[a-z]/.test(char);

/**
 * The kind of small talk the message is, or undefined when it says something else.
 * A message of only punctuation ("?", "？？") asks for help.
 */
export function smalltalkKind(text: string): SmalltalkKind | undefined {
  let rest = normalizeText(text).slice(0, 200);
  if (/^[\s?？!！.。…]+$/u.test(rest)) return rest.includes('?') || rest.includes('？') ? 'help' : undefined;
  let found: SmalltalkKind | undefined;
  for (const { kind, phrase } of ORDERED) {
    let at = rest.indexOf(phrase);
    while (at >= 0) {
      // Latin phrases only as whole words ("hi" is not inside "shipping").
      const whole = !/[a-z]/.test(phrase) || (!isLatinWordChar(rest[at - 1]) && !isLatinWordChar(rest[at + phrase.length]));
      if (whole) {
        // The first kind found wins over acknowledgements ("好的谢谢" is thanks).
        if (!found || found === 'ack') found = kind;
        rest = `${rest.slice(0, at)} ${rest.slice(at + phrase.length)}`;
        at = rest.indexOf(phrase);
      } else at = rest.indexOf(phrase, at + 1);
    }
  }
  if (!found) return undefined;
  return rest.replace(FILLER, '').length <= 2 ? found : undefined;
}
