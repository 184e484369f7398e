// Bounds on parsing, shared by every reader of structured files (.docx today; .odt and .xlsx
// readers reuse them): how deep XML may nest, how many elements a package may hold, and the
// per-file deadline that covers reading, parsing, the rules and annotation. The limits are
// checked while parsing, so a hostile file stops early with one clear reason instead of running
// for minutes (saxes resolves namespaces by walking the open-tag stack: 100,000 nested elements
// cost O(depth²)). No I/O and no node: imports.
//
// A reader parses inside `withParseBudget(budget, () => ...)`; `parseXml` (docx/xml.ts) picks up
// the budget of the scope it runs in, so every XML part of a package (document, numbering,
// styles, notes, comments, relationships) counts against the same limits without each call
// passing it on. Parsing is synchronous, so one scope at a time is active.

/** A limit a file broke while it was read: the message is the reason shown after `cannot read:`. */
export class LimitError extends Error {}

/** The per-file time budget ran out. */
export class DeadlineError extends LimitError {}

export interface XmlLimits {
  /** Deepest element nesting allowed in one XML part. */
  maxDepth: number;
  /** Most XML elements allowed over all the parts of one package. */
  maxElements: number;
}

/**
 * Word nests content 20-40 deep in real documents (tables in tables, content controls, text
 * boxes); libxml2 refuses past 256 by default. A 64 MB part holds at most ~2.5 million elements
 * of ordinary Word XML.
 */
export const DEFAULT_XML_LIMITS: XmlLimits = { maxDepth: 256, maxElements: 4_000_000 };

/** A point in time (performance.now() milliseconds) past which work on a file stops. */
export class Deadline {
  readonly startedAt: number;
  readonly at: number;

  constructor(readonly budgetMs: number, startedAt = performance.now()) {
    this.startedAt = startedAt;
    this.at = startedAt + budgetMs;
  }

  expired(): boolean {
    return performance.now() > this.at;
  }

  /** Throws DeadlineError naming what was being done (`while ${doing}`). */
  check(doing: string): void {
    if (this.expired()) throw new DeadlineError(`the time budget of ${formatBudget(this.budgetMs)} for this file ran out while ${doing} (--time-budget)`);
  }
}

export function formatBudget(ms: number): string {
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}

/** Limits and deadline for parsing one file, with the running element count. */
export class ParseBudget {
  elements = 0;

  constructor(
    readonly limits: XmlLimits = DEFAULT_XML_LIMITS,
    readonly deadline?: Deadline,
    /** The kind of package, for messages: "Word" gives "the limit for a Word part". */
    readonly kind = 'Word',
  ) {}

  private get a(): string {
    return /^[AEIOU]/.test(this.kind) ? 'an' : 'a';
  }

  /** Called for every element opened; `depth` counts the element itself. */
  open(part: string, depth: number): void {
    if (depth > this.limits.maxDepth) throw new LimitError(`${part} nests elements more than ${this.limits.maxDepth} deep (the limit for ${this.a} ${this.kind} part)`);
    if (++this.elements > this.limits.maxElements) throw new LimitError(`the package has more than ${this.limits.maxElements.toLocaleString('en-US')} XML elements (the limit for ${this.a} ${this.kind} document)`);
    // the clock is read every 4,096 elements: cheap, and a part never runs long between checks
    if ((this.elements & 4095) === 0) this.deadline?.check('reading it');
  }
}

let current: ParseBudget | undefined;

/** Runs a synchronous parse with `budget` in force for every XML part it reads. */
export function withParseBudget<T>(budget: ParseBudget, parse: () => T): T {
  const previous = current;
  current = budget;
  try {
    return parse();
  } finally {
    current = previous;
  }
}

/** The budget of the scope being parsed, or a fresh default one (limits only, no deadline). */
export function currentParseBudget(): ParseBudget {
  return current ?? new ParseBudget();
}
