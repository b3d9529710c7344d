//! `tdg-portal`: what the app needs to live inside a portal's page, as pure functions tested
//! natively. The browser app (`crates/app/src/portal.rs`) only listens, posts and stores; the
//! xtask's server reads the same `embed.json` for its `frame-ancestors` header.
//!
//! - `config`: `embed.json`, the administrator's file beside `index.html`, validated with
//!   located messages in both languages; a broken file or field falls back to a safe default.
//! - `origin`: exact origins (`https://cong.haiphong.gov.vn`) and the allow-list.
//! - `protocol`: the versioned `postMessage` API, each message parsed strictly.
//! - `deep_link`: `?tier=…&year=…&lang=…&sample=…`, bad values ignored and reported.

pub mod config;
pub mod deep_link;
pub mod origin;
pub mod protocol;

pub use config::{EmbedConfig, Loaded, Problem};
pub use deep_link::DeepLink;
pub use origin::Origin;
pub use protocol::{AppMessage, Gate, HostMessage, Rejection};
