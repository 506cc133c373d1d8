//! Training a model on a dataset, as the page sees it: where the data comes from (a
//! generator, a classic table, the user's CSV, points drawn by hand), the run, and copies of
//! what the training view draws.

use super::read::Fields;
use super::read_model::read_model_file;
use super::{js_error, settings, to_js};
use crate::data::{self, DataSource, Dataset, Drawn, Target, combined};
use crate::search::{Rewindable, Status};
use crate::training::{Picture, Shows, TrainingConfig, TrainingRun};
use crate::{Error, Result};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A data request from the page: `{kind: "synthetic", id, points, noise, seed}`,
/// `{kind: "classic", id, text}` or `{kind: "hand", classes}`. Read as one flat object (an
/// internally tagged enum would pull serde's buffering machinery into the wasm).
#[derive(Debug, Clone, Default)]
struct SourceRequest {
    kind: String,
    id: String,
    points: usize,
    noise: f64,
    seed: u32,
    text: String,
    classes: bool,
}

/// A data request from the page as the core's [`DataSource`].
pub(crate) fn read_source(value: JsValue) -> Result<DataSource> {
    SourceRequest::read(value)?.into_source()
}

impl SourceRequest {
    fn read(value: JsValue) -> Result<SourceRequest> {
        let f = Fields::of(value)?;
        let mut request = SourceRequest::default();
        f.text("kind", &mut request.kind)?;
        f.text("id", &mut request.id)?;
        f.count("points", &mut request.points)?;
        f.number("noise", &mut request.noise)?;
        f.seed("seed", &mut request.seed)?;
        f.text("text", &mut request.text)?;
        f.flag("classes", &mut request.classes)?;
        Ok(request)
    }

    fn into_source(self) -> Result<DataSource> {
        Ok(match self.kind.as_str() {
            "synthetic" => DataSource::Synthetic {
                id: self.id,
                points: self.points,
                noise: self.noise,
                seed: self.seed,
            },
            "classic" => DataSource::Classic {
                id: self.id,
                text: self.text,
            },
            "hand" => DataSource::Hand {
                classes: self.classes,
            },
            other => {
                return Err(Error::setting(
                    "data",
                    format!("unknown kind \"{other}\"; choose synthetic, classic or hand"),
                ));
            }
        })
    }
}

/// What `loadCsv` found in a good file (the page offers the column names as targets).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CsvRead {
    column_names: Vec<String>,
    target_column: usize,
    has_header: bool,
    delimiter: String,
}

/// What the page shows about the data.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DataView {
    name: String,
    rows: usize,
    features: usize,
    feature_names: Vec<String>,
    class_names: Option<Vec<String>>,
    credit: String,
    drawn: usize,
}

/// What the page shows after each step.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StateView {
    ready: bool,
    message: String,
    status: Status,
    reason: String,
    step: usize,
    /// Entries of the curves (see `history`): after a rewind, the page keeps this many.
    curve_entries: usize,
    evaluations: usize,
    explanation: String,
    layer_sizes: Vec<usize>,
    parameters: usize,
    axis_labels: Vec<String>,
    bounds: Vec<f64>,
    /// A regression's target values at the ends of the picture's colour bar.
    value_range: Option<[f64; 2]>,
    data: Option<DataView>,
}

/// A dataset, a training configuration and (when the data allows) a run.
#[wasm_bindgen]
pub struct TrainingSession {
    source: DataSource,
    base: Option<Dataset>,
    drawn: Drawn,
    credit: String,
    config: TrainingConfig,
    /// The run, keeping snapshots of itself (see `rewind`).
    run: Option<Rewindable<TrainingRun>>,
    /// The picture being computed a band at a time (see `startPicture`).
    picture: Option<Picture>,
    message: String,
}

/// A budget of work units from the page: anything not a positive count means the least work.
pub(crate) fn budget_units(budget: f64) -> usize {
    if budget.is_finite() && budget >= 1.0 {
        budget.min(usize::MAX as f64) as usize
    } else {
        0
    }
}

