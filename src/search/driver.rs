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
    strategy: Box<dyn Strategy>,
    objective: Box<dyn Objective>,
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
    trace: Trace,
    watch_position: bool,
    /// While a step is in progress: the candidates of its ask evaluated so far.
    evaluated: Option<usize>,
    /// Whether the strategy is still preparing the next step's candidates.
    preparing: bool,
    /// While the candidates of a strategy that keeps them ([`Strategy::asked`]) are copied a
    /// part at a time: how many numbers are copied.
    copied: Option<usize>,
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
            best_point: start,
            strategy,
            objective,
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
            watch_position: false,
            evaluated: None,
            preparing: false,
            copied: None,
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
        Ok(self.status)
    }

    /// Carries the step on for about `budget` units of the objective's work (see
    /// [`Objective::evaluate_part`]), taking them off `budget`: asks, evaluates the candidates
    /// a part at a time, and tells once all are scored. Every call does some work. Returns
    /// whether the step is complete (also when the run has stopped). A step done in parts
    /// gives the same bits as one done at once; until it completes, everything the driver
    /// reports is as of the last complete step, except [`Driver::asked`] and
    /// [`Driver::values`], which then hold the step's candidates and their values so far.
    pub fn advance(&mut self, budget: &mut usize) -> Result<bool> {
        if self.status.is_final() {
            return Ok(true);
        }
        let dim = self.strategy.dim();
        let wants_gradient = self.strategy.wants_gradient();
        let mut evaluated = match self.evaluated {
            Some(evaluated) => evaluated,
            None => {
                if self.copied.is_none() {
                    // A large population is bred a slice at a time too.
                    self.preparing = !self.strategy.prepare(&mut self.rng, budget);
                    if self.preparing {
                        return Ok(false);
                    }
                    std::mem::swap(&mut self.previous_asked, &mut self.asked);
                    self.asked.clear();
                    self.values.clear();
                    let keeps = self.strategy.asked().is_some();
                    let asked = self.strategy.ask(&mut self.rng)?;
                    if keeps {
                        self.copied = Some(0);
                    } else {
                        self.asked.extend_from_slice(asked);
                    }
                }
                if !self.copy_asked(budget) {
                    return Ok(false);
                }
                self.gradients.clear();
                if wants_gradient {
                    self.gradients.resize(self.asked.len(), 0.0);
                }
                0
            }
        };
        let count = self.asked.len() / dim;
        while evaluated < count {
            let point = &self.asked[evaluated * dim..(evaluated + 1) * dim];
            let gradient =
                wants_gradient.then(|| &mut self.gradients[evaluated * dim..(evaluated + 1) * dim]);
            let value = self.objective.evaluate_part(point, gradient, budget);
            if let Some(value) = value {
                self.values.push(value);
                evaluated += 1;
            }
            if evaluated < count && (value.is_none() || *budget == 0) {
                self.evaluated = Some(evaluated);
                return Ok(false);
            }
        }
        self.evaluated = None;
        self.tell(count)?;
        Ok(true)
    }

    /// Copies the kept candidates of the ask ([`Strategy::asked`]) on for about `budget`
    /// units (at least a part); `true` once they are all copied (or there was nothing to copy).
    fn copy_asked(&mut self, budget: &mut usize) -> bool {
        let Some(done) = self.copied else {
            return true;
        };
        let Some(from) = self.strategy.asked() else {
            self.copied = None;
            return true;
        };
        if done == 0 {
            self.asked.reserve_exact(from.len());
        }
        let part = (*budget / COPY_COST).max(4096).min(from.len() - done);
        self.asked.extend_from_slice(&from[done..done + part]);
        *budget = budget.saturating_sub(part * COPY_COST);
        if done + part < from.len() {
            self.copied = Some(done + part);
            return false;
        }
        self.copied = None;
        true
    }

    /// While a step is in progress: its candidates evaluated so far, and how many it asked
    /// (0 and 0 while the strategy still prepares them).
    pub fn progress(&self) -> Option<(usize, usize)> {
        if self.preparing {
            return Some((0, 0));
        }
        if self.copied.is_some() {
            let asked = self.strategy.asked().map_or(0, <[f64]>::len);
            return Some((0, asked / self.strategy.dim().max(1)));
        }
        self.evaluated
            .map(|done| (done, self.asked.len() / self.strategy.dim()))
    }

    /// While the strategy prepares the step's candidates: how many it has made, of how many.
    pub fn preparation(&self) -> Option<(usize, usize)> {
        self.preparing
            .then(|| self.strategy.preparation())
            .flatten()
    }

    /// Ends a step whose `count` candidates are scored: counts, checks for divergence,
    /// tells the strategy, keeps the best and checks the stop rules.
    fn tell(&mut self, count: usize) -> Result<()> {
        self.evaluations += count;
        self.steps += 1;
        if let Some(reason) = self.divergence() {
            // The strategy is not told, so its last good state stays on screen.
            self.status = Status::Diverged;
            self.reason = reason;
            return Ok(());
        }
        self.strategy.tell(&self.values, &self.gradients)?;
        self.update_best();
        self.trace.record(
            &self.asked,
            &self.values,
            self.strategy.position(),
            self.evaluations,
            self.best_value,
        );
        self.status = Status::Running;
        self.check_stop();
        Ok(())
    }

    /// Steps until the run stops or `max_steps` more steps are done.
    pub fn run(&mut self, max_steps: usize) -> Result<Status> {
        for _ in 0..max_steps {
            if self.step()?.is_final() {
                break;
            }
        }
        Ok(self.status)
    }

    fn divergence(&mut self) -> Option<String> {
        let finite = self.values.iter().any(|v| v.is_finite());
        let gradient_ok = self.gradients.iter().all(|g| g.is_finite());
        let smallest = self
            .values
            .iter()
            .copied()
            .filter(|v| v.is_finite())
            .fold(f64::INFINITY, f64::min);
        let reference = *self
            .first_value
            .get_or_insert(if finite { smallest.abs() } else { 0.0 });
        if !finite || !gradient_ok {
            Some(format!("J(θ) became non-finite at step {}", self.steps))
        } else if self.rules.explodes(smallest, reference) {
            Some(format!(
                "J(θ) exploded to {} at step {}",
                super::explain::num(smallest),
                self.steps
            ))
        } else {
            None
        }
    }

    /// Keeps the best of the points just evaluated (and, when watching, of the position the
    /// strategy moved to) and counts the steps without a real improvement.
    fn update_best(&mut self) {
        let dim = self.strategy.dim();
        let before = self.best_value;
        for (point, &value) in self.asked.chunks_exact(dim).zip(&self.values) {
            if value < self.best_value {
                self.best_value = value;
                self.best_point.copy_from_slice(point);
            }
        }
        if self.watch_position {
            let value = self.objective.value(self.strategy.position());
            if value.is_finite() && value < self.best_value {
                self.best_value = value;
                self.best_point.copy_from_slice(self.strategy.position());
            }
        }
        let relative = (before - self.best_value) / (1e-300 + before.abs());
        let improved = self.best_value < before && (!before.is_finite() || relative > 1e-12);
        self.stale_steps = if improved { 0 } else { self.stale_steps + 1 };
    }

    fn check_stop(&mut self) {
        let rules = &self.rules;
        let gradient_norm = self.gradients.iter().map(|g| g * g).sum::<f64>().sqrt();
        let (status, reason) = if rules.target.is_some_and(|t| self.best_value <= t) {
            (
                Status::Converged,
                format!(
                    "reached the target J ≤ {}",
                    super::explain::num(rules.target.unwrap_or(0.0))
                ),
            )
        } else if self.strategy.wants_gradient() && gradient_norm < rules.gradient_tolerance {
            (
                Status::Converged,
                format!(
                    "‖∇J‖ fell below {} at step {}",
                    crate::text::Num(rules.gradient_tolerance),
                    self.steps
                ),
            )
        } else if self.stale_steps >= rules.patience {
            (
                Status::Converged,
                format!("no improvement in the last {} steps", rules.patience),
            )
        } else if self.evaluations >= rules.max_evaluations {
            (
                Status::BudgetSpent,
                format!("used the budget of {} evaluations", rules.max_evaluations),
            )
        } else if self.steps >= rules.max_steps {
            (
                Status::BudgetSpent,
                format!("used the budget of {} steps", rules.max_steps),
            )
        } else {
            return;
        };
        self.status = status;
        self.reason = reason;
    }

    /// Applies new hyperparameters mid-run; `false` means the strategy must be rebuilt.
    pub fn retune(&mut self, settings: &StrategySettings) -> Result<bool> {
        settings.validate()?;
        Ok(self.strategy.retune(settings))
    }

    /// Replaces the stop rules (e.g. a new budget) without resetting the run.
    pub fn set_rules(&mut self, rules: StopRules) {
        self.rules = rules;
        if self.status == Status::BudgetSpent || self.status == Status::Converged {
            self.status = Status::Running;
            self.stale_steps = 0;
            self.check_stop();
        }
    }

    /// The run's status.
    pub fn status(&self) -> Status {
        self.status
    }

    /// Why the run stopped (empty while it runs).
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// Steps taken.
    pub fn steps(&self) -> usize {
        self.steps
    }

    /// Objective evaluations done.
    pub fn evaluations(&self) -> usize {
        self.evaluations
    }

    /// The best point evaluated so far and its value (∞ before the first step).
    pub fn best(&self) -> (&[f64], f64) {
        (&self.best_point, self.best_value)
    }

    /// The strategy's current position.
    pub fn position(&self) -> &[f64] {
        self.strategy.position()
    }

    /// The points asked in the last step, row-major.
    pub fn asked(&self) -> &[f64] {
        &self.asked
    }

    /// The points asked in the step before the last (a GA's previous generation).
    pub fn previous_asked(&self) -> &[f64] {
        &self.previous_asked
    }

    /// The values of the last step's points.
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// The gradients of the last step's points (empty for gradient-free strategies).
    pub fn gradients(&self) -> &[f64] {
        &self.gradients
    }

    /// The strategy's formula with the last step's numbers.
    pub fn explain(&self) -> String {
        self.strategy.explain()
    }

    /// The strategy's drawing marks for the last step.
    pub fn marks(&self) -> StepMarks {
        self.strategy.marks()
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
