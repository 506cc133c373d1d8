//! A race: 2–4 strategies on one problem — a point on a landscape, a network's weights on
//! generated data ([`weights`]), or a model's architecture on that data ([`architecture`]) —
//! with the same evaluation budget, each run from several seeds. Every (strategy, seed) pair is a lane; lane k of every strategy uses the
//! same seed and starts from the same point, drawn from that seed. The race advances a step at a
//! time: step e brings every lane to at least e evaluations, so the page can draw it as it goes;
//! a step can be carried on a part at a time ([`Race::advance`]), so it never blocks. The summary, per strategy and evaluation count, is the median, minimum and
//! maximum over seeds of the best value found so far ([`summary`]).
//!
//! Counting: a lane's curve holds its best-so-far after each of its first `budget` evaluations.
//! A strategy asks a batch at a time (a GA's generation); when a batch crosses the budget, only
//! its first candidates up to the budget count (they were proposed before any was scored, so
//! that is the batch a budget-aware run would have cut). A lane that stops by itself before
//! the budget (converged, diverged, a grid fully visited) keeps its last best to the end.
//! (On architectures an evaluation is a candidate's k-fold cross-validation: see
//! [`architecture`] for what successive halving's shorter trainings count as.)

pub mod architecture;
pub mod catalog;
pub mod rewind;
pub mod summary;
pub mod weights;

use crate::data::Dataset;
use crate::error::check_count;
use crate::landscape::{self, Landscape, LandscapeObjective, LandscapeSettings};
use crate::objective::Objective;
use crate::rng::{seeded, uniform};
use crate::search::{self, Driver, Status, StopRules, StrategySettings};
use crate::training::{FoldResult, Trainer, TrainingRun};
use crate::{Error, Result};
use architecture::SearchLane;
pub use architecture::{ArchitectureProblem, Job};
use std::rc::Rc;
pub use weights::WeightsProblem;

/// How many strategies a race has.
pub const STRATEGIES_RANGE: [usize; 2] = [2, 4];
/// Seeds per strategy.
pub const SEEDS_RANGE: [usize; 2] = [1, 20];
/// The evaluation budget of every lane.
pub const BUDGET_RANGE: [usize; 2] = [10, 20_000];

/// What the strategies search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// A point on a 2-D landscape.
    Surface,
    /// A network's weights on generated data.
    Weights,
    /// A model's architecture on generated data, each candidate scored by k-fold CV.
    Architecture,
}

crate::named_choices!(Problem {
    "surface" => Surface,
    "weights" => Weights,
    "architecture" => Architecture,
});

/// Everything that defines a race.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RaceSettings {
    /// What the strategies search.
    pub problem: Problem,
    /// The surface (a race on a landscape).
    pub landscape: LandscapeSettings,
    /// The data (a race on weights or on architectures) and the network (on weights).
    pub weights: WeightsProblem,
    /// The space, folds and strategies of a race on architectures.
    #[serde(skip)]
    pub architecture: ArchitectureProblem,
    /// The strategies on a surface or on weights, 2 to 4, each with its hyperparameters (none
    /// by default: a race needs them given).
    pub strategies: Vec<StrategySettings>,
    /// Seeds per strategy: lanes use `seed`, `seed + 1`, …
    pub seeds: usize,
    /// Evaluations each lane may spend.
    pub budget: usize,
    /// The first seed.
    pub seed: u32,
}

impl Default for RaceSettings {
    fn default() -> Self {
        RaceSettings {
            problem: Problem::Surface,
            landscape: LandscapeSettings::default(),
            weights: WeightsProblem::default(),
            architecture: ArchitectureProblem::default(),
            strategies: Vec::new(),
            seeds: 5,
            budget: 200,
            seed: 1,
        }
    }
}

impl RaceSettings {
    /// How many strategies race (those of the problem in force).
    pub fn strategy_count(&self) -> usize {
        match self.problem {
            Problem::Architecture => self.architecture.strategies.len(),
            _ => self.strategies.len(),
        }
    }

