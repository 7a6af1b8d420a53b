/* chronicle — the web page's behaviour: hash routes (#/ story list,
 * #/story/ID, #/entity/ID, #/article/ID, #/search?q=), rendering of the
 * JSON API into DOM nodes (text only, never HTML from data), the timeline
 * axis, and the article reader pane. Plain JS, no dependencies. */
'use strict';

const main = document.getElementById('main');
const reader = document.getElementById('reader');
const readerBody = document.getElementById('reader-body');
const statusEl = document.getElementById('status');
const form = document.getElementById('filters');
const fq = document.getElementById('f-q');
const ffrom = document.getElementById('f-from');
const fto = document.getElementById('f-to');

/* h('div', {class: 'x', onclick: f}, child, 'text', ...) */
function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const kid of kids.flat()) {
    if (kid === undefined || kid === null || kid === false) continue;
    el.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return el;
}

async function api(path) {
  const r = await fetch(path, {headers: {Accept: 'application/json'}});
  let body = null;
  try { body = await r.json(); } catch (e) { /* not JSON */ }
  if (!r.ok) throw new Error((body && body.error && body.error.message) || r.status + ' ' + r.statusText);
  return body;
}

/* replaceChildren, skipping absent (null/false) parts */
function fill(el, ...kids) {
  el.replaceChildren(...kids.flat(2).filter((k) => k !== null && k !== undefined && k !== false));
}

/* Mark which view main shows (tests and styles key on it). */
function shown(view) { main.dataset.view = view; }

function showError(where, err) {
  where.replaceChildren(h('p', {class: 'error'}, String(err.message || err)));
}

/* ------------------------------------------------------------ dates */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/* A TIMEX3-style value ("2025-03-03", "2025-03", "2025", "2025-W10",
 * "2025-Q1") as [first, last] UTC milliseconds, or null. */
function dateRange(v) {
  if (!v) return null;
  let m;
  const D = (y, mo, d) => Date.UTC(y, mo, d);
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v))) { const t = D(+m[1], m[2] - 1, +m[3]); return [t, t]; }
  if ((m = /^(\d{4})-W(\d{2})/.exec(v))) {
    const jan4 = D(+m[1], 0, 4), dow = (new Date(jan4).getUTCDay() + 6) % 7;
    const t = jan4 - dow * 864e5 + (m[2] - 1) * 7 * 864e5; return [t, t + 6 * 864e5];
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(v))) return [D(+m[1], m[2] - 1, 1), D(+m[1], +m[2], 0)];
  if ((m = /^(\d{4})-Q([1-4])/.exec(v))) return [D(+m[1], (m[2] - 1) * 3, 1), D(+m[1], m[2] * 3, 0)];
  if ((m = /^(\d{4})-H([12])/.exec(v))) return [D(+m[1], (m[2] - 1) * 6, 1), D(+m[1], m[2] * 6, 0)];
  if ((m = /^(\d{4})/.exec(v))) return [D(+m[1], 0, 1), D(+m[1], 11, 31)];
  return null;
}

function fmtDay(t) {
  const d = new Date(t);
  return d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()] + ' ' + d.getUTCFullYear();
}

function fmtValue(v) {
  let m;
  if (!v) return 'undated';
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v))) return +m[3] + ' ' + MONTHS[m[2] - 1] + ' ' + m[1];
  if ((m = /^(\d{4})-(\d{2})$/.exec(v))) return MONTHS[m[2] - 1] + ' ' + m[1];
  if ((m = /^(\d{4})-W(\d{2})$/.exec(v))) return 'week ' + +m[2] + ', ' + m[1];
  return v;
}

function fmtSpan(first, last) {
  if (!first) return 'undated';
  if (!last || first === last) return fmtValue(first);
  return fmtValue(first) + ' – ' + fmtValue(last);
}

/* An entry's date as a reader says it: a quarter or a season by its label
 * ("2025-Q2", "spring 2025"), not by its first month. */
function whenOf(e) {
  const fine = !e.granularity || ['day', 'month', 'year', 'week'].includes(e.granularity);
  return !fine && e.label ? e.label : fmtSpan(e.date, e.end);
}

