/** Each rule of the typographic pass turned off on its own. */
import type { Case } from './helper.ts';

const sample = `"Hi" -- there... 6'2" 1914-1918 Mr. X`;

export const options: Case[] = [
  ['everything on', sample, '“Hi”—there… 6′2″ 1914–1918 Mr.{nbsp}X'],
  ['quotes off', sample, '"Hi"—there… 6′2″ 1914–1918 Mr.{nbsp}X', { quotes: false }],
  ['dashes off', sample, '“Hi” -- there… 6′2″ 1914–1918 Mr.{nbsp}X', { dashes: false }],
  ['ranges off', sample, '“Hi”—there… 6′2″ 1914-1918 Mr.{nbsp}X', { ranges: false }],
  ['ellipses off', sample, '“Hi”—there... 6′2″ 1914–1918 Mr.{nbsp}X', { ellipses: false }],
  ['punctuation off', sample, '“Hi” -- there... 6′2″ 1914-1918 Mr. X', { punctuation: false }],
  ['quotes and primes off', sample, '"Hi"—there… 6\'2" 1914–1918 Mr.{nbsp}X', { quotes: false, primes: false }],
];