    /// Checks the counts and every strategy (its messages say which strategy).
    pub fn validate(&self) -> Result<()> {
        let count = |name, value, [min, max]: [usize; 2]| check_count(name, value, min, max);
        count("strategies", self.strategy_count(), STRATEGIES_RANGE)?;
        count("seeds", self.seeds, SEEDS_RANGE)?;
        count("evaluation budget", self.budget, BUDGET_RANGE)?;
        match self.problem {
            Problem::Weights => self.weights.model.validate()?,
            Problem::Architecture => return self.architecture.validate(),
            Problem::Surface => {}
        }
        for (i, strategy) in self.strategies.iter().enumerate() {
            strategy
                .validate()
                .map_err(|e| Error::setting(format!("strategy {}", i + 1), e.to_string()))?;
        }
        Ok(())
    }
}

/// What a lane runs: a strategy on the surface, a network's training, or a search over
/// architectures (stepped by jobs, see [`Race::jobs`]).
enum Runner {
    Surface(Box<Driver>),
    /// Training that scores only its training loss (what the race counts).
    Weights(Box<Trainer>),
    /// A lane on weights not built yet (built by the race's first step that reaches it, so
    /// opening a race of many seeds on a large network never blocks the page): its
    /// strategy's index and its seed.
    Unbuilt(usize, u32),
    Search(Box<SearchLane>),
}

impl Runner {
    /// The driver of a lane on a surface or on weights.
    fn driver(&self) -> Option<&Driver> {
        match self {
            Runner::Surface(driver) => Some(driver),
            Runner::Weights(trainer) => Some(trainer.driver()),
            Runner::Search(_) | Runner::Unbuilt(..) => None,
        }
    }

    /// Carries the next step on within `budget`; `true` once it is complete.
    fn advance(&mut self, budget: &mut usize) -> Result<bool> {
        match self {
            Runner::Surface(driver) => driver.advance(budget),
            Runner::Weights(trainer) => trainer.advance_within(budget),
            Runner::Search(_) => Err(Error::protocol("a search lane runs by jobs".into())),
            Runner::Unbuilt(..) => Err(Error::protocol("a lane is built before it steps".into())),
        }
    }

    /// Running, or why it stopped (a training run's own stop rules included).
    fn status(&self) -> Status {
        match self {
            Runner::Surface(driver) => driver.status(),
            Runner::Weights(trainer) => trainer.status(),
            Runner::Search(lane) if lane.done() => Status::BudgetSpent,
            Runner::Search(_) => Status::Running,
            Runner::Unbuilt(..) => Status::Ready,
        }
    }
}

/// One strategy from one seed.
struct Lane {
    runner: Runner,
    /// Where it starts on the surface (NaN for weights).
    start: [f64; 2],
    /// Best-so-far after each counted evaluation.
    curve: Vec<f64>,
}

impl Lane {
    /// Whether the lane has spent its budget or stopped by itself.
    fn finished(&self, budget: usize) -> bool {
        self.curve.len() >= budget || self.runner.status().is_final()
    }

    /// Steps until the lane has counted at least `target` evaluations (or has finished),
    /// spending about `work` units at most; `false` when the work ran out first (the step in
    /// progress carries on at the next call).
    fn run_to(&mut self, target: usize, budget: usize, work: &mut usize) -> Result<bool> {
        while self.curve.len() < target && !self.finished(budget) {
            if !self.runner.advance(work)? {
                return Ok(false);
            }
            let mut best = self.curve.last().copied().unwrap_or(f64::INFINITY);
            let room = budget - self.curve.len();
            let values = self.runner.driver().map_or(&[][..], Driver::values);
            for &value in values.iter().take(room) {
                if value < best {
                    best = value;
                }
                self.curve.push(best);
            }
        }
        Ok(true)
    }

    /// How far the lane counts on the common axis: its evaluations, or the budget once finished.
    fn reach(&self, budget: usize) -> usize {
        if self.finished(budget) {
            budget
        } else {
            self.curve.len()
        }
    }
}

