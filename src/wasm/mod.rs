//! The only place that knows wasm-bindgen: session types the page drives. They parse
//! configuration (`read`, `settings`), call the core, and copy numbers out as typed arrays.

mod bench;
mod colours;
mod landscape_session;
mod race_session;
mod read;
mod read_model;
mod search_session;
mod settings;
mod tables;
mod training_session;

pub use bench::MlpBench;
pub use landscape_session::LandscapeSession;
pub use race_session::RaceSession;
pub use search_session::{SearchSession, SearchWorker, dataset_parts_of, search_settings_table};
pub use tables::settings_tables;
pub use training_session::TrainingSession;

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A fresh random seed (the one place entropy is used: the "new seed" button).
#[wasm_bindgen(js_name = freshSeed)]
pub fn fresh_seed() -> u32 {
    crate::rng::fresh_seed()
}

/// Turns a core error into a JS `Error` whose message the page shows as it is.
pub(crate) fn js_error(error: crate::Error) -> JsError {
    JsError::new(&error.to_string())
}

/// Serializes a status struct to a plain JS object (maps as objects, not `Map`).
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}
