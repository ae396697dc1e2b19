//! mailfit: render-time email personalization for CRM and ESP platforms.
//!
//! One pipeline, four stages, each a module with plain serde types in and out:
//!
//! ```text
//! events --profile--> Profile --decide--> Decision --copy--> Copy --render--> Email
//! ```
//!
//! The core is sans-IO: no clock, no network, no global state; `now` and seeds are inputs.
//! [`Personalizer`] is built once per catalog and campaign; per recipient only the hot path
//! runs. The wasm binding (`src/wasm.rs`, wasm32 only) is the one place that knows about JS.

#![forbid(unsafe_code)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub mod config;
pub mod copy;
pub mod decide;
mod engine;
pub mod error;
pub mod facets;
pub mod input;
mod learn;
pub mod llm;
mod personalize;
pub mod profile;
pub mod render;

/// The JavaScript binding (wasm32 only); public so wasm-bindgen tests can reach it.
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

#[cfg(test)]
mod typescript;

pub use engine::{
    CallOptions, Decided, Draft, Exploration, Personalized, Personalizer, PersonalizerInit,
};
pub use error::{Error, ErrorInfo};
pub use learn::{
    Associations, FitOptions, compute_associations, compute_popularity, fit_churn_model,
};

/// Version of this crate, for `buildInfo()`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
