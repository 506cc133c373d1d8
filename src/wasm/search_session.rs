//! The search for a model, as the page drives it: the main thread's `SearchSession` asks the
//! strategy and keeps the leaderboard; each Web Worker's `SearchWorker` trains and scores
//! (candidate, fold) jobs. Both are built from the same dataset parts and settings, so they
//! deal the same folds, and a job's result does not depend on which worker ran it.

use super::read::Fields;
use super::{js_error, to_js};
use crate::architecture::{
    Architecture, ArchitectureSearch, Candidate, EvolutionSettings, GridSettings, HalvingSettings,
    PICTURE_SIZE, Proposal, RandomSettings, SearchSettings, SearchSpace, StrategyChoice,
};
use crate::choice::Choice;
use crate::data::{Dataset, Target};
use crate::model::Activation;
use crate::search::settings::UpdateRule;
use crate::training::{FoldResult, Scores};
use crate::{Error, Result};
use js_sys::{Array, Float64Array, Uint32Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Which strategy searches the space (the page's names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchKind {
    /// Every grid point once.
    Grid,
    /// Uniform draws.
    Random,
    /// A population evolved generation by generation.
    Evolution,
    /// Successive halving.
    Halving,
}

crate::named_choices!(SearchKind {
    "grid" => Grid,
    "random" => Random,
    "evolution" => Evolution,
    "halving" => Halving,
});

/// A list of `T`'s names, e.g. `["relu", "tanh"]`.
fn choices<T: Choice>(f: &Fields, key: &str, into: &mut Vec<T>) -> Result<()> {
    let Some(names) = f.texts(key)? else {
        return Ok(());
    };
    let picked: Option<Vec<T>> = names.iter().map(|n| T::named(n)).collect();
    *into = picked.ok_or_else(|| {
        Error::setting(
            format!("space.{key}"),
            format!("expected a list of {}", T::listed()),
        )
    })?;
    Ok(())
}

/// `[min, max]` of a whole-number dimension.
fn int_range(f: &Fields, key: &str, min: &mut usize, max: &mut usize) -> Result<()> {
    if let Some(v) = f.counts(key, Some(2))? {
        (*min, *max) = (v[0], v[1]);
    }
    Ok(())
}

/// `[min, max]` of a rate.
fn rate_range(f: &Fields, key: &str, min: &mut f64, max: &mut f64) -> Result<()> {
    if let Some(v) = f.numbers(key, Some(2))? {
        (*min, *max) = (v[0], v[1]);
    }
    Ok(())
}

/// The search space: the defaults with the fields present in `f`.
pub(crate) fn space(f: &Fields) -> Result<SearchSpace> {
    let mut s = SearchSpace::default();
    int_range(f, "layers", &mut s.layers.min, &mut s.layers.max)?;
    f.count("layerSteps", &mut s.layers.steps)?;
    int_range(f, "neurons", &mut s.neurons.min, &mut s.neurons.max)?;
    f.count("neuronSteps", &mut s.neurons.steps)?;
    choices::<Activation>(f, "activations", &mut s.activations)?;
    choices::<UpdateRule>(f, "rules", &mut s.rules)?;
    rate_range(
        f,
        "learningRate",
        &mut s.learning_rate.min,
        &mut s.learning_rate.max,
    )?;
    f.count("learningRateSteps", &mut s.learning_rate.steps)?;
    rate_range(f, "l2", &mut s.l2.min, &mut s.l2.max)?;
    f.count("l2Steps", &mut s.l2.steps)?;
    f.flag("l2Zero", &mut s.l2.zero)?;
    f.count("epochs", &mut s.epochs)?;
    Ok(s)
}

/// The strategy with its own settings, from `{kind, candidates, population, tournament,
/// elitism, mutationRate, eta}` (only the kind's own fields are read).
pub(crate) fn strategy(f: &Fields) -> Result<StrategyChoice> {
    let mut kind = SearchKind::Random;
    f.choice("kind", &mut kind)?;
    Ok(match kind {
        SearchKind::Grid => StrategyChoice::Grid(GridSettings),
        SearchKind::Random => {
            let mut s = RandomSettings::default();
            f.count("candidates", &mut s.candidates)?;
            StrategyChoice::Random(s)
        }
        SearchKind::Evolution => {
            let mut s = EvolutionSettings::default();
            f.count("candidates", &mut s.candidates)?;
            f.count("population", &mut s.population)?;
            f.count("tournament", &mut s.tournament)?;
            f.count("elitism", &mut s.elitism)?;
            f.number("mutationRate", &mut s.mutation_rate)?;
            StrategyChoice::Evolution(s)
        }
        SearchKind::Halving => {
            let mut s = HalvingSettings::default();
            f.count("candidates", &mut s.candidates)?;
            f.count("eta", &mut s.eta)?;
            StrategyChoice::Halving(s)
        }
    })
}

/// Search settings: the defaults with the fields present in `value`.
fn settings(value: JsValue) -> Result<SearchSettings> {
    let f = Fields::of(value)?;
    let mut s = SearchSettings {
        space: space(&f.object("space")?)?,
        strategy: strategy(&f.object("strategy")?)?,
        ..SearchSettings::default()
    };
    let folds = f.object("folds")?;
    folds.count("k", &mut s.folds.k)?;
    folds.flag("stratified", &mut s.folds.stratified)?;
    f.number("testShare", &mut s.test_share)?;
    f.seed("seed", &mut s.seed)?;
    Ok(s)
}

/// A dataset from its parts: `{name, featureNames, features: Float64Array, classNames,
/// labels: Uint32Array}` for classes or `{…, values: Float64Array}` for regression — exactly
/// what [`dataset_parts`] writes, so a worker rebuilds the page's dataset bit for bit.
fn dataset(value: JsValue) -> Result<Dataset> {
    let f = Fields::of(value)?;
    let mut name = String::new();
    f.text("name", &mut name)?;
    let names = f.texts("featureNames")?.unwrap_or_default();
    let features = f.floats("features")?.unwrap_or_default();
    let target = match f.texts("classNames")? {
        Some(class_names) => {
            let labels = f.floats("labels")?.unwrap_or_default();
            let labels: Option<Vec<usize>> = labels
                .iter()
                .map(|&l| {
                    (l >= 0.0 && l.fract() == 0.0 && (l as usize) < class_names.len())
                        .then_some(l as usize)
                })
                .collect();
            Target::Classes {
                labels: labels
                    .ok_or_else(|| Error::setting("dataset.labels", "expected class indices"))?,
                class_names,
            }
        }
        None => Target::Values(f.floats("values")?.unwrap_or_default()),
    };
    Dataset::new(name, features, names, target)
}

/// The parts of `dataset` as a plain object (see [`dataset`]).
pub(crate) fn dataset_parts(dataset: &Dataset) -> std::result::Result<JsValue, JsError> {
    let object = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| {
        js_sys::Reflect::set(&object, &JsValue::from_str(key), value)
            .map(|_| ())
            .map_err(|_| JsError::new("could not write the dataset"))
    };
    let strings = |items: &[String]| -> JsValue {
        items
            .iter()
            .map(|s| JsValue::from_str(s))
            .collect::<Array>()
            .into()
    };
    set("name", &JsValue::from_str(dataset.name()))?;
    set("featureNames", &strings(dataset.feature_names()))?;
    set("features", &Float64Array::from(dataset.features()).into())?;
    match dataset.target() {
        Target::Classes {
            labels,
            class_names,
        } => {
            let labels: Vec<u32> = labels.iter().map(|&l| l as u32).collect();
            set("classNames", &strings(class_names))?;
            set("labels", &Uint32Array::from(labels.as_slice()).into())?;
        }
        Target::Values(values) => set("values", &Float64Array::from(values.as_slice()).into())?,
    }
    Ok(object.into())
}

/// The search the page's settings describe on the dataset its parts describe.
fn search_of(dataset_parts: JsValue, config: JsValue) -> Result<ArchitectureSearch> {
    ArchitectureSearch::new(dataset(dataset_parts)?, settings(config)?)
}

/// A candidate to train, as it crosses to a worker and back to the page.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct JobView {
    candidate: usize,
    hidden: Vec<usize>,
    activation: Activation,
    rule: UpdateRule,
    learning_rate: f64,
    l2: f64,
    epochs: usize,
    parents: Vec<usize>,
    description: String,
    parameters: usize,
}

