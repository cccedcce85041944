//! Typed reading of a parsed JSON value: `FromJson` for the types the profile model uses, and
//! `Fields`, the object reader that enforces the model's rules (unknown fields refused, required
//! fields present, defaults for the others).

use std::collections::BTreeMap;

use super::value::{Kind, Member, Pos, Value};
use super::{quote, Path};
use crate::profile::ProfileIssue;

/// Boxed: a small `Result` keeps every field read cheap to return and test in the WASM code.
pub type Error = Box<ProfileIssue>;
pub type Result<T> = std::result::Result<T, Error>;

pub trait FromJson: Sized {
    fn from_json(v: &Value, path: &Path) -> Result<Self>;
}

fn at(pos: Pos) -> (String, String) {
    (format!("riga {}, colonna {}", pos.line, pos.col), format!("line {}, column {}", pos.line, pos.col))
}

/// A value of the wrong type or outside what the field accepts.
pub fn invalid(v: &Value, path: &Path, it: impl std::fmt::Display, en: impl std::fmt::Display) -> Error {
    let (at_it, at_en) = at(v.pos);
    Box::new(ProfileIssue::error(
        path.render(),
        format!("valore non valido ({at_it}): {it}"),
        format!("invalid value ({at_en}): {en}"),
    ))
}

/// "expected X, found Y", with Y described from the value itself.
fn expected(v: &Value, path: &Path, what: (&str, &str)) -> Error {
    let (found_it, found_en) = match &v.kind {
        Kind::Null => ("null".to_owned(), "null".to_owned()),
        Kind::Bool(b) => (b.to_string(), b.to_string()),
        Kind::Number(n) => (format!("il numero {n}"), format!("the number {n}")),
        Kind::String(s) => {
            let short: String = s.chars().take(40).collect();
            let short = if short.len() < s.len() { format!("{short}…") } else { short };
            (format!("il testo {}", quote(&short)), format!("the string {}", quote(&short)))
        }
        Kind::Array(_) => ("un elenco".to_owned(), "an array".to_owned()),
        Kind::Object(_) => ("un oggetto".to_owned(), "an object".to_owned()),
    };
    invalid(
        v,
        path,
        format_args!("atteso {}, trovato {found_it}", what.0),
        format_args!("expected {}, found {found_en}", what.1),
    )
}

impl FromJson for String {
    fn from_json(v: &Value, path: &Path) -> Result<Self> {
        match &v.kind {
            Kind::String(s) => Ok(s.clone()),
            _ => Err(expected(v, path, ("un testo", "a string"))),
        }
    }
}

impl FromJson for bool {
    fn from_json(v: &Value, path: &Path) -> Result<Self> {
        match v.kind {
            Kind::Bool(b) => Ok(b),
            _ => Err(expected(v, path, ("true o false", "true or false"))),
        }
    }
}

impl FromJson for u32 {
    fn from_json(v: &Value, path: &Path) -> Result<Self> {
        let range = ("un numero intero da 0 a 4294967295", "an integer from 0 to 4294967295");
        let Kind::Number(n) = &v.kind else { return Err(expected(v, path, range)) };
        // `-0` is zero; any other sign, fraction or exponent is outside the field's integers.
        let digits = n.strip_prefix('-').filter(|d| d.bytes().all(|c| c == b'0')).unwrap_or(n);
        digits.parse().map_err(|_| expected(v, path, range))
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Value, path: &Path) -> Result<Self> {
        let Kind::Array(items) = &v.kind else { return Err(expected(v, path, ("un elenco", "an array"))) };
        // A loop, not `collect::<Result<_>>()`: one adapter less per element type in the WASM code.
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.push(T::from_json(item, &path.index(i))?);
        }
        Ok(out)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Value, path: &Path) -> Result<Self> {
        match v.kind {
            Kind::Null => Ok(None),
            _ => T::from_json(v, path).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(v: &Value, path: &Path) -> Result<Self> {
        // Inserting keeps `collect`'s sort (a stable sort per value type) out of the WASM code.
        let mut out = BTreeMap::new();
        for m in object(v, path)? {
            out.insert(m.key.clone(), T::from_json(&m.value, &path.key(&m.key))?);
        }
        Ok(out)
    }
}

fn object<'v>(v: &'v Value, path: &Path) -> Result<&'v [Member]> {
    match &v.kind {
        Kind::Object(members) => Ok(members),
        _ => Err(expected(v, path, ("un oggetto", "an object"))),
    }
}

