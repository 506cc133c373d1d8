//! A race of strategies on a landscape, as the page sees it: stepping, the summary curves as
//! one flat typed array, and each strategy's first-seed lane for its picture. (The surface's
//! heatmap, domain and minima come from a `LandscapeSession` on the same surface.)

use super::read::Fields;
use super::{js_error, settings};
use crate::race::Race;
use crate::search::Status;
use wasm_bindgen::prelude::*;

/// One race.
#[wasm_bindgen]
pub struct RaceSession {
    race: Race,
}

#[wasm_bindgen]
impl RaceSession {
    /// Starts a race from `{ landscape, strategy1, strategy2, …, seeds, budget, seed }` (missing
    /// fields keep their defaults; each strategy first takes the surface's tuned rates).
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<RaceSession, JsError> {
        let settings = Fields::of(config)
            .and_then(|f| settings::race(&f))
            .map_err(js_error)?;
        let race = Race::new(settings).map_err(js_error)?;
        Ok(RaceSession { race })
    }

    /// Takes up to `n` steps (a step: one more evaluation for every lane); returns those taken.
    pub fn step(&mut self, n: u32) -> Result<u32, JsError> {
        let taken = self.race.step(n as usize).map_err(js_error)?;
        Ok(taken as u32)
    }

    /// What the page draws, as one flat array: the state `[status, step, budget, seeds, J*]`
    /// (status 0 ready, 1 running, 2 budget spent) and per strategy the median, min and max
    /// best-so-far over seeds at the current step; then the summary from evaluation `start + 1`
    /// on as best-so-far − J* (strategy after strategy, per evaluation its median, min and max);
    /// then per strategy its first-seed lane, its length first (see [`lane_numbers`]).
    pub fn frame(&self, start: u32) -> Vec<f64> {
        let race = &self.race;
        let status = match race.status() {
            Status::Ready => 0.0,
            Status::BudgetSpent => 2.0,
            _ => 1.0,
        };
        let settings = race.settings();
        let count = settings.strategies.len();
        let optimum = race.optimum();
        let mut out = vec![
            status,
            race.steps() as f64,
            settings.budget as f64,
            settings.seeds as f64,
            optimum,
        ];
        for s in 0..count {
            out.extend(race.bands(s).last().unwrap_or(&[f64::INFINITY; 3]));
        }
        for s in 0..count {
            let bands = race.bands(s);
            for band in &bands[(start as usize).min(bands.len())..] {
                out.extend(band.iter().map(|v| v - optimum));
            }
        }
        for s in 0..count {
            let lane = lane_numbers(race, s);
            out.push(lane.len() as f64);
            out.extend(lane);
        }
        out
    }
}

/// Strategy `s`'s first-seed lane, flat: ten numbers `[start x, start y, position x, position y,
/// best x, best y, best J, evaluations counted, elites, accepted]` (best J NaN before the first
/// evaluation; accepted 1, 0 or NaN: no mark), then the lengths of its path, samples, last
/// asked and previously asked points, then those four lists of flat (x, y) pairs.
fn lane_numbers(race: &Race, s: usize) -> Vec<f64> {
    let Some((driver, start, curve)) = race.lane(s, 0) else {
        return Vec::new();
    };
    let (best_point, best_value) = driver.best();
    let position = driver.position();
    let marks = driver.marks();
    let accepted = marks.accepted.map_or(f64::NAN, |a| f64::from(u8::from(a)));
    let best = if best_value.is_finite() {
        best_value
    } else {
        f64::NAN
    };
    let trace = driver.trace();
    let lists = [
        &trace.positions[..],
        &trace.samples,
        driver.asked(),
        driver.previous_asked(),
    ];
    let mut out = vec![
        start[0],
        start[1],
        position[0],
        position[1],
        best_point[0],
        best_point[1],
        best,
        curve.len() as f64,
        marks.elite_count as f64,
        accepted,
    ];
    out.extend(lists.iter().map(|list| list.len() as f64));
    for list in lists {
        out.extend_from_slice(list);
    }
    out
}
