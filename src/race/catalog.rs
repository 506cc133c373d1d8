//! The Race view's own settings, once (see [`crate::catalog`]): the surface (the Landscapes
//! view's rows), how many strategies, seeds per strategy, the evaluation budget and the first
//! seed. Each strategy's settings are in [`crate::search::catalog`].

use super::{BUDGET_RANGE, RaceSettings, SEEDS_RANGE, STRATEGIES_RANGE};
use crate::catalog::{Row, SettingSpec, tables, whole};
use crate::landscape::catalog::{SURFACE_ROWS, seed_row};

fn d() -> RaceSettings {
    RaceSettings::default()
}

/// The race's rows after the surface's, in link order.
static ROWS: &[Row] = &[
    Row::count("strategies", "n", "Strategies", STRATEGIES_RANGE, || {
        whole(d().strategies.len())
    })
    .named("strategies")
    .unlinked(),
    Row::count("seeds", "seeds", "Seeds per strategy", SEEDS_RANGE, || {
        whole(d().seeds)
    })
    .named("seeds"),
    Row::count(
        "budget",
        "budget",
        "Evaluation budget",
        BUDGET_RANGE,
        || whole(d().budget),
    )
    .named("evaluation budget"),
    seed_row("seed", "seed", "First seed"),
];

/// The Race view's table: the surface's rows, then the race's, defaults from
/// [`RaceSettings::default`].
pub fn race_settings_table() -> Vec<SettingSpec> {
    tables(&[SURFACE_ROWS, ROWS])
}
