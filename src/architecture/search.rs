//! The search for a model: a strategy over architectures proposes candidates, each is scored
//! by k-fold cross-validation on the non-test rows, and the winner is retrained on all of
//! them and scored once on the held-out test rows.
//!
//! Every candidate's and fold's seed is derived from (search seed, candidate index, fold
//! index), and results are told in candidate order, so a search's result depends only on its
//! settings and seed — never on how many workers evaluated it or in which order they finished.

use super::candidate::Architecture;
use super::evolution::{Evolution, EvolutionSettings};
use super::grid::{GridSearch, GridSettings};
use super::halving::{Halving, HalvingSettings};
use super::protocol::{ArchitectureStrategy, Proposal};
use super::random::{RandomSearch, RandomSettings};
use super::space::SearchSpace;
use crate::data::{Dataset, Fold, train_test_split};
use crate::error::check_range;
use crate::ranking;
use crate::rng::{Rng, derive_seed, seeded};
use crate::training::{
    CrossValidation, FittedModel, FoldCurves, FoldPlan, FoldResult, Scores, fit, fit_fold,
    make_folds, padded_bounds, record_fold, score, summarize,
};
use crate::{Error, Result};

/// The side, in pixels, of the picture a search draws of each fold model (small: one per fold
/// of every candidate; see [`ArchitectureSearch::evaluate_with_picture`]).
pub const PICTURE_SIZE: usize = 48;

/// Which strategy searches the space, with its own settings.
#[derive(Debug, Clone, PartialEq)]
pub enum StrategyChoice {
    /// Every grid point once.
    Grid(GridSettings),
    /// Uniform draws.
    Random(RandomSettings),
    /// A population evolved generation by generation.
    Evolution(EvolutionSettings),
    /// Successive halving of random draws.
    Halving(HalvingSettings),
}

/// Everything that defines a search on a given dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchSettings {
    /// What may be tried.
    pub space: SearchSpace,
    /// How it is searched.
    pub strategy: StrategyChoice,
    /// How candidates are cross-validated.
    pub folds: FoldPlan,
    /// The share of rows held out for the winner's test score, 0.05 to 0.5.
    pub test_share: f64,
    /// Seed of the split, the folds, the strategy's draws and every training.
    pub seed: u32,
}

impl Default for SearchSettings {
    fn default() -> Self {
        SearchSettings {
            space: SearchSpace::default(),
            strategy: StrategyChoice::Random(RandomSettings::default()),
            folds: FoldPlan {
                k: 5,
                stratified: true,
            },
            test_share: 0.2,
            seed: 1,
        }
    }
}

/// A scored candidate: one row of the leaderboard.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Its place in the order candidates were proposed (0 first).
    pub index: usize,
    /// The step (candidate, generation or rung) that proposed it, from 1.
    pub step: usize,
    /// What was trained.
    pub architecture: Architecture,
    /// Epochs each fold's model trained for.
    pub epochs: usize,
    /// The candidates it came from (see [`Proposal::parents`]).
    pub parents: Vec<usize>,
    /// Its cross-validation (per-fold scores, mean, spread).
    pub cv: CrossValidation,
}

impl Candidate {
    /// What was proposed, to train it again (its index and seed stay its own).
    pub fn proposal(&self) -> Proposal {
        Proposal {
            architecture: self.architecture.clone(),
            epochs: self.epochs,
            parents: self.parents.clone(),
        }
    }
}

/// The winner, retrained on every non-test row and scored once on the test rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Winner {
    /// The winning candidate's index.
    pub index: usize,
    /// Its mean CV score (what the search chose it by).
    pub cv_score: f64,
    /// Its scores on the held-out test rows.
    pub test: Scores,
}

/// A running search over architectures.
pub struct ArchitectureSearch {
    dataset: Dataset,
    settings: SearchSettings,
    cv_rows: Vec<usize>,
    test_rows: Vec<usize>,
    folds: Vec<Fold>,
    strategy: Box<dyn ArchitectureStrategy>,
    rng: Rng,
    candidates: Vec<Candidate>,
    pending: Vec<Proposal>,
    survivors: Vec<Vec<usize>>,
    steps: usize,
    finished: bool,
    winner: Option<Winner>,
}

/// The seed stream of the split and folds (apart from every candidate's).
const SPLIT_STREAM: u64 = u64::MAX;

fn build_strategy(settings: &SearchSettings) -> Result<Box<dyn ArchitectureStrategy>> {
    Ok(match settings.strategy {
        StrategyChoice::Grid(s) => Box::new(GridSearch::new(&settings.space, s)?),
        StrategyChoice::Random(s) => Box::new(RandomSearch::new(s)?),
        StrategyChoice::Evolution(s) => Box::new(Evolution::new(s)?),
        StrategyChoice::Halving(s) => Box::new(Halving::new(s)?),
    })
}

