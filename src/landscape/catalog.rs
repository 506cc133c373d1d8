//! The Landscapes view's own settings, once (see [`crate::catalog`]): the surface, the bowl's
//! shape and the seed, paths relative to the view's configuration. The strategy's settings are
//! in [`crate::search::catalog`]. Every one of these restarts the run.

use super::{CONDITION_RANGE, LANDSCAPE_IDS, LandscapeSettings, ROTATION_RANGE};
use crate::catalog::{DefaultValue, Row, SettingKind, SettingSpec, tables};

/// The seed's settings row (`path` and link key `key`): any 32-bit whole number, 0 by default.
pub const fn seed_row(path: &'static str, key: &'static str, label: &'static str) -> Row {
    Row::count(path, key, label, [0, u32::MAX as usize], || {
        DefaultValue::Number(0.0)
    })
    .named("seed")
}

/// A setting of the bowl only.
const fn bowl(
    path: &'static str,
    key: &'static str,
    label: &'static str,
    name: &'static str,
    range: [f64; 2],
    default: fn() -> DefaultValue,
) -> Row {
    Row::number(path, key, label, range, default)
        .named(name)
        .requires("landscape.id", &["bowl"])
}

/// The surface's rows (which landscape, the bowl's shape), in link order: the Landscapes view's
/// and the Race view's.
pub static SURFACE_ROWS: &[Row] = &[
    Row::of_kind(
        "landscape.id",
        "landscape",
        "Surface",
        SettingKind::Choice,
        || DefaultValue::Name(LANDSCAPE_IDS[0]),
    )
    .with_choices(|| LANDSCAPE_IDS.to_vec())
    .named("landscape"),
    bowl(
        "landscape.condition",
        "kappa",
        "Condition number κ",
        "condition number κ",
        CONDITION_RANGE,
        || DefaultValue::Number(LandscapeSettings::default().condition),
    ),
    bowl(
        "landscape.rotationDeg",
        "phi",
        "Rotation φ (degrees)",
        "rotation φ",
        ROTATION_RANGE,
        || DefaultValue::Number(LandscapeSettings::default().rotation_deg),
    ),
];

/// The Landscapes view's table, in link order, defaults from [`LandscapeSettings::default`].
pub fn landscape_settings_table() -> Vec<SettingSpec> {
    tables(&[SURFACE_ROWS, &[seed_row("seed", "seed", "Seed")]])
}
