//! One training run: a dataset split and standardized, a model, a strategy searching its
//! weights, and the curves and pictures the training view shows.

use super::config::{DisplayMode, InputMode, TrainingConfig};
use super::fit::subset;
use super::history::History;
use super::model_file::{MODEL_FORMAT, MODEL_VERSION, ModelFile, ModelInputs};
use super::picture::{Picture, Shows};
use super::plane::Plane;
use super::trainer::{TargetCoding, Trainer, TrainerSnapshot, model_spec};
use crate::data::{
    Dataset, Pca, Split, Standardizer, Target, most_informative_pair, train_test_split,
};
use crate::model::{
    ModelSpec, RowPass, Rows, Samples, ScorePass, Tally, Workspace, most_probable_class,
};
use crate::rng::seeded;
use crate::search::{Driver, Rewind, Status, StrategySettings};
use crate::{Error, Result};

/// Colours of a one-feature regression's thumbnail: the training points and the curve.
const THUMB_POINT: [u8; 3] = [150, 156, 168];
const THUMB_CURVE: [u8; 3] = [29, 78, 216];

/// Which part of the split a row belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Role {
    /// The model learns from it.
    Train = 0,
    /// Scores candidates during search.
    Validation = 1,
    /// Held back for the final score.
    Test = 2,
}

/// A model being trained on a dataset, one step at a time: a [`Trainer`] on the training
/// rows, with the display plane, the curves and the pictures on top.
pub struct TrainingRun {
    config: TrainingConfig,
    spec: ModelSpec,
    class_names: Option<Vec<String>>,
    features: Vec<f64>,
    targets: Vec<f64>,
    coding: TargetCoding,
    split: Split,
    roles: Vec<Role>,
    display: Vec<f64>,
    bounds: [f64; 4],
    axis_labels: [String; 2],
    plane: Plane,
    /// The features' names and training scaling, and how they become the model's inputs
    /// (what a saved model needs to read raw rows).
    feature_names: Vec<String>,
    standardizer: Standardizer,
    model_inputs: ModelInputs,
    trainer: Trainer,
    /// Objective evaluations of the runs this one continues (see `starting_from`).
    evaluations_before: usize,
    history: History,
    workspace: Workspace,
    /// The curves' entry of the trainer's new model while it is being worked out.
    recording: Option<Record>,
    /// The model on screen while `recording`: the last one whose entry is complete.
    shown: Vec<f64>,
    /// Classification: 1 for every row the shown model gets wrong, else 0. Regression: all 0.
    misclassified: Vec<u8>,
}

/// The curves' entry of a new model, worked out a slice of rows at a time (see
/// [`TrainingRun::advance`]): the validation and test losses, then the scores on the
/// training, validation and test rows, and a classifier's mistakes on the way.
struct Record {
    /// The pass in progress, an index into [`Record::ROWS`].
    part: usize,
    losses: RowPass,
    scores: ScorePass,
    /// The validation and test losses (NaN for no rows).
    loss: [f64; 2],
    /// The training, validation and test tallies (`None` for no rows).
    tallies: [Option<Tally>; 3],
    /// A classifier's mistakes, row by row (empty for a regression).
    misses: Vec<u8>,
    population: Option<(f64, f64)>,
}

impl Record {
    /// The rows each pass goes through: two losses, three scores.
    const ROWS: [Role; 5] = [
        Role::Validation,
        Role::Test,
        Role::Train,
        Role::Validation,
        Role::Test,
    ];
}

/// Padded bounds `[u_min, u_max, v_min, v_max]` around the 2-D points.
pub(crate) fn padded_bounds(points: &[f64]) -> [f64; 4] {
    let mut b = [
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ];
    for p in points.chunks_exact(2) {
        b = [
            b[0].min(p[0]),
            b[1].max(p[0]),
            b[2].min(p[1]),
            b[3].max(p[1]),
        ];
    }
    let pad = |lo: f64, hi: f64| {
        let span = (hi - lo).max(1e-9);
        let margin = 0.08 * span + if span < 1e-6 { 1.0 } else { 0.0 };
        (lo - margin, hi + margin)
    };
    let (u0, u1) = pad(b[0], b[1]);
    let (v0, v1) = pad(b[2], b[3]);
    [u0, u1, v0, v1]
}

