/**
 * The message catalogue: every user-facing text, Chinese first, English alongside.
 * Each domain keeps its own file of messages (model, balance, cli, …); `t` renders one.
 * Placeholders are {name}.
 */
export type Lang = 'zh' | 'en';
export type Messages = Record<string, { zh: string; en: string }>;

const catalogue: Messages = Object.create(null);

const registered = new WeakSet<Messages>();

/** Adds a domain's messages (once: a domain registered again is skipped); a key defined twice is a programming error. */
export function register(messages: Messages): void {
  if (registered.has(messages)) return;
  registered.add(messages);
  for (const [key, value] of Object.entries(messages)) {
    if (Object.hasOwn(catalogue, key)) throw new Error(`message key defined twice: ${key}`);
    catalogue[key] = value;
  }
}

/**
 * True when the catalogue has a message for `key` (in any language).
 *
 * @example
 * hasMessage('layer.water') // => true
 * hasMessage('no.such.key') // => false
 */
export function hasMessage(key: string): boolean {
  return Object.hasOwn(catalogue, key);
}

let misses = 0;

/**
 * How many times `t` was asked for a key the catalogue lacks, since the process started. The web
 * worker answers its first requests before the later domains' messages are registered: it compares
 * this count before and after an answer, and answers again once they are (web/worker.ts).
 *
 * @example
 * const before = missedLookups();
 * t('en', 'no.such.key');
 * missedLookups() - before // => 1
 */
export function missedLookups(): number {
  return misses;
}

/**
 * Renders a message; unknown keys render as the key so nothing is ever blank (and are counted: missedLookups).
 *
 * @example
 * t('en', 'layer.water') // => 'water'
 * t('zh', 'layer.water') // => '水'
 */
export function t(lang: Lang, key: string, params: Record<string, string | number | undefined> = {}): string {
  const entry = Object.hasOwn(catalogue, key) ? catalogue[key] : undefined;
  if (!entry) misses++;
  const template = entry ? entry[lang] : key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    return v === undefined ? `{${name}}` : String(v);
  });
}

/**
 * Both languages, for JSON output that reviewers read in either.
 *
 * @example
 * both('layer.water') // => { zh: '水', en: 'water' }
 */
export function both(
  key: string,
  params: Record<string, string | number | undefined> = {},
): { zh: string; en: string } {
  return { zh: t('zh', key, params), en: t('en', key, params) };
}