/* Only web addresses become links: a stored url of javascript: or data:
 * is shown as text. */
function webUrl(u) { return typeof u === 'string' && /^https?:\/\//i.test(u); }

function plural(n, one, many) { return n + ' ' + (n === 1 ? one : (many || one + 's')); }

/* ------------------------------------------------------------ routing */

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, qs] = raw.split('?');
  return {path, params: new URLSearchParams(qs || '')};
}

let refreshTimer = null;
let renderSeq = 0;

async function route() {
  clearInterval(refreshTimer);
  refreshTimer = null;
  const {path, params} = parseHash();
  const seq = ++renderSeq;
  let m;
  try {
    if ((m = /^\/story\/(\d+)$/.exec(path))) await storyView(+m[1], params, seq);
    else if ((m = /^\/entity\/(\d+)$/.exec(path))) await entityView(+m[1], seq);
    else if ((m = /^\/article\/(\d+)$/.exec(path))) await articleView(+m[1], params, seq);
    else if (path === '/search') await searchView(params, seq);
    else await listView(params, seq);
  } catch (e) {
    if (seq === renderSeq) showError(main, e);
  }
}

window.addEventListener('hashchange', route);
document.getElementById('reader-close').addEventListener('click', closeReader);
document.addEventListener('keydown', (e) => { if (e.key === 'Escape') closeReader(); });

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const p = new URLSearchParams();
  if (fq.value.trim()) p.set('q', fq.value.trim());
  if (ffrom.value) p.set('from', ffrom.value);
  if (fto.value) p.set('to', fto.value);
  const s = p.toString();
  location.hash = '#/' + (s ? '?' + s : '');
});
document.getElementById('f-clear').addEventListener('click', () => {
  fq.value = ffrom.value = fto.value = '';
  location.hash = '#/';
});

/* ------------------------------------------------------------ story list */

function storyCard(s) {
  return h('li', {class: 'story-card', dataset: {id: s.id}},
    h('h3', {}, h('a', {href: '#/story/' + s.id}, s.title || 'Story ' + s.id)),
    h('div', {class: 'meta'}, fmtSpan(s.first, s.last), ' · ', plural(s.size, 'article'),
      s.unique !== s.size ? ' (' + s.unique + ' unique)' : ''),
    s.entities && s.entities.length ? h('div', {class: 'chips'},
      s.entities.map((e) => h('a', {class: 'chip ' + (e.type || ''), href: '#/entity/' + e.id}, e.name))) : null);
}

async function listView(params, seq) {
  closeReader();
  fq.value = params.get('q') || '';
  ffrom.value = params.get('from') || '';
  fto.value = params.get('to') || '';
  const query = new URLSearchParams();
  for (const k of ['q', 'from', 'to']) if (params.get(k)) query.set(k, params.get(k));
  const list = h('ul', {class: 'stories', id: 'stories'});
  const more = h('button', {type: 'button', class: 'quiet more', hidden: true}, 'More stories');
  const filtered = query.toString() !== '';
  const head = h('div', {class: 'meta'});
  const searchLink = params.get('q') ?
    h('p', {class: 'meta'}, 'Articles matching the words: ',
      h('a', {href: '#/search?' + new URLSearchParams({q: params.get('q')})}, 'full-text search')) : null;
  let cursor = null, loaded = 0, signature = '';

  async function page(replace) {
    const q = new URLSearchParams(query);
    q.set('limit', '20');
    if (cursor && !replace) q.set('cursor', cursor);
    const data = await api('/api/stories?' + q);
    if (seq !== renderSeq) return;
    if (replace) { list.replaceChildren(); loaded = 0; }
    data.stories.forEach((s) => list.append(storyCard(s)));
    loaded += data.stories.length;
    cursor = data.next_cursor;
    more.hidden = !cursor;
    head.textContent = loaded ? '' : (filtered ? 'No story matches.' : 'No stories yet: ingest articles with `chronicle ingest`.');
    return data;
  }
  more.addEventListener('click', () => page(false).catch((e) => showError(head, e)));
  fill(main, h('h1', {}, filtered ? 'Stories found' : 'Latest stories'), searchLink, head, list, more);
  shown('list');
  const first = await page(true);
  signature = JSON.stringify(first.stories.map((s) => [s.id, s.size, s.last]));
  /* New stories appear without a reload: poll the first page while the
   * reader has not paged further. */
  refreshTimer = setInterval(async () => {
    if (seq !== renderSeq || loaded > 20 || document.hidden) return;
    try {
      const q = new URLSearchParams(query);
      q.set('limit', '20');
      const data = await api('/api/stories?' + q);
      const sig = JSON.stringify(data.stories.map((s) => [s.id, s.size, s.last]));
      if (sig !== signature && seq === renderSeq) {
        signature = sig;
        list.replaceChildren(...data.stories.map(storyCard));
        loaded = data.stories.length;
        cursor = data.next_cursor;
        more.hidden = !cursor;
        head.textContent = '';
        statusEl.textContent = 'updated ' + new Date().toLocaleTimeString();
      }
    } catch (e) { statusEl.textContent = 'refresh failed: ' + e.message; }
  }, 5000);
}

