// The registry of real documents: what a cited number's document is (its date, type, issuing
// body, title), from the headers of the corpora (src/data/registry.ts, built by
// scripts/build-registry.mjs) and from the user's own registry files (config `registry`, read by
// the CLI into the settings). The registry only speaks about documents it knows, and only about
// numbers that name one document: a legal number (its year is in it) of a national issuer, or a
// Government / Prime Minister number compared within its year. Local legal numbers
// (`15/2025/QĐ-UBND`, `34/2025/NQ-HĐND`) exist once per province and are left to the user's
// registry, which is trusted for every number it lists (within the year of its date when the
// number carries none).

import { defineFact } from '../engine/facts.js';
import type { Document } from '../parse/document.js';
import { REGISTRY_ROWS } from '../data/registry.js';
import { numberKey, symbolLetters } from './citations.js';

export interface RegistryEntry {
  /** Number and symbol as the document writes it (`15/2020/NĐ-CP`). */
  number: string;
  /** yyyymmdd */
  date: number;
  type?: string;
  issuer?: string;
  title?: string;
  /** Where the entry comes from: a corpus file name, or the user's registry file. */
  source?: string;
}

export interface Registry {
  /** The entry for a citation key (`15|2020NDCP`), when the registry knows one document by it. */
  get(key: string): RegistryEntry | undefined;
  /** Entries by symbol key (`2020NDCP`), for numbers one slip away. */
  bySymbol(symbolKey: string): RegistryEntry[];
  size: number;
}

/**
 * The key a citation of this number would carry (number + the symbol's letters, folded; for a
 * `…/QH15` or `…/UBTVQH15` number also its kind, from the entry's type: laws, resolutions and
 * ordinances are numbered apart).
 */
export function registryKey(number: string, type?: string): string | undefined {
  const m = /^(\d{1,6}[a-zđ]?)[ ]?[-/](.+)$/u.exec(number.trim());
  if (!m) return undefined;
  const key = `${numberKey(m[1])}|${symbolLetters(m[2])}`;
  if (!/^\d{4}\/(?:UBTV)?QH\d{0,2}$/u.test(m[2].replace(/ /g, ''))) return key;
  const t = (type ?? '').toLowerCase();
  const kind = /luật|law|code/.test(t) ? 'L' : /nghị quyết|resolution/.test(t) ? 'NQ' : /pháp lệnh|ordinance/.test(t) ? 'PL' : undefined;
  return kind ? `${key}|${kind}` : undefined;
}

// local government's organs issue numbers that repeat in every province
const LOCAL = /UBND|HDND/;
// the Government and the Prime Minister: one series in the country each year
const NATIONAL_ADMIN = /^(?:[^-]+-)?(?:TTG|CP|VPCP)(?:-[^-]+)?$/;

/** The corpus registry keeps a number only when it names one document in the country. */
export function namesOneDocument(number: string): boolean {
  const m = /^\d{1,6}[a-zđ]?\/(.+)$/u.exec(number);
  if (!m) return false;
  const sym = m[1].replace(/[ĐÐđ]/g, 'D').toUpperCase().replace(/ /g, '');
  if (LOCAL.test(sym.replace(/^\d{4}\//, ''))) return false;
  if (/^\d{4}\//.test(sym)) return true;
  return NATIONAL_ADMIN.test(sym);
}

let builtIn: Map<string, RegistryEntry> | undefined;

function corpus(): Map<string, RegistryEntry> {
  if (builtIn) return builtIn;
  builtIn = new Map();
  for (const line of REGISTRY_ROWS.split('\n')) {
    const [number, date, type, issuer, title, source] = line.split('\t');
    if (!number || !namesOneDocument(number)) continue;
    const key = registryKey(number, type);
    if (key) builtIn.set(key, { number, date: Number(date), type: type || undefined, issuer: issuer || undefined, title: title || undefined, source });
  }
  return builtIn;
}

/** The number carries its year (`15/2020/NĐ-CP`, `59/2020/QH14`). */
export function hasYear(number: string): boolean {
  return /^\d{1,6}[a-zđ]?\/\d{4}\//u.test(number.trim());
}

export function makeRegistry(user: readonly RegistryEntry[] = []): Registry {
  const base = corpus();
  const own = new Map<string, RegistryEntry>();
  for (const e of user) {
    const key = registryKey(e.number, e.type);
    if (key) own.set(key, e);
  }
  const get = (key: string) => own.get(key) ?? base.get(key);
  const symbols = new Map<string, RegistryEntry[]>();
  for (const m of [base, own]) {
    for (const [key, e] of m) {
      const s = key.split('|')[1];
      const list = symbols.get(s) ?? [];
      if (!list.includes(e)) list.push(e);
      symbols.set(s, list);
    }
  }
  return { get, bySymbol: (s) => symbols.get(s) ?? [], size: base.size + own.size };
}

let defaultRegistry: Registry | undefined;
const withUser = new WeakMap<readonly RegistryEntry[], Registry>();

export const registry = defineFact('registry', (_doc: Document, _facts, settings): Registry => {
  const user = settings.registry;
  if (!user?.length) return (defaultRegistry ??= makeRegistry());
  let r = withUser.get(user);
  if (!r) withUser.set(user, (r = makeRegistry(user)));
  return r;
});

/** yyyymmdd of a date. */
export function ymd(d: { day?: number; month: number; year: number }): number {
  return d.year * 10000 + d.month * 100 + (d.day ?? 0);
}
