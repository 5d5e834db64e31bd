/**
 * The print line breaker (Knuth–Plass total fit with the book's rules). Start with tokens.ts (the
 * data), then knuth-plass.ts (breakParagraph, settings), rules.ts (BreakRules and their defaults).
 */
export * from './knuth-plass.ts';
