#!/usr/bin/env python3
"""Generates src/text/lookalikes.rs: the characters the checker reads as plain ASCII (issue 12).

Sources, both Unicode's own data:
  * compatibility decomposition (NFKC, Python's unicodedata) for letters and digits drawn in
    another style: mathematical alphanumerics, fullwidth forms, circled and squared letters,
    modifier letters, ligatures ("ﬁ" from text copied out of a PDF), decimal digits of other
    scripts (unicodedata.decimal);
  * the confusables list of UTS #39 (confusables.txt) for letters of Cyrillic, Greek and Armenian
    drawn like Latin ones ("е", "а", "о"). These are kept apart ("foreign"): they are real letters
    of real words in a Ukrainian or Greek notice, and the checker reads them as Latin only inside
    a word that is Latin otherwise, or made of such letters only.

Usage: scripts/gen-lookalikes.py CONFUSABLES > src/text/lookalikes.rs
CONFUSABLES is Unicode's confusables.txt, or the tables.rs of the unicode-security crate (which
is generated from it and is what a `cargo fetch` brings onto a machine with only the registries):
    ~/.cargo/registry/src/*/unicode-security-0.1.3/src/tables.rs (Unicode 18.0.0)
"""
import re
import sys
import unicodedata

EXCLUDED = {
    0xAA, 0xBA,  # ª º: ordinal indicators in "2ª rata", "1º piano", written on purpose
    # Emoji drawn from letters, in notices as pictures: "ℹ️ Info", "Ⓜ️ Metro", "🅿️ Parcheggio".
    0x2139, 0x24C2, 0x1F170, 0x1F171, 0x1F17E, 0x1F17F,
}


def confusables(path):
    """(source code point, prototype string) pairs, from either input format."""
    text = open(path, encoding="utf-8").read()
    if "const CONFUSABLES" in text:
        version = re.search(r"UNICODE_VERSION: \(u64, u64, u64\) = \((\d+), (\d+), (\d+)\)", text)
        section = text[text.index("const CONFUSABLES"):]
        for s, t in re.findall(r"\('\\u\{([0-9a-f]+)\}',\s*&\[([^\]]*)\]\)", section):
            yield int(s, 16), "".join(chr(int(h, 16)) for h in re.findall(r"\\u\{([0-9a-f]+)\}", t))
        confusables.version = ".".join(version.groups()) if version else "?"
        return
    for line in text.splitlines():
        m = re.match(r"^([0-9A-F]+)\s*;\s*([0-9A-F ]+?)\s*;", line)
        if m:
            yield int(m.group(1), 16), "".join(chr(int(h, 16)) for h in m.group(2).split())
        v = re.match(r"#\s*Version:\s*(\S+)", line)
        if v:
            confusables.version = v.group(1)


def plain(c):
    """What a non-ASCII char is read as everywhere, or None."""
    if c < 0x80 or c in EXCLUDED or 0xD800 <= c <= 0xDFFF:
        return None
    ch = chr(c)
    name = unicodedata.name(ch, "")
    if not name:
        return None
    d = unicodedata.decimal(ch, None)
    if d is not None and "SUPERSCRIPT" not in name and "SUBSCRIPT" not in name:
        return str(d)
    m = re.fullmatch(r"LATIN LETTER SMALL CAPITAL ([A-Z])", name)
    if m:
        return m.group(1).lower()
    k = unicodedata.normalize("NFKC", ch)
    if k == ch or not k.isascii() or not k.isprintable():
        return None
    # Fullwidth and small forms of ASCII punctuation ("＠", "．", "﹫") stand for it in addresses.
    if name.startswith(("FULLWIDTH", "SMALL ")) and len(k) == 1:
        return k
    if not k.isalnum() or len(k) > 3 or (k.isdigit() and len(k) > 1):
        # "⑩".."㊿" are list numbers, not digits a number is spelled with.
        return None
    if "SUPERSCRIPT" in name or "SUBSCRIPT" in name:
        # "m²", "CO₂", footnote marks: digits stay as written; letters ("ᵐᵉʳᵈᵃ") are read.
        return k if k.isalpha() else None
    cat = unicodedata.category(ch)
    if cat[0] in "LN" or "LETTER" in name or "DIGIT" in name or "LIGATURE" in name:
        return k
    return None


FOREIGN_SCRIPTS = ("CYRILLIC", "GREEK", "ARMENIAN")
LATIN_LOOKALIKES = ("LATIN SMALL LETTER ALPHA", "LATIN SMALL LETTER SCRIPT G", "LATIN SMALL LETTER DOTLESS I",
                    "LATIN SMALL LETTER DOTLESS J", "LATIN SMALL LETTER IOTA")


def main():
    table = {}
    for c in range(0x80, 0x110000):
        p = plain(c)
        if p is not None:
            table[c] = (p, False)
    for c, proto in confusables(sys.argv[1]):
        if c in table or c < 0x80 or c in EXCLUDED or len(proto) != 1 or not (proto.isascii() and proto.isalnum()):
            continue
        name = unicodedata.name(chr(c), "")
        if name in LATIN_LOOKALIKES:
            table[c] = (proto, False)
        elif name.startswith(FOREIGN_SCRIPTS) and "LETTER" in name:
            # The prototype of a capital I-like letter is "l"; it reads as the capital it is drawn as.
            if proto == "l" and "CAPITAL" in name:
                proto = "I"
            table[c] = (proto, True)
    # Runs: consecutive chars read as consecutive single ASCII chars ("𝐀".."𝐙", "０".."９").
    rows = []
    for c in sorted(table):
        t, foreign = table[c]
        if rows:
            s, e, t0, f0 = rows[-1]
            if c == e + 1 and f0 == foreign and len(t0) == 1 and len(t) == 1 and ord(t) == ord(t0) + (c - s):
                rows[-1] = (s, c, t0, f0)
                continue
        rows.append((c, c, t, foreign))
    out = sys.stdout
    out.write("//! Generated by scripts/gen-lookalikes.py: do not edit. Characters the checker reads as\n")
    out.write("//! plain ASCII letters, digits or address punctuation, from Unicode's compatibility\n")
    out.write(f"//! decompositions (Unicode {unicodedata.unidata_version}) and the UTS #39 confusables list\n")
    out.write(f"//! (Unicode {getattr(confusables, 'version', '?')}). See the script for what is taken and why.\n\n")
    out.write("/// Sorted runs: `first << 8 | (length - 1) << 1 | foreign`, and the reading of `first` (up to\n")
    out.write("/// three ASCII bytes, zero-padded). Within a run each char reads as the ASCII char after the\n")
    out.write("/// previous one's reading. `foreign`: a letter of another script (Cyrillic, Greek, Armenian),\n")
    out.write("/// read as Latin only inside a Latin word. Packed, as the table ships in the editors' WASM.\n")
    out.write("#[rustfmt::skip]\n")
    out.write(f"pub(super) static LOOKALIKES: [(u32, [u8; 3]); {len(rows)}] = [\n")
    line = "   "
    for s, e, t, f in rows:
        assert e - s < 128 and len(t) <= 3
        key = s << 8 | (e - s) << 1 | (1 if f else 0)
        reading = ", ".join(f"b{c!r}" if c not in "'\\" else ("b'\\''" if c == "'" else "b'\\\\'") for c in t.ljust(3, "\0"))
        reading = reading.replace("b'\\x00'", "0")
        cell = f" (0x{key:X}, [{reading}]),"
        if len(line) + len(cell) > 110:
            out.write(line + "\n")
            line = "   "
        line += cell
    out.write(line + "\n];\n")


if __name__ == "__main__":
    main()
