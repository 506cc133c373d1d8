//! Training one model on given rows, one step at a time, with nothing for display: the
//! model's inputs and targets go in, θ comes out. [`TrainingRun`](super::TrainingRun) draws on
//! top of it; [`fit`](super::fit) runs it to a budget for cross-validation.

use super::config::{BatchMode, MAX_BATCH_SIZE, ModelSettings, StepUnit};
use crate::data::Target;
use crate::model::{
    Batching, Loss, ModelObjective, ModelSpec, Output, RowPass, Rows, Samples, Workspace,
};
use crate::objective::Objective;
use crate::search::{self, Driver, Snapshot, Status, StopRules, StrategyKind, StrategySettings};
use crate::{Error, Result};

/// How the weights are searched: the strategy, its batches and what one step is.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightSearch {
    /// The strategy over θ and its hyperparameters.
    pub strategy: StrategySettings,
    /// Gradient batches.
    pub batch: BatchMode,
    /// Rows per mini-batch.
    pub batch_size: usize,
    /// What one step of gradient descent is.
    pub step_unit: StepUnit,
}

impl WeightSearch {
    /// Checks the strategy's settings and the batch size; the error names the first bad one.
    pub fn validate(&self) -> Result<()> {
        self.strategy.validate()?;
        crate::error::check_count("batch size", self.batch_size, 1, MAX_BATCH_SIZE)?;
        Ok(())
    }

    /// What one step is called, singular and plural: an epoch (gradient descent by epochs,
    /// or full batches), an update (one mini-batch), a generation (the GA) or a step (a batch
    /// of random samples).
    pub fn step_noun(&self) -> (&'static str, &'static str) {
        match self.strategy.kind {
            StrategyKind::Gradient
                if self.step_unit == StepUnit::Epoch || self.batch == BatchMode::Full =>
            {
                ("epoch", "epochs")
            }
            StrategyKind::Gradient => ("update", "updates"),
            StrategyKind::Genetic => ("generation", "generations"),
            _ => ("step", "steps"),
        }
    }
}

/// The network for `model` on `inputs` columns whose output and loss suit `target`: sigmoid
/// for two classes, softmax for more, a linear output with squared error for values.
pub fn model_spec(model: &ModelSettings, inputs: usize, target: &Target) -> Result<ModelSpec> {
    model.validate()?;
    let output = match target.n_classes() {
        Some(classes) if classes > 2 => Output::Softmax { classes },
        Some(_) => Output::Sigmoid,
        None => Output::Linear,
    };
    let loss = match output {
        Output::Linear => Loss::Mse,
        _ => model.loss,
    };
    ModelSpec::new(
        inputs,
        &model.hidden,
        model.activation,
        output,
        loss,
        model.regularization()?,
    )
}

/// Targets as the model sees them: class indices as numbers, or values standardized with the
/// mean and scale of the training rows (so one learning rate suits every unit).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetCoding {
    /// Subtracted from a value before scaling (0 for classes).
    pub mean: f64,
    /// A value's unit in the model (1 for classes).
    pub scale: f64,
}

impl TargetCoding {
    /// The coding learnt from the training `rows` of `target`.
    pub fn fit(target: &Target, rows: &[usize]) -> TargetCoding {
        match target {
            Target::Classes { .. } => TargetCoding {
                mean: 0.0,
                scale: 1.0,
            },
            Target::Values(values) => {
                let count = rows.len().max(1) as f64;
                let mean = rows.iter().map(|&r| values[r]).sum::<f64>() / count;
                let var = rows
                    .iter()
                    .map(|&r| (values[r] - mean).powi(2))
                    .sum::<f64>()
                    / count;
                let scale = if var > 0.0 { var.sqrt() } else { 1.0 };
                TargetCoding { mean, scale }
            }
        }
    }

    /// Every row's target as the model sees it.
    pub fn encode(&self, target: &Target) -> Vec<f64> {
        match target {
            Target::Classes { labels, .. } => labels.iter().map(|&l| l as f64).collect(),
            Target::Values(values) => values
                .iter()
                .map(|v| (v - self.mean) / self.scale)
                .collect(),
        }
    }

