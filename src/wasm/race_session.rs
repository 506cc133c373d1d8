//! A race of strategies, as the page sees it: stepping (at once or a part at a time), the
//! summary curves as one flat typed array, and each strategy's first-seed lane for its picture.
//! (A surface's heatmap, domain and minima come from a `LandscapeSession` on the same surface;
//! a race on weights gives its lanes' models as images and its training points.) A race on
//! architectures hands out its folds as jobs for the Search view's Web Workers, each of which
//! holds a `RaceSession` of the same settings to `evaluate` them, and is told their results.

use super::read::Fields;
use super::search_session::{fold_object, fold_result, job_view, proposal_of};
use super::training_session::budget_units;
use super::{js_error, settings, to_js};
use crate::data::Target;
use crate::race::{Job, Race};
use crate::search::{Rewindable, Status};
use crate::training::Role;
use js_sys::Array;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Parameters × pixels a lane picture may cost: a few milliseconds.
const PICTURE_WORK: usize = 2_000_000;

/// One race.
#[wasm_bindgen]
pub struct RaceSession {
    /// The race, keeping snapshots of itself (see `rewind`).
    race: Rewindable<Race>,
    /// On architectures: how many of the jobs in hand have been handed to the page, and the
    /// results told of them so far (the race is told once all are in).
    sent: usize,
    told: Vec<crate::training::FoldResult>,
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
        Ok(RaceSession {
            race: Rewindable::new(race),
            sent: 0,
            told: Vec::new(),
        })
    }

    /// Takes up to `n` steps (a step: one more evaluation for every lane); returns those taken.
    pub fn step(&mut self, n: u32) -> Result<u32, JsError> {
        let taken = self.race.step(n as usize).map_err(js_error)?;
        Ok(taken as u32)
    }

    /// Carries the next step on for about `budget` units of work; returns whether it is
    /// complete (the page's time-sliced stepping, see `TrainingSession.advance`). On
    /// architectures it does the whole step on this thread: the page uses `jobs` and `tell`.
    pub fn advance(&mut self, budget: f64) -> Result<bool, JsError> {
        let work = budget_units(budget);
        self.race
            .stepping(|race| race.advance(work))
            .map_err(js_error)
    }

    /// Goes back towards the earlier step `target`: to the latest kept snapshot at or before
    /// it, or else the start (a race on architectures keeps none: it starts again, its jobs
    /// in hand dropped). Returns the step it is at; stepping on to `target` gives the same
    /// race as it had there, bit for bit.
    pub fn rewind(&mut self, target: u32) -> Result<u32, JsError> {
        let settings = self.race.shared_settings();
        self.sent = 0;
        self.told.clear();
        let at = self
            .race
            .rewind(target as usize, || Race::shared(settings))
            .map_err(js_error)?;
        Ok(at as u32)
    }

    /// A race on weights: the most pixels a lane's picture may have, each a forward pass
    /// through the network, so that a picture costs about the same whatever its size (0 on a
    /// surface).
    #[wasm_bindgen(js_name = lanePixels)]
    pub fn lane_pixels(&self) -> u32 {
        self.race.shown().map_or(0, |run| {
            (PICTURE_WORK / run.spec().n_params().max(1)).max(64) as u32
        })
    }

    /// A race on weights: strategy `s`'s first-seed model over the display plane, `width` ×
    /// `height` RGBA (at most 512 × 512; see `lanePixels`); empty on a surface.
    #[wasm_bindgen(js_name = laneImage)]
    pub fn lane_image(&self, s: u32, width: u32, height: u32) -> Vec<u8> {
        let (w, h) = (width.min(512) as usize, height.min(512) as usize);
        self.race.lane_image(s as usize, w, h).unwrap_or_default()
    }

    /// A race on weights: the display plane `[u_min, u_max, v_min, v_max]`, then the first
    /// seed's training rows as (u, v, class) triples (class NaN for a value); on
    /// architectures the plane of the fold pictures and every row; empty on a surface.
    #[wasm_bindgen(js_name = trainingPoints)]
    pub fn training_points(&self) -> Vec<f64> {
        if let Some((lane, _)) = self.race.search_lane(0, 0) {
            let search = lane.search();
            let Some(bounds) = search.picture_bounds() else {
                return Vec::new();
            };
            let labels = match search.dataset().target() {
                Target::Classes { labels, .. } => Some(labels),
                Target::Values(_) => None,
            };
            let mut out = bounds.to_vec();
            for (r, xy) in search.dataset().features().chunks(2).enumerate() {
                let class = labels.map_or(f64::NAN, |l| l[r] as f64);
                out.extend([xy[0], xy[1], class]);
            }
            return out;
        }
        let Some(run) = self.race.shown() else {
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

    /// A race on architectures: the next `max` jobs of the step in hand, `[{ job, fold }]`,
    /// each job a candidate (`SearchSession.pending()`'s fields) with its `lane` and whether
    /// its fold model's `picture` is wanted; handed out when none are. A part at a time, so
    /// that no call copies many thousands. Empty when the step needed none (it is then
    /// complete) or the race is over.
    pub fn jobs(&mut self, max: u32) -> Result<JsValue, JsError> {
        let Some((lane, _)) = self.race.search_lane(0, 0) else {
            return Ok(Array::new().into());
        };
        let (inputs, outputs) = (
            lane.search().dataset().n_features(),
            lane.search().outputs(),
        );
        self.race
            .stepping(|race| race.jobs().map(drop))
            .map_err(js_error)?;
        let jobs = self.race.jobs_in_hand();
        let from = self.sent.min(jobs.len());
        let part = &jobs[from..jobs.len().min(from + max.max(1) as usize)];
        self.sent = from + part.len();
        let tasks: Vec<TaskView> = part
            .iter()
            .map(|j| TaskView {
                job: RaceJobView {
                    lane: j.lane,
                    picture: j.picture,
                    proposal: job_view(&j.proposal, j.candidate, inputs, outputs),
                },
                fold: j.fold,
            })
            .collect();
        to_js(&tasks)
    }

    /// A worker's part: trains `job` (from `jobs()`) on fold `fold` and answers its result,
    /// with `picture` (RGBA, `SearchSession.pictureSize()` square) when the job wants it.
    pub fn evaluate(&self, job: JsValue, fold: u32) -> Result<JsValue, JsError> {
        let read = || -> crate::Result<Job> {
            let f = Fields::of(job)?;
            let (proposal, candidate) = proposal_of(&f.object("proposal")?)?;
            let (mut lane, mut picture) = (0, false);
            f.count("lane", &mut lane)?;
            f.flag("picture", &mut picture)?;
            Ok(Job {
                lane,
                candidate,
                proposal,
                fold: fold as usize,
                picture,
            })
        };
        let job = read().map_err(js_error)?;
        let (result, picture) = self.race.evaluate(&job).map_err(js_error)?;
        fold_object(&result, picture)
    }

    /// Records the results of the jobs `jobs()` last handed out, in job order (as the workers
    /// sent them); once every job in hand has its result, tells the race. Returns whether the
    /// step is complete (if not, `jobs()` hands out the next part).
    pub fn tell(&mut self, results: JsValue) -> Result<bool, JsError> {
        let parsed = Array::from(&results)
            .iter()
            .map(fold_result)
            .collect::<crate::Result<Vec<_>>>()
            .map_err(js_error)?;
        if self.sent == 0 || self.told.len() + parsed.len() > self.sent {
            let message = "protocol error: results of jobs that were not handed out";
            return Err(JsError::new(message));
        }
        self.told.extend(parsed);
        if self.told.len() < self.race.jobs_in_hand().len() {
            return Ok(false);
        }
        let told = std::mem::take(&mut self.told);
        self.sent = 0;
        self.race.stepping(|race| race.tell(told)).map_err(js_error)
    }

    /// A race on architectures: strategy `s`'s first-seed lane (`lane`, its index) with its
    /// `evaluations` spent and its best candidate so far, `candidate`, `description`, `error`
    /// (1 − its mean CV score) and `parameters`, each null before one is found; null on
    /// another problem.
    #[wasm_bindgen(js_name = laneBest)]
    pub fn lane_best(&self, s: u32) -> Result<JsValue, JsError> {
        let view = self.race.search_lane(s as usize, 0).map(|(lane, _)| {
            let search = lane.search();
            let (inputs, outputs) = (search.dataset().n_features(), search.outputs());
            let best = lane.best();
            BestView {
                lane: s as usize * self.race.settings().seeds,
                candidate: best.map(|(c, _)| c.index),
                description: best.map(|(c, _)| c.architecture.describe(inputs, outputs)),
                error: best.map(|(_, error)| error),
                parameters: best.map(|(c, _)| c.architecture.parameter_count(inputs, outputs)),
                evaluations: lane.spent(),
            }
        });
        to_js(&view)
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
        let count = settings.strategy_count();
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

/// A job as it crosses to a worker: the lane, whether fold 0's picture is wanted, the candidate.
#[derive(Serialize)]
struct RaceJobView {
    lane: usize,
    picture: bool,
    proposal: super::search_session::JobView,
}

/// A job and the fold to train it on.
#[derive(Serialize)]
struct TaskView {
    job: RaceJobView,
    fold: usize,
}

/// A first-seed lane's best candidate on architectures.
#[derive(Serialize)]
struct BestView {
    lane: usize,
    candidate: Option<usize>,
    description: Option<String>,
    error: Option<f64>,
    parameters: Option<usize>,
    evaluations: f64,
}

/// Strategy `s`'s first-seed lane, flat: ten numbers `[start x, start y, position x, position y,
/// best x, best y, best J, evaluations counted, elites, accepted]` (best J NaN before the first
/// evaluation; accepted 1, 0 or NaN: no mark), then the lengths of its path, samples, last
/// asked and previously asked points, then those four lists of flat (x, y) pairs.
fn lane_numbers(race: &Race, s: usize) -> Vec<f64> {
    let Some((driver, start, curve)) = race.lane(s, 0) else {
        // On architectures: no point, its best CV error and its evaluations (the card shows
        // the rest, `laneBest`).
        return race
            .search_lane(s, 0)
            .map_or_else(Vec::new, |(lane, curve)| {
                let best = lane.best().map_or(f64::NAN, |b| b.1);
                let mut out = vec![f64::NAN; 6];
                out.extend([best, curve.len() as f64, 0.0, f64::NAN, 0.0, 0.0, 0.0, 0.0]);
                out
            });
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
    let on_plane = race.shown().is_none();
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