/// Candidate `candidate`'s proposal `p` as a job, for a dataset of `inputs` features and a
/// model of `outputs` outputs.
pub(crate) fn job_view(p: &Proposal, candidate: usize, inputs: usize, outputs: usize) -> JobView {
    JobView {
        candidate,
        hidden: p.architecture.hidden.clone(),
        activation: p.architecture.activation,
        rule: p.architecture.rule,
        learning_rate: p.architecture.learning_rate,
        l2: p.architecture.l2,
        epochs: p.epochs,
        parents: p.parents.clone(),
        description: p.architecture.describe(inputs, outputs),
        parameters: p.architecture.parameter_count(inputs, outputs),
    }
}

/// A proposal from a job object (the fields [`JobView`] writes).
fn proposal(value: JsValue) -> Result<(Proposal, usize)> {
    proposal_of(&Fields::of(value)?)
}

/// A proposal from the fields of a job object, with its candidate's index.
pub(crate) fn proposal_of(f: &Fields) -> Result<(Proposal, usize)> {
    let mut candidate = 0;
    f.count("candidate", &mut candidate)?;
    let mut a = Architecture {
        hidden: f.counts("hidden", None)?.unwrap_or_default(),
        activation: Activation::Tanh,
        rule: UpdateRule::Adam,
        learning_rate: 0.01,
        l2: 0.0,
    };
    f.choice("activation", &mut a.activation)?;
    f.choice("rule", &mut a.rule)?;
    f.number("learningRate", &mut a.learning_rate)?;
    f.number("l2", &mut a.l2)?;
    let mut epochs = 1;
    f.count("epochs", &mut epochs)?;
    let proposal = Proposal {
        architecture: a,
        epochs,
        parents: f.counts("parents", None)?.unwrap_or_default(),
    };
    Ok((proposal, candidate))
}