/// `run` as the session shows it: on a drawing canvas it keeps the canvas's frame as the first
/// points go down.
fn framed(source: &DataSource, mut run: TrainingRun) -> TrainingRun {
    if matches!(source, DataSource::Hand { .. }) {
        run.include_in_view([-1.0, 1.0, -1.0, 1.0]);
    }
    run
}

/// A run on the data of `source`, `base` and `drawn` with `config`, continuing `previous`
/// (see [`TrainingRun::starting_from`]), [`framed`].
fn build_run(
    source: &DataSource,
    base: Option<&Dataset>,
    drawn: &Drawn,
    config: &TrainingConfig,
    previous: Option<&TrainingRun>,
) -> Result<TrainingRun> {
    let dataset = combined(source, base, drawn)?;
    let run = TrainingRun::starting_from(&dataset, config, previous)?;
    Ok(framed(source, run))
}

impl TrainingSession {
    /// Rebuilds the run from the current data and configuration; with `keep_weights` the
    /// search starts from the weights on screen. On a data problem the run is dropped and the
    /// message says what to do (nothing else is lost).
    fn rebuild(&mut self, keep_weights: bool) -> Result<()> {
        let previous = self.run.as_deref().filter(|_| keep_weights);
        let run = build_run(
            &self.source,
            self.base.as_ref(),
            &self.drawn,
            &self.config,
            previous,
        );
        if run.is_ok() {
            // A picture of the run being replaced is of no use any more.
            self.picture = None;
        }
        match run {
            Ok(run) => {
                self.install(run);
                Ok(())
            }
            Err(error)
                if matches!(error.kind(), crate::ErrorKind::Data { .. })
                    && matches!(self.source, DataSource::Hand { .. }) =>
            {
                self.run = None;
                let hint = if matches!(self.source, DataSource::Hand { classes: true }) {
                    "click to add points of class 1, shift-click for class 2 (a few of each)"
                } else {
                    "click to add points (x, y); a few are needed"
                };
                self.message = format!("Add more points: {hint}. ({error})");
                Ok(())
            }
            Err(error) => Err(error),
        }
    }

    /// Makes `run` the session's run (with no snapshots yet).
    fn install(&mut self, run: TrainingRun) {
        self.run = Some(Rewindable::new(run));
        self.message.clear();
    }

    /// Swaps in new data (the chosen feature pair belonged to the old data: the new data
    /// shows its most informative pair); on failure everything stays as it was, the run too.
    fn replace_data(
        &mut self,
        source: DataSource,
        base: Option<Dataset>,
        credit: String,
    ) -> Result<()> {
        let previous = (
            std::mem::replace(&mut self.source, source),
            std::mem::replace(&mut self.base, base),
            std::mem::take(&mut self.drawn),
            std::mem::replace(&mut self.credit, credit),
            self.config.display_features.take(),
        );
        if let Err(error) = self.rebuild(false) {
            let pair;
            (self.source, self.base, self.drawn, self.credit, pair) = previous;
            self.config.display_features = pair;
            return Err(error);
        }
        Ok(())
    }

    /// Refuses a point drawn by hand that is not finite or lies outside the plot (with a
    /// margin of 5 % of its size: a click at its very edge, rounded, still counts).
    fn check_point(&self, u: f64, v: f64) -> Result<()> {
        let [u0, u1, v0, v1] = self
            .run
            .as_deref()
            .map_or([-1.0, 1.0, -1.0, 1.0], TrainingRun::bounds);
        let (du, dv) = (0.05 * (u1 - u0), 0.05 * (v1 - v0));
        if (u0 - du..=u1 + du).contains(&u) && (v0 - dv..=v1 + dv).contains(&v) {
            return Ok(());
        }
        use crate::text::Num;
        Err(Error::data(format!(
            "the point ({}, {}) is outside the plot (across from {} to {}, up from {} to {}); \
             points are added inside it",
            Num(u),
            Num(v),
            Num(u0),
            Num(u1),
            Num(v0),
            Num(v1)
        )))
    }

    /// How many classes a point drawn by hand may be of (0 for regression).
    fn class_count(&self) -> usize {
        match (&self.source, &self.base) {
            (DataSource::Hand { classes: true }, _) => 2,
            (_, Some(base)) => base.target().n_classes().unwrap_or(0),
            _ => 0,
        }
    }