/// A string naming one of `variants` (the unit enums).
pub fn variant<T: Copy>(v: &Value, path: &Path, variants: &[(&str, T)]) -> Result<T> {
    match &v.kind {
        Kind::String(s) => variants.iter().find(|(name, _)| name == s).map(|&(_, t)| t),
        _ => None,
    }
    .ok_or_else(|| unknown_variant(v, path, &variants.iter().map(|(name, _)| *name).collect::<Vec<_>>()))
}

/// `v` is not one of `names` (a unit enum's value or an internal tag).
pub fn unknown_variant(v: &Value, path: &Path, names: &[&str]) -> Error {
    let list = names.iter().map(|name| quote(name)).collect::<Vec<_>>().join(", ");
    match &v.kind {
        Kind::String(s) => invalid(
            v,
            path,
            format_args!("{} non è tra i valori ammessi: {list}", quote(s)),
            format_args!("unknown variant {}, expected one of {list}", quote(s)),
        ),
        _ => expected(v, path, (&format!("uno tra {list}"), &format!("one of {list}"))),
    }
}

/// Reads one JSON object into a struct: each field once, by name.
pub struct Fields<'v, 'p> {
    value: &'v Value,
    members: &'v [Member],
    path: &'p Path<'p>,
}

impl<'v, 'p> Fields<'v, 'p> {
    pub fn open(v: &'v Value, path: &'p Path<'p>) -> Result<Self> {
        Ok(Fields { value: v, members: object(v, path)?, path })
    }

    /// Refuses any key not in `allowed`, naming it and listing the allowed ones.
    pub fn only(&self, allowed: &[&str]) -> Result<()> {
        let Some(m) = self.members.iter().find(|m| !allowed.contains(&m.key.as_str())) else { return Ok(()) };
        let list = allowed.iter().map(|k| quote(k)).collect::<Vec<_>>().join(", ");
        let (at_it, at_en) = at(m.key_pos);
        Err(Box::new(ProfileIssue::error(
            self.path.key(&m.key).render(),
            format!("campo sconosciuto {} ({at_it}); campi ammessi: {list}", quote(&m.key)),
            format!("unknown field {} ({at_en}); expected one of: {list}", quote(&m.key)),
        )))
    }

    pub fn get(&self, key: &str) -> Option<&'v Value> {
        self.members.iter().find(|m| m.key == key).map(|m| &m.value)
    }

    // Not inlined into every field of every struct: the WASM bundles are smaller.
    #[inline(never)]
    pub fn req<T: FromJson>(&self, key: &str) -> Result<T> {
        match self.get(key) {
            Some(v) => T::from_json(v, &self.path.key(key)),
            None => Err(self.missing(key)),
        }
    }

    /// Out of line: one copy of the message code rather than one per field type.
    #[cold]
    #[inline(never)]
    fn missing(&self, key: &str) -> Error {
        let (at_it, at_en) = at(self.value.pos);
        Box::new(ProfileIssue::error(
            self.path.render(),
            format!("campo obbligatorio mancante: {} (nell'oggetto alla {at_it})", quote(key)),
            format!("missing field {} (in the object at {at_en})", quote(key)),
        ))
    }

    #[inline(never)]
    pub fn or_else<T: FromJson>(&self, key: &str, default: impl FnOnce() -> T) -> Result<T> {
        match self.get(key) {
            Some(v) => T::from_json(v, &self.path.key(key)),
            None => Ok(default()),
        }
    }

    pub fn or_default<T: FromJson + Default>(&self, key: &str) -> Result<T> {
        self.or_else(key, T::default)
    }
}

#[cfg(test)]
mod tests {
    use super::super::value::parse;
    use super::*;