/// One fold's result as the page sees it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FoldView {
    score: Option<f64>,
    loss: Option<f64>,
    rmse: Option<f64>,
    steps: usize,
    reason: String,
}

fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

impl From<&FoldResult> for FoldView {
    fn from(r: &FoldResult) -> Self {
        FoldView {
            score: finite(r.scores.score),
            loss: finite(r.scores.loss),
            rmse: finite(r.scores.rmse),
            steps: r.steps,
            reason: r.reason.clone(),
        }
    }
}

/// A fold result from the object a worker sent (null numbers read as NaN: a failed fold).
pub(crate) fn fold_result(value: JsValue) -> Result<FoldResult> {
    let f = Fields::of(value)?;
    let mut scores = Scores {
        loss: f64::NAN,
        score: f64::NAN,
        rmse: f64::NAN,
    };
    f.number("score", &mut scores.score)?;
    f.number("loss", &mut scores.loss)?;
    f.number("rmse", &mut scores.rmse)?;
    let mut result = FoldResult {
        scores,
        steps: 0,
        reason: String::new(),
    };
    f.count("steps", &mut result.steps)?;
    f.text("reason", &mut result.reason)?;
    Ok(result)
}

/// A fold's result as a worker sends it, with the fold model's `picture` (RGBA) when there is
/// one.
pub(crate) fn fold_object(
    result: &FoldResult,
    picture: Option<Vec<u8>>,
) -> std::result::Result<JsValue, JsError> {
    let object = to_js(&FoldView::from(result))?;
    if let Some(rgba) = picture {
        js_sys::Reflect::set(
            &object,
            &JsValue::from_str("picture"),
            &js_sys::Uint8Array::from(rgba.as_slice()),
        )
        .map_err(|_| JsError::new("could not write the picture"))?;
    }
    Ok(object)
}

/// One leaderboard row.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CandidateView {
    candidate: usize,
    step: usize,
    description: String,
    hidden: Vec<usize>,
    activation: Activation,
    rule: UpdateRule,
    learning_rate: f64,
    l2: f64,
    parameters: usize,
    epochs: usize,
    parents: Vec<usize>,
    folds: Vec<FoldView>,
    mean: Option<f64>,
    std: Option<f64>,
    failed: bool,
}

