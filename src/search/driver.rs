//! The stepping driver: owns a strategy, an objective, the seeded generator, the counters
//! and the trace. `step()` is one ask → evaluate → tell; `run()` is a loop over `step()`.

use super::protocol::{StepMarks, Strategy};
use super::settings::StrategySettings;
use super::trace::Trace;
use crate::Result;
use crate::objective::Objective;
use crate::rng::{Rng, seeded};
use serde::Serialize;

/// Where a run stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Created, no step taken yet.
    Ready,
    /// Stepping; no stop rule has fired.
    Running,
    /// Stopped on success: target reached, gradient vanished or no more progress.
    Converged,
    /// Stopped because J became non-finite or exploded; the last good point is kept.
    Diverged,
    /// Stopped because the evaluation or step budget is spent.
    BudgetSpent,
}

impl Status {
    /// Whether the run has stopped for good (until a reset).
    pub fn is_final(self) -> bool {
        !matches!(self, Status::Ready | Status::Running)
    }
}

/// When a run stops by itself.
#[derive(Debug, Clone, PartialEq)]
pub struct StopRules {
    /// Stop after this many evaluations.
    pub max_evaluations: usize,
    /// Stop after this many steps.
    pub max_steps: usize,
    /// Converged once the best value is at or below this.
    pub target: Option<f64>,
    /// Converged when the best value has not improved (by a relative 1e-12) for this many steps.
    pub patience: usize,
    /// Gradient methods: converged when ‖∇J‖ falls below this.
    pub gradient_tolerance: f64,
    /// Diverged when |J| exceeds this many times (1 + |J at the first step|).
    pub explosion_factor: f64,
}

impl Default for StopRules {
    fn default() -> Self {
        StopRules {
            max_evaluations: 5_000_000,
            max_steps: 100_000,
            target: None,
            patience: 300,
            gradient_tolerance: 1e-9,
            explosion_factor: 1e8,
        }
    }
}

impl StopRules {
    /// Whether `value` has exploded: non-finite, or |value| above `explosion_factor` times
    /// (1 + |`first`|), `first` being the value the run started from. The one divergence rule
    /// of every run (a training run applies it to its training loss too).
    pub fn explodes(&self, value: f64, first: f64) -> bool {
        !value.is_finite() || value.abs() > self.explosion_factor * (1.0 + first.abs())
    }
}

/// Owns one run: strategy, objective, generator, counters and trace.
pub struct Driver {
    objective: Box<dyn Objective>,
    trace: Trace,
    watch_position: bool,
    run: RunState,
}

/// Everything of a run that changes as it steps, the objective and the trace apart.
#[derive(Clone)]
struct RunState {
    strategy: Box<dyn Strategy>,
    rng: Rng,
    rules: StopRules,
    status: Status,
    reason: String,
    steps: usize,
    evaluations: usize,
    stale_steps: usize,
    first_value: Option<f64>,
    best_point: Vec<f64>,
    best_value: f64,
    asked: Vec<f64>,
    previous_asked: Vec<f64>,
    values: Vec<f64>,
    gradients: Vec<f64>,
    /// While a step is in progress: the candidates of its ask evaluated so far.
    evaluated: Option<usize>,
    /// Whether the strategy is still preparing the next step's candidates.
    preparing: bool,
    /// While the candidates of a strategy that keeps them ([`Strategy::asked`]) are copied a
    /// part at a time: how many numbers are copied.
    copied: Option<usize>,
}

/// A kept copy of a run's state after a whole step (see [`Driver::snapshot`]): restoring it
/// and stepping on gives the same run, bit for bit.
pub struct Snapshot {
    run: RunState,
    /// The objective's own state (see [`Objective::state`]).
    objective: Option<Box<dyn std::any::Any>>,
}

impl Snapshot {
    /// The step it was taken after.
    pub fn step(&self) -> usize {
        self.run.steps
    }
}

/// Work units one number of the asked candidates costs to copy (fresh memory included),
/// against one parameter of one row for an evaluation.
const COPY_COST: usize = 16;

impl Driver {
    /// A run of `strategy` on `objective` with the generator seeded by `seed`.
    pub fn new(
        strategy: Box<dyn Strategy>,
        objective: Box<dyn Objective>,
        seed: u64,
        rules: StopRules,
    ) -> Self {
        let start = strategy.position().to_vec();
        Driver {
            trace: Trace::new(&start),
            objective,
            watch_position: false,
            run: RunState {
                best_point: start,
                strategy,
                rng: seeded(seed),
                rules,
                status: Status::Ready,
                reason: String::new(),
                steps: 0,
                evaluations: 0,
                stale_steps: 0,
                first_value: None,
                best_value: f64::INFINITY,
                asked: Vec::new(),
                previous_asked: Vec::new(),
                values: Vec::new(),
                gradients: Vec::new(),
                evaluated: None,
                preparing: false,
                copied: None,
            },
        }
    }

