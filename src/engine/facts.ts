// Facts are what rules share: computed lazily, once per document, by whichever rule asks first.

import type { Document } from '../parse/document.js';
import type { DocumentSettings } from './types.js';

export interface FactDef<T> {
  id: string;
  compute(doc: Document, facts: FactStore, settings: DocumentSettings): T;
}

export function defineFact<T>(id: string, compute: FactDef<T>['compute']): FactDef<T> {
  return { id, compute };
}

export class FactStore {
  private readonly cache = new Map<string, unknown>();

  constructor(
    readonly doc: Document,
    readonly settings: DocumentSettings,
  ) {}

  get<T>(fact: FactDef<T>): T {
    if (this.cache.has(fact.id)) return this.cache.get(fact.id) as T;
    const value = fact.compute(this.doc, this, this.settings);
    this.cache.set(fact.id, value);
    return value;
  }
}