/* ------------------------------------------------------------ story page */

/* An outlet, else the file (or id) the article came from, without its folder. */
function sourceLabel(src) {
  return src.outlet || (src.article || '').split('/').pop() || 'source';
}

/* The axis: one mark per entry at its date (a bar for a month or longer),
 * ticks chosen from the span. Returns the element. */
function entryRange(e) {
  const a = dateRange(e.date), b = e.end ? dateRange(e.end) : null;
  return a ? [a[0], b ? b[1] : a[1]] : null;
}

function timelineAxis(entries, onPick, only) {
  const ranges = entries.map((e, i) => (only && !only(e, i) ? null : entryRange(e)));
  const known = ranges.filter(Boolean);
  const axis = h('div', {class: 'axis', role: 'group', 'aria-label': 'timeline axis'}, h('div', {class: 'rule'}));
  if (!known.length) return axis;
  let lo = Math.min(...known.map((r) => r[0])), hi = Math.max(...known.map((r) => r[1]));
  const pad = Math.max((hi - lo) * 0.03, 864e5);
  lo -= pad; hi += pad;
  const span = hi - lo;
  const pos = (t) => ((t - lo) / span * 100).toFixed(3) + '%';
  /* ticks */
  const days = span / 864e5;
  const ticks = [];
  const start = new Date(lo);
  if (days > 3 * 365) {
    for (let y = start.getUTCFullYear() + 1; Date.UTC(y, 0, 1) < hi; y++) ticks.push([Date.UTC(y, 0, 1), String(y)]);
  } else if (days > 75) {
    for (let d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)); d < hi; d.setUTCMonth(d.getUTCMonth() + 1))
      ticks.push([d.getTime(), MONTHS[d.getUTCMonth()] + (d.getUTCMonth() === 0 ? ' ' + d.getUTCFullYear() : '')]);
  } else {
    const step = days > 21 ? 7 : days > 8 ? 2 : 1;
    for (let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + 1); t < hi; t += step * 864e5)
      ticks.push([t, fmtDay(t).replace(/ \d{4}$/, '')]);
  }
  const every = Math.ceil(ticks.length / 12);
  ticks.forEach(([t, label], i) => {
    if (i % every) return;
    const tick = h('div', {class: 'tick'}, h('span', {}, label));
    tick.style.left = pos(t);
    axis.append(tick);
  });
  ranges.forEach((r, i) => {
    if (!r) return;
    const coarse = entries[i].granularity && entries[i].granularity !== 'day';
    const mark = h('button', {type: 'button', class: 'mark' + (coarse ? ' coarse' : ''), title: whenOf(entries[i]) + ': ' + (entries[i].text || ''),
      'aria-label': 'entry ' + (i + 1), onclick: () => onPick(i)});
    mark.style.left = pos(r[0]);
    mark.style.width = 'max(10px, ' + ((r[1] - r[0] + 864e5) / span * 100).toFixed(3) + '%)';
    axis.append(mark);
  });
  return axis;
}

/* When a few coarse entries (years, months) stretch the axis far beyond the
 * days the story happened on, a second axis shows those days close up. */