    /// A model output back in the target's units.
    pub fn decode(&self, value: f64) -> f64 {
        value * self.scale + self.mean
    }
}

/// Most driver steps and evaluations one training may take; the page's own stop.
const STOP_RULES: StopRules = StopRules {
    max_evaluations: 200_000_000,
    max_steps: 2_000_000,
    target: None,
    patience: 2_000,
    gradient_tolerance: 1e-9,
    explosion_factor: 1e8,
};

/// The search's rules when the training loss is watched (see [`Trainer::watching_loss`]):
/// patience is counted on the training loss instead, and a value this many times (1 + the
/// first) is divergence, orders of magnitude above where training started.
const WATCHED_RULES: StopRules = StopRules {
    patience: usize::MAX,
    explosion_factor: 1e3,
    ..STOP_RULES
};

/// About this many updates without a lower training loss stop a watched training as
/// converged (counted in its own steps).
const PATIENCE_UPDATES: usize = 2_000;

/// The whole training loss after every step, and the rules on it: the model kept (the last
/// one whose loss did not explode), its loss, and why training stopped.
struct LossWatch {
    spec: ModelSpec,
    inputs: Vec<f64>,
    targets: Vec<f64>,
    workspace: Workspace,
    noun: (&'static str, &'static str),
    /// The loss the training started from (that of the first run it continues).
    first: f64,
    now: Watched,
}

/// What the watch changes step by step.
#[derive(Debug, Clone)]
struct Watched {
    /// The model kept, and its training loss.
    model: Vec<f64>,
    loss: f64,
    /// Steps without a lower training loss, and the lowest so far.
    stale: (usize, f64),
    stopped: Option<(Status, String)>,
}

impl LossWatch {
    /// Carries the pass that scores `theta` on the training rows on for about `budget` units
    /// (see [`RowPass::resume`]); the mean training loss once it is complete.
    fn resume(&mut self, pass: &mut RowPass, theta: &[f64], budget: &mut usize) -> Option<f64> {
        let samples = Samples::new(&self.inputs, &self.targets, self.spec.inputs())
            .expect("inputs fit the model");
        pass.resume(
            &self.spec,
            theta,
            &samples,
            Rows::First(self.targets.len()),
            &mut self.workspace,
            None,
            budget,
        )
    }

    /// The mean training loss of `theta`, at once.
    fn loss_of(&mut self, theta: &[f64]) -> f64 {
        let mut unlimited = usize::MAX;
        self.resume(&mut RowPass::default(), theta, &mut unlimited)
            .expect("an unlimited budget finishes the pass")
    }

    /// Converged when the training loss has not improved (by a relative 1e-12) for about
    /// [`PATIENCE_UPDATES`] updates, counted and named in the trainer's own steps.
    fn check_patience(&mut self, loss: f64, updates_per_step: usize) {
        let (stale, best) = &mut self.now.stale;
        if loss < *best && (!best.is_finite() || *best - loss > 1e-12 * best.abs()) {
            (*stale, *best) = (0, loss);
        } else {
            *stale += 1;
        }
        let patience = PATIENCE_UPDATES.div_ceil(updates_per_step);
        if *stale >= patience && self.now.stopped.is_none() {
            let reason = format!(
                "no improvement of the training loss in the last {patience} {}",
                self.noun.1
            );
            self.now.stopped = Some((Status::Converged, reason));
        }
    }
}

/// Where the step in progress stands.
#[derive(Debug, Clone)]
enum Phase {
    /// No step in progress.
    Idle,
    /// The search's updates, this many done.
    Updating(usize),
    /// The updates done, the new model's training loss being computed.
    Scoring(RowPass),
}

/// How far the step in progress has come (see [`Trainer::progress`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Updating: the updates done out of the step's, and within the update in progress the
    /// candidates evaluated out of those asked.
    Updating {
        /// Updates (driver steps) complete.
        updates: usize,
        /// Updates in the step.
        of: usize,
        /// Candidates of the update in progress evaluated.
        evaluated: usize,
        /// Candidates it asked.
        asked: usize,
    },
    /// Computing the new model's training loss.
    Scoring,
}

