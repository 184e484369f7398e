// Formatters by name, loaded only when used.

import type { Formatter } from './types.js';

export const FORMATS: Record<string, () => Promise<{ default: Formatter }>> = {
  stylish: () => import('./stylish.js'),
  unix: () => import('./unix.js'),
  json: () => import('./json.js'),
  sarif: () => import('./sarif.js'),
  github: () => import('./github.js'),
  checkstyle: () => import('./checkstyle.js'),
  html: () => import('./html.js'),
  junit: () => import('./junit.js'),
  gitlab: () => import('./gitlab.js'),
};

export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  const load = FORMATS[name];
  return load ? (await load()).default : undefined;
}