fn columns(features: &[f64], d: usize, picked: &[usize]) -> Vec<f64> {
    features
        .chunks_exact(d)
        .flat_map(|row| picked.iter().map(move |&c| row[c]))
        .collect()
}

/// A dataset made ready for a run of a configuration: split, standardized and placed in the
/// display plane, with the model and its first weights (drawn from the run's seed after the
/// split). A [`TrainingRun`] is built on it, and so is a trainer alone
/// ([`TrainingRun::trainer_only`]): the same rows, inputs and first weights.
struct Prepared {
    spec: ModelSpec,
    class_names: Option<Vec<String>>,
    features: Vec<f64>,
    targets: Vec<f64>,
    coding: TargetCoding,
    split: Split,
    display: Vec<f64>,
    axis_labels: [String; 2],
    plane: Plane,
    standardizer: Standardizer,
    model_inputs: ModelInputs,
    initial: Vec<f64>,
}

impl Prepared {
    /// Splits, standardizes and places `dataset` for `config`, and builds its model; errors
    /// name the bad setting (or the data problem).
    fn new(dataset: &Dataset, config: &TrainingConfig) -> Result<Prepared> {
        config.model.validate()?;
        config.strategy.validate()?;
        let mut rng = seeded(config.seed as u64);
        let split = train_test_split(
            dataset.target(),
            config.validation_share,
            config.test_share,
            &mut rng,
        )?;
        let (n, d) = (dataset.n_rows(), dataset.n_features());
        let standardizer = Standardizer::fit(dataset.features(), d, &split.train)?;
        let z = standardizer.transform(dataset.features());

        let class_names = match dataset.target() {
            Target::Classes { class_names, .. } => Some(class_names.clone()),
            Target::Values(_) => None,
        };
        let coding = TargetCoding::fit(dataset.target(), &split.train);
        let targets = coding.encode(dataset.target());
        let names = dataset.feature_names();

        let (means, scales) = (standardizer.means(), standardizer.scales());
        let (display, features, plane, axis_labels) = if d == 1 {
            let raw = dataset.features();
            let v: Vec<f64> = match dataset.target() {
                Target::Values(values) => values.clone(),
                Target::Classes { .. } => vec![0.0; n],
            };
            let display = raw.iter().zip(&v).flat_map(|(&u, &v)| [u, v]).collect();
            let label = if class_names.is_some() {
                String::new()
            } else {
                "target".to_string()
            };
            let plane = Plane::Single {
                standard: [means[0], scales[0]],
            };
            (display, z.clone(), plane, [names[0].clone(), label])
        } else {
            match config.display {
                DisplayMode::Pair => {
                    let [i, j] = match config.display_features {
                        Some(pair) => pair,
                        None => {
                            let (i, j) = most_informative_pair(dataset);
                            [i, j]
                        }
                    };
                    if i >= d || j >= d || i == j {
                        return Err(Error::setting(
                            "displayed features",
                            format!("choose two different features from 1 to {d}"),
                        ));
                    }
                    let display = columns(dataset.features(), d, &[i, j]);
                    let labels = [names[i].clone(), names[j].clone()];
                    let (pair_means, pair_scales) = ([means[i], means[j]], [scales[i], scales[j]]);
                    let plane = |all| Plane::Pair {
                        i,
                        j,
                        means: pair_means,
                        scales: pair_scales,
                        all,
                    };
                    match config.inputs {
                        InputMode::Display => {
                            (display, columns(&z, d, &[i, j]), plane(None), labels)
                        }
                        InputMode::All => (display, z.clone(), plane(Some(d)), labels),
                    }
                }
                DisplayMode::Pca => {
                    let train = subset(&z, d, &split.train);
                    let pca = Pca::fit(&train, split.train.len(), d);
                    let display = pca.project(&z);
                    let labels = [
                        "principal component 1".to_string(),
                        "principal component 2".to_string(),
                    ];
                    match config.inputs {
                        InputMode::Display => (
                            display.clone(),
                            display,
                            Plane::Pca { pca, all: false },
                            labels,
                        ),
                        InputMode::All => {
                            (display, z.clone(), Plane::Pca { pca, all: true }, labels)
                        }
                    }
                }
            }
        };

        let model_inputs = match &plane {
            Plane::Single { .. } => ModelInputs::Columns { columns: vec![0] },
            Plane::Pair {
                i, j, all: None, ..
            } => ModelInputs::Columns {
                columns: vec![*i, *j],
            },
            Plane::Pca { pca, all: false } => {
                let (means, scales, axes) = pca.parts();
                ModelInputs::PrincipalComponents {
                    means: means.to_vec(),
                    scales: scales.to_vec(),
                    axes: axes.concat(),
                }
            }
            Plane::Pair { all: Some(_), .. } | Plane::Pca { all: true, .. } => {
                ModelInputs::Columns {
                    columns: (0..d).collect(),
                }
            }
        };
        let spec = model_spec(&config.model, plane.inputs(), dataset.target())?;
        let initial = spec.init(&mut rng);
        Ok(Prepared {
            spec,
            class_names,
            features,
            targets,
            coding,
            split,
            display,
            axis_labels,
            plane,
            standardizer,
            model_inputs,
            initial,
        })
    }