impl ArchitectureSearch {
    /// Checks the settings against the dataset (space, strategy, k against the rows and the
    /// smallest class), holds out the test rows and deals the folds. Errors name the limit.
    pub fn new(dataset: Dataset, settings: SearchSettings) -> Result<ArchitectureSearch> {
        settings.space.validate()?;
        check_range("test share", settings.test_share, 0.05, 0.5)?;
        let strategy = build_strategy(&settings)?;
        let seed = u64::from(settings.seed);
        let mut split_rng = seeded(derive_seed(seed, &[SPLIT_STREAM]));
        let split = train_test_split(dataset.target(), 0.0, settings.test_share, &mut split_rng)?;
        let stratified = settings.folds.stratified && dataset.target().n_classes().is_some();
        let plan = FoldPlan {
            stratified,
            ..settings.folds
        };
        let folds = make_folds(
            &dataset,
            &split.train,
            plan,
            derive_seed(seed, &[SPLIT_STREAM, 0]),
        )?;
        Ok(ArchitectureSearch {
            rng: seeded(seed),
            cv_rows: split.train,
            test_rows: split.test,
            folds,
            strategy,
            dataset,
            settings,
            candidates: Vec::new(),
            pending: Vec::new(),
            survivors: Vec::new(),
            steps: 0,
            finished: false,
            winner: None,
        })
    }

    /// The proposals of the current step, asking the strategy for a new batch when none is
    /// pending. Empty once the search is over. Proposal `i` becomes candidate
    /// `candidates().len() + i`.
    pub fn pending(&mut self) -> Result<&[Proposal]> {
        if self.pending.is_empty() && !self.finished {
            self.pending = self.strategy.ask(&self.settings.space, &mut self.rng)?;
            if self.pending.is_empty() {
                self.finished = true;
            }
        }
        Ok(&self.pending)
    }

    /// The seed of candidate `index` (its folds derive theirs from it).
    pub fn candidate_seed(&self, index: usize) -> u64 {
        derive_seed(u64::from(self.settings.seed), &[index as u64])
    }

    /// Trains and scores candidate `index`'s proposal on fold `fold`: the unit of work a
    /// worker does. Pure: the same arguments give the same result anywhere.
    pub fn evaluate(&self, proposal: &Proposal, index: usize, fold: usize) -> Result<FoldResult> {
        self.evaluate_with_picture(proposal, index, fold, 0)
            .map(|(result, _)| result)
    }

    /// Like [`evaluate`](Self::evaluate), with a `size` × `size` picture of the fold model's
    /// output over [`picture_bounds`](Self::picture_bounds) for a two-feature dataset.
    pub fn evaluate_with_picture(
        &self,
        proposal: &Proposal,
        index: usize,
        fold: usize,
        size: usize,
    ) -> Result<(FoldResult, Option<Vec<u8>>)> {
        let (result, model) = fit_fold(
            &self.dataset,
            self.fold(fold)?,
            &proposal.architecture.fit_settings(proposal.epochs),
            self.fold_seed(index, fold),
        )?;
        let picture = self
            .picture_bounds()
            .and_then(|bounds| model.picture(bounds, size, size));
        Ok((result, picture))
    }

    /// Fold `fold`'s model of candidate `index` trained again exactly as
    /// [`evaluate`](Self::evaluate) trained it (same seed, same result), recording its curves
    /// step by step: for the candidate a learner chooses, apart from the search's loop.
    pub fn record(
        &self,
        proposal: &Proposal,
        index: usize,
        fold: usize,
    ) -> Result<(FoldResult, FittedModel, FoldCurves)> {
        record_fold(
            &self.dataset,
            self.fold(fold)?,
            &proposal.architecture.fit_settings(proposal.epochs),
            self.fold_seed(index, fold),
        )
    }

    /// Fold `fold`, or an error naming how many there are.
    fn fold(&self, fold: usize) -> Result<&Fold> {
        self.folds
            .get(fold)
            .ok_or_else(|| Error::setting("fold", format!("there are {} folds", self.folds.len())))
    }

    /// The seed of candidate `index`'s model on fold `fold`.
    fn fold_seed(&self, index: usize, fold: usize) -> u64 {
        derive_seed(self.candidate_seed(index), &[fold as u64])
    }

    /// The plane the pictures cover, `[x_min, x_max, y_min, y_max]` around the rows (padded),
    /// for a two-feature dataset.
    pub fn picture_bounds(&self) -> Option<[f64; 4]> {
        (self.dataset.n_features() == 2).then(|| padded_bounds(self.dataset.features()))
    }

    /// Records the results of every pending proposal (`results[i][f]`: proposal `i`, fold
    /// `f`), tells the strategy, and ends the step.
    pub fn tell(&mut self, results: Vec<Vec<FoldResult>>) -> Result<()> {
        if self.pending.is_empty() {
            return Err(Error::protocol("tell without pending proposals".into()));
        }
        if results.len() != self.pending.len()
            || results.iter().any(|r| r.len() != self.folds.len())
        {
            return Err(Error::protocol(format!(
                "expected {} results of {} folds each",
                self.pending.len(),
                self.folds.len()
            )));
        }
        self.steps += 1;
        let first = self.candidates.len();
        let mut scores = Vec::with_capacity(results.len());
        for (i, (proposal, folds)) in std::mem::take(&mut self.pending)
            .into_iter()
            .zip(results)
            .enumerate()
        {
            let cv = summarize(folds);
            scores.push(cv.mean);
            self.candidates.push(Candidate {
                index: first + i,
                step: self.steps,
                architecture: proposal.architecture,
                epochs: proposal.epochs,
                parents: proposal.parents,
                cv,
            });
        }
        self.strategy.tell(&scores)?;
        self.survivors.push(self.strategy.survivors());
        Ok(())
    }