    fn data_view(&self) -> Option<DataView> {
        let drawn = self.drawn.points.len();
        let summary = |dataset: &Dataset, rows: usize| DataView {
            name: dataset.name().to_string(),
            rows,
            features: dataset.n_features(),
            feature_names: dataset.feature_names().to_vec(),
            class_names: match dataset.target() {
                Target::Classes { class_names, .. } => Some(class_names.clone()),
                Target::Values(_) => None,
            },
            credit: self.credit.clone(),
            drawn,
        };
        match &self.base {
            // Counted without copying the (possibly large) table: drawn points add rows only.
            Some(base) => Some(summary(base, base.n_rows() + drawn)),
            None => {
                let dataset = combined(&self.source, None, &self.drawn).ok()?;
                Some(summary(&dataset, dataset.n_rows()))
            }
        }
    }

    fn run(&self) -> std::result::Result<&TrainingRun, JsError> {
        self.run
            .as_deref()
            .ok_or_else(|| JsError::new(&self.message))
    }
}

#[wasm_bindgen]
impl TrainingSession {
    /// A session on the data `source` describes, with a training configuration.
    #[wasm_bindgen(constructor)]
    pub fn new(source: JsValue, config: JsValue) -> std::result::Result<TrainingSession, JsError> {
        let source = read_source(source).map_err(js_error)?;
        let config = Fields::of(config)
            .and_then(|f| settings::training(&f))
            .map_err(js_error)?;
        let base = source.base_dataset().map_err(js_error)?;
        let mut session = TrainingSession {
            credit: source.credit(),
            source,
            base,
            drawn: Drawn::default(),
            config,
            run: None,
            picture: None,
            message: String::new(),
        };
        session.rebuild(false).map_err(js_error)?;
        Ok(session)
    }

    /// Switches to a generated dataset, a classic table, or an empty canvas to draw on. A bad
    /// request is refused and the current data and run stay.
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(&mut self, source: JsValue) -> std::result::Result<(), JsError> {
        let source = read_source(source).map_err(js_error)?;
        let base = source.base_dataset().map_err(js_error)?;
        let credit = source.credit();
        self.replace_data(source, base, credit).map_err(js_error)
    }

    /// Reads the user's CSV file. Every problem comes back as an error naming its line and
    /// column; the current dataset is only replaced when the file is good.
    #[wasm_bindgen(js_name = loadCsv)]
    pub fn load_csv(
        &mut self,
        bytes: &[u8],
        settings: JsValue,
    ) -> std::result::Result<JsValue, JsError> {
        let options = settings::csv_options(settings).map_err(js_error)?;
        let parsed = data::parse_csv(bytes, &options).map_err(js_error)?;
        let read = CsvRead {
            column_names: parsed.column_names.clone(),
            target_column: parsed.target_column,
            has_header: parsed.has_header,
            delimiter: parsed.delimiter.to_string(),
        };
        let source = DataSource::Uploaded {
            name: options.name.clone(),
        };
        self.replace_data(source, Some(parsed.dataset), String::new())
            .map_err(js_error)?;
        to_js(&read)
    }

    /// Adds a point at plane position (u, v) (the data's own units, inside the plot): of
    /// class `class` (a whole number from 0) for classification; for regression (u, v) is
    /// (x, y). Training continues from the current weights. A refused point changes nothing.
    #[wasm_bindgen(js_name = addPoint)]
    pub fn add_point(&mut self, u: f64, v: f64, class: f64) -> std::result::Result<(), JsError> {
        self.check_point(u, v).map_err(js_error)?;
        let regression = match &self.source {
            DataSource::Hand { classes } => !classes,
            _ => self.run.as_ref().is_some_and(|r| r.class_names().is_none()),
        };
        if regression && self.base.as_ref().is_some_and(|b| b.n_features() > 1) {
            return Err(js_error(Error::data(
                "points can be drawn on classification data and on one-feature regression; here a click \
                 cannot give the target value",
            )));
        }
        let label = if regression {
            v
        } else {
            data::class_index(class, self.class_count()).map_err(js_error)? as f64
        };
        self.drawn.points.push([u, v, label]);
        if self.base.is_some() {
            // A point the dataset cannot take (a 4-feature table, a class it lacks) is refused.
            if let Err(error) = combined(&self.source, self.base.as_ref(), &self.drawn) {
                self.drawn.points.pop();
                return Err(js_error(error));
            }
        }
        self.rebuild(true).map_err(js_error)
    }

