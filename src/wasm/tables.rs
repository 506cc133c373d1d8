//! The settings tables of the Landscapes and Train a model views, for the page to build its
//! fields, hints and link keys from (see [`crate::catalog`]).

use super::to_js;
use crate::catalog::SettingSpec;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The tables by part: the strategy's (paths relative to its settings object), the Landscapes
/// view's and the Train a model view's (paths relative to the view's options).
#[derive(Serialize)]
struct Tables {
    strategy: Vec<SettingSpec>,
    landscape: Vec<SettingSpec>,
    training: Vec<SettingSpec>,
    race: Vec<SettingSpec>,
    search: Vec<SettingSpec>,
}

/// `{ strategy, landscape, training, race, search }`: each a list of settings, in link order
/// (the search's: its strategies' rows are the Race view's lanes' on architectures too).
#[wasm_bindgen(js_name = settingsTables)]
pub fn settings_tables() -> Result<JsValue, JsError> {
    to_js(&Tables {
        strategy: crate::search::catalog::strategy_settings_table(),
        landscape: crate::landscape::catalog::landscape_settings_table(),
        training: crate::training::catalog::training_settings_table(),
        race: crate::race::catalog::race_settings_table(),
        search: crate::architecture::catalog::search_settings_table(),
    })
}