    /// The trainer of `config`'s search on the training rows from `theta`, watching the
    /// training loss (see [`Trainer::watching_loss`]).
    fn trainer(&self, config: &TrainingConfig, theta: &[f64]) -> Result<Trainer> {
        let train = &self.split.train;
        Trainer::watching_loss(
            self.spec.clone(),
            &subset(&self.features, self.spec.inputs(), train),
            &train.iter().map(|&r| self.targets[r]).collect::<Vec<_>>(),
            &config.weight_search(),
            theta,
            config.seed as u64,
        )
    }
}

impl TrainingRun {
    /// Splits, standardizes and places `dataset`, builds the model and the strategy.
    /// Errors name the bad setting (or the data problem) and build nothing.
    pub fn new(dataset: &Dataset, config: &TrainingConfig) -> Result<TrainingRun> {
        Self::starting_from(dataset, config, None)
    }

    /// Like [`TrainingRun::new`], but continuing `previous` when it has taken a step and its
    /// weights fit the model:
    /// the search starts from its weights, and its step count, evaluations and curves carry
    /// on, with the step marked in [`History::data_changes`] (so adding a point by hand does
    /// not throw the trained model or its history away).
    pub fn starting_from(
        dataset: &Dataset,
        config: &TrainingConfig,
        previous: Option<&TrainingRun>,
    ) -> Result<TrainingRun> {
        Self::assemble(dataset, config, previous, None)
    }

    /// A run whose model starts from a saved model's weights (step 0, its curves from there).
    /// The file must describe this run's model on these rows: the same features, training
    /// scaling, inputs and layers — otherwise the error says what differs.
    pub fn from_model_file(
        dataset: &Dataset,
        config: &TrainingConfig,
        file: &ModelFile,
    ) -> Result<TrainingRun> {
        file.spec()?;
        let expected = Self::new(dataset, config)?.model_file();
        if file.features != expected.features {
            return Err(Error::data(format!(
                "this model reads the features ({}); the data has ({})",
                file.features.join(", "),
                expected.features.join(", ")
            )));
        }
        if file.means != expected.means
            || file.scales != expected.scales
            || (file.target_mean, file.target_scale)
                != (expected.target_mean, expected.target_scale)
        {
            return Err(Error::data(
                "this model was trained on other rows (its scaling differs from these rows'): \
                 open the data and the settings it was saved with",
            ));
        }
        if file.inputs != expected.inputs
            || file.hidden != expected.hidden
            || file.activation != expected.activation
            || file.classes != expected.classes
        {
            return Err(Error::data(
                "this model's inputs, layers or classes differ from the current settings'",
            ));
        }
        Self::assemble(dataset, config, None, Some(&file.weights))
    }

    /// The trainer a run of `config` on `dataset` starts with — the same training rows,
    /// inputs, first weights, search and stop rules — without the run's curves and pictures:
    /// for a training that shows only its training loss (a race's lanes). Stepped, it takes
    /// the steps of [`TrainingRun::new`]'s run, bit for bit.
    pub fn trainer_only(dataset: &Dataset, config: &TrainingConfig) -> Result<Trainer> {
        let prepared = Prepared::new(dataset, config)?;
        prepared.trainer(config, &prepared.initial)
    }

