// reportlint's version, shown by --version, in SARIF and JSON output, in the LSP handshake and in
// cache keys. A test checks it against package.json (so `npm version` must update both).
export const VERSION = '0.1.0';