    /// The same run, also scoring the strategy's position after each step, so that the best
    /// so far includes the point the page shows: gradient descent moves θ to a point it
    /// evaluates only at its next step. For a deterministic objective (a landscape): the extra
    /// value is not counted in [`Driver::evaluations`], which counts what the strategy asked.
    pub fn watching_position(mut self) -> Self {
        self.watch_position = true;
        self
    }

    /// One ask → evaluate → tell. Does nothing once the run has stopped.
    pub fn step(&mut self) -> Result<Status> {
        let mut unlimited = usize::MAX;
        self.advance(&mut unlimited)?;
        Ok(self.run.status)
    }

    /// Carries the step on for about `budget` units of the objective's work (see
    /// [`Objective::evaluate_part`]), taking them off `budget`: asks, evaluates the candidates
    /// a part at a time, and tells once all are scored. Every call does some work. Returns
    /// whether the step is complete (also when the run has stopped). A step done in parts
    /// gives the same bits as one done at once; until it completes, everything the driver
    /// reports is as of the last complete step, except [`Driver::asked`] and
    /// [`Driver::values`], which then hold the step's candidates and their values so far.
    pub fn advance(&mut self, budget: &mut usize) -> Result<bool> {
        if self.run.status.is_final() {
            return Ok(true);
        }
        let dim = self.run.strategy.dim();
        let wants_gradient = self.run.strategy.wants_gradient();
        let mut evaluated = match self.run.evaluated {
            Some(evaluated) => evaluated,
            None => {
                if self.run.copied.is_none() {
                    // A large population is bred a slice at a time too.
                    self.run.preparing = !self.run.strategy.prepare(&mut self.run.rng, budget);
                    if self.run.preparing {
                        return Ok(false);
                    }
                    std::mem::swap(&mut self.run.previous_asked, &mut self.run.asked);
                    self.run.asked.clear();
                    self.run.values.clear();
                    let keeps = self.run.strategy.asked().is_some();
                    let asked = self.run.strategy.ask(&mut self.run.rng)?;
                    if keeps {
                        self.run.copied = Some(0);
                    } else {
                        self.run.asked.extend_from_slice(asked);
                    }
                }
                if !self.copy_asked(budget) {
                    return Ok(false);
                }
                self.run.gradients.clear();
                if wants_gradient {
                    self.run.gradients.resize(self.run.asked.len(), 0.0);
                }
                0
            }
        };
        let count = self.run.asked.len() / dim;
        while evaluated < count {
            let point = &self.run.asked[evaluated * dim..(evaluated + 1) * dim];
            let gradient = wants_gradient
                .then(|| &mut self.run.gradients[evaluated * dim..(evaluated + 1) * dim]);
            let value = self.objective.evaluate_part(point, gradient, budget);
            if let Some(value) = value {
                self.run.values.push(value);
                evaluated += 1;
            }
            if evaluated < count && (value.is_none() || *budget == 0) {
                self.run.evaluated = Some(evaluated);
                return Ok(false);
            }
        }
        self.run.evaluated = None;
        self.tell(count)?;
        Ok(true)
    }

    /// Copies the kept candidates of the ask ([`Strategy::asked`]) on for about `budget`
    /// units (at least a part); `true` once they are all copied (or there was nothing to copy).
    fn copy_asked(&mut self, budget: &mut usize) -> bool {
        let Some(done) = self.run.copied else {
            return true;
        };
        let Some(from) = self.run.strategy.asked() else {
            self.run.copied = None;
            return true;
        };
        if done == 0 {
            self.run.asked.reserve_exact(from.len());
        }
        let part = (*budget / COPY_COST).max(4096).min(from.len() - done);
        self.run.asked.extend_from_slice(&from[done..done + part]);
        *budget = budget.saturating_sub(part * COPY_COST);
        if done + part < from.len() {
            self.run.copied = Some(done + part);
            return false;
        }
        self.run.copied = None;
        true
    }

    /// While a step is in progress: its candidates evaluated so far, and how many it asked
    /// (0 and 0 while the strategy still prepares them).
    pub fn progress(&self) -> Option<(usize, usize)> {
        if self.run.preparing {
            return Some((0, 0));
        }
        if self.run.copied.is_some() {
            let asked = self.run.strategy.asked().map_or(0, <[f64]>::len);
            return Some((0, asked / self.run.strategy.dim().max(1)));
        }
        self.run
            .evaluated
            .map(|done| (done, self.run.asked.len() / self.run.strategy.dim()))
    }