/// The winner's retraining on every non-test row, scored on the test rows.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WinnerView {
    candidate: usize,
    cv_score: f64,
    test_score: Option<f64>,
    test_rmse: Option<f64>,
}

/// What the page shows of a search.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SearchView {
    steps: usize,
    planned: usize,
    evaluated: usize,
    finished: bool,
    k: usize,
    metric: &'static str,
    inputs: usize,
    outputs: usize,
    rows: usize,
    test_rows: usize,
    candidates: Vec<CandidateView>,
    survivors: Vec<Vec<usize>>,
    best: Option<usize>,
    winner: Option<WinnerView>,
}

fn candidate_view(c: &Candidate, inputs: usize, outputs: usize) -> CandidateView {
    let a = &c.architecture;
    CandidateView {
        candidate: c.index,
        step: c.step,
        description: a.describe(inputs, outputs),
        hidden: a.hidden.clone(),
        activation: a.activation,
        rule: a.rule,
        learning_rate: a.learning_rate,
        l2: a.l2,
        parameters: a.parameter_count(inputs, outputs),
        epochs: c.epochs,
        parents: c.parents.clone(),
        folds: c.cv.folds.iter().map(FoldView::from).collect(),
        mean: finite(c.cv.mean),
        std: finite(c.cv.std),
        failed: c.cv.failed(),
    }
}

/// A search over architectures on the page's dataset: asks, keeps the leaderboard, tells.
#[wasm_bindgen]
pub struct SearchSession {
    search: ArchitectureSearch,
}

#[wasm_bindgen]
impl SearchSession {
    /// Checks the settings against the dataset (parts as [`dataset`] reads them); the error
    /// names the bad setting and its limit.
    #[wasm_bindgen(constructor)]
    pub fn new(
        dataset_parts: JsValue,
        config: JsValue,
    ) -> std::result::Result<SearchSession, JsError> {
        Ok(SearchSession {
            search: search_of(dataset_parts, config).map_err(js_error)?,
        })
    }

    /// The jobs of the current step (asking the strategy for a new batch when none is
    /// pending): one object per candidate; each is trained on every fold. Empty at the end.
    pub fn pending(&mut self) -> std::result::Result<JsValue, JsError> {
        let first = self.search.candidates().len();
        let proposals = self.search.pending().map_err(js_error)?.to_vec();
        let jobs: Vec<JobView> = proposals
            .iter()
            .enumerate()
            .map(|(i, p)| self.job(p, first + i))
            .collect();
        to_js(&jobs)
    }

    /// The best candidate's job, to retrain on every non-test row for the final test score
    /// (`SearchWorker.testScore`); null when no candidate succeeded.
    #[wasm_bindgen(js_name = winnerJob)]
    pub fn winner_job(&self) -> std::result::Result<JsValue, JsError> {
        let job = self
            .search
            .winner_proposal()
            .map(|(p, index)| self.job(&p, index));
        to_js(&job)
    }

    /// Candidate `candidate`'s job as `pending()` gave it, to train it again (e.g. its fold
    /// models' curves, `SearchWorker.record`); null when there is no such candidate.
    #[wasm_bindgen(js_name = candidateJob)]
    pub fn candidate_job(&self, candidate: u32) -> std::result::Result<JsValue, JsError> {
        let job = self
            .search
            .candidates()
            .get(candidate as usize)
            .map(|c| self.job(&c.proposal(), c.index));
        to_js(&job)
    }

    /// The Train a model view's settings that train candidate `candidate` as the search
    /// trained it (its "Train this one" link); null when there is no such candidate.
    #[wasm_bindgen(js_name = trainingConfig)]
    pub fn training_config(&self, candidate: u32) -> std::result::Result<JsValue, JsError> {
        let features = self.search.dataset().n_features();
        let config = self
            .search
            .candidates()
            .get(candidate as usize)
            .map(|c| c.architecture.training_config(features));
        to_js(&config)
    }

