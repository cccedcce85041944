//! Every text of a profile with its JSON path, for checks that apply to all of them alike
//! (markup and scripts). Map keys are texts too.

use std::collections::BTreeMap;

use super::Path;

pub trait Texts {
    fn texts(&self, path: &Path, f: &mut dyn FnMut(&Path, &str));
}

impl Texts for String {
    fn texts(&self, path: &Path, f: &mut dyn FnMut(&Path, &str)) {
        f(path, self)
    }
}

/// Values without text.
macro_rules! no_texts {
    ($($t:ty),*) => {$(
        impl Texts for $t {
            fn texts(&self, _: &Path, _: &mut dyn FnMut(&Path, &str)) {}
        }
    )*};
}
pub(crate) use no_texts;

no_texts!(bool, u32);

impl<T: Texts> Texts for Vec<T> {
    fn texts(&self, path: &Path, f: &mut dyn FnMut(&Path, &str)) {
        for (i, item) in self.iter().enumerate() {
            item.texts(&path.index(i), f);
        }
    }
}

impl<T: Texts> Texts for Option<T> {
    fn texts(&self, path: &Path, f: &mut dyn FnMut(&Path, &str)) {
        if let Some(v) = self {
            v.texts(path, f);
        }
    }
}

impl<T: Texts> Texts for BTreeMap<String, T> {
    fn texts(&self, path: &Path, f: &mut dyn FnMut(&Path, &str)) {
        for (k, v) in self {
            let here = path.key(k);
            f(&here, k);
            v.texts(&here, f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_keys() {
        let mut m = BTreeMap::new();
        m.insert("a.b".to_owned(), vec![Some("x".to_owned()), None, Some("y".to_owned())]);
        let mut seen = Vec::new();
        m.texts(&Path::Root, &mut |p, s| seen.push((p.render(), s.to_owned())));
        assert_eq!(
            seen,
            [
                ("$[\"a.b\"]".into(), "a.b".into()),
                ("$[\"a.b\"][0]".into(), "x".into()),
                ("$[\"a.b\"][2]".into(), "y".into())
            ]
        );
    }
}