/// A race in progress.
pub struct Race {
    /// Shared with the same race built again (see [`Race::shared`]).
    settings: Rc<RaceSettings>,
    landscape: Rc<dyn Landscape>,
    /// The rows of a race on weights or on architectures.
    dataset: Option<Dataset>,
    /// On weights: the first seed's training run, never stepped, whose plane, training
    /// points and picture drawing show the drawn lanes' models.
    shown: Option<TrainingRun>,
    /// Strategy-major: lane `s * seeds + k` is strategy `s` from seed `seed + k`.
    lanes: Vec<Lane>,
    /// Evaluations every lane has reached.
    step: usize,
    /// On architectures: the jobs handed out and not yet told, and the step they lead to.
    jobs: Vec<Job>,
    target: usize,
    /// Per strategy: median, min and max best-so-far at evaluations 1..=step, flat by triple.
    bands: Vec<Vec<[f64; 3]>>,
    /// Whether a step is in progress (carried on a part at a time, [`Race::advance`]).
    partway: bool,
}

/// Where lane seed `seed` starts: a point drawn uniformly from the middle 80% of the domain,
/// from its own generator (the same for every strategy, apart from the strategy's stream).
fn start_of(landscape: &dyn Landscape, seed: u64) -> [f64; 2] {
    let mut rng = seeded(seed ^ 0x5354_4152_5453);
    let ((x0, x1), (y0, y1)) = landscape.domain();
    let (dx, dy) = (0.1 * (x1 - x0), 0.1 * (y1 - y0));
    [
        uniform(&mut rng, x0 + dx, x1 - dx),
        uniform(&mut rng, y0 + dy, y1 - dy),
    ]
}

impl Race {
    /// A race at step 0; the settings are validated first.
    pub fn new(settings: RaceSettings) -> Result<Race> {
        Race::shared(Rc::new(settings))
    }

    /// A race at step 0 on settings it shares (with [`Race::shared_settings`]: the same race
    /// built again, at no copy of its settings); they are validated first.
    pub fn shared(settings: Rc<RaceSettings>) -> Result<Race> {
        settings.validate()?;
        let landscape: Rc<dyn Landscape> = landscape::build(&settings.landscape)?.into();
        let dataset = match settings.problem {
            Problem::Surface => None,
            Problem::Weights | Problem::Architecture => Some(settings.weights.dataset()?),
        };
        let mut race = Race {
            settings,
            landscape,
            dataset,
            shown: None,
            lanes: Vec::new(),
            step: 0,
            jobs: Vec::new(),
            target: 0,
            bands: Vec::new(),
            partway: false,
        };
        race.restart()?;
        Ok(race)
    }

    /// Back to step 0 with the same settings: the same race again.
    pub fn restart(&mut self) -> Result<()> {
        let settings = &self.settings;
        self.lanes.clear();
        self.jobs.clear();
        self.partway = false;
        if settings.problem == Problem::Architecture {
            return self.restart_searches();
        }
        for (s, strategy) in settings.strategies.iter().enumerate() {
            for k in 0..settings.seeds {
                let seed = settings.seed as u64 + k as u64;
                let lane = match &self.dataset {
                    // A training run's seed is 32 bits: past the last, seeds wrap round. The
                    // first seed's lanes (the drawn ones) are built now, the others on the way.
                    Some(_) => Lane {
                        runner: Runner::Unbuilt(s, seed as u32),
                        start: [f64::NAN; 2],
                        curve: Vec::new(),
                    },
                    None => self.surface_lane(strategy, seed, k == 0)?,
                };
                self.lanes.push(lane);
            }
        }
        let (count, seeds) = (settings.strategies.len(), settings.seeds);
        self.step = 0;
        self.bands.clear();
        self.bands.resize_with(count, Vec::new);
        if let Some(dataset) = &self.dataset {
            let (weights, strategies) = (&settings.weights, &settings.strategies);
            let shown = weights.shown(dataset, &strategies[0], settings.seed)?;
            WeightsProblem::check_size(strategies, seeds, shown.spec().n_params())?;
            self.shown = Some(shown);
            let mut unlimited = usize::MAX;
            for s in 0..count {
                self.build(s * seeds, &mut unlimited)?;
            }
        }
        Ok(())
    }

