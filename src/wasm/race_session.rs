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
    /// Starts a race from `{ landscape, strategies: [ … ], seeds, budget, seed }` (missing
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

    /// The race as numbers: `[status, step, budget, seeds, J*]` (status 0 ready, 1 running, 2
    /// budget spent), then per strategy the median, min and max best-so-far over seeds at the
    /// current step.
    pub fn state(&self) -> Vec<f64> {
        let race = &self.race;
        let status = match race.status() {
            Status::Ready => 0.0,
            Status::BudgetSpent => 2.0,
            _ => 1.0,
        };
        let settings = race.settings();
        let mut out = vec![
            status,
            race.steps() as f64,
            settings.budget as f64,
            settings.seeds as f64,
            race.optimum(),
        ];
        for s in 0..settings.strategies.len() {
            out.extend(race.bands(s).last().unwrap_or(&[f64::INFINITY; 3]));
        }
        out
    }

    /// The summary from evaluation `start + 1` on, as best-so-far minus J*: strategy after
    /// strategy, for each evaluation its median, min and max, flat.
    #[wasm_bindgen(js_name = curvesFrom)]
    pub fn curves_from(&self, start: u32) -> Vec<f64> {
        let optimum = self.race.optimum();
        let count = self.race.settings().strategies.len();
        let mut out = Vec::new();
        for s in 0..count {
            let bands = self.race.bands(s);
            let from = (start as usize).min(bands.len());
            for band in &bands[from..] {
                out.extend(band.iter().map(|v| v - optimum));
            }
        }
        out
    }

    /// Strategy `s`'s first-seed lane, flat (empty when there is no such strategy): ten numbers
    /// `[start x, start y, position x, position y, best x, best y, best J, evaluations counted,
    /// elites, accepted]` (best J NaN before the first evaluation; accepted 1, 0 or NaN: no
    /// mark), then the lengths of its path, samples, last asked and previously asked points,
    /// then those four lists of flat (x, y) pairs.
    pub fn lane(&self, s: u32) -> Vec<f64> {
        let Some((driver, start, curve)) = self.race.lane(s as usize, 0) else {
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
}
