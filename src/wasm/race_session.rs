//! A race of strategies, as the page sees it: stepping (at once or a part at a time), the
//! summary curves as one flat typed array, and each strategy's first-seed lane for its picture.
//! (A surface's heatmap, domain and minima come from a `LandscapeSession` on the same surface;
//! a race on weights gives its lanes' models as images and its training points.)

use super::read::Fields;
use super::training_session::budget_units;
use super::{js_error, settings};
use crate::race::Race;
use crate::search::Status;
use crate::training::Role;
use wasm_bindgen::prelude::*;

/// Parameters × pixels a lane picture may cost: a few milliseconds.
const PICTURE_WORK: usize = 2_000_000;

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

    /// Carries the next step on for about `budget` units of work; returns whether it is
    /// complete (the page's time-sliced stepping, see `TrainingSession.advance`).
    pub fn advance(&mut self, budget: f64) -> Result<bool, JsError> {
        self.race.advance(budget_units(budget)).map_err(js_error)
    }

    /// A race on weights: the most pixels a lane's picture may have, each a forward pass
    /// through the network, so that a picture costs about the same whatever its size (0 on a
    /// surface).
    #[wasm_bindgen(js_name = lanePixels)]
    pub fn lane_pixels(&self) -> u32 {
        self.race.training(0, 0).map_or(0, |run| {
            (PICTURE_WORK / run.spec().n_params().max(1)).max(64) as u32
        })
    }

    /// A race on weights: strategy `s`'s first-seed model over the display plane, `width` ×
    /// `height` RGBA (at most 512 × 512; see `lanePixels`); empty on a surface.
    #[wasm_bindgen(js_name = laneImage)]
    pub fn lane_image(&self, s: u32, width: u32, height: u32) -> Vec<u8> {
        let (w, h) = (width.min(512) as usize, height.min(512) as usize);
        match self.race.training(s as usize, 0) {
            Some(run) => run.thumbnail_rgba(run.theta(), w, h),
            None => Vec::new(),
        }
    }

    /// A race on weights: the display plane `[u_min, u_max, v_min, v_max]`, then the first
    /// seed's training rows as (u, v, class) triples (class NaN for a value); empty on a
    /// surface.
    #[wasm_bindgen(js_name = trainingPoints)]
    pub fn training_points(&self) -> Vec<f64> {
        let Some(run) = self.race.training(0, 0) else {
            return Vec::new();
        };
        let (points, targets) = (run.display_points(), run.targets());
        let classes = run.class_names().is_some();
        let mut out = run.bounds().to_vec();
        for (r, role) in run.roles().iter().enumerate() {
            if *role == Role::Train {
                let class = if classes { targets[r] } else { f64::NAN };
                out.extend([points[2 * r], points[2 * r + 1], class]);
            }
        }
        out
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
    let marks = driver.marks();
    let accepted = marks.accepted.map_or(f64::NAN, |a| f64::from(u8::from(a)));
    let best = if best_value.is_finite() {
        best_value
    } else {
        f64::NAN
    };
    // On weights θ is no point of a plane (the lane's picture is its model, `laneImage`): the
    // points are NaN and the lists empty.
    let on_plane = race.training(s, 0).is_none();
    let point = |p: &[f64]| {
        if on_plane {
            [p[0], p[1]]
        } else {
            [f64::NAN; 2]
        }
    };
    let trace = driver.trace();
    let lists = if on_plane {
        [
            &trace.positions[..],
            &trace.samples,
            driver.asked(),
            driver.previous_asked(),
        ]
    } else {
        [&[][..]; 4]
    };
    let mut out = [start, point(driver.position()), point(best_point)].concat();
    out.extend([best, curve.len() as f64, marks.elite_count as f64, accepted]);
    out.extend(lists.iter().map(|list| list.len() as f64));
    for list in lists {
        out.extend_from_slice(list);
    }
    out
}