    /// The lanes of a race on architectures (a strategy's error says which strategy).
    fn restart_searches(&mut self) -> Result<()> {
        let (settings, dataset) = (&self.settings, self.dataset.as_ref());
        let dataset = dataset.ok_or_else(|| Error::protocol("no data".into()))?;
        let problem = &settings.architecture;
        for (s, strategy) in problem.strategies.iter().enumerate() {
            for k in 0..settings.seeds {
                // Seeds are 32 bits: past the last, they wrap round.
                let seed = settings.seed.wrapping_add(k as u32);
                let lane = SearchLane::new(problem, dataset, strategy, seed, settings.budget)
                    .map_err(|e| Error::setting(format!("strategy {}", s + 1), e.to_string()))?;
                self.lanes.push(Lane {
                    runner: Runner::Search(Box::new(lane)),
                    start: [f64::NAN; 2],
                    curve: Vec::new(),
                });
            }
        }
        self.step = 0;
        self.bands.clear();
        self.bands.resize_with(problem.strategies.len(), Vec::new);
        Ok(())
    }

    /// `strategy`'s lane on the surface from `seed`, its path kept when it is `drawn`.
    fn surface_lane(&self, strategy: &StrategySettings, seed: u64, drawn: bool) -> Result<Lane> {
        let start = start_of(self.landscape.as_ref(), seed);
        let objective = LandscapeObjective(Rc::clone(&self.landscape));
        let built = search::build(strategy, &start, &objective.bounds())?;
        // No patience rule: a lane stops early only when it cannot go on.
        let rules = StopRules {
            max_evaluations: self.settings.budget,
            patience: usize::MAX,
            ..StopRules::default()
        };
        let driver = Driver::new(built, Box::new(objective), seed, rules);
        // Only the first seed's lanes are drawn.
        let driver = if drawn {
            driver
        } else {
            driver.without_trace()
        };
        Ok(Lane {
            runner: Runner::Surface(Box::new(driver)),
            start,
            curve: Vec::new(),
        })
    }

    /// Takes up to `n` steps (each brings every lane to one more evaluation); returns the steps
    /// taken, fewer once the budget is reached.
    pub fn step(&mut self, n: usize) -> Result<usize> {
        let before = self.step;
        let target = self.step.saturating_add(n).min(self.settings.budget);
        let mut unlimited = usize::MAX;
        self.run_to(target, &mut unlimited)?;
        Ok(self.step - before)
    }

    /// Carries the next step on for about `work` units (a training run's: a row through the
    /// model times its parameters); returns whether it is complete (or the race is over). A
    /// step done in parts gives the same race, bit for bit, as one done at once. (On
    /// architectures the step is done whole, on this thread: the page hands its folds to
    /// workers instead, [`Race::jobs`].)
    pub fn advance(&mut self, mut work: usize) -> Result<bool> {
        let target = self.step.saturating_add(1).min(self.settings.budget);
        self.run_to(target, &mut work)
    }

    /// Brings every lane to `target` evaluations within `work`; once all are there, the step
    /// moves on and the bands grow.
    fn run_to(&mut self, target: usize, work: &mut usize) -> Result<bool> {
        if self.settings.problem == Problem::Architecture {
            return self.search_to(target);
        }
        let budget = self.settings.budget;
        self.partway = true;
        for i in 0..self.lanes.len() {
            if !self.build(i, work)? || !self.lanes[i].run_to(target, budget, work)? {
                return Ok(false);
            }
        }
        self.partway = false;
        self.complete(target);
        Ok(true)
    }

    /// Builds lane `i` if it is not built yet, taking its cost off `work` (about its first
    /// model's scoring: every row through the network); `false` when no work was left for its
    /// first step.
    fn build(&mut self, i: usize, work: &mut usize) -> Result<bool> {
        let (Runner::Unbuilt(s, seed), Some(dataset)) = (&self.lanes[i].runner, &self.dataset)
        else {
            return Ok(true);
        };
        let trainer = self
            .settings
            .weights
            .lane(dataset, &self.settings.strategies[*s], *seed)?;
        let params = trainer.driver().position().len();
        *work = work.saturating_sub(dataset.n_rows().saturating_mul(params));
        self.lanes[i].runner = Runner::Weights(Box::new(trainer));
        Ok(*work > 0)
    }