    /// The points drawn by hand, in the order they were added: flat (u, v, class) triples
    /// (regression: (x, y, y)).
    #[wasm_bindgen(js_name = drawnPoints)]
    pub fn drawn_points(&self) -> Vec<f64> {
        self.drawn.points.iter().flatten().copied().collect()
    }

    /// Removes the last point drawn by hand (nothing happens when there is none).
    #[wasm_bindgen(js_name = undoPoint)]
    pub fn undo_point(&mut self) -> std::result::Result<(), JsError> {
        if self.drawn.points.pop().is_some() {
            self.rebuild(true).map_err(js_error)?;
        }
        Ok(())
    }

    /// Removes every point drawn by hand.
    #[wasm_bindgen(js_name = clearPoints)]
    pub fn clear_points(&mut self) -> std::result::Result<(), JsError> {
        self.drawn.points.clear();
        self.rebuild(false).map_err(js_error)
    }

    /// Applies a new training configuration: rates and other mid-run settings keep the run,
    /// the rest restart it. A bad configuration is refused and the run stays. Returns whether
    /// the run restarted.
    pub fn configure(&mut self, config: JsValue) -> std::result::Result<bool, JsError> {
        let config = Fields::of(config)
            .and_then(|f| settings::training(&f))
            .map_err(js_error)?;
        let only_strategy = TrainingConfig {
            strategy: config.strategy.clone(),
            ..self.config.clone()
        } == config;
        if only_strategy
            && let Some(run) = self.run.as_mut()
            && run.retune(&config.strategy).map_err(js_error)?
        {
            self.config = config;
            return Ok(false);
        }
        let previous = std::mem::replace(&mut self.config, config);
        if let Err(error) = self.rebuild(false) {
            self.config = previous;
            return Err(js_error(error));
        }
        Ok(true)
    }

    /// The shown model as a model file object (see `ModelFile`: features, scaling, layers,
    /// weights), for saving as JSON.
    #[wasm_bindgen(js_name = exportModel)]
    pub fn export_model(&self) -> std::result::Result<JsValue, JsError> {
        to_js(&self.run()?.model_file())
    }

    /// Starts the run afresh from a saved model's weights (an object as `exportModel` gives).
    /// Refused with the reason — and the current run kept — unless it describes this run's
    /// model on these rows.
    #[wasm_bindgen(js_name = loadModel)]
    pub fn load_model(&mut self, file: JsValue) -> std::result::Result<(), JsError> {
        let file = read_model_file(&file).map_err(js_error)?;
        let dataset = combined(&self.source, self.base.as_ref(), &self.drawn).map_err(js_error)?;
        let run = TrainingRun::from_model_file(&dataset, &self.config, &file).map_err(js_error)?;
        self.install(framed(&self.source, run));
        Ok(())
    }

    /// Starts training again from fresh weights. The run's snapshots stay when it is the same
    /// run from its start (not after a change of its data).
    pub fn reset(&mut self) -> std::result::Result<(), JsError> {
        if let Some(run) = self
            .run
            .as_mut()
            .filter(|r| r.history().data_changes.is_empty())
        {
            let (source, base, drawn) = (&self.source, self.base.as_ref(), &self.drawn);
            let fresh = build_run(source, base, drawn, &self.config, None).map_err(js_error)?;
            run.restart(fresh);
            self.picture = None;
            return Ok(());
        }
        self.rebuild(false).map_err(js_error)
    }

    /// Takes up to `n` steps; returns how many were taken (0 without a run).
    pub fn step(&mut self, n: u32) -> std::result::Result<u32, JsError> {
        let Some(run) = self.run.as_mut() else {
            return Ok(0);
        };
        Ok(run.step(n as usize).map_err(js_error)? as u32)
    }

