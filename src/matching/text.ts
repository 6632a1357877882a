// Free text for mentor search: lower case, accents folded, common words dropped and a light
// English stem (plural "s"), so "interviews" finds "interview" and "nurses" finds "nurse".

const STOP_WORDS = new Set(
  ('a an and are as at be but by for from has have i in into is it its me my of on or our so that the their them they this to ' +
    'was we were what when where which who will with you your').split(' '),
);

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

export function tokenize(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  const tokens: string[] = [];
  for (const word of words) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    tokens.push(stem(word));
  }
  return tokens;
}

/** Token strings to small integers, shared by documents and queries of one index. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();

  idOf(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(token, id);
    }
    return id;
  }

  /** The id of a known token, or -1: a query word no document has cannot match anything. */
  lookup(token: string): number {
    return this.ids.get(token) ?? -1;
  }

  get size(): number {
    return this.ids.size;
  }
}