    /// Brings every lane on architectures to `target` evaluations on this thread, job by job,
    /// exactly as workers would (the jobs in hand, if any, first).
    fn search_to(&mut self, target: usize) -> Result<bool> {
        let target = if self.jobs.is_empty() {
            target
        } else {
            target.max(self.target)
        };
        loop {
            if self.jobs.is_empty() {
                self.hand_out(target)?;
                if self.jobs.is_empty() {
                    break;
                }
            }
            let results = self
                .jobs
                .iter()
                .map(|job| self.evaluate(job).map(|(result, _)| result))
                .collect::<Result<Vec<_>>>()?;
            self.record(results)?;
        }
        self.complete(target);
        Ok(true)
    }

    /// Hands out the jobs that bring each search lane below `target` on by one batch.
    fn hand_out(&mut self, target: usize) -> Result<()> {
        let budget = self.settings.budget;
        let seeds = self.settings.seeds;
        self.target = target;
        for (i, lane) in self.lanes.iter_mut().enumerate() {
            if lane.curve.len() >= target || lane.finished(budget) {
                continue;
            }
            if let Runner::Search(search) = &mut lane.runner {
                search.jobs(i, budget, i % seeds == 0, &mut self.jobs)?;
            }
        }
        Ok(())
    }

    /// Records the results of the jobs in hand, in job order, lane by lane.
    fn record(&mut self, results: Vec<FoldResult>) -> Result<()> {
        if results.len() != self.jobs.len() || self.jobs.is_empty() {
            return Err(Error::protocol(format!(
                "expected {} fold results",
                self.jobs.len()
            )));
        }
        self.jobs.clear();
        let budget = self.settings.budget;
        let mut results = results.into_iter();
        for lane in &mut self.lanes {
            if let Runner::Search(search) = &mut lane.runner
                && search.needs() > 0
            {
                let mine = results.by_ref().take(search.needs()).collect();
                search.record(mine, budget, &mut lane.curve)?;
            }
        }
        Ok(())
    }

    /// On architectures: the jobs of the step in hand — every fold of every candidate that
    /// brings a lane on towards the next step, lane after lane — handing them out when none
    /// are. Empty when the step needed none (it is then complete) or the race is over.
    pub fn jobs(&mut self) -> Result<&[Job]> {
        if self.jobs.is_empty() && self.settings.problem == Problem::Architecture {
            let target = self.step.saturating_add(1).min(self.settings.budget);
            self.hand_out(target)?;
            if self.jobs.is_empty() {
                self.complete(target);
            }
        }
        Ok(&self.jobs)
    }

    /// On architectures: the jobs of the step in hand that [`Race::jobs`] handed out.
    pub fn jobs_in_hand(&self) -> &[Job] {
        &self.jobs
    }

    /// Trains one job on its fold (what a worker does): its result and, when the job asks,
    /// the fold model's picture. Pure: the same job gives the same result in any race built
    /// from the same settings.
    pub fn evaluate(&self, job: &Job) -> Result<(FoldResult, Option<Vec<u8>>)> {
        match self.lanes.get(job.lane).map(|lane| &lane.runner) {
            Some(Runner::Search(search)) => search.evaluate(job),
            _ => Err(Error::protocol(format!(
                "there is no search lane {}",
                job.lane
            ))),
        }
    }

    /// Records the results of the jobs in hand (`results[i]`: job `i`'s). Returns whether the
    /// step is complete; if not, [`Race::jobs`] hands out the next batches.
    pub fn tell(&mut self, results: Vec<FoldResult>) -> Result<bool> {
        self.record(results)?;
        let (target, budget) = (self.target, self.settings.budget);
        let short = |lane: &Lane| lane.curve.len() < target && !lane.finished(budget);
        if self.lanes.iter().any(short) {
            return Ok(false);
        }
        self.complete(target);
        Ok(true)
    }

    /// Moves the step on to `target` (or as far as every lane has reached) and grows the bands.
    fn complete(&mut self, target: usize) {
        let budget = self.settings.budget;
        let before = self.step;
        let reached = self.lanes.iter().map(|l| l.reach(budget)).min();
        self.step = reached.unwrap_or(budget).min(target).max(before);
        self.extend_bands(before);
    }

