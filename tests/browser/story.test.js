// chronicle — headless-Chromium test of the web page served by `chronicle
// serve` (started by tests/e2e/serve_browser.sh). Opens the story list and a
// story page, checks that the timeline shows the entries the API gives (and
// the examples' known events), clicks one and checks that its source
// sentence is shown highlighted in its article, and saves screenshots.
// Prints "ok NAME" / "not ok NAME" / "skip NAME: why" lines.
// Env: CHR_SERVE_URL (http://127.0.0.1:PORT), CHR_SHOTS (folder for PNGs),
//      CHR_STORY_QUERY (words that find the story to open; default "kovac"),
//      CHR_EXPECT_DATES (dates the story's timeline must have, comma-separated),
//      CHR_LATE_INGEST (a command run while the list is open: the stories it
//      adds must appear on the page without a reload).
'use strict';
const path = require('path');
const { execSync } = require('child_process');
const { chromium } = require('playwright-core');

const base = process.env.CHR_SERVE_URL;
const shots = process.env.CHR_SHOTS || 'build';
const query = process.env.CHR_STORY_QUERY || 'kovac';
let failed = 0;

function ok(name) { console.log('ok ' + name); }
function notOk(name, why) { failed++; console.log('not ok ' + name); console.error('  ' + why); }
function check(name, cond, why) { if (cond) ok(name); else notOk(name, why || 'condition false'); }
function skip(name, why) { console.log('skip ' + name + ': ' + why); }
const norm = (t) => (t || '').replace(/\s+/g, ' ').trim();

async function api(p) {
  const r = await fetch(base + p);
  if (!r.ok) throw new Error(p + ': HTTP ' + r.status);
  return r.json();
}

