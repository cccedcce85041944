//! Italian first, English second: every user-facing string exists in both.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    It,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "it" | "ita" | "it-it" => Ok(Lang::It),
            "en" | "eng" | "en-gb" | "en-us" => Ok(Lang::En),
            other => Err(format!("lingua non supportata / unsupported language: {other:?} (it, en)")),
        }
    }
}

/// A message in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Msg {
    pub it: String,
    pub en: String,
}

impl Msg {
    pub fn new(it: impl Into<String>, en: impl Into<String>) -> Self {
        Msg { it: it.into(), en: en.into() }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::It => &self.it,
            Lang::En => &self.en,
        }
    }
}