    /// Goes back towards the earlier step `target`: to the latest kept snapshot at or before
    /// it (or else the start; a step in progress is dropped). Returns the step it is at;
    /// stepping on to `target` shows the same model, curves and counters as the run had
    /// there, bit for bit.
    pub fn rewind(&mut self, target: u32) -> std::result::Result<u32, JsError> {
        let (source, base, drawn) = (&self.source, self.base.as_ref(), &self.drawn);
        let config = &self.config;
        let Some(run) = self.run.as_mut() else {
            return Ok(0);
        };
        let at = run
            .rewind(target as usize, || {
                build_run(source, base, drawn, config, None)
            })
            .map_err(js_error)?;
        Ok(at as u32)
    }

    /// Carries the step on for about `budget` units of work (a row through the model times
    /// its parameters; see `TrainingRun::advance`), at least a little; returns whether a step
    /// completed (`true` without a run or once it has stopped).
    pub fn advance(&mut self, budget: f64) -> std::result::Result<bool, JsError> {
        let Some(run) = self.run.as_mut() else {
            return Ok(true);
        };
        run.stepping(|r| r.advance(budget_units(budget)))
            .map_err(js_error)
    }

    /// The step in progress in words ("generation 3: 1200 of 2000 evaluated"), or undefined
    /// between steps.
    pub fn progress(&self) -> Option<String> {
        self.run.as_deref().and_then(TrainingRun::progress)
    }

    /// The status object (see `StateView`): whether a run exists and why not, status, reason,
    /// step, evaluations, the strategy's formula, the network's layer sizes, the display
    /// plane's axis labels and bounds, and a summary of the data.
    pub fn state(&self) -> std::result::Result<JsValue, JsError> {
        let view = match &self.run {
            Some(run) => StateView {
                ready: true,
                message: String::new(),
                status: run.status(),
                reason: run.reason(),
                step: run.steps(),
                curve_entries: run.history().steps.len(),
                evaluations: run.evaluations(),
                explanation: run.driver().explain(),
                layer_sizes: run.spec().layer_sizes().to_vec(),
                parameters: run.spec().n_params(),
                axis_labels: run.axis_labels().to_vec(),
                bounds: run.bounds().to_vec(),
                value_range: run.value_colour_range(),
                data: self.data_view(),
            },
            None => StateView {
                ready: false,
                message: self.message.clone(),
                status: Status::Ready,
                reason: String::new(),
                step: 0,
                curve_entries: 0,
                evaluations: 0,
                explanation: String::new(),
                layer_sizes: Vec::new(),
                parameters: 0,
                axis_labels: vec!["x".into(), "y".into()],
                bounds: vec![-1.0, 1.0, -1.0, 1.0],
                value_range: None,
                data: self.data_view(),
            },
        };
        to_js(&view)
    }

    /// The configuration in force.
    pub fn config(&self) -> std::result::Result<JsValue, JsError> {
        to_js(&self.config)
    }

    /// The loss and score curves (plain object of arrays, one entry per step).
    pub fn history(&self) -> std::result::Result<JsValue, JsError> {
        to_js(self.run()?.history())
    }

    /// The curves from entry `start` on (the page appends them to what it has). Every array
    /// is aligned at its end with `steps`: `generationBest` has no entry for step 0, so it
    /// starts `steps.length − generationBest.length` entries later.
    #[wasm_bindgen(js_name = historyFrom)]
    pub fn history_from(&self, start: u32) -> std::result::Result<JsValue, JsError> {
        let full = self.run()?.history();
        let n = full.steps.len();
        let start = (start as usize).min(n);
        let tail = |v: &Vec<f64>| v[start.saturating_sub(n - v.len()).min(v.len())..].to_vec();
        let part = crate::training::History {
            steps: tail(&full.steps),
            train_loss: tail(&full.train_loss),
            validation_loss: tail(&full.validation_loss),
            test_loss: tail(&full.test_loss),
            train_score: tail(&full.train_score),
            validation_score: tail(&full.validation_score),
            test_score: tail(&full.test_score),
            train_rmse: tail(&full.train_rmse),
            test_rmse: tail(&full.test_rmse),
            generation_best: tail(&full.generation_best),
            generation_mean: tail(&full.generation_mean),
            data_changes: full.data_changes.clone(),
        };
        to_js(&part)
    }

