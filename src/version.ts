// reportlint's version, shown by --version, in SARIF and JSON output, in the LSP handshake and in
// cache keys; and where its pages live. A test checks both against package.json (so `npm
// version` must update VERSION, and a move of the repository HOMEPAGE).
export const VERSION = '0.1.0';

/** package.json `homepage`: the repository. */
export const HOMEPAGE = 'https://github.com/reportlint/reportlint';

/** A rule's page in the repository (SARIF `helpUri`, LSP `codeDescription.href`). */
export function ruleDocsUrl(ruleId: string): string {
  return `${HOMEPAGE}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`;
}