/// One model learning from its training rows, a step at a time. A step is an epoch or one
/// batch of gradient descent (as [`WeightSearch::step_unit`] says), one GA generation or
/// one batch of random samples. A step can be taken at once ([`Trainer::step`]) or a part at
/// a time ([`Trainer::advance`]), with the same result bit for bit.
pub struct Trainer {
    driver: Driver,
    steps_per_unit: usize,
    steps: usize,
    watch: Option<LossWatch>,
    phase: Phase,
}

impl Trainer {
    /// A trainer for `spec` on row-major `inputs` (its training rows only) and their encoded
    /// `targets`, starting from `theta`; `seed` fixes the batches and the strategy's draws.
    /// It stops by the search's own rules (on the values the search sees).
    pub fn new(
        spec: ModelSpec,
        inputs: &[f64],
        targets: &[f64],
        search: &WeightSearch,
        theta: &[f64],
        seed: u64,
    ) -> Result<Trainer> {
        search.validate()?;
        let rows = targets.len();
        if rows == 0 {
            return Err(Error::data("there are no training rows"));
        }
        let batch_size = match search.batch {
            BatchMode::Full => rows,
            BatchMode::Mini => search.batch_size.clamp(1, rows),
            BatchMode::Sgd => 1,
        };
        let batching = if batch_size == rows {
            Batching::Full
        } else {
            Batching::MiniBatch(batch_size)
        };
        let objective = ModelObjective::new(spec, inputs, targets, batching, seed)?;
        let strategy = search::build(&search.strategy, theta, &objective.bounds())?;
        let gradient = search.strategy.kind == StrategyKind::Gradient;
        let steps_per_unit = if gradient && search.step_unit == StepUnit::Epoch {
            rows.div_ceil(batch_size)
        } else {
            1
        };
        let driver = Driver::new(strategy, Box::new(objective), seed, STOP_RULES).without_trace();
        Ok(Trainer {
            driver,
            steps_per_unit,
            steps: 0,
            watch: None,
            phase: Phase::Idle,
        })
    }

    /// Like [`Trainer::new`], but watching the whole training loss after every step, as the
    /// Train view does: a loss above 1000 × (1 + the first loss) is divergence and the last
    /// good model is kept; about 2000 updates without a lower loss is convergence, said in
    /// the trainer's own steps ("… in the last 143 epochs").
    pub fn watching_loss(
        spec: ModelSpec,
        inputs: &[f64],
        targets: &[f64],
        search: &WeightSearch,
        theta: &[f64],
        seed: u64,
    ) -> Result<Trainer> {
        let mut trainer = Trainer::new(spec.clone(), inputs, targets, search, theta, seed)?;
        trainer.driver.set_rules(WATCHED_RULES);
        let mut watch = LossWatch {
            workspace: spec.workspace(),
            spec,
            inputs: inputs.to_vec(),
            targets: targets.to_vec(),
            noun: search.step_noun(),
            first: f64::NAN,
            now: Watched {
                model: theta.to_vec(),
                loss: f64::NAN,
                stale: (0, f64::INFINITY),
                stopped: None,
            },
        };
        watch.now.loss = watch.loss_of(theta);
        watch.first = watch.now.loss;
        trainer.watch = Some(watch);
        Ok(trainer)
    }

    /// The same trainer counting on from `steps` steps already taken, its loss having started
    /// at `first_loss` (a training carried on after its data changed).
    pub fn carrying_on(mut self, steps: usize, first_loss: f64) -> Trainer {
        self.steps = steps;
        if let Some(watch) = &mut self.watch {
            watch.first = first_loss;
        }
        self
    }

    /// Takes one step (or completes the one in progress); does nothing once training has
    /// stopped.
    pub fn step(&mut self) -> Result<Status> {
        self.advance(usize::MAX)?;
        Ok(self.status())
    }

