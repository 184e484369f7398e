// The phrasing suite: report sentences (and small tables) written from templates and inserted
// into real documents, for the phrasings real documents rarely hold in adding-up form
// (received / resolved / pending, the base in the previous sentence, growth with both figures,
// parts then "Tổng cộng", ...). Vocabulary comes from the corpus: the nouns counted after
// figures and the place names of the document the sentence goes into. Every template gives the
// same number of instances, each in another document, so no template dominates. Each instance
// is first linted unmutated (control): if an expected rule already fires on it, the instance is
// dropped and counted as invalid. Reported apart from the natural plantings.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KIND_BY_ID } from '../kinds.mjs';
import { formatNumber } from './numbers.mjs';
import { rng, pick, shuffle } from './prng.mjs';
import { toneKey, words } from './text.mjs';

// ---------------------------------------------------------------- vocabulary

const NOT_NOUN = new Set(['năm', 'tháng', 'ngày', 'giờ', 'phút', 'lần', 'triệu', 'tỷ', 'tỉ', 'nghìn', 'ngàn', 'trăm', 'và', 'của', 'là', 'có', 'được', 'với', 'trong', 'theo', 'đến', 'từ', 'the', 'of', 'and', 'to', 'in', 'for', 'percent', 'million', 'billion', 'thousand', 'years', 'year', 'months', 'days', 'day', 'hours', 'fiscal', 'or', 'a', 'by', 'at', 'on', 'as', 'that', 'were', 'was', 'is', 'are', 'than', 'more', 'điều', 'khoản', 'điểm', 'mục', 'số', 'at', 'from']);

/** Per document: nouns counted after whole numbers (one or two words) and place names. */
export function harvestVocab(doc) {
  const nouns = {};
  const places = {};
  for (let n = 1; n <= doc.lines.length; n++) {
    if (doc.table[n - 1]) continue;
    for (const f of doc.figures(n)) {
      if (f.dec || f.unit === '%' || !f.unit || f.unit.includes(' ') || NOT_NOUN.has(f.unit)) continue;
      const after = doc.text.slice(f.end, f.end + 30);
      const m = doc.lang === 'vi' ? /^ (\p{Ll}+)(?: (\p{Ll}+))?(.?)/u.exec(after) : /^ ([a-z]{3,})\b(.?)/.exec(after);
      if (!m || NOT_NOUN.has(m[1]) || UNITS.has(m[1])) continue;
      // a counted noun ends where punctuation or a function word follows it
      const ends = (next, punct) => BOUNDARY.has(next) || /[,.;:)]/.test(punct ?? '');
      const tally = (n, ok) => {
        const t = (nouns[n] ??= [0, 0]);
        t[0]++;
        if (ok) t[1]++;
      };
      if (doc.lang === 'en') tally(m[1], /[,.;:)]/.test(m[2]) || BOUNDARY.has(/^ [a-z]+ ([a-z]+)/.exec(after)?.[1]));
      else {
        tally(m[1], m[2] ? ends(m[2]) : /[,.;:)]/.test(m[3]));
        if (m[2] && !NOT_NOUN.has(m[2])) tally(`${m[1]} ${m[2]}`, /[,.;:)]/.test(m[3]) || BOUNDARY.has(/^ \p{Ll}+ \p{Ll}+ (\p{Ll}+)/u.exec(after)?.[1]));
      }
    }
  }
  const re = doc.lang === 'vi' ? /\b(xã|phường|huyện|tỉnh|thị trấn|thành phố) ((?:\p{Lu}\p{Ll}+)(?: \p{Lu}\p{Ll}+){0,2})/gu : /\b(?:in|of) ((?:[A-Z][a-z]+)(?: [A-Z][a-z]+)?)\b/g;
  let m;
  while ((m = re.exec(doc.text))) {
    const name = doc.lang === 'vi' ? `${m[1]} ${m[2]}` : m[1];
    places[name] = (places[name] ?? 0) + 1;
  }
  return { lang: doc.lang, conv: doc.conv, nouns, places };
}

/**
 * Nouns written after counts in at least `min` documents, where the noun ends the phrase (a
 * punctuation mark or a function word follows) at least a quarter of the time; a Vietnamese
 * noun must also follow "các", "những" or "số" in the corpus, an English one be a plural.
 * Place classifiers (xã, phường, tỉnh) are left out: the templates name places as the parts.
 */