function closeUp(entries, pick) {
  const day = (e) => (!e.granularity || e.granularity === 'day') && entryRange(e);
  const days = entries.filter(day).map(entryRange);
  const all = entries.map(entryRange).filter(Boolean);
  if (days.length < 2 || !all.length) return null;
  const span = (rs) => Math.max(...rs.map((r) => r[1])) - Math.min(...rs.map((r) => r[0]));
  if (span(all) < 3 * Math.max(span(days), 7 * 864e5)) return null;
  const axis = timelineAxis(entries, pick, day);
  axis.classList.add('close-up');
  axis.setAttribute('aria-label', 'timeline axis, days close up');
  return [h('div', {class: 'meta axis-label'}, 'close-up: ' + fmtDay(Math.min(...days.map((r) => r[0]))) +
    ' – ' + fmtDay(Math.max(...days.map((r) => r[1])))), axis];
}

// An entry's sources, one group per article (an article that tells the
// event in several sentences is one chip, its sentences in the tooltip).
function byArticle(srcs) {
  const groups = new Map();
  for (const s of srcs) {
    const k = s.article_id || s.article;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(s);
  }
  return [...groups.values()];
}

function timelineEntries(entries, storyArticles) {
  const list = h('ol', {class: 'entries', id: 'timeline'});
  entries.forEach((e, i) => {
    const srcs = e.sources || [];
    const open = (src) => {
      if (src && src.article_id) openReader(src.article_id, {sentence: src.sentence});
    };
    const item = h('li', {class: 'entry', id: 'entry-' + i, dataset: {date: e.date || ''}},
      h('div', {},
        h('span', {class: 'when'}, whenOf(e)),
        h('span', {class: 'support', title: 'independent articles reporting it'},
          plural(e.support != null ? e.support : srcs.length, 'source') + (e.support > 1 ? ' agree' : ''))),
      h('p', {class: 'text', title: 'read it in its article', onclick: () => open(srcs[0])}, e.text),
      e.conflict ? h('p', {class: 'conflict'}, 'Sources disagree: ',
        typeof e.conflict === 'string' ? e.conflict : JSON.stringify(e.conflict)) : null,
      h('div', {class: 'sources'}, byArticle(srcs).map((g) => h('button', {type: 'button', class: 'chip source',
        title: g.map((s) => (s.expression ? '“' + s.expression + '” — ' : '') + (s.sentence || '')).join('\n'),
        onclick: () => open(g[0])}, sourceLabel(g[0]) + (g[0].pub_date ? ' · ' + fmtValue(g[0].pub_date) : '') +
          (g.length > 1 ? ' ×' + g.length : '')))));
    list.append(item);
  });
  return list;
}

function entityColumns(ents) {
  const groups = [['PER', 'People'], ['LOC', 'Places'], ['ORG', 'Organisations']];
  return h('div', {class: 'ents', id: 'entities'}, groups.map(([type, title]) => {
    const mine = ents.filter((e) => e.type === type);
    return h('div', {dataset: {type}}, h('h3', {}, title),
      mine.length ? h('ul', {}, mine.map((e) => h('li', {},
        h('a', {href: '#/entity/' + e.id}, e.name),
        e.role ? h('span', {class: 'n'}, e.role) : null,
        h('span', {class: 'n', title: 'articles · mentions'}, e.articles + ' · ' + e.mentions))))
        : h('p', {class: 'empty'}, 'none found'));
  }));
}

function articleItem(a, extra) {
  return h('li', {},
    h('a', {class: 'title', href: '#', onclick: (ev) => { ev.preventDefault(); openReader(a.id, {}); }},
      a.title || a.source),
    h('div', {class: 'meta'}, [a.outlet, a.pub_date ? fmtValue(a.pub_date) : 'undated', a.source].filter(Boolean).join(' · ')),
    extra);
}

