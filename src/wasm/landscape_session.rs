//! A parameter search on a 2-D landscape, as the page sees it.

use super::read::Fields;
use super::{js_error, settings, to_js};
use crate::landscape::{self, Landscape, LandscapeObjective, LandscapeSettings};
use crate::render::surface::{finite_range, surface_level, surface_rgba};
use crate::search::{self, Driver, Rewindable, StopRules, StrategySettings};
use serde::Serialize;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Everything that defines a landscape run.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LandscapeConfig {
    /// Which surface.
    pub landscape: LandscapeSettings,
    /// Which strategy and its hyperparameters.
    pub strategy: StrategySettings,
    /// The run's seed.
    pub seed: u32,
    /// Start point / population centre; `None` uses the landscape's default.
    pub start: Option<[f64; 2]>,
}

/// The small status the page shows after each step.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StateView {
    status: search::Status,
    reason: String,
    step: usize,
    evaluations: usize,
    position: Vec<f64>,
    value: f64,
    gradient: Option<Vec<f64>>,
    best_point: Vec<f64>,
    best_value: Option<f64>,
    explanation: String,
    accepted: Option<bool>,
    elite_count: usize,
}

/// One landscape, one strategy, one run (with snapshots kept to go back in it).
#[wasm_bindgen]
pub struct LandscapeSession {
    config: LandscapeConfig,
    landscape: Rc<dyn Landscape>,
    run: Rewindable<Driver>,
    /// The finite values' range in the last heatmap (the ends of its colour scale).
    heatmap_range: (f64, f64),
}

/// No heatmap yet: no range.
const NO_RANGE: (f64, f64) = (f64::INFINITY, f64::NEG_INFINITY);

fn make_driver(config: &LandscapeConfig) -> crate::Result<(Rc<dyn Landscape>, Driver)> {
    let landscape: Rc<dyn Landscape> = landscape::build(&config.landscape)?.into();
    let start = config.start.unwrap_or_else(|| {
        let (x, y) = landscape.default_start();
        [x, y]
    });
    if !start.iter().all(|v| v.is_finite()) {
        return Err(crate::Error::setting(
            "start point",
            "must be two finite numbers",
        ));
    }
    let objective = LandscapeObjective(Rc::clone(&landscape));
    let bounds = crate::objective::Objective::bounds(&objective);
    let strategy = search::build(&config.strategy, &start, &bounds)?;
    let driver = Driver::new(
        strategy,
        Box::new(objective),
        config.seed as u64,
        StopRules::default(),
    )
    .watching_position();
    Ok((landscape, driver))
}

#[wasm_bindgen]
impl LandscapeSession {
    /// Starts a session from a configuration object (see `LandscapeConfig`).
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<LandscapeSession, JsError> {
        let config = Fields::of(config)
            .and_then(|f| settings::landscape_config(&f, None))
            .map_err(js_error)?;
        let (landscape, driver) = make_driver(&config).map_err(js_error)?;
        Ok(LandscapeSession {
            config,
            landscape,
            run: Rewindable::new(driver),
            heatmap_range: NO_RANGE,
        })
    }

    /// Applies a change: `landscape` and `seed` fields over those in force, `strategy` fields
    /// over those in force (after the surface's tuned rates when the surface or update rule
    /// changes), `start` as given. Changes that can apply mid-run (rates, σ, mutation…) keep
    /// the run; others (landscape, strategy kind, seed, start, population) reset it. A bad
    /// configuration is refused and the current run is kept. Returns whether it reset.
    pub fn configure(&mut self, config: JsValue) -> Result<bool, JsError> {
        let config = Fields::of(config)
            .and_then(|f| settings::landscape_config(&f, Some(&self.config)))
            .map_err(js_error)?;
        let structural = config.landscape != self.config.landscape
            || config.seed != self.config.seed
            || config.start != self.config.start;
        if !structural && self.run.retune(&config.strategy).map_err(js_error)? {
            self.config = config;
            return Ok(false);
        }
        let (landscape, driver) = make_driver(&config).map_err(js_error)?;
        *self = LandscapeSession {
            config,
            landscape,
            run: Rewindable::new(driver),
            heatmap_range: NO_RANGE,
        };
        Ok(true)
    }

    /// Starts the run again from its start point with the same settings.
    pub fn reset(&mut self) -> Result<(), JsError> {
        let (landscape, driver) = make_driver(&self.config).map_err(js_error)?;
        self.landscape = landscape;
        self.run.restart(driver);
        Ok(())
    }

    /// Takes up to `n` steps (fewer if the run stops); returns the steps taken.
    pub fn step(&mut self, n: u32) -> Result<u32, JsError> {
        Ok(self.run.step(n as usize).map_err(js_error)? as u32)
    }

    /// Goes back towards the earlier step `target`: to the nearest kept snapshot at or before
    /// it (or the start). Returns the step it is at; stepping on to `target` shows the same
    /// state as the run had there, bit for bit.
    pub fn rewind(&mut self, target: u32) -> Result<u32, JsError> {
        let config = &self.config;
        let at = self
            .run
            .rewind(target as usize, || Ok(make_driver(config)?.1))
            .map_err(js_error)?;
        Ok(at as u32)
    }