    /// Builds a run: afresh, continuing `previous`, or from `weights`.
    fn assemble(
        dataset: &Dataset,
        config: &TrainingConfig,
        previous: Option<&TrainingRun>,
        weights: Option<&[f64]>,
    ) -> Result<TrainingRun> {
        let prepared = Prepared::new(dataset, config)?;
        let initial = &prepared.initial;
        // Before the first step there is nothing to carry on: the run starts afresh.
        let previous = previous.filter(|p| {
            let shown = p.theta();
            p.steps() > 0 && shown.len() == initial.len() && shown.iter().all(|v| v.is_finite())
        });
        let theta = match (weights, previous) {
            (Some(weights), _) => weights,
            (None, Some(p)) => p.theta(),
            (None, None) => initial,
        };
        let trainer = prepared.trainer(config, theta)?;
        let trainer = match previous {
            Some(p) => {
                let first = p.history.train_loss.first().copied().unwrap_or(f64::NAN);
                trainer.carrying_on(p.steps(), first)
            }
            None => trainer,
        };
        let Prepared {
            spec,
            class_names,
            features,
            targets,
            coding,
            split,
            display,
            axis_labels,
            plane,
            standardizer,
            model_inputs,
            ..
        } = prepared;
        let n = dataset.n_rows();
        let mut roles = vec![Role::Train; n];
        split
            .validation
            .iter()
            .for_each(|&r| roles[r] = Role::Validation);
        split.test.iter().for_each(|&r| roles[r] = Role::Test);
        let mut run = TrainingRun {
            config: config.clone(),
            workspace: spec.workspace(),
            spec,
            class_names,
            features,
            targets,
            coding,
            split,
            roles,
            bounds: padded_bounds(&display),
            display,
            axis_labels,
            plane,
            feature_names: dataset.feature_names().to_vec(),
            standardizer,
            model_inputs,
            trainer,
            evaluations_before: 0,
            history: History::default(),
            recording: None,
            shown: Vec::new(),
            misclassified: vec![0; n],
        };
        if let Some(previous) = previous {
            run.carry_on(previous);
        }
        run.start_record(None);
        run.record(&mut { usize::MAX });
        Ok(run)
    }

    /// Takes over `previous`'s step count, evaluations and curves, the entry of its last
    /// step dropped (the caller records it again on the new data) and that step marked as a
    /// change of the data.
    fn carry_on(&mut self, previous: &TrainingRun) {
        self.evaluations_before = previous.evaluations();
        let mut h = previous.history.clone();
        // Every curve per step ends at the last step (the population's curves, the last two,
        // are kept: the new entry has none).
        for v in &mut h.curves_mut()[..9] {
            v.pop();
        }
        if self.split.validation.is_empty() {
            // The new split has no validation rows: a validation curve would end too early.
            h.validation_loss.clear();
            h.validation_score.clear();
        }
        h.data_changes.push(self.steps() as f64);
        self.history = h;
    }

    /// Objective evaluations so far (those of the runs this one continues included).
    pub fn evaluations(&self) -> usize {
        self.evaluations_before + self.trainer.driver().evaluations()
    }

    /// One step: an epoch or a mini-batch of gradient descent, one generation of the GA, one
    /// batch of random samples (or the rest of the step in progress). Does nothing once the
    /// run has stopped.
    pub fn step(&mut self) -> Result<Status> {
        self.advance(usize::MAX)?;
        Ok(self.status())
    }

    /// Carries the step on for about `budget` units of work (see [`Trainer::advance`]: a row
    /// through the model times its parameters); returns whether a step completed (or the run
    /// had stopped). A step is complete once the curves hold the new model's entry (its
    /// losses and scores on every part of the split, worked out a slice of rows at a time
    /// after the trainer's step) and [`TrainingRun::misclassified`] its mistakes. A step done
    /// in parts gives the same model and curves, bit for bit, as one done at once; until it
    /// completes, the run shows the model of the last complete step (its weights, step count
    /// and mistakes).
    pub fn advance(&mut self, mut budget: usize) -> Result<bool> {
        self.advance_within(&mut budget)
    }

    /// [`TrainingRun::advance`], taking the work done off `budget`.
    pub fn advance_within(&mut self, budget: &mut usize) -> Result<bool> {
        if self.recording.is_none() {
            if self.trainer.progress().is_none() {
                if self.status().is_final() {
                    return Ok(true);
                }
                self.shown.clear();
                self.shown.extend_from_slice(self.trainer.theta());
            }
            if !self.trainer.advance_within(budget)? {
                return Ok(false);
            }
            if self.status() == Status::Diverged {
                return Ok(true);
            }
            self.start_record(self.population_values());
            if *budget == 0 {
                return Ok(false);
            }
        }
        Ok(self.record(budget))
    }