    fn read<T: FromJson>(text: &str) -> Result<T> {
        T::from_json(&parse(text).unwrap(), &Path::Root)
    }

    #[test]
    fn integers_in_range_only() {
        assert_eq!(read::<u32>("4096"), Ok(4096));
        assert_eq!(read::<u32>("-0"), Ok(0));
        assert_eq!(read::<u32>("4294967295"), Ok(u32::MAX));
        for bad in ["4294967296", "-1", "1.0", "1e3", "\"12\"", "null", "99999999999999999999999"] {
            let e = read::<u32>(bad).unwrap_err();
            assert!(e.message.en.contains("expected an integer from 0 to 4294967295"), "{bad}: {e:?}");
            assert!(e.message.it.starts_with("valore non valido (riga 1, colonna 1)"), "{bad}: {e:?}");
        }
    }

    #[test]
    fn type_errors_say_what_was_found_and_where() {
        let e = read::<Vec<String>>("[\"a\",\n  7]").unwrap_err();
        assert_eq!(e.path, "$[1]");
        assert_eq!(e.message.en, "invalid value (line 2, column 3): expected a string, found the number 7");
        assert_eq!(e.message.it, "valore non valido (riga 2, colonna 3): atteso un testo, trovato il numero 7");
        let e = read::<bool>("\"sì\"").unwrap_err();
        assert!(e.message.en.ends_with("expected true or false, found the string \"sì\""), "{e:?}");
        let e = read::<BTreeMap<String, bool>>("{\"link.x\": null}").unwrap_err();
        assert_eq!(e.path, "$[\"link.x\"]");
        assert!(read::<String>("{}").unwrap_err().message.en.ends_with("found an object"));
    }

    #[test]
    fn options_and_maps() {
        assert_eq!(read::<Option<u32>>("null"), Ok(None));
        assert_eq!(read::<Option<u32>>("3"), Ok(Some(3)));
        let m = read::<BTreeMap<String, Vec<String>>>("{\"b\": [\"x\"], \"a\": []}").unwrap();
        assert_eq!(m.keys().collect::<Vec<_>>(), ["a", "b"]);
    }

    #[test]
    fn variants_list_the_allowed_values() {
        let v = parse("\"fri\"").unwrap();
        let days = [("mon", 0), ("fri", 4)];
        assert_eq!(variant(&v, &Path::Root, &days), Ok(4));
        let e = variant(&parse("\"Fri\"").unwrap(), &Path::Root, &days).unwrap_err();
        assert!(e.message.en.ends_with("unknown variant \"Fri\", expected one of \"mon\", \"fri\""), "{e:?}");
        assert!(e.message.it.contains("\"Fri\" non è tra i valori ammessi"), "{e:?}");
        let e = variant(&parse("1").unwrap(), &Path::Root, &days).unwrap_err();
        assert!(e.message.en.ends_with("expected one of \"mon\", \"fri\", found the number 1"), "{e:?}");
    }

    #[test]
    fn fields_enforce_known_required_and_defaulted() {
        let v = parse("{\"a\": \"x\",\n \"zz\": 1}").unwrap();
        let f = Fields::open(&v, &Path::Root).unwrap();
        let e = f.only(&["a", "b"]).unwrap_err();
        assert_eq!(e.path, "$.zz");
        assert_eq!(e.message.en, "unknown field \"zz\" (line 2, column 2); expected one of: \"a\", \"b\"");
        assert!(e.message.it.starts_with("campo sconosciuto \"zz\" (riga 2, colonna 2); campi ammessi:"));
        assert_eq!(f.req::<String>("a"), Ok("x".to_owned()));
        let e = f.req::<String>("b").unwrap_err();
        assert_eq!(e.path, "$");
        assert_eq!(e.message.en, "missing field \"b\" (in the object at line 1, column 1)");
        assert!(e.message.it.starts_with("campo obbligatorio mancante: \"b\""));
        assert_eq!(f.or_default::<String>("b"), Ok(String::new()));
        assert_eq!(f.or_else("b", || true), Ok(true));
        assert!(Fields::open(&parse("[]").unwrap(), &Path::Root).is_err());
    }
}
