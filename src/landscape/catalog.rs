//! The Landscapes view's own settings, once (see [`crate::catalog`]): the surface, the bowl's
//! shape and the seed, paths relative to the view's configuration. The strategy's settings are
//! in [`crate::search::catalog`]. Every one of these restarts the run.

use super::{CONDITION_RANGE, LANDSCAPE_IDS, LandscapeSettings, ROTATION_RANGE};
use crate::catalog::{DefaultValue, SettingKind, SettingSpec};

/// The seed's settings entry (`path` and link key `key`): any 32-bit whole number.
pub fn seed_spec(path: &'static str, key: &'static str, label: &'static str) -> SettingSpec {
    SettingSpec::count(path, key, label, [0, u32::MAX as usize], 0).named("seed")
}

/// The Landscapes view's table, in link order, defaults from [`LandscapeSettings::default`].
pub fn landscape_settings_table() -> Vec<SettingSpec> {
    let d = LandscapeSettings::default();
    let bowl = |path, key, label, name, range, default| {
        SettingSpec::number(path, key, label, range, default)
            .named(name)
            .requires("landscape.id", &["bowl"])
    };
    vec![
        SettingSpec::of_kind(
            "landscape.id",
            "landscape",
            "Surface",
            SettingKind::Choice,
            DefaultValue::Name(LANDSCAPE_IDS[0]),
        )
        .with_choices(LANDSCAPE_IDS.to_vec())
        .named("landscape"),
        bowl(
            "landscape.condition",
            "kappa",
            "Condition number κ",
            "condition number κ",
            CONDITION_RANGE,
            d.condition,
        ),
        bowl(
            "landscape.rotationDeg",
            "phi",
            "Rotation φ (degrees)",
            "rotation φ",
            ROTATION_RANGE,
            d.rotation_deg,
        ),
        seed_spec("seed", "seed", "Seed"),
    ]
}
