// Rewrites docs/ACCURACY.md from the committed bench/accuracy/results/latest.json and floors.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HERE, REPO } from './lib/corpus.mjs';
import { loadBaseline, renderAccuracy } from './lib/render.mjs';

const r = JSON.parse(readFileSync(join(HERE, 'results', 'latest.json'), 'utf8'));
const floorsPath = join(HERE, 'floors.json');
writeFileSync(join(REPO, 'docs', 'ACCURACY.md'), renderAccuracy(r, existsSync(floorsPath) ? JSON.parse(readFileSync(floorsPath, 'utf8')) : undefined, loadBaseline(HERE)));
console.log('docs/ACCURACY.md written');
