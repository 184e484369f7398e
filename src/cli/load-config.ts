// Phase 2, config: the config resolver (an explicit --config is read now, the others per file as
// they are found) and the --baseline file. Problems are UsageErrors (exit 2).

import { ConfigError } from '../engine/config.js';
import { rules } from '../rules/index.js';
import { BaselineError, readBaseline, type Baseline } from './baseline.js';
import { ConfigResolver } from './config.js';
import { UsageError, type Io } from './io.js';
import type { Options } from './options.js';

export interface LoadedContext {
  resolver: ConfigResolver;
  baseline?: Baseline;
}

/** Runs `f`, turning a ConfigError into a UsageError. */
export function configOrUsage<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ConfigError) throw UsageError.from(e.message);
    throw e;
  }
}

export async function loadContext(o: Options, io: Io): Promise<LoadedContext> {
  const { opts } = o;
  const resolver = configOrUsage(() => new ConfigResolver(rules, io.cwd, opts.config, opts.rule));
  let baseline: Baseline | undefined;
  if (opts.baseline) {
    try {
      baseline = await readBaseline(opts.baseline);
    } catch (e) {
      if (e instanceof BaselineError) throw UsageError.from(e.message);
      throw e;
    }
    if (!baseline && !opts.updateBaseline) throw UsageError.of('baselineNotFound', { file: opts.baseline });
  }
  return { resolver, baseline };
}
