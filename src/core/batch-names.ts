/**
 * Output names in a many-book build. Each book's files are named by its slug (from its title),
 * as in `galley build`; when two books of the run have the same slug, the first (in the order
 * given, however the builds finish) keeps it and the next get `-2`, `-3`, …, so no book's files
 * overwrite another's. A book's name is settled only once every book before it has its own (or
 * has failed), so the same run always gives the same names.
 */

export interface OutputNames {
  /** The name for book `index`'s files, given its slug: waits for the books before it. */
  claim(index: number, slug: string): Promise<string>;
  /** Book `index` will claim no name (it failed, or is done). */
  release(index: number): void;
  /** A note when book `index`'s name is not its slug. */
  renamed(index: number): string | undefined;
}

export function outputNames(books: string[]): OutputNames {
  const settled: { promise: Promise<void>; done: () => void }[] = books.map(() => {
    let done = () => {};
    const promise = new Promise<void>((resolve) => {
      done = resolve;
    });
    return { promise, done };
  });
  const taken = new Map<string, number>();
  const names = new Map<number, { slug: string; name: string }>();
  return {
    async claim(index, slug) {
      const known = names.get(index);
      if (known) return known.name;
      await Promise.all(settled.slice(0, index).map((s) => s.promise));
      let name = slug;
      for (let n = 2; taken.has(name); n++) name = `${slug}-${n}`;
      taken.set(name, index);
      names.set(index, { slug, name });
      settled[index]?.done();
      return name;
    },
    release(index) {
      settled[index]?.done();
    },
    renamed(index) {
      const entry = names.get(index);
      if (!entry || entry.name === entry.slug) return undefined;
      const first = books[taken.get(entry.slug) ?? -1];
      return `its files are named ${entry.name}: ${first ?? 'another book'} has the same title (files named ${entry.slug})`;
    },
  };
}