    /// For each step taken, the candidates that went on after it: evolution's elites, the
    /// ones successive halving promoted (empty for grid and random search).
    pub fn survivors(&self) -> &[Vec<usize>] {
        &self.survivors
    }

    /// One whole step on this thread: asks, evaluates every fold of every proposal, tells.
    /// Returns `false` once the search is over (nothing was evaluated).
    pub fn step(&mut self) -> Result<bool> {
        let proposals = self.pending()?.to_vec();
        if proposals.is_empty() {
            return Ok(false);
        }
        let first = self.candidates.len();
        let results = proposals
            .iter()
            .enumerate()
            .map(|(i, p)| {
                (0..self.folds.len())
                    .map(|f| self.evaluate(p, first + i, f))
                    .collect::<Result<Vec<_>>>()
            })
            .collect::<Result<Vec<_>>>()?;
        self.tell(results)?;
        Ok(true)
    }

    /// The best candidate so far: the highest mean CV score among those trained with the
    /// most epochs (successive halving's early rungs only screen), ties to the earliest.
    pub fn best(&self) -> Option<&Candidate> {
        let most = self.candidates.iter().map(|c| c.epochs).max()?;
        let scores: Vec<f64> = self
            .candidates
            .iter()
            .map(|c| {
                if c.epochs == most {
                    c.cv.mean
                } else {
                    f64::NAN
                }
            })
            .collect();
        let top = *ranking::descending(&scores).first()?;
        scores[top].is_finite().then(|| &self.candidates[top])
    }

    /// The best candidate as a proposal, to be retrained for the final test (see
    /// [`test_score`](Self::test_score)); `None` when no candidate succeeded.
    pub fn winner_proposal(&self) -> Option<(Proposal, usize)> {
        self.best().map(|best| (best.proposal(), best.index))
    }

    /// Retrains candidate `index`'s proposal on every non-test row and scores it once on the
    /// held-out test rows (a score of NaN if the training diverged). Pure, like
    /// [`evaluate`](Self::evaluate), so a worker can do it.
    pub fn test_score(&self, proposal: &Proposal, index: usize) -> Result<Scores> {
        let model = fit(
            &self.dataset,
            &self.cv_rows,
            &proposal.architecture.fit_settings(proposal.epochs),
            derive_seed(self.candidate_seed(index), &[SPLIT_STREAM]),
        )?;
        let mut test = score(&model, &self.dataset, &self.test_rows)?;
        if model.diverged {
            test.score = f64::NAN;
        }
        Ok(test)
    }

    /// Records the winner's test scores; `index` must be the best candidate's.
    pub fn record_winner(&mut self, index: usize, test: Scores) -> Result<&Winner> {
        let best = self
            .best()
            .filter(|b| b.index == index)
            .ok_or_else(|| Error::protocol(format!("candidate {index} is not the best")))?;
        let cv_score = best.cv.mean;
        Ok(self.winner.insert(Winner {
            index,
            cv_score,
            test,
        }))
    }

    /// Retrains the best candidate on every non-test row and scores it once on the test rows.
    pub fn finish(&mut self) -> Result<Option<&Winner>> {
        let Some((proposal, index)) = self.winner_proposal() else {
            return Ok(None);
        };
        let test = self.test_score(&proposal, index)?;
        self.record_winner(index, test).map(Some)
    }

    /// Every scored candidate, in the order proposed.
    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    /// The winner, once [`finish`](Self::finish) has run.
    pub fn winner(&self) -> Option<&Winner> {
        self.winner.as_ref()
    }

    /// Whether the strategy has nothing left to propose.
    pub fn finished(&self) -> bool {
        self.finished
    }

    /// Steps taken (candidates, generations or rungs).
    pub fn steps(&self) -> usize {
        self.steps
    }

    /// How many candidates the whole search plans to score.
    pub fn planned(&self) -> usize {
        self.strategy.planned()
    }

    /// The folds over the non-test rows.
    pub fn folds(&self) -> &[Fold] {
        &self.folds
    }

    /// The rows held out for the winner's test score.
    pub fn test_rows(&self) -> &[usize] {
        &self.test_rows
    }

    /// The dataset searched.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// The settings in force.
    pub fn settings(&self) -> &SearchSettings {
        &self.settings
    }

    /// The model's output count on this dataset (classes beyond two, else one).
    pub fn outputs(&self) -> usize {
        match self.dataset.target().n_classes() {
            Some(classes) if classes > 2 => classes,
            _ => 1,
        }
    }
}