    /// Every row's display coordinates, flat (u, v) pairs.
    pub fn points(&self) -> Vec<f64> {
        self.run
            .as_ref()
            .map(|r| r.display_points().to_vec())
            .unwrap_or_else(|| {
                self.drawn
                    .points
                    .iter()
                    .flat_map(|p| [p[0], p[1]])
                    .collect()
            })
    }

    /// Every row's target: class index, or value.
    pub fn targets(&self) -> Vec<f64> {
        self.run
            .as_ref()
            .map(|r| r.targets())
            .unwrap_or_else(|| self.drawn.points.iter().map(|p| p[2]).collect())
    }

    /// Every row's role: 0 train, 1 validation, 2 test.
    pub fn roles(&self) -> Vec<u8> {
        self.run
            .as_ref()
            .map(|r| r.roles().iter().map(|&role| role as u8).collect())
            .unwrap_or_default()
    }

    /// 1 for every row the model on screen misclassifies.
    pub fn misclassified(&self) -> Vec<u8> {
        self.run
            .as_ref()
            .map(|r| r.misclassified().to_vec())
            .unwrap_or_default()
    }

    /// The model's output over the display plane as RGBA (`width` × `height`, y up);
    /// discretized with `regions` (flat class regions, value bands).
    pub fn boundary(
        &self,
        width: u32,
        height: u32,
        regions: Option<bool>,
    ) -> std::result::Result<Vec<u8>, JsError> {
        let regions = regions.unwrap_or(false);
        Ok(self
            .run()?
            .boundary_rgba(regions, width as usize, height as usize))
    }

    /// One neuron's output over the display plane as RGBA; layer 0 is the inputs.
    pub fn neuron(
        &self,
        layer: u32,
        neuron: u32,
        width: u32,
        height: u32,
    ) -> std::result::Result<Vec<u8>, JsError> {
        self.run()?
            .neuron_rgba(
                layer as usize,
                neuron as usize,
                width as usize,
                height as usize,
            )
            .map_err(js_error)
    }

    /// Starts a `width` × `height` picture of the model on screen, computed a band of rows at
    /// a time by `advancePicture` (so a large one never blocks the page): its output, or with
    /// `layer` and `neuron` that neuron's output (`regions`: the output discretized). It
    /// shows the model as it is now, whatever steps come before it is done; it replaces any
    /// picture in progress.
    #[wasm_bindgen(js_name = startPicture)]
    pub fn start_picture(
        &mut self,
        width: u32,
        height: u32,
        layer: Option<u32>,
        neuron: Option<u32>,
        regions: Option<bool>,
    ) -> std::result::Result<(), JsError> {
        let shows = match (layer, neuron) {
            (Some(layer), Some(neuron)) => Shows::Neuron {
                layer: layer as usize,
                neuron: neuron as usize,
            },
            _ if regions == Some(true) => Shows::Regions,
            _ => Shows::Output,
        };
        let picture = self
            .run()?
            .picture(shows, width as usize, height as usize)
            .map_err(js_error)?;
        self.picture = Some(picture);
        Ok(())
    }

    /// Carries the picture in progress on for about `budget` units of work (a pixel through
    /// the model times its parameters), at least one row; returns whether it is complete.
    #[wasm_bindgen(js_name = advancePicture)]
    pub fn advance_picture(&mut self, budget: f64) -> std::result::Result<bool, JsError> {
        let run = self
            .run
            .as_ref()
            .ok_or_else(|| JsError::new(&self.message))?;
        let picture = self
            .picture
            .as_mut()
            .ok_or_else(|| JsError::new("no picture was started"))?;
        Ok(run.advance_picture(picture, budget_units(budget)))
    }