async function storyView(id, params, seq) {
  const s = await api('/api/stories/' + id);
  if (seq !== renderSeq) return;
  const lead = s.articles.find((a) => a.title) || s.articles[0];
  const entries = s.timeline || [];
  let entriesEl = null;
  const pick = (i) => {
    const el = document.getElementById('entry-' + i);
    if (!el) return;
    el.scrollIntoView({behavior: 'smooth', block: 'center'});
    el.classList.add('flash');
    setTimeout(() => el.classList.remove('flash'), 1200);
  };
  if (entries.length) entriesEl = timelineEntries(entries, s.articles);
  const listed = s.articles.reduce((n, a) => n + 1 + a.duplicates.length, 0);
  fill(main,
    h('p', {class: 'meta'}, h('a', {href: '#/'}, '← all stories')),
    h('h1', {}, (s.title || (lead && lead.title)) || 'Story ' + s.id),
    h('div', {class: 'meta'}, fmtSpan(s.first, s.last), ' · ', plural(s.size, 'article'),
      ' · ', plural(s.unique, 'unique article'), s.sources != null ? ' · ' + plural(s.sources, 'source') : ''),
    s.summary && s.summary.summary ? h('p', {class: 'summary', id: 'summary'}, s.summary.summary.split('\n').join(' ')) : null,
    h('h2', {}, 'Timeline'),
    entries.length ? [timelineAxis(entries, pick), closeUp(entries, pick), entriesEl]
      : h('p', {class: 'empty'}, s.timeline ? 'No dated events found.'
        : s.pending ? 'The timeline is being built…' : 'No timeline for this story yet.'),
    h('h2', {}, 'People, places, organisations'),
    entityColumns(s.entities || []),
    h('h2', {}, 'Articles', h('span', {class: 'meta'}, ' newest first' +
      (listed < s.size ? ', ' + listed + ' of ' + s.size : ''))),
    h('ul', {class: 'articles', id: 'articles'}, s.articles.map((a) => articleItem(a, [
      a.copies && a.copies.length ? h('div', {class: 'meta copies'}, 'also ran word for word in: ' +
        a.copies.map((c) => [c.outlet || c.source.split('/').pop(), c.pub_date].filter(Boolean).join(', ')).join('; ')) : null,
      a.duplicates && a.duplicates.length ? h('details', {class: 'dups'},
        h('summary', {}, plural(a.duplicates.length, 'near-duplicate') + ' folded'),
        h('ul', {}, a.duplicates.map((d) => articleItem(d)))) : null]))));
  document.title = (s.title || 'Story ' + s.id) + ' — chronicle';
  shown('story');
  /* timeline or summary still being built by another request: look again */
  if (s.pending) setTimeout(() => { if (seq === renderSeq && reader.hidden) route(); }, 3000);
  if (params.get('article')) openReader(+params.get('article'), {sentenceIdx: params.has('s') ? +params.get('s') : undefined});
}

/* ------------------------------------------------------------ reader */

function closeReader() {
  reader.hidden = true;
  document.body.classList.remove('reading');
}

const norm = (t) => (t || '').replace(/\s+/g, ' ').trim();

/* Show article id in the pane; highlight the sentence given by index or by
 * its text (exact, else the sentence containing it). */
async function openReader(id, want) {
  reader.hidden = false;
  document.body.classList.add('reading');
  readerBody.replaceChildren(h('p', {class: 'muted'}, 'Loading…'));
  let a;
  try { a = await api('/api/articles/' + id); } catch (e) { showError(readerBody, e); return; }
  const sents = a.sentences || [];
  let target = -1;
  if (want.sentenceIdx !== undefined && want.sentenceIdx !== null) target = want.sentenceIdx;
  else if (want.sentence) {
    const w = norm(want.sentence);
    target = sents.findIndex((x) => norm(x.text) === w);
    if (target < 0) target = sents.findIndex((x) => norm(x.text).includes(w) || w.includes(norm(x.text)));
  }
  const paras = [];
  let para = null;
  sents.forEach((x, i) => {
    if (!para || x.paragraph) { para = h('p', {}); paras.push(para); }
    para.append(h('span', {class: 'sent' + (i === target ? ' hl' : ''), id: 'sent-' + i, dataset: {idx: x.idx}}, x.text), ' ');
  });
  fill(readerBody,
    h('h2', {}, a.title || (sents[0] && sents[0].text) || a.source),
    h('div', {class: 'meta'}, [a.outlet, a.author, a.pub_date ? fmtValue(a.pub_date) + (a.pub_date_source === 'inferred' ? ' (inferred)' : '') : 'undated'].filter(Boolean).join(' · ')),
    h('div', {class: 'meta'}, webUrl(a.url) ? h('a', {href: a.url, rel: 'noopener noreferrer', target: '_blank'}, a.url) : (a.url || a.source)),
    a.story ? h('div', {class: 'meta'}, h('a', {href: '#/story/' + a.story.id}, 'story ' + a.story.id),
      a.story.duplicate_of ? ' · near-duplicate of article ' + a.story.duplicate_of : '') : null,
    h('div', {class: 'sentences', id: 'reader-text'}, paras));
  const hl = document.getElementById('sent-' + target);
  if (hl) hl.scrollIntoView({block: 'center'});
}