    /// While the strategy prepares the step's candidates: how many it has made, of how many.
    pub fn preparation(&self) -> Option<(usize, usize)> {
        self.run
            .preparing
            .then(|| self.run.strategy.preparation())
            .flatten()
    }

    /// Ends a step whose `count` candidates are scored: counts, checks for divergence,
    /// tells the strategy, keeps the best and checks the stop rules.
    fn tell(&mut self, count: usize) -> Result<()> {
        self.run.evaluations += count;
        self.run.steps += 1;
        if let Some(reason) = self.divergence() {
            // The strategy is not told, so its last good state stays on screen.
            self.run.status = Status::Diverged;
            self.run.reason = reason;
            return Ok(());
        }
        self.run
            .strategy
            .tell(&self.run.values, &self.run.gradients)?;
        self.update_best();
        self.trace.record(
            &self.run.asked,
            &self.run.values,
            self.run.strategy.position(),
            self.run.evaluations,
            self.run.best_value,
        );
        self.run.status = Status::Running;
        self.check_stop();
        Ok(())
    }

    /// A copy of the run's state after its last whole step (`None` while a step is in
    /// progress), the objective's own state (a batch stream's) included. The trace is not
    /// copied: see [`Driver::restore`].
    pub fn snapshot(&self) -> Option<Snapshot> {
        let run = &self.run;
        let between = run.evaluated.is_none() && !run.preparing && run.copied.is_none();
        between.then(|| Snapshot {
            run: self.run.clone(),
            objective: self.objective.state(),
        })
    }

    /// About how many numbers a snapshot taken now holds: the driver's own vectors, and as
    /// many again for the strategy's (a population and its next generation, moments…).
    pub fn snapshot_size(&self) -> usize {
        let r = &self.run;
        2 * (r.best_point.len()
            + r.asked.len()
            + r.previous_asked.len()
            + r.values.len()
            + r.gradients.len())
    }

    /// Whether restoring `snapshot` (taken from this run) and stepping on to step `target`
    /// gives this run's state at `target` and its trace too: the snapshot is at or before
    /// `target`, and the trace still holds what the target's trace keeps from before it.
    pub fn can_restore(&self, snapshot: &Snapshot, target: usize) -> bool {
        let taken = &snapshot.run;
        let samples = match target {
            0 => 0,
            t => self
                .trace
                .evaluations
                .get(t - 1)
                .map_or(self.run.evaluations, |&e| e as usize),
        };
        taken.steps <= target
            && target <= self.run.steps
            && self
                .trace
                .covers((target, samples), (taken.steps, taken.evaluations))
    }

    /// Puts the run back to `snapshot` (taken from this run), its trace cut to match, any step
    /// in progress dropped: stepping on replays the run from there, bit for bit.
    pub fn restore(&mut self, snapshot: &Snapshot) {
        self.run = snapshot.run.clone();
        if let Some(state) = &snapshot.objective {
            self.objective.set_state(state.as_ref());
        }
        self.trace.truncate(self.run.steps, self.run.evaluations);
    }

    /// Steps until the run stops or `max_steps` more steps are done.
    pub fn run(&mut self, max_steps: usize) -> Result<Status> {
        for _ in 0..max_steps {
            if self.step()?.is_final() {
                break;
            }
        }
        Ok(self.run.status)
    }

    fn divergence(&mut self) -> Option<String> {
        let finite = self.run.values.iter().any(|v| v.is_finite());
        let gradient_ok = self.run.gradients.iter().all(|g| g.is_finite());
        let smallest = self
            .run
            .values
            .iter()
            .copied()
            .filter(|v| v.is_finite())
            .fold(f64::INFINITY, f64::min);
        let reference =
            *self
                .run
                .first_value
                .get_or_insert(if finite { smallest.abs() } else { 0.0 });
        if !finite || !gradient_ok {
            Some(format!("J(θ) became non-finite at step {}", self.run.steps))
        } else if self.run.rules.explodes(smallest, reference) {
            Some(format!(
                "J(θ) exploded to {} at step {}",
                super::explain::num(smallest),
                self.run.steps
            ))
        } else {
            None
        }
    }