function commonNouns(vocabs, lang, min, lex) {
  const agg = new Map();
  for (const v of vocabs) {
    if (v.lang !== lang) continue;
    for (const [n, [all, ok]] of Object.entries(v.nouns)) {
      const t = agg.get(n) ?? [0, 0, 0];
      t[0] += all;
      t[1] += ok;
      t[2]++;
      agg.set(n, t);
    }
  }
  const isNoun = (n) => {
    if (lang === 'en') return /^[a-z]{3,}s$/.test(n) && !/(?:ss|us|is)$/.test(n);
    if (PLACE_WORDS.has(n) || UNITS.has(n)) return false;
    const parts = n.split(' ');
    const after = (w) => lex.bigrams[`${toneKey(w)} ${toneKey(parts[0])}`] ?? 0;
    if (after('các') + after('những') + after('số') < 20) return false;
    return parts.length === 1 || (lex.bigrams[parts.map(toneKey).join(' ')] ?? 0) >= 100;
  };
  return [...agg]
    .filter(([n, [all, ok, docs]]) => docs >= min && ok * 4 >= all && isNoun(n))
    .sort((a, b) => b[1][2] - a[1][2] || (a[0] < b[0] ? -1 : 1))
    .map(([n]) => n)
    .slice(0, 40);
}

const PLACE_WORDS = new Set(['xã', 'phường', 'tỉnh', 'huyện', 'thị trấn', 'thành phố', 'quận', 'thôn', 'ấp', 'bản']);

// measurement and currency units are figures' units, not counted things
const UNITS = new Set(['đồng', 'usd', 'ha', 'km', 'm', 'mm', 'cm', 'mét', 'x', 'kg', 'tấn', 'lít', 'tuổi', 'tuần', 'mw', 'kw', 'kwh', 'dollars', 'percent', 'miles', 'acres', 'pounds', 'tons', 'hours', 'days', 'weeks', 'months', 'years', 'times', 'lượt']);
const BOUNDARY = new Set(['và', 'của', 'trong', 'được', 'đã', 'tại', 'ở', 'là', 'có', 'trên', 'với', 'cho', 'thuộc', 'đang', 'chưa', 'theo', 'này', 'and', 'in', 'of', 'that', 'were', 'with', 'for', 'from', 'to', 'or', 'are', 'was', 'had', 'have']);

// ---------------------------------------------------------------- sentence builder

class Builder {
  constructor(conv) {
    this.conv = conv;
    this.text = '';
    this.figs = {};
  }
  t(s) {
    this.text += s;
    return this;
  }
  /** a figure: value as { int: BigInt, dec } */
  n(role, v, grouped = true) {
    const raw = formatNumber(v.int, v.dec, this.conv, grouped && v.int >= 1000n * 10n ** BigInt(v.dec));
    this.figs[role] = { start: this.text.length, end: this.text.length + raw.length, raw, ...v };
    this.text += raw;
    return this;
  }
}

const int = (n) => ({ int: BigInt(n), dec: 0 });
const dec = (x, d) => ({ int: BigInt(Math.round(x * 10 ** d)), dec: d });
const val = (v) => Number(v.int) / 10 ** v.dec;

/** n integers in [lo, hi], distinct-ish. */
function ints(rand, n, lo, hi) {
  return Array.from({ length: n }, () => lo + Math.floor(rand() * (hi - lo + 1)));
}

function rate(a, b, d) {
  return dec((a / b) * 100, d);
}

function plural(noun) {
  return noun;
}

// ---------------------------------------------------------------- templates
// Each returns { text, figs, lines?: 'table' } with roles: total, parts (p0..), num, base, rate,
// value, target. `kinds` lists which mutations the instance carries: [kind, role].