/* ------------------------------------------------------------ other views */

async function articleView(id, params, seq) {
  fill(main, h('p', {class: 'meta'}, h('a', {href: '#/'}, '← all stories')));
  shown('article');
  await openReader(id, {sentenceIdx: params.has('s') ? +params.get('s') : undefined});
}

async function entityView(id, seq) {
  closeReader();
  const e = await api('/api/entities/' + id);
  if (seq !== renderSeq) return;
  const typeName = {PER: 'person', LOC: 'place', ORG: 'organisation', MISC: 'other'}[e.type] || e.type;
  fill(main,
    h('p', {class: 'meta'}, h('a', {href: '#/'}, '← all stories')),
    h('h1', {}, e.name),
    h('div', {class: 'meta'}, [typeName, e.role, e.country, plural(e.mentions, 'mention')].filter(Boolean).join(' · ')),
    h('h2', {}, 'Stories'),
    e.stories.length ? h('ul', {class: 'articles', id: 'entity-stories'}, e.stories.map((s) => h('li', {},
      h('a', {href: '#/story/' + s.id}, s.title || 'Story ' + s.id), ' ',
      h('span', {class: 'meta'}, fmtSpan(s.first, s.last) + ' · ' + plural(s.articles, 'article') +
        (s.size > s.articles ? ' of ' + s.size : ''))))) : h('p', {class: 'empty'}, 'none'),
    h('h2', {}, 'Articles'),
    h('ul', {class: 'articles'}, e.articles.map((a) => articleItem(a, a.sentence ? h('div', {class: 'snippet'}, a.sentence) : null))));
  shown('entity');
}

/* Snippets mark matches with U+0002 … U+0003. */
function snippet(text) {
  const out = h('div', {class: 'snippet'});
  (text || '').split(/(\u0002[^\u0003]*\u0003)/).forEach((part) => {
    if (part.startsWith('\u0002')) out.append(h('mark', {}, part.slice(1, -1)));
    else if (part) out.append(part);
  });
  return out;
}

async function searchView(params, seq) {
  closeReader();
  const q = params.get('q') || '';
  fq.value = q;
  const list = h('ul', {class: 'articles', id: 'results'});
  const more = h('button', {type: 'button', class: 'quiet more', hidden: true}, 'More results');
  let cursor = null;
  async function page() {
    const p = new URLSearchParams({q, limit: '20'});
    if (cursor) p.set('cursor', cursor);
    const data = await api('/api/search?' + p);
    if (seq !== renderSeq) return;
    data.results.forEach((r) => list.append(h('li', {},
      h('a', {class: 'title', href: r.story ? '#/story/' + r.story + '?article=' + r.id : '#/article/' + r.id}, r.title || r.source),
      h('div', {class: 'meta'}, [r.outlet, r.pub_date ? fmtValue(r.pub_date) : 'undated'].filter(Boolean).join(' · ')),
      snippet(r.snippet))));
    cursor = data.next_cursor;
    more.hidden = !cursor;
    if (!list.children.length) list.append(h('li', {class: 'empty'}, 'No article matches.'));
  }
  more.addEventListener('click', () => page().catch((e) => showError(list, e)));
  fill(main, h('p', {class: 'meta'}, h('a', {href: '#/'}, '← all stories')),
    h('h1', {}, 'Articles matching “' + q + '”'), list, more);
  shown('search');
  await page();
}

route();
