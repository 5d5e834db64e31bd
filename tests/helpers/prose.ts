/**
 * Prose for print tests, made up here from a seeded generator: sentences of ordinary English
 * words (long and short, as novels have them), some dialogue, paragraphs of varied length. The
 * same seed gives the same text, so a book's pages are the same on every run.
 */

/** Short everyday words: about two thirds of what novels are made of (their words average 4.4 letters). */
const SHORT = `the of and to a in was her his that it she he had with for on at as by from but not they
all were there been one would when said which their some into could what about them more than
only over after down other then even back like before very also is an be so no if up out we
you my me him our its did can may now how who too yet off own way day old new two`
  .split(/\s+/)
  .filter(Boolean);

const WORDS = `morning harbour water window evening kitchen quietly lantern weather island cottage shoulder
remembered something nothing everything together understood afternoon beginning distance
whispered considered particular immediately conversation difficulty neighbourhood uncertain
staircase fisherman pilgrimage lighthouse wonderful beautiful impossible thoughtfully letters
garden village ferry tide wind salt rope net boat shore cliff path field gate wall door stone
house road river bridge market chapel school station table chair coat boots bread kettle
mother father sister brother cousin stranger keeper doctor teacher captain widow daughter
walked waited listened watched carried opened closed turned looked answered laughed asked
thought knew found left kept held brought spoke wrote read slept woke stood sat ran fell
slowly carefully suddenly already perhaps almost always never often again still quite rather
grey green silver narrow heavy bright quiet broken empty patient anxious curious grateful
afraid certain careful gentle sudden distant ordinary remarkable extraordinary unexpected
questions answers promises mistakes memories shadows footsteps windows lanterns harbours
yesterday tomorrow somewhere anywhere otherwise nevertheless meanwhile afterwards throughout
although because however whether whenever wherever without within between beneath beyond`
  .split(/\s+/)
  .filter(Boolean);

/** A small seeded random number generator (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sentence(rand: () => number): string {
  const length = 7 + Math.floor(rand() * 16);
  const pick = (list: string[]) => list[Math.floor(rand() * list.length)] as string;
  const words = Array.from({ length }, () => pick(rand() < 0.65 ? SHORT : WORDS));
  if (length > 12 && rand() < 0.4) words[Math.floor(length / 2)] += ',';
  const text = words.join(' ');
  return `${text[0]?.toUpperCase()}${text.slice(1)}.`;
}

export function paragraph(rand: () => number, long = false): string {
  if (!long && rand() < 0.2) return `"${sentence(rand)}" said the keeper.`;
  const count = long ? 5 : 1 + Math.floor(rand() * 6);
  return Array.from({ length: count }, () => sentence(rand)).join(' ');
}

/**
 * A chapter's Markdown: `paragraphs` paragraphs (the first a long one, as chapters open), a scene
 * break every `breakEvery` paragraphs.
 */
export function chapterText(rand: () => number, paragraphs: number, breakEvery = 0): string {
  const out: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    if (breakEvery && i > 0 && i % breakEvery === 0) out.push('* * *');
    out.push(paragraph(rand, i === 0));
  }
  return out.join('\n\n');
}