async function main() {
  if (!base) throw new Error('CHR_SERVE_URL is not set');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.setDefaultTimeout(15000);

    // --- story list
    const list = await api('/api/stories?limit=20');
    await page.goto(base + '/#/');
    await page.waitForSelector('main[data-view=list]');
    if (!list.stories.length) {
      skip('story page', 'the database has no stories (clustering not wired into ingest)');
      const n = await page.locator('#stories li').count();
      check('empty story list renders', n === 0);
      await page.screenshot({ path: path.join(shots, 'serve-list.png'), fullPage: true });
      check('no script errors', errors.length === 0, errors.join('; '));
      return;
    }
    await page.waitForSelector('#stories li.story-card');
    const cards = await page.locator('#stories li.story-card').count();
    check('story list shows every story of the first page', cards === list.stories.length,
      `page ${cards}, api ${list.stories.length}`);
    const firstTitle = norm(await page.locator('#stories li.story-card h3').first().innerText());
    check('story list newest first, as the API', firstTitle.startsWith(norm(list.stories[0].title).replace(/…$/, '')),
      `page "${firstTitle}", api "${list.stories[0].title}"`);
    await page.screenshot({ path: path.join(shots, 'serve-list.png'), fullPage: true });

    // --- stories ingested while the page is open show up without a reload
    if (process.env.CHR_LATE_INGEST) {
      const before = JSON.stringify(list.stories.map((x) => [x.id, x.size]));
      execSync(process.env.CHR_LATE_INGEST, { stdio: 'ignore' });
      const now = await api('/api/stories?limit=20');
      if (JSON.stringify(now.stories.map((x) => [x.id, x.size])) === before) {
        notOk('late ingest changes the stories', 'the API lists the same stories after the ingest');
      } else {
        const want = now.stories.map((x) => [String(x.id), x.size]);
        const t0 = Date.now();
        await page.waitForFunction((w) => {
          const cards = [...document.querySelectorAll('#stories li.story-card')];
          return cards.length === w.length && cards.every((c, i) => c.dataset.id === w[i][0] &&
            c.querySelector('.meta').textContent.includes(w[i][1] + ' article'));
        }, want, { timeout: 15000 }).then(() => ok('new stories appear without a reload (' +
          ((Date.now() - t0) / 1000).toFixed(1) + ' s)'),
        () => notOk('new stories appear without a reload', 'the page did not show the new list within 15 s'));
      }
    }

    // --- search through the form
    await page.fill('#f-q', query);
    await page.press('#f-q', 'Enter');
    await page.waitForFunction(() => location.hash.includes('q='));
    await page.waitForSelector('#stories li.story-card');
    const found = await api('/api/stories?q=' + encodeURIComponent(query));
    const shown = await page.locator('#stories li.story-card').count();
    check('search form filters stories', found.stories.length >= 1 && shown === found.stories.length,
      `page ${shown}, api ${found.stories.length}`);

    // --- the story page: the largest story the words find
    let best = found.stories[0];
    for (const st of found.stories) if (st.size > best.size) best = st;
    const id = best.id;
    const story = await api('/api/stories/' + id);
    await page.locator(`#stories li.story-card[data-id="${id}"] h3 a`).click();
    await page.waitForSelector('main[data-view=story] #entities');
    check('story page opens from the list', page.url().endsWith('#/story/' + id), page.url());
    const arts = await page.locator('#articles > li').count();
    check('articles listed, near-duplicates folded', arts === story.articles.length,
      `page ${arts}, api ${story.articles.length}`);
    const dups = story.articles.reduce((n, a) => n + a.duplicates.length, 0);
    const folded = await page.locator('#articles details.dups li').count();
    check('folded duplicates available', folded === dups, `page ${folded}, api ${dups}`);
    const people = await page.locator('#entities [data-type=PER] li').allInnerTexts();
    const apiPeople = story.entities.filter((e) => e.type === 'PER').map((e) => e.name);
    check('people of the story shown', apiPeople.length > 0 && apiPeople.every((n) => people.some((p) => p.includes(n))),
      `page ${JSON.stringify(people)}, api ${JSON.stringify(apiPeople)}`);

    if (!Array.isArray(story.timeline)) {
      skip('timeline', 'the API gives no timeline (timeline module not in this build)');
    } else if (!story.timeline.length) {
      notOk('timeline has entries', 'the API timeline of story ' + id + ' is empty');
    } else {
      await page.waitForSelector('#timeline li.entry');
      const entries = page.locator('#timeline li.entry');
      const n = await entries.count();
      check('timeline renders every entry', n === story.timeline.length, `page ${n}, api ${story.timeline.length}`);
      const marks = await page.locator('.axis:not(.close-up) .mark').count();
      check('axis has a mark per dated entry', marks === story.timeline.length, `marks ${marks}`);
      const dates = await entries.evaluateAll((els) => els.map((e) => e.dataset.date));
      check('entries in date order, as the API', JSON.stringify(dates) === JSON.stringify(story.timeline.map((e) => e.date)),
        `page ${JSON.stringify(dates)}`);
      const texts = (await page.locator('#timeline li.entry .text').allInnerTexts()).map(norm);
      check('entry texts are the API sentences', texts.every((t, i) => t === norm(story.timeline[i].text)));
      const support = await page.locator('#timeline li.entry .support').first().innerText();
      check('agreement count shown', new RegExp('^' + (story.timeline[0].support || story.timeline[0].sources.length) + ' source').test(support), support);
      // one chip per article: an article telling an event twice is not two sources
      const chips = await entries.evaluateAll((els) => els.map((e) =>
        [...e.querySelectorAll('.sources button')].map((b) => b.textContent)));
      const twice = chips.findIndex((c) => new Set(c).size !== c.length);
      const arts = story.timeline.map((e) => new Set(e.sources.map((s) => s.article_id || s.article)).size);
      check('one source chip per article', twice < 0 && chips.every((c, i) => c.length === arts[i]),
        twice < 0 ? JSON.stringify(chips.map((c) => c.length)) : JSON.stringify(chips[twice]));
      // expected events of the examples' visit story (examples/MANIFEST.tsv)
      const want = (process.env.CHR_EXPECT_DATES || '').split(',').filter(Boolean);
      for (const d of want)
        check('timeline has an entry on ' + d, dates.some((x) => x.startsWith(d)), JSON.stringify(dates));

      // click the best-supported entry's first source: its sentence, highlighted
      let k = 0;
      story.timeline.forEach((e, i) => { if ((e.support || 0) > (story.timeline[k].support || 0)) k = i; });
      const entry = story.timeline[k];
      await entries.nth(k).locator('.sources button').first().click();
      await page.waitForSelector('#reader:not([hidden]) .sent.hl');
      const hl = norm(await page.locator('#reader .sent.hl').innerText());
      const want0 = norm(entry.sources[0].sentence);
      check('click shows the source sentence highlighted', hl === want0 || hl.includes(want0) || want0.includes(hl),
        `highlighted "${hl}", source "${want0}"`);
      const title = await page.locator('#reader h2').innerText();
      check('reader shows the source article', title.length > 0);
      const inView = await page.locator('#reader .sent.hl').evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
      check('highlighted sentence scrolled into view', inView);
      await page.screenshot({ path: path.join(shots, 'serve-story.png'), fullPage: false });
      // the entry text itself opens the first source too
      await page.locator('#reader-close').click();
      await entries.nth(0).locator('.text').click();
      await page.waitForSelector('#reader:not([hidden]) .sent.hl');
      ok('entry text opens its source');
    }
    await page.screenshot({ path: path.join(shots, 'serve-story-full.png'), fullPage: true });

    // --- an entity page from the story
    await page.goto(base + '/#/story/' + id);
    await page.waitForSelector('main[data-view=story] #entities a');
    const asked = [];
    const onRequest = (r) => asked.push(new URL(r.url()).pathname);
    page.on('request', onRequest);
    await page.locator('#entities [data-type=PER] a').first().click();
    await page.waitForSelector('main[data-view=entity] h1');
    const eh = await page.locator('h1').innerText();
    check('entity page opens', apiPeople.includes(eh), eh);
    // its stories are listed by title from /api/entities/{id} alone
    const entId = (await page.evaluate(() => location.hash)).split('/').pop();
    const ent = await api('/api/entities/' + entId);
    const listed = await page.locator('#entity-stories li > a').allInnerTexts();
    check('entity page lists its stories by title', listed.length === ent.stories.length &&
      listed.every((t, i) => norm(t) === norm(ent.stories[i].title || 'Story ' + ent.stories[i].id)),
      `page ${JSON.stringify(listed)}, api ${JSON.stringify(ent.stories.map((x) => x.title))}`);
    await page.waitForTimeout(300);
    page.off('request', onRequest);
    const storyFetches = asked.filter((p) => /^\/api\/stories\/\d+$/.test(p));
    check('entity page fetches no story pages', storyFetches.length === 0, storyFetches.join(' '));
    check('no script errors', errors.length === 0, errors.join('; '));
  } finally {
    await browser.close();
  }
}

main().then(() => process.exit(failed ? 1 : 0), (e) => {
  console.log('not ok browser test');
  console.error('  ' + (e && e.stack || e));
  process.exit(1);
});