    /// The step in progress in words ("generation 3: 1200 of 2000 evaluated"), `None`
    /// between steps.
    pub fn progress(&self) -> Option<String> {
        match self.recording {
            Some(_) => Some(format!("{}: scoring the new model", self.trainer.at_step())),
            None => self.trainer.progress_text(),
        }
    }

    /// The best and the mean finite value of the last step's candidates, for a strategy
    /// that asks more than one.
    fn population_values(&self) -> Option<(f64, f64)> {
        let values = self.trainer.driver().values();
        (values.len() > 1).then(|| {
            let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
            let best = finite.iter().copied().fold(f64::INFINITY, f64::min);
            let mean = finite.iter().sum::<f64>() / finite.len().max(1) as f64;
            (best, mean)
        })
    }

    /// Starts the curves' entry of the trainer's model, with the population's `population`
    /// values.
    fn start_record(&mut self, population: Option<(f64, f64)>) {
        let misses = match self.class_names {
            Some(_) => vec![0; self.targets.len()],
            None => Vec::new(),
        };
        self.recording = Some(Record {
            part: 0,
            losses: RowPass::default(),
            scores: ScorePass::default(),
            loss: [f64::NAN; 2],
            tallies: [None, None, None],
            misses,
            population,
        });
    }

    /// Carries the curves' entry in progress on for about `budget` units (at least a chunk
    /// of rows); once it is complete, appends it and returns `true`.
    fn record(&mut self, budget: &mut usize) -> bool {
        let Some(mut record) = self.recording.take() else {
            return true;
        };
        let classifier = self.class_names.is_some();
        let samples = Samples::new(&self.features, &self.targets, self.spec.inputs())
            .expect("features fit the model");
        let theta = self.trainer.theta();
        while let Some(&role) = Record::ROWS.get(record.part) {
            let rows = match role {
                Role::Train => &self.split.train,
                Role::Validation => &self.split.validation,
                Role::Test => &self.split.test,
            };
            if !rows.is_empty() {
                let part = record.part;
                let done = if part < 2 {
                    let value = record.losses.resume(
                        &self.spec,
                        theta,
                        &samples,
                        Rows::Listed(rows),
                        &mut self.workspace,
                        None,
                        budget,
                    );
                    value.map(|v| record.loss[part] = v).is_some()
                } else {
                    let misses = classifier.then_some(record.misses.as_mut_slice());
                    let tally = record.scores.resume(
                        &self.spec,
                        theta,
                        &samples,
                        rows,
                        &mut self.workspace,
                        misses,
                        budget,
                    );
                    tally.map(|t| record.tallies[part - 2] = Some(t)).is_some()
                };
                if !done {
                    self.recording = Some(record);
                    return false;
                }
            }
            record.part += 1;
            if *budget == 0 && record.part < Record::ROWS.len() {
                self.recording = Some(record);
                return false;
            }
        }
        self.append(record);
        true
    }

    /// A score and (regression) the RMSE in the target's units from a pass's tally.
    fn scores(&self, tally: &Option<Tally>) -> (f64, f64) {
        match (tally, &self.class_names) {
            (None, _) => (f64::NAN, f64::NAN),
            (Some(t), Some(_)) => (t.accuracy(), f64::NAN),
            (Some(t), None) => (
                t.r_squared().unwrap_or(f64::NAN),
                t.rmse() * self.coding.scale,
            ),
        }
    }

    /// Appends a complete entry to the curves for the trainer's model (whose training loss
    /// it has computed), and takes its mistakes as the ones on screen.
    fn append(&mut self, record: Record) {
        let h_train = self.trainer.loss().unwrap_or(f64::NAN);
        let [h_val, h_test] = record.loss;
        let (train_score, train_rmse) = self.scores(&record.tallies[0]);
        let (val_score, _) = self.scores(&record.tallies[1]);
        let (test_score, test_rmse) = self.scores(&record.tallies[2]);
        if self.class_names.is_some() {
            self.misclassified = record.misses;
        }
        let h = &mut self.history;
        h.steps.push(self.trainer.steps() as f64);
        h.train_loss.push(h_train);
        h.test_loss.push(h_test);
        h.train_score.push(train_score);
        h.test_score.push(test_score);
        if !self.split.validation.is_empty() {
            h.validation_loss.push(h_val);
            h.validation_score.push(val_score);
        }
        if self.class_names.is_none() {
            h.train_rmse.push(train_rmse);
            h.test_rmse.push(test_rmse);
        }
        if let Some((best, mean)) = record.population {
            h.generation_best.push(best);
            h.generation_mean.push(mean);
        }
    }