    /// Keeps the best of the points just evaluated (and, when watching, of the position the
    /// strategy moved to) and counts the steps without a real improvement.
    fn update_best(&mut self) {
        let dim = self.run.strategy.dim();
        let before = self.run.best_value;
        for (point, &value) in self.run.asked.chunks_exact(dim).zip(&self.run.values) {
            if value < self.run.best_value {
                self.run.best_value = value;
                self.run.best_point.copy_from_slice(point);
            }
        }
        if self.watch_position {
            let value = self.objective.value(self.run.strategy.position());
            if value.is_finite() && value < self.run.best_value {
                self.run.best_value = value;
                self.run
                    .best_point
                    .copy_from_slice(self.run.strategy.position());
            }
        }
        let relative = (before - self.run.best_value) / (1e-300 + before.abs());
        let improved = self.run.best_value < before && (!before.is_finite() || relative > 1e-12);
        self.run.stale_steps = if improved {
            0
        } else {
            self.run.stale_steps + 1
        };
    }

    fn check_stop(&mut self) {
        let rules = &self.run.rules;
        let gradient_norm = self.run.gradients.iter().map(|g| g * g).sum::<f64>().sqrt();
        let (status, reason) = if rules.target.is_some_and(|t| self.run.best_value <= t) {
            (
                Status::Converged,
                format!(
                    "reached the target J ≤ {}",
                    super::explain::num(rules.target.unwrap_or(0.0))
                ),
            )
        } else if self.run.strategy.wants_gradient() && gradient_norm < rules.gradient_tolerance {
            (
                Status::Converged,
                format!(
                    "‖∇J‖ fell below {} at step {}",
                    crate::text::Num(rules.gradient_tolerance),
                    self.run.steps
                ),
            )
        } else if self.run.stale_steps >= rules.patience {
            (
                Status::Converged,
                format!("no improvement in the last {} steps", rules.patience),
            )
        } else if self.run.strategy.exhausted() {
            (
                Status::Converged,
                format!("visited every point after {} steps", self.run.steps),
            )
        } else if self.run.evaluations >= rules.max_evaluations {
            (
                Status::BudgetSpent,
                format!("used the budget of {} evaluations", rules.max_evaluations),
            )
        } else if self.run.steps >= rules.max_steps {
            (
                Status::BudgetSpent,
                format!("used the budget of {} steps", rules.max_steps),
            )
        } else {
            return;
        };
        self.run.status = status;
        self.run.reason = reason;
    }

    /// Applies new hyperparameters mid-run; `false` means the strategy must be rebuilt.
    pub fn retune(&mut self, settings: &StrategySettings) -> Result<bool> {
        settings.validate()?;
        Ok(self.run.strategy.retune(settings))
    }

    /// Replaces the stop rules (e.g. a new budget) without resetting the run.
    pub fn set_rules(&mut self, rules: StopRules) {
        self.run.rules = rules;
        if self.run.status == Status::BudgetSpent || self.run.status == Status::Converged {
            self.run.status = Status::Running;
            self.run.stale_steps = 0;
            self.check_stop();
        }
    }

    /// The run's status.
    pub fn status(&self) -> Status {
        self.run.status
    }

    /// Why the run stopped (empty while it runs).
    pub fn reason(&self) -> &str {
        &self.run.reason
    }

    /// Steps taken.
    pub fn steps(&self) -> usize {
        self.run.steps
    }

    /// Objective evaluations done.
    pub fn evaluations(&self) -> usize {
        self.run.evaluations
    }

    /// The best point evaluated so far and its value (∞ before the first step).
    pub fn best(&self) -> (&[f64], f64) {
        (&self.run.best_point, self.run.best_value)
    }

    /// The strategy's current position.
    pub fn position(&self) -> &[f64] {
        self.run.strategy.position()
    }

    /// The points asked in the last step, row-major.
    pub fn asked(&self) -> &[f64] {
        &self.run.asked
    }

    /// The points asked in the step before the last (a GA's previous generation).
    pub fn previous_asked(&self) -> &[f64] {
        &self.run.previous_asked
    }

    /// The values of the last step's points.
    pub fn values(&self) -> &[f64] {
        &self.run.values
    }

    /// The gradients of the last step's points (empty for gradient-free strategies).
    pub fn gradients(&self) -> &[f64] {
        &self.run.gradients
    }

    /// The strategy's formula with the last step's numbers.
    pub fn explain(&self) -> String {
        self.run.strategy.explain()
    }

    /// The strategy's drawing marks for the last step.
    pub fn marks(&self) -> StepMarks {
        self.run.strategy.marks()
    }

    /// The run's history (empty after [`Driver::without_trace`]).
    pub fn trace(&self) -> &Trace {
        &self.trace
    }

    /// The same run without a drawing history: for callers that never draw the samples or the
    /// path (a training run), so a large population costs no copy per step.
    pub fn without_trace(mut self) -> Self {
        self.trace = Trace::off();
        self
    }

    /// The objective (e.g. to evaluate a point the user hovers).
    pub fn objective_mut(&mut self) -> &mut dyn Objective {
        self.objective.as_mut()
    }
}
