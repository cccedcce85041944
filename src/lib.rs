//! Banditore: the policy model, pre-send checker, consent flow and join links for an Italian
//! comune's institutional WhatsApp/Telegram channel.
//!
//! The core modules are plain Rust and know nothing of JavaScript; `wasm` only converts.

pub mod i18n;
pub mod profile;
pub mod text;
pub mod time;

pub mod consent;
pub mod informativa;
pub mod links;
pub mod qr;

#[cfg(feature = "checker")]
pub mod checker;

#[cfg(any(feature = "wasm-widget", feature = "wasm-checker", feature = "wasm-builder"))]
pub mod wasm;

pub mod document;
pub mod template;
