// The URL is the state: round trip, back/forward, deep links, and malformed parameters.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, toggle, shownPassages, expectAgreesWithCore, loupeQuery } from './helpers.mjs';

describe('url state', () => {
  const site = useSite();

  it('a copied URL reopens the same view', async () => {
    const page = await open(site.browser, site.server.url);
    await toggle(page, 'theme', 'diplomacy');
    await toggle(page, 'voice', 'vladimir-putin');
    await page.waitForFunction(() => location.search === '?theme=diplomacy&voice=vladimir-putin');
    const before = await shownPassages(page);
    const copy = await open(site.browser, page.url());
    assert.deepEqual(await shownPassages(copy), before);
    assert.ok(await copy.locator('input[data-facet=voice][data-value=vladimir-putin]').isChecked());
    await expectAgreesWithCore(assert, copy);
  });

  it('back and forward walk through the views', async () => {
    const page = await open(site.browser, site.server.url);
    await toggle(page, 'theme', 'trade');
    await page.waitForFunction(() => location.search === '?theme=trade');
    await toggle(page, 'theme', 'energy');
    await page.waitForFunction(() => location.search === '?theme=trade&theme=energy');
    await page.goBack();
    await page.waitForFunction(() => location.search === '?theme=trade');
    assert.deepEqual(await shownPassages(page), loupeQuery('theme=trade').passages);
    assert.equal(await page.locator('input[data-value=energy]').isChecked(), false);
    await page.goBack();
    await page.waitForFunction(() => location.search === '');
    assert.equal((await shownPassages(page)).length, 19);
    await page.goForward();
    await page.waitForFunction(() => location.search === '?theme=trade');
    await expectAgreesWithCore(assert, page);
  });

  it('a #passage deep link scrolls to that passage and marks it', async () => {
    const last = loupeQuery('').passages.at(-1);
    const page = await open(site.browser, `${site.server.url}#${last}`);
    const target = page.locator(`[data-passage="${last}"]`);
    await page.waitForFunction((id) => document.getElementById(id)?.classList.contains('targeted'), last);
    const box = await target.boundingBox();
    assert.ok(box.y >= 0 && box.y < 900, `passage is in view (y=${box.y})`);
  });

  it('ignores unknown and malformed parameters without breaking', async () => {
    const hostile = '?theme=%E0%A4%A&theme=nope&entity=%3Cscript%3Ealert(1)%3C/script%3E&&=&x=1&%zz&theme=trade&section';
    const page = await open(site.browser, site.server.url + hostile);
    await page.waitForFunction(() => location.search === '?theme=trade');
    assert.ok(await page.locator('input[data-facet=theme][data-value=trade]').isChecked());
    await expectAgreesWithCore(assert, page);
    assert.deepEqual(page.errors, []);
    const badHash = await open(site.browser, site.server.url + '#%E0%A4%A<img src=x onerror=alert(1)>');
    assert.equal((await shownPassages(badHash)).length, 19);
    assert.deepEqual(badHash.errors, []);
  });
});