    /// Applies strategy settings that can change mid-run; `false` means a restart is needed.
    pub fn retune(&mut self, settings: &StrategySettings) -> Result<bool> {
        let applied = self.trainer.retune(settings)?;
        if applied {
            self.config.strategy = settings.clone();
        }
        Ok(applied)
    }

    /// The run's status; "diverged" also when the training loss of a new model exploded.
    pub fn status(&self) -> Status {
        self.trainer.status()
    }

    /// Why the run stopped (empty while it runs); step numbers in the run's own unit.
    pub fn reason(&self) -> String {
        self.trainer.reason()
    }

    /// Steps taken (epochs, batches, generations or sample batches), the one whose curves'
    /// entry is in progress not counted.
    pub fn steps(&self) -> usize {
        self.trainer.steps() - usize::from(self.recording.is_some())
    }

    /// The model's parameters on screen (the last good model after a divergence; the last
    /// complete step's while the next one's entry is in progress).
    pub fn theta(&self) -> &[f64] {
        match self.recording {
            Some(_) => &self.shown,
            None => self.trainer.theta(),
        }
    }

    /// The model.
    pub fn spec(&self) -> &ModelSpec {
        &self.spec
    }

    /// The configuration in force.
    pub fn config(&self) -> &TrainingConfig {
        &self.config
    }

    /// The search driver (counters, explanation, population).
    pub fn driver(&self) -> &Driver {
        self.trainer.driver()
    }

    /// Curves per step.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Class names, or `None` for regression.
    pub fn class_names(&self) -> Option<&[String]> {
        self.class_names.as_deref()
    }

    /// Every row's display coordinates, flat (u, v) pairs.
    pub fn display_points(&self) -> &[f64] {
        &self.display
    }

    /// `[u_min, u_max, v_min, v_max]` of the display plane.
    pub fn bounds(&self) -> [f64; 4] {
        self.bounds
    }

    /// Widens the display plane to cover `area` (`[u_min, u_max, v_min, v_max]`) too.
    pub fn include_in_view(&mut self, area: [f64; 4]) {
        let b = &mut self.bounds;
        *b = [
            b[0].min(area[0]),
            b[1].max(area[1]),
            b[2].min(area[2]),
            b[3].max(area[3]),
        ];
    }

    /// Names of the horizontal and vertical display axes.
    pub fn axis_labels(&self) -> &[String; 2] {
        &self.axis_labels
    }

    /// Every row's role in the split.
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    /// A regression's target values (original units) at the ends of the picture's colour
    /// scale, −[`VALUE_SCALE`] and +[`VALUE_SCALE`] model outputs; `None` for a classifier.
    ///
    /// [`VALUE_SCALE`]: crate::render::boundary::VALUE_SCALE
    pub fn value_colour_range(&self) -> Option<[f64; 2]> {
        use crate::render::boundary::VALUE_SCALE;
        (self.spec().output() == crate::model::Output::Linear)
            .then(|| [-VALUE_SCALE, VALUE_SCALE].map(|t| self.coding.decode(t)))
    }

    /// Every row's target in the original units (class index for classification).
    pub fn targets(&self) -> Vec<f64> {
        self.targets
            .iter()
            .map(|&t| self.coding.decode(t))
            .collect()
    }

    /// The shown model as a file that predicts from raw rows (see [`ModelFile`]).
    pub fn model_file(&self) -> ModelFile {
        ModelFile {
            format: MODEL_FORMAT.to_string(),
            version: MODEL_VERSION,
            features: self.feature_names.clone(),
            means: self.standardizer.means().to_vec(),
            scales: self.standardizer.scales().to_vec(),
            inputs: self.model_inputs.clone(),
            hidden: self.config.model.hidden.clone(),
            activation: crate::choice::Choice::name(self.config.model.activation).to_string(),
            classes: self.class_names.clone(),
            target_mean: self.coding.mean,
            target_scale: self.coding.scale,
            weights: self.theta().to_vec(),
        }
    }