    /// Adds the bands of evaluations `from + 1 ..= step`.
    fn extend_bands(&mut self, from: usize) {
        let seeds = self.settings.seeds;
        let mut values = vec![0.0; seeds];
        for (s, bands) in self.bands.iter_mut().enumerate() {
            let lanes = &self.lanes[s * seeds..(s + 1) * seeds];
            for e in from + 1..=self.step {
                for (value, lane) in values.iter_mut().zip(lanes) {
                    *value = summary::best_at(&lane.curve, e);
                }
                bands.push(summary::band(&mut values));
            }
        }
    }

    /// Steps taken: the evaluations every lane has reached (or the budget, once finished).
    pub fn steps(&self) -> usize {
        self.step
    }

    /// Running until the budget is reached, then budget spent.
    pub fn status(&self) -> Status {
        match self.step {
            0 => Status::Ready,
            s if s >= self.settings.budget => Status::BudgetSpent,
            _ => Status::Running,
        }
    }

    /// The settings in force.
    pub fn settings(&self) -> &RaceSettings {
        &self.settings
    }

    /// The settings in force, to build the same race again ([`Race::shared`]).
    pub fn shared_settings(&self) -> Rc<RaceSettings> {
        Rc::clone(&self.settings)
    }

    /// The surface.
    pub fn landscape(&self) -> &dyn Landscape {
        self.landscape.as_ref()
    }

    /// Strategy `s`'s median, min and max best-so-far after evaluations 1..=[`Race::steps`]
    /// (empty for a strategy it does not have).
    pub fn bands(&self, s: usize) -> &[[f64; 3]] {
        self.bands.get(s).map_or(&[], Vec::as_slice)
    }

    /// Strategy `s`'s lane from seed number `k` (0: the first seed): its driver, start (NaN on
    /// weights) and best-so-far curve; `None` when there is no such lane (or it searches
    /// architectures: see [`Race::search_lane`]).
    pub fn lane(&self, s: usize, k: usize) -> Option<(&Driver, [f64; 2], &[f64])> {
        let lane = self.lane_at(s, k)?;
        Some((lane.runner.driver()?, lane.start, &lane.curve))
    }

    /// Strategy `s`'s trainer from seed number `k`, in a race on weights (`None` before the
    /// lane is built: the first step that reaches it builds it).
    pub fn trainer(&self, s: usize, k: usize) -> Option<&Trainer> {
        match &self.lane_at(s, k)?.runner {
            Runner::Weights(trainer) => Some(trainer),
            _ => None,
        }
    }

    /// In a race on weights, the first seed's training run, never stepped: the display
    /// plane, the training points, the network (see [`Race::lane_image`]).
    pub fn shown(&self) -> Option<&TrainingRun> {
        self.shown.as_ref()
    }

    /// In a race on weights, strategy `s`'s first-seed model over the display plane as
    /// `width` × `height` RGBA (see [`TrainingRun::thumbnail_rgba`]): the model of its last
    /// complete step.
    pub fn lane_image(&self, s: usize, width: usize, height: usize) -> Option<Vec<u8>> {
        let (shown, trainer) = (self.shown.as_ref()?, self.trainer(s, 0)?);
        Some(shown.thumbnail_rgba(trainer.theta(), width, height))
    }

    /// Strategy `s`'s search from seed number `k`, in a race on architectures, with its
    /// best-so-far curve.
    pub fn search_lane(&self, s: usize, k: usize) -> Option<(&SearchLane, &[f64])> {
        let lane = self.lane_at(s, k)?;
        match &lane.runner {
            Runner::Search(search) => Some((search, &lane.curve)),
            _ => None,
        }
    }

    fn lane_at(&self, s: usize, k: usize) -> Option<&Lane> {
        let seeds = self.settings.seeds;
        (s < self.bands.len() && k < seeds).then(|| &self.lanes[s * seeds + k])
    }

    /// The lowest value a curve could reach: the surface's lowest known minimum, or 0 for a
    /// training loss or a CV error (never negative).
    pub fn optimum(&self) -> f64 {
        if self.dataset.is_some() {
            return 0.0;
        }
        let minima = self.landscape.minima();
        minima.iter().map(|m| m.2).fold(f64::INFINITY, f64::min)
    }
}
