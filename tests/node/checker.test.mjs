// The checker's WASM API in Node, against the built bundle (bash scripts/build-wasm.sh): the same
// report the editors get, with UTF-16 offsets that select exactly the offending text in JS.
// Run: node --test tests/node/
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";

const root = new URL("../../", import.meta.url);
const pkg = new URL("www/pkg/banditore_checker/", root);
const { initSync, Checker, check } = await import(new URL("banditore_checker.js", pkg));
initSync({ module: fs.readFileSync(new URL("banditore_checker_bg.wasm", pkg)) });

const profile = (name) => fs.readFileSync(new URL(`pkg-config/${name}.json`, root), "utf8");
const fixture = fs.readFileSync(new URL("tests/fixtures/minimal-profile.json", root), "utf8");
// A Monday morning in Rome, outside the fixture's electoral period.
const MONDAY_10 = Date.parse("2026-11-23T10:00:00+01:00");

test("a report has the documented fields and UTF-16 spans that slice exactly the number", () => {
  const text = "Avviso 🚧 città: e\u0301 chiusa via Roma.\r\nInfo: 347 123 4567";
  const report = new Checker(fixture).check({ text, category: "pubblica-utilita" }, MONDAY_10, "it");
  assert.equal(typeof report.can_send, "boolean");
  const phone = report.findings.find((f) => f.rule === "personal-data.phone");
  assert.ok(phone, JSON.stringify(report.findings));
  assert.deepEqual(
    Object.keys(phone).sort(),
    ["byte_end", "byte_start", "end", "fix", "message", "rule", "severity", "source", "start", "text"],
  );
  assert.equal(text.slice(phone.start, phone.end), "347 123 4567");
  assert.equal(phone.text, "347 123 4567");
  assert.equal(phone.severity, "error");
  assert.equal(report.can_send, false);
  assert.match(phone.source, /GDPR/);
  assert.ok(phone.fix && !phone.fix.includes("123 4567"));
  // Byte offsets are the Rust side's: the UTF-8 prefix length.
  assert.equal(phone.byte_start, Buffer.byteLength(text.slice(0, phone.start)));
});

test("a clean institutional message can be sent", () => {
  const text = "⚠️ *Allerta meteo arancione* fino alle 24 di domani: evitate i sottopassi. Aggiornamenti su https://www.comune.esempio.mb.it";
  const report = check(fixture, { text, category: "emergenze" }, MONDAY_10, "it");
  assert.equal(report.can_send, true, JSON.stringify(report.findings));
  assert.ok(report.findings.every((f) => f.severity !== "error"));
});

test("messages follow the language option", () => {
  const c = new Checker(fixture);
  const it = c.check({ text: "Chiamate il 347 123 4567" }, MONDAY_10, "it").findings.find((f) => f.rule === "personal-data.phone");
  const en = c.check({ text: "Chiamate il 347 123 4567" }, MONDAY_10, "en").findings.find((f) => f.rule === "personal-data.phone");
  assert.notEqual(it.message, en.message);
});

test("the electoral-period rule depends on the send time", () => {
  const c = new Checker(fixture);
  const text = "Il Sindaco Mario Bianchi: abbiamo realizzato la nuova piazza, un altro impegno mantenuto!";
  const inside = c.check({ text, category: "pubblica-utilita", send_at: "2026-05-04T10:00:00+02:00" }, MONDAY_10, "it");
  const outside = c.check({ text, category: "pubblica-utilita", send_at: "2026-06-04T10:00:00+02:00" }, MONDAY_10, "it");
  assert.ok(inside.findings.some((f) => f.rule === "electoral-period"));
  assert.ok(!outside.findings.some((f) => f.rule === "electoral-period"));
});

test("every seed profile loads and exposes its categories", () => {
  for (const name of ["seveso", "leini", "concorezzo", "siracusa", "sesto-calende"]) {
    const c = new Checker(profile(name));
    const cats = c.categories();
    assert.ok(Array.isArray(cats) && cats.length > 0, name);
    assert.ok(cats.every((k) => typeof k.id === "string" && typeof k.label === "string"), name);
  }
});

test("an invalid profile throws an Error listing path-named issues", () => {
  const broken = JSON.parse(fixture);
  broken.channels[0].invite_url = "javascript:alert(1)";
  assert.throws(
    () => new Checker(JSON.stringify(broken)),
    (e) => e instanceof Error && Array.isArray(e.issues) && e.issues.some((i) => i.path.startsWith("$.channels[0]")),
  );
  assert.throws(() => new Checker("{ not json"), Error);
});

test("a malformed draft or send time is an error, not a crash", () => {
  const c = new Checker(fixture);
  assert.throws(() => c.check({ txt: "typo" }, MONDAY_10, "it"), Error);
  assert.throws(() => c.check({ text: "ciao", send_at: "domani" }, MONDAY_10, "it"), Error);
  // Each names what is wrong and where.
  for (const [draft, where] of [
    [{ text: 1.5 }, /\$\.text/],
    [{ text: "x", attachments: [{ file_name: "a.pdf" }] }, /attachments\[0\]/],
    [{ text: "x", extra: true }, /extra/],
    [null, /invalid draft/],
    [undefined, /invalid draft/],
    ["ciao", /invalid draft/],
  ]) {
    assert.throws(() => c.check(draft, MONDAY_10, "it"), (e) => e instanceof Error && where.test(e.message), JSON.stringify(draft));
  }
  const cyclic = { text: "x" };
  cyclic.self = cyclic;
  assert.throws(() => c.check(cyclic, MONDAY_10, "it"), /invalid draft/);
  // The checker still works afterwards.
  assert.equal(c.check({ text: "ciao" }, MONDAY_10, "it").can_send, true);
});

test("half an emoji left in the text is read as one replacement character: spans stay exact", () => {
  // A lone surrogate, as an editor can leave one; the number after it is still marked exactly.
  const text = "Avviso \ud83d chiamate il 347 123 4567 \ude00 grazie";
  const r = new Checker(fixture).check({ text, category: "pubblica-utilita", attachments: [], send_at: null }, MONDAY_10, "it");
  const phone = r.findings.find((f) => f.rule === "personal-data.phone");
  assert.equal(text.slice(phone.start, phone.end), "347 123 4567");
});