    /// The shown model's prediction for every row: a class index, or a value in the target's
    /// units.
    pub fn predictions(&self) -> Vec<f64> {
        let outputs = self.spec.predict(self.theta(), &self.features);
        match self.class_names {
            Some(_) => outputs
                .chunks_exact(self.spec.output().size())
                .map(|p| most_probable_class(p) as f64)
                .collect(),
            None => outputs.iter().map(|&v| self.coding.decode(v)).collect(),
        }
    }

    /// Classification: 1 for every row the shown model gets wrong, else 0. Regression: all 0.
    /// Worked out with the scores of the curves' entry, so it costs nothing here.
    pub fn misclassified(&self) -> &[u8] {
        &self.misclassified
    }

    /// Starts a `width` × `height` picture of the shown model over the display plane (see
    /// [`Picture`]): its output, or one neuron's (refused when the model lacks it). A
    /// one-feature regression's output is blank: the page draws the fitted curve on paper.
    pub fn picture(&self, shows: Shows, width: usize, height: usize) -> Result<Picture> {
        self.picture_of(self.theta(), shows, width, height)
    }

    fn picture_of(
        &self,
        theta: &[f64],
        shows: Shows,
        width: usize,
        height: usize,
    ) -> Result<Picture> {
        let blank = matches!(shows, Shows::Output | Shows::Regions)
            && matches!(self.plane, Plane::Single { .. })
            && self.class_names.is_none();
        let shows = if blank { Shows::Blank } else { shows };
        Picture::new(&self.spec, theta, shows, self.bounds, width, height)
    }

    /// Carries `picture` on for about `budget` units of work (see [`Picture::advance`]), at
    /// least one image row; returns whether it is complete.
    pub fn advance_picture(&self, picture: &mut Picture, budget: usize) -> bool {
        picture.advance(&self.spec, &self.plane, budget)
    }

    /// A whole picture at once (see [`TrainingRun::picture`]) of model `theta`.
    fn rgba_of(&self, theta: &[f64], shows: Shows, width: usize, height: usize) -> Result<Vec<u8>> {
        let mut picture = self.picture_of(theta, shows, width, height)?;
        while !self.advance_picture(&mut picture, usize::MAX) {}
        Ok(picture.rgba().map(<[u8]>::to_vec).unwrap_or_default())
    }

    /// The shown model's output over the display plane as RGBA (`width` × `height`),
    /// discretized with `regions` (see [`Shows::Regions`]).
    pub fn boundary_rgba(&self, regions: bool, width: usize, height: usize) -> Vec<u8> {
        let shows = if regions {
            Shows::Regions
        } else {
            Shows::Output
        };
        self.rgba_of(self.theta(), shows, width, height)
            .expect("the output is always there")
    }

    /// One neuron's output over the display plane, on the diverging ramp (for hovering a
    /// neuron in the network drawing). `layer` 0 is the inputs.
    pub fn neuron_rgba(
        &self,
        layer: usize,
        neuron: usize,
        width: usize,
        height: usize,
    ) -> Result<Vec<u8>> {
        let shows = Shows::Neuron { layer, neuron };
        self.rgba_of(self.theta(), shows, width, height)
    }

    /// The fitted curve of a one-feature regression: `n` (u, v) points across the plane, in
    /// the data's units.
    pub fn curve(&self, n: usize) -> Vec<f64> {
        self.curve_of(self.theta(), n)
    }

    /// A population member's picture (see the thumbnails): its output over the plane, or for
    /// a one-feature regression its curve across the plane, over the training points (grey).
    pub fn thumbnail_rgba(&self, theta: &[f64], width: usize, height: usize) -> Vec<u8> {
        let curve = self.curve_of(theta, width);
        let mut rgba = self
            .rgba_of(theta, Shows::Output, width, height)
            .expect("the output is always there");
        if curve.is_empty() || height < 2 {
            return rgba;
        }
        let [u0, u1, v0, v1] = self.bounds;
        let column = |u: f64| ((u - u0) / (u1 - u0) * (width - 1) as f64).round();
        let row = |v: f64| ((v1 - v) / (v1 - v0) * (height - 1) as f64).round();
        let mut paint = |x: f64, y: f64, colour: [u8; 3]| {
            if (0.0..width as f64).contains(&x) && (0.0..height as f64).contains(&y) {
                let at = 4 * (y as usize * width + x as usize);
                rgba[at..at + 4].copy_from_slice(&[colour[0], colour[1], colour[2], 255]);
            }
        };
        for &r in &self.split.train {
            paint(
                column(self.display[2 * r]),
                row(self.display[2 * r + 1]),
                THUMB_POINT,
            );
        }
        // Each column joins the curve's previous row to its own, two pixels wide.
        let mut previous: Option<f64> = None;
        for (x, point) in curve.chunks_exact(2).enumerate() {
            let y = row(point[1]).clamp(-1.0, height as f64);
            if !y.is_finite() {
                previous = None;
                continue;
            }
            let from = previous.unwrap_or(y);
            let (top, bottom) = (from.min(y) as i64, from.max(y) as i64);
            for yy in top..=bottom {
                paint(x as f64, yy as f64, THUMB_CURVE);
                paint(x as f64, (yy + 1) as f64, THUMB_CURVE);
            }
            previous = Some(y);
        }
        rgba
    }

