//! The page's colour rules, from the one place they live (`crate::render`): the class palette
//! and the colour bars of the heatmaps, as RGBA strips.

use crate::render::{boundary, surface};
use wasm_bindgen::prelude::*;

/// The class colours, flat RGB (3 bytes per class, in class order; repeated beyond the end).
#[wasm_bindgen(js_name = classColours)]
pub fn class_colours() -> Vec<u8> {
    boundary::CLASS_COLOURS.concat()
}

/// The diverging value ramp's colour bar: `n` RGBA pixels for −1 (left) to +1 (right) of its
/// full-colour scale.
#[wasm_bindgen(js_name = valueBar)]
pub fn value_bar(n: u32) -> Vec<u8> {
    boundary::value_bar(n.min(4096) as usize)
}

/// A classifier's colour bar: `n` RGBA pixels, for two classes the probability of the second
/// from 0 to 1, for more class `class`'s from chance to certain.
#[wasm_bindgen(js_name = classBar)]
pub fn class_bar(classes: u32, class: u32, n: u32) -> Vec<u8> {
    boundary::class_bar(classes as usize, class as usize, n.min(4096) as usize)
}

/// The landscape heatmap's colour bar: `n` RGBA pixels from its lowest value to its highest.
#[wasm_bindgen(js_name = surfaceBar)]
pub fn surface_bar(n: u32) -> Vec<u8> {
    surface::surface_bar(n.min(4096) as usize)
}
