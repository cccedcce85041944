// The citizen widget's WASM API in Node, against the built bundle (bash scripts/build-wasm.sh).
// Run: node --test tests/node/
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import jsQR from "jsqr";

const root = new URL("../../", import.meta.url);
const pkg = new URL("www/pkg/banditore_widget/", root);
const { initSync, Subscription, policyVersion } = await import(new URL("banditore_widget.js", pkg));
initSync({ module: fs.readFileSync(new URL("banditore_widget_bg.wasm", pkg)) });

const profile = (name) => fs.readFileSync(new URL(`pkg-config/${name}.json`, root), "utf8");
const fixture = fs.readFileSync(new URL("tests/fixtures/minimal-profile.json", root), "utf8");
const NOW = Date.UTC(2026, 4, 4, 7, 30, 0);

/** Walks a fresh subscription to the consent step and ticks every acknowledgement. */
function readyToConsent(json, lang = "it", saved = null) {
  const s = new Subscription(json, lang, saved, NOW);
  s.next();
  let v = s.next();
  for (const a of v.consent.acks) v = s.setAck(a.id, true);
  return [s, v];
}

/** Rasterises the QR SVG's own path and decodes it with jsQR. */
function decodeQr(svg) {
  const n = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)[1]);
  const d = /<path fill="#000" d="([^"]*)"/.exec(svg)[1];
  const scale = 4, size = n * scale;
  const px = new Uint8ClampedArray(size * size * 4).fill(255);
  for (const m of d.matchAll(/M(\d+),(\d+)h(\d+)v1h-\3z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let yy = y * scale; yy < (y + 1) * scale; yy++)
      for (let xx = x * scale; xx < (x + w) * scale; xx++) px.fill(0, (yy * size + xx) * 4, (yy * size + xx) * 4 + 3);
  }
  assert.equal(d.replace(/M(\d+),(\d+)h(\d+)v1h-\3z/g, ""), "", "the path holds only module runs");
  return jsQR(px, size, size)?.data;
}

test("happy path: policy → informativa → consent → join, with a receipt", () => {
  const s = new Subscription(profile("siracusa"), "it", null, NOW);
  let v = s.view();
  assert.equal(v.step, "policy");
  assert.equal(s.step, "policy");
  assert.equal(v.lang, "it");
  assert.equal(v.policy_changed, false);
  assert.deepEqual([v.can_back, v.can_next, v.can_decline], [false, true, true]);
  assert.equal(v.comune.id, "siracusa");
  assert.equal(v.channel.platform, "whatsapp");
  assert.ok(v.policy.summary.length > 3);
  assert.ok(v.policy.articles.length > 3);
  assert.equal(s.receiptJson(), undefined);
  assert.equal(s.next().step, "informativa");
  v = s.next();
  assert.equal(v.step, "consent");
  assert.deepEqual(v.consent.acks.map((a) => a.id), ["phone-number", "policy", "transmission"]);
  assert.ok(v.consent.acks.every((a) => a.checked === false && a.required === true && a.label.length > 10));
  assert.equal(v.consent.can_consent, false);
  for (const a of v.consent.acks) v = s.setAck(a.id, true);
  assert.equal(v.consent.can_consent, true);
  v = s.consent(NOW);
  assert.equal(v.step, "join");
  assert.deepEqual(v.receipt, {
    profile_id: "siracusa",
    policy_version: policyVersion(profile("siracusa")),
    lang: "it",
    consented_at: "2026-05-04T07:30:00Z",
    acknowledgements: ["phone-number", "policy", "transmission"],
  });
  assert.deepEqual(JSON.parse(s.receiptJson()), v.receipt);
  assert.equal(v.join.available, true);
  assert.equal(v.join.primary.url, "https://whatsapp.com/channel/0029Vau1S7v3mFY6qWhRCg1N");
  assert.equal(v.join.platform_action, "Apri in WhatsApp");
  assert.equal(v.help.contacts.find((c) => c.kind === "toll-free").url, "tel:800299507");
});

test("the QR SVG scans back to the join link, for each seed comune", () => {
  const expected = {
    siracusa: "https://whatsapp.com/channel/0029Vau1S7v3mFY6qWhRCg1N",
    "sesto-calende": "https://whatsapp.com/channel/0029Vb2B50YHVvTYXDqSpE1U",
    concorezzo: "https://wa.me/393665784663?text=ATTIVA%20ISCRIZIONE",
  };
  for (const [name, link] of Object.entries(expected)) {
    const [s, ready] = readyToConsent(profile(name));
    assert.equal(ready.join.qr.svg, "", "drawn for the join step only");
    const v = s.consent(NOW);
    assert.equal(v.join.primary.url, link, name);
    assert.equal(v.join.qr.url, link, name);
    assert.equal(decodeQr(v.join.qr.svg), link, name);
    assert.ok(v.join.qr.text_alternative.includes(link));
  }
});

