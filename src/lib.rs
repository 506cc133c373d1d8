//! AutoML Playground: automatic model search, one step at a time.
//!
//! The crate is a pure numerical core (landscapes, datasets, models, search strategies,
//! rendering to RGBA) plus a thin WebAssembly boundary in [`wasm`] that the page drives.
//! Every search strategy follows an ask/tell protocol and is stepped by a [`search::Driver`].

pub mod architecture;
pub mod catalog;
pub mod choice;
pub mod data;
pub mod error;
pub mod landscape;
pub mod model;
pub mod objective;
pub mod race;
pub mod ranking;
pub mod render;
pub mod rng;
pub mod search;
pub mod text;
pub mod training;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, ErrorKind, Result};