    /// Records the winner's test scores as a worker sent them (`testScore`).
    #[wasm_bindgen(js_name = recordWinner)]
    pub fn record_winner(
        &mut self,
        candidate: u32,
        result: JsValue,
    ) -> std::result::Result<(), JsError> {
        let scores = fold_result(result).map_err(js_error)?.scores;
        self.search
            .record_winner(candidate as usize, scores)
            .map(|_| ())
            .map_err(js_error)
    }

    /// Records the results of every pending job: `results[i][f]` is job `i`'s fold `f`, as
    /// the workers sent them. Ends the step.
    pub fn tell(&mut self, results: JsValue) -> std::result::Result<(), JsError> {
        let outer = Array::from(&results);
        let parsed = outer
            .iter()
            .map(|folds| {
                Array::from(&folds)
                    .iter()
                    .map(fold_result)
                    .collect::<Result<Vec<_>>>()
            })
            .collect::<Result<Vec<_>>>()
            .map_err(js_error)?;
        self.search.tell(parsed).map_err(js_error)
    }

    /// The search as the page shows it: progress, every candidate with its fold scores, the
    /// best, and the winner once finished.
    pub fn state(&self) -> std::result::Result<JsValue, JsError> {
        let s = &self.search;
        let (inputs, outputs) = (s.dataset().n_features(), s.outputs());
        let view = SearchView {
            steps: s.steps(),
            planned: s.planned(),
            evaluated: s.candidates().len(),
            finished: s.finished(),
            k: s.folds().len(),
            metric: if s.dataset().target().n_classes().is_some() {
                "accuracy"
            } else {
                "R²"
            },
            inputs,
            outputs,
            rows: s.dataset().n_rows(),
            test_rows: s.test_rows().len(),
            candidates: s
                .candidates()
                .iter()
                .map(|c| candidate_view(c, inputs, outputs))
                .collect(),
            survivors: s.survivors().to_vec(),
            best: s.best().map(|c| c.index),
            winner: self.winner(),
        };
        to_js(&view)
    }

    /// Every row's fold (0 … k − 1), or −1 for the rows held out for the test score.
    #[wasm_bindgen(js_name = foldOf)]
    pub fn fold_of(&self) -> Vec<i32> {
        let mut fold_of = vec![-1; self.search.dataset().n_rows()];
        for (f, fold) in self.search.folds().iter().enumerate() {
            fold.test.iter().for_each(|&r| fold_of[r] = f as i32);
        }
        fold_of
    }

    /// The plane a fold model's picture covers, `[x_min, x_max, y_min, y_max]`, for a
    /// two-feature dataset (else empty); each picture is `pictureSize` pixels square.
    #[wasm_bindgen(js_name = pictureBounds)]
    pub fn picture_bounds(&self) -> Vec<f64> {
        self.search
            .picture_bounds()
            .map_or_else(Vec::new, |b| b.to_vec())
    }

    /// The side of a fold model's picture in pixels.
    #[wasm_bindgen(js_name = pictureSize)]
    pub fn picture_size() -> u32 {
        PICTURE_SIZE as u32
    }

    /// The number of points the space's grid has (before any search runs).
    #[wasm_bindgen(js_name = gridSize)]
    pub fn grid_size(config: JsValue) -> std::result::Result<f64, JsError> {
        Ok(settings(config).map_err(js_error)?.space.grid_size() as f64)
    }
}

impl SearchSession {
    fn job(&self, p: &Proposal, candidate: usize) -> JobView {
        let (inputs, outputs) = (self.search.dataset().n_features(), self.search.outputs());
        job_view(p, candidate, inputs, outputs)
    }

    fn winner(&self) -> Option<WinnerView> {
        self.search.winner().map(|w| WinnerView {
            candidate: w.index,
            cv_score: w.cv_score,
            test_score: finite(w.test.score),
            test_rmse: finite(w.test.rmse),
        })
    }
}

/// A worker's copy of the search: trains and scores one (candidate, fold) job at a time.
#[wasm_bindgen]
pub struct SearchWorker {
    search: ArchitectureSearch,
}