test("Concorezzo: number, vCard and the prefilled ATTIVA ISCRIZIONE link; revoke says DISATTIVA ISCRIZIONE", () => {
  const [s, v0] = readyToConsent(profile("concorezzo"));
  assert.deepEqual(v0.consent.acks.map((a) => a.id), ["phone-number", "contact-list", "policy", "transmission"]);
  const v = s.consent(NOW);
  assert.deepEqual(v.join.number, { e164: "+393665784663", display: "+39 366 578 4663" });
  assert.equal(v.join.subscribe.url, "https://wa.me/393665784663?text=ATTIVA%20ISCRIZIONE");
  assert.equal(v.join.subscribe.keyword, "ATTIVA ISCRIZIONE");
  assert.equal(v.join.vcard.mime, "text/vcard");
  assert.equal(v.join.vcard.file_name, "whatsconcorezzo.vcf");
  assert.match(v.join.vcard.text, /^BEGIN:VCARD\r\nVERSION:3\.0\r\n[\s\S]*TEL;TYPE=CELL:\+393665784663\r\n[\s\S]*END:VCARD\r\n$/);
  const r = s.revoke();
  assert.equal(r.step, "revoked");
  assert.equal(r.receipt, null);
  assert.equal(s.receiptJson(), undefined);
  assert.ok(r.unsubscribe.steps.some((t) => t.includes("DISATTIVA ISCRIZIONE")));
  assert.ok(r.messages.revoked.length > 0);
  assert.equal(s.restart().step, "policy");
});

test("decline is a normal outcome with the official channels", () => {
  const s = new Subscription(fixture, "en", null, NOW);
  const v = s.decline();
  assert.equal(v.step, "declined");
  assert.match(v.messages.declined, /official channels/);
  assert.deepEqual(v.official.links.map((l) => l.kind), ["website", "pec", "albo", "trasparenza"]);
  assert.equal(v.official.links[0].url, "https://www.comune.esempio.mb.it");
  assert.match(v.official.notice, /does not replace/);
  assert.equal(s.back().step, "consent");
});

test("invalid transitions throw an Error with a code and leave the state alone", () => {
  const s = new Subscription(fixture, "it", null, NOW);
  for (const call of [() => s.back(), () => s.setAck("policy", true), () => s.consent(NOW), () => s.revoke(), () => s.restart()]) {
    assert.throws(call, (e) => e instanceof Error && e.code === "invalid-transition" && /policy/.test(e.message));
    assert.equal(s.step, "policy");
  }
  s.next();
  s.next();
  assert.throws(() => s.next(), { code: "invalid-transition" });
  assert.throws(() => s.setAck("newsletter", true), { code: "unknown-ack" });
  s.setAck("policy", true);
  assert.throws(() => s.consent(NOW), (e) => e.code === "missing-ack" && /phone-number/.test(e.message));
  for (const bad of [NaN, Infinity, -1, 1e300]) assert.throws(() => s.consent(bad), /nowMs/);
  assert.equal(s.step, "consent");
});

test("a returning visitor: current receipt → join; changed policy → policy with a flag", () => {
  const [s] = readyToConsent(fixture);
  s.consent(NOW);
  const saved = s.receiptJson();
  const again = new Subscription(fixture, "it", saved, NOW);
  assert.equal(again.step, "join");
  assert.deepEqual(again.view().receipt, JSON.parse(saved));
  assert.equal(new Subscription(fixture, "en", saved, NOW).step, "join", "switching language keeps consent");

  const changed = JSON.parse(fixture);
  changed.policy.articles[0].paragraphs.push("Il servizio è sperimentale.");
  const json = JSON.stringify(changed);
  assert.notEqual(policyVersion(json), policyVersion(fixture));
  const stale = new Subscription(json, "it", saved, NOW);
  const v = stale.view();
  assert.equal(v.step, "policy");
  assert.equal(v.policy_changed, true);
  assert.ok(v.messages.policy_changed.length > 0);
  assert.equal(v.receipt, null);

  for (const junk of ["", "null", "{}", "{\"profile_id\":\"esempio\"}", "<script>"]) {
    assert.equal(new Subscription(fixture, "it", junk, NOW).step, "policy", junk);
  }
});