const VI = [
  {
    id: 'vi-gom-inline', shape: 'inline-gom', kinds: [['breakdown-part', 'p1'], ['breakdown-total', 'total']],
    make(b, v, r) {
      const [x, y, z] = ints(r, 3, 12, 480);
      return b.t(`Tổng số ${v.noun} trên địa bàn là `).n('total', int(x + y + z)).t(` ${v.noun}, gồm: ${v.place[0]} `).n('p0', int(x)).t(` ${v.noun}, ${v.place[1]} `).n('p1', int(y)).t(` ${v.noun} và ${v.place[2]} `).n('p2', int(z)).t(` ${v.noun}.`);
    },
  },
  {
    id: 'vi-trong-do-inline', shape: 'inline-trong-do', kinds: [['breakdown-part', 'p0'], ['breakdown-total', 'total']],
    make(b, v, r) {
      const [x, y, z] = ints(r, 3, 20, 900);
      return b.t(`Năm qua, toàn tỉnh có `).n('total', int(x + y + z)).t(` ${v.noun}, trong đó ${v.place[0]} có `).n('p0', int(x)).t(` ${v.noun}, ${v.place[1]} có `).n('p1', int(y)).t(` ${v.noun}, ${v.place[2]} có `).n('p2', int(z)).t(` ${v.noun}.`);
    },
  },
  {
    id: 'vi-total-previous-sentence', shape: 'total-previous-sentence', kinds: [['breakdown-part', 'p2'], ['breakdown-total', 'total']],
    make(b, v, r) {
      const [x, y, z] = ints(r, 3, 15, 700);
      return b.t(`Tổng số ${v.noun} đã thực hiện là `).n('total', int(x + y + z)).t(` ${v.noun}. Trong đó, ${v.place[0]} `).n('p0', int(x)).t(` ${v.noun}, ${v.place[1]} `).n('p1', int(y)).t(` ${v.noun}, ${v.place[2]} `).n('p2', int(z)).t(` ${v.noun}.`);
    },
  },
  {
    id: 'vi-parts-then-total', shape: 'parts-then-total', kinds: [['breakdown-part', 'p0'], ['breakdown-total', 'total']],
    make(b, v, r) {
      const [x, y, z] = ints(r, 3, 1200, 98000).map((n) => n / 10);
      const tot = dec(x + y + z, 1);
      return b.t(`Kinh phí hỗ trợ: ${v.place[0]} `).n('p0', dec(x, 1)).t(` triệu đồng, ${v.place[1]} `).n('p1', dec(y, 1)).t(` triệu đồng, ${v.place[2]} `).n('p2', dec(z, 1)).t(` triệu đồng. Tổng cộng: `).n('total', tot).t(` triệu đồng.`);
    },
  },
  {
    id: 'vi-money-trong-do-paren', shape: 'inline-trong-do-paren', kinds: [['breakdown-part', 'p1'], ['breakdown-total', 'total']],
    make(b, v, r) {
      const [x, y, z] = ints(r, 3, 1500, 250000);
      return b.t(`Tổng vốn đã giải ngân đến ngày báo cáo là `).n('total', dec((x + y + z) / 1000, 3)).t(` tỷ đồng (trong đó: vốn ngân sách trung ương `).n('p0', dec(x / 1000, 3)).t(` tỷ đồng, vốn ngân sách tỉnh `).n('p1', dec(y / 1000, 3)).t(` tỷ đồng, vốn huy động khác `).n('p2', dec(z / 1000, 3)).t(` tỷ đồng).`);
    },
  },
  {
    id: 'vi-list-items', shape: 'list-items', lines: true, kinds: [['breakdown-part', 'p1'], ['breakdown-total', 'total']],
    make(b, v, r) {
      const [x, y, z] = ints(r, 3, 30, 2500);
      return b.t(`Tổng số ${v.noun} được hỗ trợ là `).n('total', int(x + y + z)).t(` ${v.noun}, cụ thể:\n- ${cap(v.place[0])}: `).n('p0', int(x)).t(` ${v.noun};\n- ${cap(v.place[1])}: `).n('p1', int(y)).t(` ${v.noun};\n- ${cap(v.place[2])}: `).n('p2', int(z)).t(` ${v.noun}.`);
    },
  },
  {
    id: 'vi-status-split', shape: 'status-split', kinds: [['split-figure', 'p1'], ['split-figure', 'total']],
    make(b, v, r) {
      const [x, y] = ints(r, 2, 8, 400);
      return b.t(`Trong kỳ, đã tiếp nhận `).n('total', int(x + y)).t(` đơn, đã giải quyết `).n('p0', int(x)).t(` đơn, còn `).n('p1', int(y)).t(` đơn đang xem xét, giải quyết.`);
    },
  },
  {
    id: 'vi-status-records', shape: 'status-split', kinds: [['split-figure', 'p0'], ['split-figure', 'total']],
    make(b, v, r) {
      const [x, y, z] = ints(r, 3, 10, 900);
      return b.t(`Tiếp nhận `).n('total', int(x + y + z)).t(` hồ sơ; đã giải quyết đúng hạn `).n('p0', int(x)).t(` hồ sơ, giải quyết quá hạn `).n('p1', int(y)).t(` hồ sơ, đang giải quyết `).n('p2', int(z)).t(` hồ sơ.`);
    },
  },
  {
    id: 'vi-staffing', shape: 'status-split', kinds: [['split-figure', 'p1'], ['split-figure', 'total']],
    make(b, v, r) {
      const [x, y] = ints(r, 2, 3, 90);
      return b.t(`Biên chế được giao `).n('total', int(x + y)).t(` người; hiện có `).n('p0', int(x)).t(` người, còn thiếu `).n('p1', int(y)).t(` người so với biên chế được giao.`);
    },
  },
  {
    id: 'vi-base-previous-sentence', shape: 'base-previous-sentence', kinds: [['percent-count', 'num'], ['percent-base', 'base'], ['percent-rate', 'rate']],
    make(b, v, r) {
      const base = 40 + Math.floor(r() * 900);
      const num = 5 + Math.floor(r() * (base - 5));
      return b.t(`Trong năm, tiếp nhận `).n('base', int(base)).t(` ${v.noun}. Đã giải quyết `).n('num', int(num)).t(` ${v.noun}, đạt `).n('rate', rate(num, base, 1)).t(`%.`);
    },
  },
  {
    id: 'vi-chiem-share', shape: 'chiem', kinds: [['percent-count', 'num'], ['percent-base', 'base'], ['percent-rate', 'rate']],
    make(b, v, r) {
      const base = 30 + Math.floor(r() * 2000);
      const num = Math.round(base * (0.2 + r() * 0.75));
      return b.t(`Có `).n('num', int(num)).t(` ${v.noun} hoàn thành trên tổng số `).n('base', int(base)).t(` ${v.noun}, chiếm `).n('rate', rate(num, base, 2)).t(`%.`);
    },
  },
  {
    id: 'vi-phan-tram', shape: 'phan-tram-word', kinds: [['percent-count', 'num'], ['percent-base', 'base'], ['percent-rate', 'rate']],
    make(b, v, r) {
      const base = 50 + Math.floor(r() * 600);
      const num = 5 + Math.floor(r() * (base - 5));
      return b.t(`Số ${v.noun} đạt chuẩn là `).n('num', int(num)).t(`/`).n('base', int(base), false).t(` ${v.noun}, bằng `).n('rate', rate(num, base, 1)).t(` phần trăm.`);
    },
  },
  {
    id: 'vi-growth-both', shape: 'growth-both-figures', kinds: [['percent-count', 'num'], ['percent-base', 'base'], ['percent-rate', 'rate']],
    make(b, v, r) {
      const base = 1000 + Math.floor(r() * 50000);
      const now = Math.round(base * (1.03 + r() * 0.4));
      return b.t(`Thu ngân sách trên địa bàn năm nay đạt `).n('num', dec(now / 10, 1)).t(` tỷ đồng, tăng `).n('rate', dec(((now - base) / base) * 100, 2)).t(`% so với năm trước (`).n('base', dec(base / 10, 1)).t(` tỷ đồng).`);
    },
  },
  {
    id: 'vi-decline-both', shape: 'decline-both-figures', kinds: [['percent-count', 'num'], ['percent-base', 'base'], ['percent-rate', 'rate']],
    make(b, v, r) {
      const base = 40 + Math.floor(r() * 900);
      const now = Math.max(1, Math.round(base * (0.5 + r() * 0.45)));
      return b.t(`Số vụ vi phạm được phát hiện là `).n('num', int(now)).t(` vụ, giảm `).n('rate', dec(((base - now) / base) * 100, 1)).t(`% so với cùng kỳ năm trước (`).n('base', int(base)).t(` vụ).`);
    },
  },
  {
    id: 'vi-plan-stated', shape: 'plan-attainment', kinds: [['percent-count', 'num'], ['percent-base', 'base'], ['percent-rate', 'rate']],
    make(b, v, r) {
      const plan = 200 + Math.floor(r() * 9000);
      const done = Math.round(plan * (0.4 + r() * 0.55));
      return b.t(`Giải ngân vốn đầu tư công được `).n('num', int(done)).t(` triệu đồng/`).n('base', int(plan)).t(` triệu đồng, đạt `).n('rate', rate(done, plan, 2)).t(`% kế hoạch vốn giao.`);
    },
  },
  {
    id: 'vi-target-exceeded', shape: 'target-exceeded', kinds: [['comparison-flip', 'value']],
    make(b, v, r) {
      const t = 60 + Math.floor(r() * 30);
      const x = t + 1 + r() * 8;
      return b.t(`Tỷ lệ ${v.noun} được cấp giấy chứng nhận đạt `).n('value', dec(x, 1)).t(`%, vượt chỉ tiêu `).n('target', int(t)).t(`% đề ra.`);
    },
    flip: (f) => ({ int: f.target.int * 10n - 1n - BigInt(Math.floor(Number(f.value.int % 10n))), dec: 1 }),
  },
  {
    id: 'vi-plan-exceeded', shape: 'plan-exceeded', kinds: [['comparison-flip', 'value']],
    make(b, v, r) {
      const x = 101 + r() * 9;
      return b.t(`Tổng thu ngân sách đạt `).n('value', dec(x, 1)).t(`% dự toán, vượt dự toán được giao.`);
    },
    flip: (f) => ({ int: 900n + (f.value.int % 100n), dec: 1 }),
  },
  {
    id: 'vi-table-total-row', shape: 'table-total-row', table: true, kinds: [['table-part', 'c1'], ['table-total', 'T1']],
    make(b, v, r) {
      const rows = 3 + Math.floor(r() * 3);
      const a = ints(r, rows, 5, 900);
      const c = ints(r, rows, 100, 9000);
      b.t(`STT\tĐơn vị\tSố ${v.noun}\tKinh phí (triệu đồng)\n`);
      for (let i = 0; i < rows; i++) {
        b.t(`${i + 1}\t${cap(v.place[i % v.place.length])}${i >= v.place.length ? ' (mở rộng)' : ''}\t`).n(`a${i}`, int(a[i])).t('\t').n(`c${i}`, int(c[i])).t('\n');
      }
      return b.t('\tTổng cộng\t').n('T0', int(a.reduce((s, x) => s + x, 0))).t('\t').n('T1', int(c.reduce((s, x) => s + x, 0)));
    },
  },
  {
    id: 'vi-table-total-column', shape: 'table-total-column', table: true, kinds: [['table-part', 'y1'], ['table-total', 's1']],
    make(b, v, r) {
      b.t(`STT\tĐơn vị\tTổng số\tNăm trước\tNăm nay\n`);
      for (let i = 0; i < 3; i++) {
        const [x, y] = ints(r, 2, 10, 600);
        b.t(`${i + 1}\t${cap(v.place[i])}\t`).n(`s${i}`, int(x + y)).t('\t').n(`x${i}`, int(x)).t('\t').n(`y${i}`, int(y)).t(i < 2 ? '\n' : '');
      }
      return b;
    },
  },
];