    /// The curve of the model `theta` (see [`TrainingRun::curve`]).
    fn curve_of(&self, theta: &[f64], n: usize) -> Vec<f64> {
        if !matches!(self.plane, Plane::Single { .. }) || self.class_names.is_some() || n < 2 {
            return Vec::new();
        }
        let [u0, u1, ..] = self.bounds;
        let us: Vec<f64> = (0..n)
            .map(|i| u0 + (u1 - u0) * i as f64 / (n - 1) as f64)
            .collect();
        let d = self.plane.inputs();
        let mut inputs = vec![0.0; n * d];
        for (cell, &u) in inputs.chunks_exact_mut(d).zip(&us) {
            self.plane.inputs_at(u, 0.0, cell);
        }
        let vs = self.spec.predict(theta, &inputs);
        us.iter()
            .zip(&vs)
            .flat_map(|(&u, &v)| [u, self.coding.decode(v)])
            .collect()
    }

    /// The current population (or sample batch) ordered best first, at most `count` members,
    /// as flat θ vectors, with their values.
    pub fn ranked_population(&self, count: usize) -> (Vec<f64>, Vec<f64>) {
        let dim = self.spec.n_params();
        let values = self.driver().values();
        let asked = self.driver().asked();
        if values.len() < 2 || asked.len() != values.len() * dim {
            return (Vec::new(), Vec::new());
        }
        let mut order = crate::ranking::ascending(values);
        order.truncate(count);
        let thetas = order
            .iter()
            .flat_map(|&i| asked[i * dim..(i + 1) * dim].iter().copied())
            .collect();
        (thetas, order.iter().map(|&i| values[i]).collect())
    }
}

/// A kept copy of a [`TrainingRun`]'s state after a whole step (see [`Rewind::snapshot`]):
/// restoring it and stepping on gives the same run, bit for bit.
pub struct RunSnapshot {
    trainer: TrainerSnapshot,
    misclassified: Vec<u8>,
}

impl Rewind for TrainingRun {
    type Snapshot = RunSnapshot;

    fn steps(&self) -> usize {
        TrainingRun::steps(self)
    }

    fn step(&mut self) -> Result<Status> {
        TrainingRun::step(self)
    }

    /// A copy of the run's state after its last whole step (the curves' entry included), or
    /// `None` while a step is in progress.
    fn snapshot(&self) -> Option<RunSnapshot> {
        if self.recording.is_some() {
            return None;
        }
        Some(RunSnapshot {
            trainer: self.trainer.snapshot()?,
            misclassified: self.misclassified.clone(),
        })
    }

    fn snapshot_size(&self) -> usize {
        // The batch order and the mistakes hold about a number per row.
        self.trainer.snapshot_size() + self.targets.len()
    }

    fn can_restore(&self, snapshot: &RunSnapshot, target: usize) -> bool {
        snapshot.trainer.steps() <= target && target <= TrainingRun::steps(self)
    }

    /// Puts the run back to `snapshot`, any step in progress dropped, the curves cut back to
    /// its step.
    fn restore(&mut self, snapshot: &RunSnapshot) {
        self.trainer.restore(&snapshot.trainer);
        self.recording = None;
        self.shown.clear();
        self.history.truncate_to(self.trainer.steps());
        self.misclassified.clone_from(&snapshot.misclassified);
    }

    fn retune(&mut self, settings: &StrategySettings) -> Result<bool> {
        TrainingRun::retune(self, settings)
    }
}