    /// The complete picture as RGBA (`width` × `height`, top row first); an error until
    /// `advancePicture` says it is complete.
    #[wasm_bindgen(js_name = pictureRgba)]
    pub fn picture_rgba(&self) -> std::result::Result<Vec<u8>, JsError> {
        let picture = self
            .picture
            .as_ref()
            .ok_or_else(|| JsError::new("no picture was started"))?;
        picture
            .rgba()
            .map(<[u8]>::to_vec)
            .ok_or_else(|| JsError::new("the picture is not complete yet"))
    }

    /// A one-feature regression's fitted curve: `n` (u, v) points.
    pub fn curve(&self, n: u32) -> Vec<f64> {
        self.run
            .as_ref()
            .map(|r| r.curve(n as usize))
            .unwrap_or_default()
    }

    /// The data as dataset parts (a generated set or table with its drawn points, the CSV, or
    /// the points drawn alone), for a search for a model on exactly these rows.
    #[wasm_bindgen(js_name = datasetParts)]
    pub fn dataset_parts(&self) -> std::result::Result<JsValue, JsError> {
        let dataset = combined(&self.source, self.base.as_ref(), &self.drawn).map_err(js_error)?;
        super::search_session::dataset_parts(&dataset)
    }

    /// The weights on screen, flat θ: per layer `outputs × inputs` weights row by row, then
    /// the layer's biases.
    pub fn theta(&self) -> Vec<f64> {
        self.run
            .as_ref()
            .map(|r| r.theta().to_vec())
            .unwrap_or_default()
    }

    /// The current population (or sample batch), best first: `count` thumbnails of
    /// `size` × `size` RGBA pixels, one after another.
    pub fn thumbnails(&self, count: u32, size: u32) -> Vec<u8> {
        let Some(run) = &self.run else {
            return Vec::new();
        };
        let (thetas, _) = run.ranked_population(count as usize);
        let dim = run.spec().n_params();
        thetas
            .chunks_exact(dim)
            .flat_map(|theta| run.thumbnail_rgba(theta, size as usize, size as usize))
            .collect()
    }

    /// The values of the thumbnails' members, best first.
    #[wasm_bindgen(js_name = thumbnailValues)]
    pub fn thumbnail_values(&self, count: u32) -> Vec<f64> {
        self.run
            .as_ref()
            .map(|r| r.ranked_population(count as usize).1)
            .unwrap_or_default()
    }
}

/// Why a model file object is not usable on its own (its parts do not fit together), or
/// `None`: the page asks before it applies the file's settings.
#[wasm_bindgen(js_name = modelFileProblem)]
pub fn model_file_problem(value: JsValue) -> Option<String> {
    read_model_file(&value).err().map(|error| error.to_string())
}

/// Why a CSV file of `size` bytes is refused before it is read (too large), or `None`: the
/// page asks before it reads a file into memory.
#[wasm_bindgen(js_name = csvSizeProblem)]
pub fn csv_size_problem(size: f64) -> Option<String> {
    data::check_csv_size(size).err().map(|e| e.to_string())
}

/// The datasets the page offers: `{synthetic: [id…], defaults: [{id, points, noise}…],
/// classic: [{id, file, credit}…]}` — each generator's starting points and noise, and a
/// classic table's file in `www/data/`.
#[wasm_bindgen(js_name = datasetCatalog)]
pub fn dataset_catalog() -> std::result::Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Table {
        id: &'static str,
        file: &'static str,
        credit: &'static str,
    }
    #[derive(Serialize)]
    struct Defaults {
        id: &'static str,
        points: usize,
        noise: f64,
    }
    #[derive(Serialize)]
    struct Catalog {
        synthetic: Vec<&'static str>,
        defaults: Vec<Defaults>,
        classic: Vec<Table>,
    }
    let classic = data::CLASSIC_IDS
        .iter()
        .map(|&id| Table {
            id,
            file: data::classic_file(id).unwrap_or(""),
            credit: data::classic_credit(id),
        })
        .collect();
    to_js(&Catalog {
        synthetic: data::GENERATOR_IDS.to_vec(),
        defaults: data::GENERATOR_IDS
            .iter()
            .map(|&id| {
                let (points, noise) = data::generator_defaults(id);
                Defaults { id, points, noise }
            })
            .collect(),
        classic,
    })
}