const EN = [
  {
    id: 'en-of-which', shape: 'en-of-which', kinds: [['breakdown-part', 'p1'], ['breakdown-total', 'total']],
    make(b, v, r) {
      const [x, y, z] = ints(r, 3, 120, 9000).map((n) => n / 10);
      return b.t('The program awarded a total of $').n('total', dec(x + y + z, 1)).t(' million, of which $').n('p0', dec(x, 1)).t(' million went to states, $').n('p1', dec(y, 1)).t(' million to tribes, and $').n('p2', dec(z, 1)).t(' million to territories.');
    },
  },
  {
    id: 'en-including', shape: 'en-including', kinds: [['breakdown-part', 'p0'], ['breakdown-total', 'total']],
    make(b, v, r) {
      const [x, y, z] = ints(r, 3, 10, 800);
      return b.t(`We reviewed `).n('total', int(x + y + z)).t(` ${v.noun}, including `).n('p0', int(x)).t(` in ${v.place[0]}, `).n('p1', int(y)).t(` in ${v.place[1]}, and `).n('p2', int(z)).t(` in ${v.place[2]}.`);
    },
  },
  {
    id: 'en-status-split', shape: 'status-split', kinds: [['split-figure', 'p1'], ['split-figure', 'total']],
    make(b, v, r) {
      const [x, y] = ints(r, 2, 5, 400);
      return b.t('The office received ').n('total', int(x + y)).t(' complaints, resolved ').n('p0', int(x)).t(', and ').n('p1', int(y)).t(' are still pending.');
    },
  },
  {
    id: 'en-of-the-percent', shape: 'paren-percent-word', kinds: [['percent-count', 'num'], ['percent-base', 'base'], ['percent-rate', 'rate']],
    make(b, v, r) {
      const base = 20 + Math.floor(r() * 900);
      const num = 2 + Math.floor(r() * (base - 2));
      return b.t('Of the ').n('base', int(base)).t(` ${v.noun} we reviewed, `).n('num', int(num)).t(` (`).n('rate', rate(num, base, 0)).t(' percent) did not meet the requirements.');
    },
  },
  {
    id: 'en-out-of', shape: 'out-of', kinds: [['percent-count', 'num'], ['percent-base', 'base'], ['percent-rate', 'rate']],
    make(b, v, r) {
      const base = 20 + Math.floor(r() * 500);
      const num = 2 + Math.floor(r() * (base - 2));
      return b.t('Overall, ').n('num', int(num)).t(' out of ').n('base', int(base)).t(` ${v.noun}, or `).n('rate', rate(num, base, 1)).t(' percent, reported the data on time.');
    },
  },
  {
    id: 'en-growth', shape: 'growth-both-figures', kinds: [['percent-count', 'num'], ['percent-base', 'base'], ['percent-rate', 'rate']],
    make(b, v, r) {
      const base = 100 + Math.floor(r() * 5000);
      const now = Math.round(base * (1.05 + r() * 0.6));
      return b.t(`The number of ${v.noun} rose from `).n('base', int(base)).t(' in 2022 to ').n('num', int(now)).t(' in 2024, an increase of ').n('rate', dec(((now - base) / base) * 100, 0)).t(' percent.');
    },
  },
  {
    id: 'en-target', shape: 'target-exceeded', kinds: [['comparison-flip', 'value']],
    make(b, v, r) {
      const t = 80 + Math.floor(r() * 15);
      const x = t + 1 + Math.floor(r() * 4);
      return b.t('The agency processed ').n('value', int(x)).t(' percent of claims on time, above its ').n('target', int(t)).t(' percent target.');
    },
    flip: (f) => ({ int: f.target.int - 1n - BigInt(Math.floor(Number(f.value.int % 3n))), dec: 0 }),
  },
];

