//! A race of architecture strategies on data: every lane searches the same space on the same
//! generated data ([`super::WeightsProblem`]'s rows) with its own strategy (grid, random,
//! evolution, successive halving), scoring each candidate by k-fold cross-validation as the
//! Search view does ([`ArchitectureSearch`]). Lane k of every strategy uses seed `seed + k`: the
//! same held-out rows, the same folds and the same training seed for candidate i's fold f.
//!
//! The curve is the best CV error so far, 1 − the mean CV score (1 − accuracy for classes,
//! 1 − R² for values): the Search view's leaderboard order, never below 0, the race's J*.
//!
//! Counting: one evaluation is one candidate trained for the space's full epochs E on each of
//! the k folds. A candidate trained for e epochs (successive halving's early rungs) costs e/E of
//! an evaluation — the same training work — and, like the Search view's `best()`, does not count
//! as a model found: it only screens. The curve's value after evaluation n is the best error
//! among the candidates whose cumulative cost is at most n. A batch that crosses the budget
//! counts (and trains) only its first candidates that fit. Random search and evolution are given
//! the budget as their number of candidates (at most [`MAX_CANDIDATES`]); halving keeps its own
//! first rung's size, and a lane that runs out (a grid fully visited, halving's last rung done)
//! keeps its best to the end.
//!
//! The page trains the folds in Web Workers: the race hands out [`Job`]s and is told their
//! results in job order ([`super::Race::jobs`], [`super::Race::tell`]), so the race is the
//! same however many workers ran them, in whatever order.

use crate::Result;
use crate::architecture::{
    ArchitectureSearch, Candidate, MAX_CANDIDATES, PICTURE_SIZE, Proposal, SearchSettings,
    SearchSpace, StrategyChoice,
};
use crate::data::Dataset;
use crate::error::check_count;
use crate::training::{FoldPlan, FoldResult, MAX_FOLDS, Scores};

/// The space, the folds and the strategies of a race on architectures.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchitectureProblem {
    /// What every strategy may try (its epochs: E, one evaluation's training).
    pub space: SearchSpace,
    /// Folds k of every candidate's cross-validation.
    pub folds: usize,
    /// The strategies, 2 to 4, each with its own settings.
    pub strategies: Vec<StrategyChoice>,
}

impl Default for ArchitectureProblem {
    fn default() -> Self {
        ArchitectureProblem {
            space: SearchSpace::default(),
            folds: 3,
            strategies: Vec::new(),
        }
    }
}

impl ArchitectureProblem {
    /// Checks the space and k (the strategies are checked as their lanes are built).
    pub fn validate(&self) -> Result<()> {
        self.space.validate()?;
        check_count("folds", self.folds, 2, MAX_FOLDS)?;
        Ok(())
    }

    /// The search of `strategy` from `seed` on `dataset`, its candidate budget the race's.
    fn search(
        &self,
        dataset: &Dataset,
        strategy: &StrategyChoice,
        seed: u32,
        budget: usize,
    ) -> Result<ArchitectureSearch> {
        let candidates = budget.min(MAX_CANDIDATES);
        let strategy = match strategy.clone() {
            StrategyChoice::Random(mut s) => {
                s.candidates = candidates;
                StrategyChoice::Random(s)
            }
            StrategyChoice::Evolution(mut s) => {
                s.candidates = candidates.max(s.population);
                StrategyChoice::Evolution(s)
            }
            other => other,
        };
        let settings = SearchSettings {
            space: self.space.clone(),
            strategy,
            folds: FoldPlan {
                k: self.folds,
                stratified: true,
            },
            seed,
            ..SearchSettings::default()
        };
        ArchitectureSearch::new(dataset.clone(), settings)
    }
}

/// One unit of a worker's work: candidate `candidate` of lane `lane`, trained on fold `fold`.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// The lane (strategy-major, as [`super::Race`] orders them).
    pub lane: usize,
    /// The candidate's index in its lane's search.
    pub candidate: usize,
    /// What to train.
    pub proposal: Proposal,
    /// The fold.
    pub fold: usize,
    /// Whether the fold model's picture is wanted (fold 0 of a first-seed lane: its card).
    pub picture: bool,
}

/// A lane of a race on architectures: its search and what the race counted of it.
pub struct SearchLane {
    search: ArchitectureSearch,
    /// Epochs of the counted candidates (each on every fold).
    spent: usize,
    /// The best counted full-epoch candidate's index and CV error.
    best: Option<(usize, f64)>,
    /// Proposals of the pending batch handed out (those that fit the budget).
    handed: usize,
    /// Nothing more will be counted: the strategy ran out or the budget is spent.
    done: bool,
}