    /// The status object: status, reason, step, evaluations, position, value, gradient,
    /// best point and value, the update formula with numbers, and drawing marks.
    pub fn state(&self) -> Result<JsValue, JsError> {
        let d: &Driver = &self.run;
        let position = d.position().to_vec();
        let value = self.landscape.value(position[0], position[1]);
        let (best_point, best_value) = d.best();
        let marks = d.marks();
        let gradient = (!d.gradients().is_empty()).then(|| d.gradients().to_vec());
        to_js(&StateView {
            status: d.status(),
            reason: d.reason().to_string(),
            step: d.steps(),
            evaluations: d.evaluations(),
            value,
            gradient,
            position,
            best_point: best_point.to_vec(),
            best_value: best_value.is_finite().then_some(best_value),
            explanation: d.explain(),
            accepted: marks.accepted,
            elite_count: marks.elite_count,
        })
    }

    /// The configuration in force (for the URL and the controls).
    pub fn config(&self) -> Result<JsValue, JsError> {
        to_js(&self.config)
    }

    /// The surface as RGBA pixels (`width` × `height`, y up), heatmap with contour lines.
    pub fn heatmap(&mut self, width: u32, height: u32) -> Vec<u8> {
        let values =
            landscape::sample_grid(self.landscape.as_ref(), width as usize, height as usize);
        self.heatmap_range = finite_range(&values);
        surface_rgba(&values, width as usize, height as usize)
    }

    /// J at each position t ∈ [0, 1] of the last heatmap's colour scale (its colour bar's
    /// labels: t = 0 is its lowest value, t = 1 its highest); empty before a heatmap.
    #[wasm_bindgen(js_name = heatmapLevels)]
    pub fn heatmap_levels(&self, positions: Vec<f64>) -> Vec<f64> {
        let (min, max) = self.heatmap_range;
        if min > max {
            return Vec::new();
        }
        positions
            .iter()
            .map(|&t| surface_level(min, max, t.clamp(0.0, 1.0)))
            .collect()
    }

    /// `[x_min, x_max, y_min, y_max]`.
    pub fn domain(&self) -> Vec<f64> {
        let ((x0, x1), (y0, y1)) = self.landscape.domain();
        vec![x0, x1, y0, y1]
    }

    /// Known minima, flat `(x, y, J)` triples.
    pub fn minima(&self) -> Vec<f64> {
        self.landscape
            .minima()
            .into_iter()
            .flat_map(|(x, y, v)| [x, y, v])
            .collect()
    }

    /// J(x, y) (for hover read-outs).
    #[wasm_bindgen(js_name = valueAt)]
    pub fn value_at(&self, x: f64, y: f64) -> f64 {
        self.landscape.value(x, y)
    }

    /// ∇J(x, y), analytic, as `[∂J/∂x, ∂J/∂y]`.
    #[wasm_bindgen(js_name = gradientAt)]
    pub fn gradient_at(&self, x: f64, y: f64) -> Vec<f64> {
        let (gx, gy) = self.landscape.gradient(x, y);
        vec![gx, gy]
    }

    /// The points asked in the last step, flat (x, y) pairs.
    pub fn asked(&self) -> Vec<f64> {
        self.run.asked().to_vec()
    }

    /// The points asked the step before (the GA's previous generation).
    #[wasm_bindgen(js_name = previousAsked)]
    pub fn previous_asked(&self) -> Vec<f64> {
        self.run.previous_asked().to_vec()
    }

    /// GA parent indices (into the previous generation), two per individual.
    pub fn parents(&self) -> Vec<u32> {
        self.run.marks().parents
    }

    /// The newest `count` kept samples (every kept one when fewer are kept), flat (x, y)
    /// pairs, oldest first: the page copies only what it has not drawn yet.
    #[wasm_bindgen(js_name = recentSamples)]
    pub fn recent_samples(&self, count: u32) -> Vec<f64> {
        let samples = &self.run.trace().samples;
        let start = samples
            .len()
            .saturating_sub((count as usize).saturating_mul(2));
        samples[start..].to_vec()
    }

    /// The strategy's position after each step, flat (x, y) pairs; the first is the start.
    pub fn path(&self) -> Vec<f64> {
        self.run.trace().positions.clone()
    }

    /// The best-so-far curve from step `start` on (the page keeps the earlier part): flat
    /// (evaluations, best J) pairs, one per step.
    #[wasm_bindgen(js_name = curveFrom)]
    pub fn curve_from(&self, start: u32) -> Vec<f64> {
        let trace = self.run.trace();
        let start = (start as usize).min(trace.best.len());
        trace.evaluations[start..]
            .iter()
            .zip(&trace.best[start..])
            .flat_map(|(&evaluations, &best)| [evaluations, best])
            .collect()
    }

    /// The regression landscape's data, `[x…, y…]` (empty for other landscapes).
    #[wasm_bindgen(js_name = regressionData)]
    pub fn regression_data(&self) -> Vec<f64> {
        if self.config.landscape.id != "regression" {
            return Vec::new();
        }
        let data = landscape::Regression::default();
        let (xs, ys) = data.data();
        xs.iter().chain(ys).copied().collect()
    }
}

/// The landscapes the page offers: `[{id, label, formula}]`.
#[wasm_bindgen(js_name = landscapeCatalog)]
pub fn landscape_catalog() -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Entry {
        id: &'static str,
        label: &'static str,
        formula: &'static str,
    }
    let entries: Vec<Entry> = landscape::LANDSCAPE_IDS
        .iter()
        .filter_map(|id| {
            let settings = LandscapeSettings {
                id: id.to_string(),
                ..Default::default()
            };
            landscape::build(&settings).ok().map(|l| Entry {
                id: l.id(),
                label: l.label(),
                formula: l.formula(),
            })
        })
        .collect();
    to_js(&entries)
}