// Issue 12 item 8 and issue 14 item 4: the receipt covers everything shown before consent; a
// numbered revision re-asks only when it changes, with the comune's message.
test("a remembered consent: the summary is covered; revisions re-ask only when bumped", () => {
  const [s] = readyToConsent(fixture);
  s.consent(NOW);
  const saved = s.receiptJson();
  for (const edit of [
    (p) => { p.categories[0].label += " e viabilità"; },
    (p) => { p.forbidden[0].label += " o commerciali"; },
    (p) => { p.audience.description = "Imprese del territorio"; },
  ]) {
    const changed = JSON.parse(fixture);
    edit(changed);
    const v = new Subscription(JSON.stringify(changed), "it", saved, NOW).view();
    assert.equal(v.step, "policy", "asked again");
    assert.equal(v.policy_changed, true);
  }

  const numbered = JSON.parse(fixture);
  numbered.policy.revision = 1;
  const [r] = readyToConsent(JSON.stringify(numbered));
  const receipt = r.consent(NOW).receipt;
  assert.equal(receipt.revision, 1);
  const typo = structuredClone(numbered);
  typo.categories[0].label += ".";
  assert.equal(new Subscription(JSON.stringify(typo), "it", r.receiptJson(), NOW).step, "join", "same revision: kept");
  typo.policy.revision = 2;
  typo.policy.revision_message = "Ora anche le allerte meteo.";
  const v = new Subscription(JSON.stringify(typo), "en", r.receiptJson(), NOW).view();
  assert.equal(v.step, "policy");
  assert.equal(v.messages.revision_message, "Ora anche le allerte meteo.");
});

test("a profile in a newer format: an error at $.format that says to update", () => {
  const newer = JSON.stringify({ format: 2, ...JSON.parse(fixture), something_new: [] });
  assert.throws(() => new Subscription(newer, "en", null, NOW), (e) => e.issues?.[0]?.path === "$.format" && /newer/.test(e.message));
});

test("two channels: the citizen picks Telegram on the first step and comes back to it", () => {
  const json = fs.readFileSync(new URL("tests/fixtures/www/two-channels.json", root), "utf8");
  const s = new Subscription(json, "it", null, NOW);
  let v = s.view();
  assert.deepEqual(v.channels.map((c) => [c.index, c.platform, c.selected]), [[0, "whatsapp", true], [1, "telegram", false]]);
  v = s.selectChannel(1);
  assert.equal(v.step, "policy");
  assert.equal(v.channel.kind, "telegram-channel");
  assert.equal(v.join.primary.url, "https://t.me/comuneesempio");
  assert.throws(() => s.selectChannel(5), (e) => e.code === "unknown-channel");
  s.next();
  assert.throws(() => s.selectChannel(0), (e) => e.code === "invalid-transition");
  assert.equal(s.view().channel.kind, "telegram-channel", "a refused switch changes nothing");
  v = s.next();
  for (const a of v.consent.acks) v = s.setAck(a.id, true);
  assert.equal(decodeQr(s.consent(NOW).join.qr.svg), "https://t.me/comuneesempio");
  const back = new Subscription(json, "it", s.receiptJson(), NOW);
  assert.equal(back.step, "join");
  assert.equal(back.view().join.primary.url, "https://t.me/comuneesempio");
  // One channel: nothing to choose.
  assert.equal(new Subscription(fixture, "it", null, NOW).view().channels.length, 1);
});

test("an invalid profile throws an Error with issues", () => {
  assert.throws(() => new Subscription("{ nope", "it", null, NOW), (e) => Array.isArray(e.issues) && e.issues[0].level === "error" && e.issues[0].path.startsWith("$") && /JSON/.test(e.message));
  const bad = JSON.parse(fixture);
  bad.channels[0].invite_url = "https://chat.whatsapp.com/abc";
  assert.throws(() => new Subscription(JSON.stringify(bad), "it", null, NOW), (e) => {
    assert.ok(e.issues.some((i) => i.path.startsWith("$.channels[0]") && i.message.it && i.message.en));
    return true;
  });
  assert.throws(() => policyVersion("[]"), (e) => Array.isArray(e.issues));
});

test("a channel whose link is not published yet cannot be joined", () => {
  const [s, v] = readyToConsent(profile("seveso"));
  assert.equal(v.join.available, false);
  assert.match(v.join.unavailable, /non è ancora attivo/);
  assert.equal(v.consent.can_consent, false);
  assert.throws(() => s.consent(NOW), { code: "channel-unavailable" });
});

test("English, and every string is plain text", () => {
  const [s] = readyToConsent(profile("sesto-calende"), "en");
  const v = s.consent(NOW);
  assert.equal(v.lang, "en");
  assert.equal(v.join.platform_action, "Open in WhatsApp");
  assert.equal(v.informativa.title, "Privacy notice (Art. 13 of Regulation (EU) 2016/679)");
  const walk = (x, path) => {
    if (typeof x === "string" && !path.endsWith(".svg")) assert.ok(!/<[a-z]/i.test(x), `markup in ${path}: ${x}`);
    else if (x && typeof x === "object") for (const [k, y] of Object.entries(x)) walk(y, `${path}.${k}`);
  };
  walk(v, "view");
  assert.ok(v.join.qr.svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
});