    /// Carries the step on for about `budget` units of work — a unit is one row through the
    /// model times its parameters, so a budget is a deterministic amount of computing, not
    /// of time — and at least one chunk of rows. Returns whether a step completed (also when
    /// training had stopped: then nothing is done). Until the step completes, everything
    /// reported is as of the last complete step (see [`Trainer::progress`]).
    pub fn advance(&mut self, budget: usize) -> Result<bool> {
        let mut budget = budget;
        self.advance_within(&mut budget)
    }

    /// [`Trainer::advance`], taking the work done off `budget` (what is left of it carries
    /// on the caller's own work).
    pub(crate) fn advance_within(&mut self, budget: &mut usize) -> Result<bool> {
        if let Phase::Idle = self.phase {
            if self.status().is_final() {
                return Ok(true);
            }
            self.phase = Phase::Updating(0);
        }
        if let Phase::Updating(mut done) = self.phase {
            while done < self.steps_per_unit && !self.driver.status().is_final() {
                if !self.driver.advance(budget)? {
                    self.phase = Phase::Updating(done);
                    return Ok(false);
                }
                done += 1;
                let more = done < self.steps_per_unit && !self.driver.status().is_final();
                if more && *budget == 0 {
                    self.phase = Phase::Updating(done);
                    return Ok(false);
                }
            }
            let diverged = self.driver.status() == Status::Diverged;
            if self.watch.is_none() || diverged {
                self.steps += 1;
                self.phase = Phase::Idle;
                let at = self.at_step();
                if let Some(watch) = &mut self.watch {
                    let reason = format!("{} ({at})", self.driver.reason());
                    watch.now.stopped = Some((Status::Diverged, reason));
                }
                return Ok(true);
            }
            self.phase = Phase::Scoring(RowPass::default());
            if *budget == 0 {
                return Ok(false);
            }
        }
        if let Phase::Scoring(pass) = &mut self.phase {
            let watch = self.watch.as_mut().expect("only a watched trainer scores");
            let Some(loss) = watch.resume(pass, self.driver.position(), budget) else {
                return Ok(false);
            };
            self.phase = Phase::Idle;
            self.steps += 1;
            self.watched(loss);
        }
        Ok(true)
    }

    /// Applies the watched rules to the model of the step just taken, whose training loss
    /// is `loss`.
    fn watched(&mut self, loss: f64) {
        let at = self.at_step();
        let watch = self.watch.as_mut().expect("only a watched trainer scores");
        if WATCHED_RULES.explodes(loss, watch.first) {
            let reason = format!(
                "the training loss exploded from {} to {} at {at}",
                crate::text::Num(watch.first),
                crate::text::Num(loss),
            );
            watch.now.stopped = Some((Status::Diverged, reason));
            return;
        }
        watch.now.model.copy_from_slice(self.driver.position());
        watch.now.loss = loss;
        watch.check_patience(loss, self.steps_per_unit);
    }

    /// How far the step in progress has come, `None` between steps.
    pub fn progress(&self) -> Option<Progress> {
        match &self.phase {
            Phase::Idle => None,
            Phase::Updating(updates) => {
                let (evaluated, asked) = self.driver.progress().unwrap_or((0, 0));
                Some(Progress::Updating {
                    updates: *updates,
                    of: self.steps_per_unit,
                    evaluated,
                    asked,
                })
            }
            Phase::Scoring(_) => Some(Progress::Scoring),
        }
    }

    /// The step in progress in words, e.g. "generation 3: 1200 of 2000 evaluated" or
    /// "epoch 4: batch 40 of 140"; `None` between steps.
    pub fn progress_text(&self) -> Option<String> {
        let noun = self.watch.as_ref().map_or("step", |w| w.noun.0);
        let at = format!("{noun} {}", self.steps + 1);
        Some(match self.progress()? {
            Progress::Updating { updates, of, .. } if of > 1 => {
                format!("{at}: batch {} of {of}", updates + 1)
            }
            Progress::Updating {
                evaluated, asked, ..
            } if asked > 1 => format!("{at}: {evaluated} of {asked} evaluated"),
            Progress::Updating { asked: 0, .. } => match self.driver.preparation() {
                Some((made, of)) => format!("{at}: drawing candidate {} of {of}", made + 1),
                None => format!("{at}: preparing the candidates"),
            },
            Progress::Updating { .. } => format!("{at}: computing"),
            Progress::Scoring => format!("{at}: scoring the new model"),
        })
    }