function cap(s) {
  return s[0].toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------- plantings

/** A one-digit change of a figure that breaks the instance's arithmetic. */
function mutateRole(tpl, inst, kind, role, rand, conv) {
  const f = inst.figs[role];
  if (!f) return undefined;
  if (kind === 'comparison-flip') {
    const v = tpl.flip(inst.figs);
    return { start: f.start, end: f.end, text: formatNumber(v.int, v.dec, conv, false) };
  }
  for (let tries = 0; tries < 12; tries++) {
    const digits = f.raw.replace(/\D/g, '');
    const i = Math.floor(rand() * digits.length);
    let nd = Math.floor(rand() * 10);
    if (nd === +digits[i] || (i === 0 && nd === 0)) continue;
    let k = -1;
    const raw = [...f.raw].map((ch) => (/\d/.test(ch) && ++k === i ? String(nd) : ch)).join('');
    const changed = { ...f, int: BigInt(raw.replace(/\D/g, '')) };
    if (broken(inst, role, changed)) return { start: f.start, end: f.end, text: raw };
  }
  return undefined;
}

/** Does replacing `role` with `changed` make the instance inconsistent by more than rounding? */
function broken(inst, role, changed) {
  const figs = { ...inst.figs, [role]: changed };
  if (figs.rate) {
    const a = val(figs.num);
    const b = val(figs.base);
    const p = val(figs.rate);
    const u = 10 ** -figs.rate.dec;
    const v = inst.formula === 'growth' ? ((a - b) / b) * 100 : inst.formula === 'decline' ? ((b - a) / b) * 100 : (a / b) * 100;
    return b > 0 && Math.abs(v - p) > u * 1.01;
  }
  if (figs.total) {
    const parts = Object.keys(figs).filter((k) => /^p\d$/.test(k)).map((k) => val(figs[k]));
    return Math.abs(parts.reduce((s, x) => s + x, 0) - val(figs.total)) > 1e-9;
  }
  return true; // tables: one digit of a cell always breaks its row or column sum
}

/**
 * Plantings of the suite: for each template, `perTemplate` instances, each in another document
 * (documents taken in a seeded order), each carrying its template's mutation kinds.
 */
export function phrasingPlantings(scans, root, { seed, short, kinds, lexicon }) {
  const perTemplate = short ? 3 : 14;
  const out = [];
  for (const lang of ['vi', 'en']) {
    const pool = scans.filter((s) => s.lang === lang && s.vocab);
    if (!pool.length) continue;
    const nouns = commonNouns(pool.map((s) => s.vocab), lang, short ? 1 : 3, lexicon);
    if (!nouns.length) continue;
    const templates = lang === 'vi' ? VI : EN;
    // places named twice or more in some document, for documents that name too few themselves
    const allPlaces = [...new Set(pool.flatMap((s) => Object.entries(s.vocab.places).filter(([, c]) => c >= 2).map(([p]) => p)))].sort();
    const order = shuffle(pool.map((s) => s.rel).sort(), rng(seed, 'phrasing-docs', lang));
    let at = 0;
    for (const tpl of templates) {
      if (kinds && !tpl.kinds.some(([k]) => kinds.has(k))) continue;
      for (let i = 0; i < perTemplate; i++) {
        const rel = order[at++ % order.length];
        const scan = scans.find((s) => s.rel === rel);
        const rand = rng(seed, 'phrasing', tpl.id, i);
        const docPlaces = Object.keys(scan.vocab.places).sort();
        let places = shuffle(docPlaces, rand).slice(0, 4);
        if (places.length < 4) places = [...places, ...shuffle(allPlaces.filter((p) => !places.includes(p)), rand)].slice(0, 4);
        const v = { noun: pick(nouns, rand), place: places };
        const b = new Builder(scan.conv);
        const inst = tpl.make(b, v, rand);
        inst.formula = tpl.shape.startsWith('growth') ? 'growth' : tpl.shape.startsWith('decline') ? 'decline' : 'share';
        const text = readFileSync(join(root, rel), 'utf8');
        const spot = insertionLine(text, rand);
        if (!spot) continue;
        const block = '\n' + inst.text;
        const control = [{ start: spot.end, end: spot.end, text: block }];
        const firstLine = spot.line + 1;
        const nLines = inst.text.split('\n').length;
        for (const [kind, role] of tpl.kinds) {
          if (kinds && !kinds.has(kind)) continue;
          const m = mutateRole(tpl, inst, kind, role, rand, scan.conv);
          if (!m) continue;
          const mutated = inst.text.slice(0, m.start) + m.text + inst.text.slice(m.end);
          const lines = Array.from({ length: nLines }, (_, k) => firstLine + k);
          out.push({
            id: `phrasing|${tpl.id}|${i}|${kind}|${role}|${rel}`,
            rel,
            kind,
            shape: `${tpl.shape} (${tpl.id})`,
            template: tpl.id,
            edits: [{ start: spot.end, end: spot.end, text: '\n' + mutated, from: '' }],
            control,
            lines,
            rules: KIND_BY_ID.get(kind).rules,
            suite: 'phrasing',
          });
        }
      }
    }
  }
  return out;
}

/** A line after which a new paragraph can go: a plain sentence line in the body, not a table row. */
function insertionLine(text, rand) {
  const ls = text.split('\n');
  const cands = [];
  let off = 0;
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i];
    if (i > ls.length * 0.15 && !l.includes('\t') && words(l).length >= 10 && /[.;]\s*$/.test(l) && !(ls[i + 1] ?? '').includes('\t')) cands.push({ line: i + 1, end: off + l.length });
    off += l.length + 1;
  }
  return cands.length ? pick(cands, rand) : undefined;
}

export const TEMPLATES = { vi: VI, en: EN };
export const _nouns = commonNouns;