impl SearchLane {
    /// `strategy`'s lane from `seed`.
    pub(super) fn new(
        problem: &ArchitectureProblem,
        dataset: &Dataset,
        strategy: &StrategyChoice,
        seed: u32,
        budget: usize,
    ) -> Result<SearchLane> {
        Ok(SearchLane {
            search: problem.search(dataset, strategy, seed, budget)?,
            spent: 0,
            best: None,
            handed: 0,
            done: false,
        })
    }

    /// The search (its candidates: every one scored, in order).
    pub fn search(&self) -> &ArchitectureSearch {
        &self.search
    }

    /// The best counted candidate trained for the full epochs, with its CV error.
    pub fn best(&self) -> Option<(&Candidate, f64)> {
        self.best
            .map(|(index, error)| (&self.search.candidates()[index], error))
    }

    /// Evaluations spent so far (fractions included).
    pub fn spent(&self) -> f64 {
        self.spent as f64 / self.search.settings().space.epochs as f64
    }

    /// Whether nothing more will be counted.
    pub(super) fn done(&self) -> bool {
        self.done
    }

    /// The jobs of the next batch for lane number `lane`: every fold of each pending proposal
    /// that fits the budget (`picture`: fold 0's wanted). None fit: the lane is done.
    pub(super) fn jobs(
        &mut self,
        lane: usize,
        budget: usize,
        picture: bool,
        out: &mut Vec<Job>,
    ) -> Result<()> {
        let epochs = self.search.settings().space.epochs;
        let first = self.search.candidates().len();
        let folds = self.search.folds().len();
        let mut left = (budget * epochs).saturating_sub(self.spent);
        let mut handed = 0;
        for proposal in self.search.pending()? {
            if proposal.epochs > left {
                break;
            }
            left -= proposal.epochs;
            for fold in 0..folds {
                out.push(Job {
                    lane,
                    candidate: first + handed,
                    proposal: proposal.clone(),
                    fold,
                    picture: picture && fold == 0,
                });
            }
            handed += 1;
        }
        self.handed = handed;
        self.done = handed == 0;
        Ok(())
    }

    /// How many results the handed-out batch needs.
    pub(super) fn needs(&self) -> usize {
        self.handed * self.search.folds().len()
    }

    /// Records the handed-out batch's fold results (in job order) and extends `curve`, the
    /// best error after each whole evaluation, up to `budget`. The pending proposals past the
    /// budget are told as failed, untrained, and the lane is done.
    pub(super) fn record(
        &mut self,
        results: Vec<FoldResult>,
        budget: usize,
        curve: &mut Vec<f64>,
    ) -> Result<()> {
        let folds = self.search.folds().len();
        let pending = self.search.pending()?.len();
        let mut told: Vec<Vec<FoldResult>> = Vec::with_capacity(pending);
        let mut results = results.into_iter();
        for _ in 0..self.handed {
            told.push(results.by_ref().take(folds).collect());
        }
        let untrained = FoldResult {
            scores: Scores {
                loss: f64::NAN,
                score: f64::NAN,
                rmse: f64::NAN,
            },
            steps: 0,
            reason: "past the race's budget: not trained".into(),
        };
        if pending > self.handed {
            self.done = true;
            told.resize(pending, vec![untrained; folds]);
        }
        let first = self.search.candidates().len();
        let counted = std::mem::take(&mut self.handed);
        self.search.tell(told)?;
        let epochs = self.search.settings().space.epochs;
        for candidate in &self.search.candidates()[first..first + counted] {
            self.spent += candidate.epochs;
            let error = 1.0 - candidate.cv.mean;
            if candidate.epochs == epochs && error < self.best.map_or(f64::INFINITY, |b| b.1) {
                self.best = Some((candidate.index, error));
            }
            let best = self.best.map_or(f64::INFINITY, |b| b.1);
            while curve.len() < budget && (curve.len() + 1) * epochs <= self.spent {
                curve.push(best);
            }
        }
        Ok(())
    }

    /// Trains `job` (one of this lane's) on its fold, with fold 0's picture when wanted.
    pub(super) fn evaluate(&self, job: &Job) -> Result<(FoldResult, Option<Vec<u8>>)> {
        let size = if job.picture { PICTURE_SIZE } else { 0 };
        let (result, picture) =
            self.search
                .evaluate_with_picture(&job.proposal, job.candidate, job.fold, size)?;
        Ok((result, picture.filter(|p| !p.is_empty())))
    }
}
