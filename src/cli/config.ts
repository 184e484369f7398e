// Finding and reading config files: `reportlint.config.json` or `.reportlintrc.json`, searched
// from the linted file's folder upwards (the nearest wins, no merging), or the one named by
// --config. Turns a file's config into the rule settings and document settings it is linted with.

import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ConfigError, checkConfigRules, effectiveConfig, matchGlob, registryEntries, resolveRules, validateConfig, validateRegistryFile, type Config } from '../engine/config.js';
import type { RuleSetting, SettingsInput } from '../engine/run.js';
import type { Rule } from '../engine/types.js';
import { CONFIG_LIMIT, DATA_LIMIT, readRegularFileSync, ReadError } from './read.js';

export const CONFIG_NAMES = ['reportlint.config.json', '.reportlintrc.json'] as const;

export interface LoadedConfig {
  /** Absolute path of the config file; undefined when none was found (defaults). */
  path?: string;
  /** Folder that globs in the config are relative to. */
  dir: string;
  config: Config;
}

export interface FileConfig {
  configPath?: string;
  rules: RuleSetting[];
  settings: SettingsInput;
  ignored: boolean;
}

/** Reads and validates one config file; every problem is a ConfigError naming the file. */
export function readConfigFile(path: string, all: Rule[], cwd = process.cwd()): LoadedConfig {
  const abs = resolve(cwd, path);
  let raw: string;
  try {
    const { bytes } = readRegularFileSync(abs, CONFIG_LIMIT);
    raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  } catch (e) {
    if (e instanceof ReadError) throw new ConfigError(`${path}: cannot read config: ${e.message}`);
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ConfigError(`${path}: invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const config = validateConfig(json, path);
  checkConfigRules(all, config, path);
  return { path: abs, dir: dirname(abs), config };
}

type RegistryEntries = NonNullable<SettingsInput['registry']>;

/** Reads and validates one registry file (JSON); every problem is a ConfigError naming it. */
export function readRegistryFile(abs: string, where: string): RegistryEntries {
  let raw: string;
  try {
    const { bytes } = readRegularFileSync(abs, DATA_LIMIT);
    raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  } catch (e) {
    if (e instanceof ReadError) throw new ConfigError(`${where}: cannot read registry: ${e.message}`);
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ConfigError(`${where}: invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return registryEntries(validateRegistryFile(json, where), where);
}

/** Resolves configs for files, caching by folder and by config file. */
export class ConfigResolver {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, LoadedConfig>();
  private readonly registries = new Map<string, RegistryEntries>();
  private readonly explicit?: LoadedConfig;

  constructor(
    private readonly all: Rule[],
    private readonly cwd: string,
    configPath?: string,
    private readonly only?: string[],
  ) {
    if (configPath) this.explicit = readConfigFile(configPath, all, cwd);
    // --rule ids are checked even when no file is linted
    resolveRules(all, {}, only);
  }

  /** The nearest config file at or above `dir`, if any. */
  findConfigFile(dir: string): string | undefined {
    const chain: string[] = [];
    let d = resolve(dir);
    let found: string | undefined;
    for (;;) {
      if (this.byDir.has(d)) {
        found = this.byDir.get(d);
        break;
      }
      chain.push(d);
      const hit = CONFIG_NAMES.map((n) => join(d, n)).find((p) => existsSync(p) && statSync(p).isFile());
      if (hit) {
        found = hit;
        break;
      }
      const up = dirname(d);
      if (up === d) break;
      d = up;
    }
    for (const c of chain) this.byDir.set(c, found);
    return found;
  }

  configFor(filePath: string): LoadedConfig {
    if (this.explicit) return this.explicit;
    const abs = resolve(this.cwd, filePath);
    const found = this.findConfigFile(dirname(abs));
    if (!found) return { dir: this.cwd, config: {} };
    let c = this.loaded.get(found);
    if (!c) {
      c = readConfigFile(relative(this.cwd, found) || found, this.all, this.cwd);
      this.loaded.set(found, c);
    }
    return c;
  }

  /** Rule settings, document settings and ignore status for one file. Throws ConfigError. */
  resolve(filePath: string): FileConfig {
    const loaded = this.configFor(filePath);
    const rel = relative(loaded.dir, resolve(this.cwd, filePath)).split(sep).join('/');
    const where = loaded.path ? relative(this.cwd, loaded.path) || loaded.path : 'config';
    const ignored = !rel.startsWith('../') && (loaded.config.ignorePatterns ?? []).some((g) => matchGlob(g, rel));
    const eff = effectiveConfig(loaded.config, rel);
    if (eff.registryFiles.length) eff.settings.registry = this.registry(loaded.dir, eff.registryFiles);
    return { configPath: loaded.path, rules: resolveRules(this.all, eff.rules, this.only, where), settings: eff.settings, ignored };
  }

  /** The entries of the registry files a config names (relative to its folder), read once each. */
  private registry(dir: string, files: string[]): RegistryEntries {
    const key = JSON.stringify([dir, files]);
    let entries = this.registries.get(key);
    if (!entries) {
      entries = files.flatMap((f) => {
        const abs = resolve(dir, f);
        return readRegistryFile(abs, relative(this.cwd, abs) || abs);
      });
      this.registries.set(key, entries);
    }
    return entries;
  }
}