#[wasm_bindgen]
impl SearchWorker {
    /// The same dataset parts and settings as the page's `SearchSession`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        dataset_parts: JsValue,
        config: JsValue,
    ) -> std::result::Result<SearchWorker, JsError> {
        Ok(SearchWorker {
            search: search_of(dataset_parts, config).map_err(js_error)?,
        })
    }

    /// Trains job `job` (an object from `SearchSession.pending()`) on fold `fold`. For a
    /// two-feature dataset the result carries `picture`: the fold model's output as RGBA,
    /// [`PICTURE_SIZE`] pixels square, over `SearchSession.pictureBounds()`.
    pub fn evaluate(&self, job: JsValue, fold: u32) -> std::result::Result<JsValue, JsError> {
        let (proposal, candidate) = proposal(job).map_err(js_error)?;
        let (result, picture) = self
            .search
            .evaluate_with_picture(&proposal, candidate, fold as usize, PICTURE_SIZE)
            .map_err(js_error)?;
        fold_object(&result, picture)
    }

    /// Trains job `job`'s model on fold `fold` again exactly as `evaluate` did, recording it:
    /// the fold result, `curves` (`steps`, `trainLoss`, `validationLoss`, `trainScore`,
    /// `validationScore`, each a Float64Array from the initial weights on; the last
    /// validation score is the fold's score), `layers` (sizes from inputs to outputs) and
    /// `theta` (the final weights, laid out as the Train view's network drawing reads them).
    pub fn record(&self, job: JsValue, fold: u32) -> std::result::Result<JsValue, JsError> {
        let (proposal, candidate) = proposal(job).map_err(js_error)?;
        let (result, model, curves) = self
            .search
            .record(&proposal, candidate, fold as usize)
            .map_err(js_error)?;
        let object = to_js(&FoldView::from(&result))?;
        let set = |target: &JsValue, key: &str, value: &JsValue| {
            js_sys::Reflect::set(target, &JsValue::from_str(key), value)
                .map(|_| ())
                .map_err(|_| JsError::new("could not write the fold's record"))
        };
        let series = js_sys::Object::new();
        for (key, values) in [
            ("steps", &curves.steps),
            ("trainLoss", &curves.train_loss),
            ("validationLoss", &curves.validation_loss),
            ("trainScore", &curves.train_score),
            ("validationScore", &curves.validation_score),
        ] {
            set(&series, key, &Float64Array::from(values.as_slice()).into())?;
        }
        set(&object, "curves", &series.into())?;
        let (inputs, outputs) = (self.search.dataset().n_features(), self.search.outputs());
        let layers: Vec<u32> = proposal
            .architecture
            .layer_sizes(inputs, outputs)
            .iter()
            .map(|&n| n as u32)
            .collect();
        set(
            &object,
            "layers",
            &Uint32Array::from(layers.as_slice()).into(),
        )?;
        set(
            &object,
            "theta",
            &Float64Array::from(model.theta.as_slice()).into(),
        )?;
        Ok(object)
    }

    /// Retrains the winner's job on every non-test row and scores it on the held-out rows.
    #[wasm_bindgen(js_name = testScore)]
    pub fn test_score(&self, job: JsValue) -> std::result::Result<JsValue, JsError> {
        let (proposal, candidate) = proposal(job).map_err(js_error)?;
        let scores = self
            .search
            .test_score(&proposal, candidate)
            .map_err(js_error)?;
        to_js(&FoldView::from(&FoldResult {
            scores,
            steps: proposal.epochs,
            reason: String::new(),
        }))
    }
}

/// Every setting of a search (path, link key, label, kind, range, default, choices, the
/// strategies it applies to): the page builds its fields and link keys from this table.
#[wasm_bindgen(js_name = searchSettingsTable)]
pub fn search_settings_table() -> std::result::Result<JsValue, JsError> {
    to_js(&crate::architecture::catalog::search_settings_table())
}

/// The rows of a generated set or a classic table (a data request as `TrainingSession`
/// takes it) as dataset parts, for `SearchSession` and its workers.
#[wasm_bindgen(js_name = datasetParts)]
pub fn dataset_parts_of(request: JsValue) -> std::result::Result<JsValue, JsError> {
    let source = super::training_session::read_source(request).map_err(js_error)?;
    let dataset = source.base_dataset().map_err(js_error)?.ok_or_else(|| {
        JsError::new("points drawn by hand are drawn in the Train a model view; send its data")
    })?;
    dataset_parts(&dataset)
}