    /// "epoch 78" (or update, generation, step: the unit the trainer counts).
    pub(crate) fn at_step(&self) -> String {
        let noun = self.watch.as_ref().map_or("step", |w| w.noun.0);
        format!("{noun} {}", self.steps)
    }

    /// Steps taken.
    pub fn steps(&self) -> usize {
        self.steps
    }

    /// The driver's updates per step (an epoch's batches, else 1).
    pub fn updates_per_step(&self) -> usize {
        self.steps_per_unit
    }

    /// The model: where the search stands (GD's θ, the walk's θ, the GA's best individual),
    /// or when the loss is watched the last model whose loss did not explode.
    pub fn theta(&self) -> &[f64] {
        match &self.watch {
            Some(watch) => &watch.now.model,
            None => self.driver.position(),
        }
    }

    /// The training loss of [`Trainer::theta`] when the loss is watched.
    pub fn loss(&self) -> Option<f64> {
        self.watch.as_ref().map(|w| w.now.loss)
    }

    /// Where training stands: the search's status, or the stop the watched loss decided.
    pub fn status(&self) -> Status {
        match self.watch.as_ref().and_then(|w| w.now.stopped.as_ref()) {
            Some((status, _)) => *status,
            None => self.driver.status(),
        }
    }

    /// Why training stopped (empty while it runs); step numbers in the trainer's own unit
    /// when the loss is watched.
    pub fn reason(&self) -> String {
        match self.watch.as_ref().and_then(|w| w.now.stopped.as_ref()) {
            Some((_, reason)) => reason.clone(),
            None if self.watch.is_some()
                && self.steps_per_unit > 1
                && self.driver.status().is_final() =>
            {
                format!("{} ({})", self.driver.reason(), self.at_step())
            }
            None => self.driver.reason().to_string(),
        }
    }

    /// The search driver (status, counters, explanation, population).
    pub fn driver(&self) -> &Driver {
        &self.driver
    }

    /// Applies strategy settings that can change mid-run; `false` means a restart is needed.
    pub fn retune(&mut self, settings: &StrategySettings) -> Result<bool> {
        self.driver.retune(settings)
    }

    /// A copy of the trainer's state after its last whole step — the search's (its batch
    /// stream's included) and the watch's — or `None` while a step is in progress.
    pub fn snapshot(&self) -> Option<TrainerSnapshot> {
        if !matches!(self.phase, Phase::Idle) {
            return None;
        }
        Some(TrainerSnapshot {
            driver: self.driver.snapshot()?,
            steps: self.steps,
            watched: self.watch.as_ref().map(|w| w.now.clone()),
        })
    }

    /// About how many numbers a snapshot taken now holds.
    pub fn snapshot_size(&self) -> usize {
        self.driver.snapshot_size() + self.watch.as_ref().map_or(0, |w| w.now.model.len())
    }

    /// Puts the trainer back to `snapshot` (taken from it), any step in progress dropped:
    /// stepping on gives the same steps, bit for bit.
    pub fn restore(&mut self, snapshot: &TrainerSnapshot) {
        self.driver.restore(&snapshot.driver);
        self.steps = snapshot.steps;
        self.phase = Phase::Idle;
        if let (Some(watch), Some(watched)) = (&mut self.watch, &snapshot.watched) {
            watch.now.clone_from(watched);
        }
    }
}

/// A kept copy of a [`Trainer`]'s state after a whole step (see [`Trainer::snapshot`]).
pub struct TrainerSnapshot {
    driver: Snapshot,
    steps: usize,
    watched: Option<Watched>,
}

impl TrainerSnapshot {
    /// The step it was taken after.
    pub fn steps(&self) -> usize {
        self.steps
    }
}
