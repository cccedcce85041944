// The profile builder's WASM API in Node, against the built bundle (bash scripts/build-wasm.sh):
// validation as the builder shows it, templates, documents (HTML escaped, ODT a real zip).
// Run: node --test tests/node/
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";

const root = new URL("../../", import.meta.url);
const pkg = new URL("www/pkg/banditore_builder/", root);
const api = await import(new URL("banditore_builder.js", pkg));
api.initSync({ module: fs.readFileSync(new URL("banditore_builder_bg.wasm", pkg)) });

const SEEDS = ["seveso", "leini", "concorezzo", "siracusa", "sesto-calende"];
const fixture = fs.readFileSync(new URL("tests/fixtures/minimal-profile.json", root), "utf8");
const profile = (name) => fs.readFileSync(new URL(`pkg-config/${name}.json`, root), "utf8");

test("the seeds validate with warnings only; issues carry path, level and both languages", () => {
  for (const id of SEEDS) {
    const issues = api.validateProfile(profile(id));
    assert.ok(Array.isArray(issues), id);
    assert.deepEqual(issues.filter((i) => i.level === "error"), [], id);
    for (const i of issues) {
      assert.match(i.path, /^\$/);
      assert.ok(i.message.it && i.message.en, `${id} ${i.path}`);
    }
  }
});

test("broken JSON and wrong types come back as one issue at their path, not a throw", () => {
  const [syntax] = api.validateProfile('{"id": ');
  assert.equal(syntax.path, "$");
  assert.match(syntax.message.it, /riga 1/);
  const v = JSON.parse(profile("seveso"));
  v.channels[0].invite_url = 5;
  const [typed] = api.validateProfile(JSON.stringify(v));
  assert.equal(typed.path, "$.channels[0].invite_url");
});

test("a template keeps the policy's rules, drops the seed's facts, marks what is missing", () => {
  const t = JSON.parse(api.templateProfile(profile("concorezzo"), "Roccafittizia", "MB", ""));
  assert.equal(t.comune.official_name, "Comune di Roccafittizia");
  assert.equal(t.policy.articles.length, JSON.parse(profile("concorezzo")).policy.articles.length);
  assert.match(t.channels[0].number, /^«DA COMPILARE/);
  const issues = api.validateProfile(JSON.stringify(t));
  const website = issues.filter((i) => i.path === "$.comune.website");
  assert.equal(website.length, 1, "one issue per placeholder");
  assert.match(website[0].message.it, /segnaposto da compilare: «DA COMPILARE: sito istituzionale/);
  assert.throws(() => api.templateProfile("{", "X", "", ""), /JSON/);
  assert.equal(JSON.parse(api.emptyProfile()).channels[0].kind, "whatsapp-channel");
});

test("documents: HTML escapes profile text, ODT is a zip with the mimetype first and stored", () => {
  const v = JSON.parse(profile("seveso"));
  v.policy.articles[0].title = "Oggetto <script>alert(1)</script>";
  const html = api.documentHtml(JSON.stringify(v), "disciplinare", "it");
  assert.ok(html.includes("Art. 1 – Oggetto &lt;script&gt;"));
  assert.ok(!html.includes("<script>"));
  const article = api.documentArticle(profile("siracusa"), "informativa", "en");
  assert.match(article, /^<article class="documento documento-informativa" lang="en">/);
  const odt = api.documentOdt(profile("leini"), "disciplinare", "it");
  assert.ok(odt instanceof Uint8Array);
  const bytes = Buffer.from(odt);
  assert.equal(bytes.subarray(0, 4).toString("latin1"), "PK\x03\x04");
  assert.equal(bytes.readUInt16LE(8), 0, "stored");
  assert.equal(bytes.subarray(30, 38).toString(), "mimetype");
  assert.throws(() => api.documentHtml(profile("leini"), "delibera"), /disciplinare, informativa/);
});

test("informativa() (moved from the widget's bundle) renders text, markdown and escaped HTML", () => {
  assert.match(api.informativa(fixture, "it", "text"), /^Informativa sul trattamento dei dati personali/);
  assert.match(api.informativa(fixture, "en", "markdown"), /^# Privacy notice/);
  const html = api.informativa(fixture, "it", "html");
  assert.match(html, /^<article class="informativa" lang="it">/);
  // The profile's text reaches the HTML escaped: <, >, & and quotes never become markup.
  const tricky = JSON.parse(fixture);
  tricky.privacy.retention = 'Per 3 < 5 anni & "oltre" > 2';
  const escaped = api.informativa(JSON.stringify(tricky), "it", "html");
  assert.ok(escaped.includes("Per 3 &lt; 5 anni &amp; &quot;oltre&quot; &gt; 2"), escaped);
  assert.ok(!escaped.includes('3 < 5'));
  assert.ok(api.informativa(JSON.stringify(tricky), "it", "text").includes('Per 3 < 5 anni & "oltre" > 2'), "text stays as written");
  assert.throws(() => api.informativa(fixture, "it", "pdf"), /unsupported format/);
});
