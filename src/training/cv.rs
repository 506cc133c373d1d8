//! k-fold cross-validation of one candidate: k models, each fitted on k − 1 folds and scored
//! on the fold it did not see. The candidate's score is the mean of the k fold scores.

use super::fit::{FitSettings, FittedModel, Scores, fit, fit_watched, score};
use crate::data::{Dataset, Fold, Target, k_fold, stratified_k_fold};
use crate::rng::{derive_seed, seeded};
use crate::{Error, Result};

/// How the rows are dealt into folds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoldPlan {
    /// Number of folds, 2 to 10.
    pub k: usize,
    /// Keep each class's share in every fold (classification only).
    pub stratified: bool,
}

/// Most folds cross-validation takes.
pub const MAX_FOLDS: usize = 10;

/// One fold's result.
#[derive(Debug, Clone, PartialEq)]
pub struct FoldResult {
    /// The fitted model's scores on the fold's rows (`score` NaN if training diverged).
    pub scores: Scores,
    /// Steps the model trained.
    pub steps: usize,
    /// Why its training stopped early, or empty.
    pub reason: String,
}

/// A candidate's cross-validation: one result per fold, and their mean and spread.
#[derive(Debug, Clone, PartialEq)]
pub struct CrossValidation {
    /// Per fold, in fold order.
    pub folds: Vec<FoldResult>,
    /// The mean fold score (NaN if any fold failed).
    pub mean: f64,
    /// The population standard deviation of the fold scores (NaN if any fold failed).
    pub std: f64,
}

impl CrossValidation {
    /// Whether some fold's training diverged (the candidate then failed).
    pub fn failed(&self) -> bool {
        !self.mean.is_finite()
    }
}

/// Deals `rows` of `dataset` into `plan.k` folds with the generator seeded by `seed`. Each
/// fold's `train` and `test` hold dataset row indices. Errors name the limit: k from 2 to 10,
/// at most the number of rows and, stratified, at most the smallest class's row count.
pub fn make_folds(
    dataset: &Dataset,
    rows: &[usize],
    plan: FoldPlan,
    seed: u64,
) -> Result<Vec<Fold>> {
    crate::error::check_count("folds", plan.k, 2, MAX_FOLDS)?;
    let mut rng = seeded(seed);
    let local = match (plan.stratified, dataset.target()) {
        (true, Target::Classes { labels, .. }) => {
            let picked: Vec<usize> = rows.iter().map(|&r| labels[r]).collect();
            stratified_k_fold(&picked, plan.k, &mut rng)?
        }
        (true, Target::Values(_)) => {
            return Err(Error::setting(
                "stratified folds",
                "need classes; regression folds are plain",
            ));
        }
        (false, _) => k_fold(rows.len(), plan.k, &mut rng)?,
    };
    let to_rows = |indices: Vec<usize>| indices.into_iter().map(|i| rows[i]).collect();
    Ok(local
        .into_iter()
        .map(|fold| Fold {
            train: to_rows(fold.train),
            test: to_rows(fold.test),
        })
        .collect())
}

/// The fold index of every row of `n` (rows in no fold get `None`).
pub fn fold_of_rows(folds: &[Fold], n: usize) -> Vec<Option<usize>> {
    let mut fold_of = vec![None; n];
    for (f, fold) in folds.iter().enumerate() {
        fold.test.iter().for_each(|&r| fold_of[r] = Some(f));
    }
    fold_of
}

/// Cross-validates `candidate` on `folds` of `dataset`: fold `f`'s model is fitted with the
/// seed derived from (`seed`, `f`), so a fold's result depends on nothing else.
pub fn cross_validate(
    dataset: &Dataset,
    folds: &[Fold],
    candidate: &FitSettings,
    seed: u64,
) -> Result<CrossValidation> {
    let folds = folds
        .iter()
        .enumerate()
        .map(|(f, fold)| validate_fold(dataset, fold, candidate, derive_seed(seed, &[f as u64])))
        .collect::<Result<Vec<_>>>()?;
    Ok(summarize(folds))
}

/// Fits on one fold's training rows and scores on its test rows.
pub fn validate_fold(
    dataset: &Dataset,
    fold: &Fold,
    candidate: &FitSettings,
    seed: u64,
) -> Result<FoldResult> {
    fit_fold(dataset, fold, candidate, seed).map(|(result, _)| result)
}

/// Like [`validate_fold`], with the fold's fitted model (e.g. to draw its boundary).
pub fn fit_fold(
    dataset: &Dataset,
    fold: &Fold,
    candidate: &FitSettings,
    seed: u64,
) -> Result<(FoldResult, FittedModel)> {
    let model = fit(dataset, &fold.train, candidate, seed)?;
    Ok((fold_result(&model, dataset, fold)?, model))
}

/// A fold model scored on the fold's rows (a score of NaN when its training diverged).
fn fold_result(model: &FittedModel, dataset: &Dataset, fold: &Fold) -> Result<FoldResult> {
    let mut scores = score(model, dataset, &fold.test)?;
    if model.diverged {
        scores.score = f64::NAN;
    }
    Ok(FoldResult {
        scores,
        steps: model.steps,
        reason: model.reason.clone(),
    })
}

/// A fold model's learning, step by step from its initial weights (step 0): its loss and
/// score on the rows it trained on and on the fold's rows it is scored on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FoldCurves {
    /// The step of each entry (0, 1, …, the steps trained).
    pub steps: Vec<f64>,
    /// Mean loss on the training folds (with the weight penalty).
    pub train_loss: Vec<f64>,
    /// Mean loss on the fold's own rows.
    pub validation_loss: Vec<f64>,
    /// Accuracy (or R²) on the training folds.
    pub train_score: Vec<f64>,
    /// Accuracy (or R²) on the fold's own rows: its last entry is the fold's score (unless
    /// the training diverged, when the fold scores NaN).
    pub validation_score: Vec<f64>,
}

/// Like [`fit_fold`], recording the model's curves after every step: the same seed gives the
/// same model and the same [`FoldResult`], bit for bit. Slower (two scorings per step), so
/// only for the candidate a learner chooses, never in the search's loop.
pub fn record_fold(
    dataset: &Dataset,
    fold: &Fold,
    candidate: &FitSettings,
    seed: u64,
) -> Result<(FoldResult, FittedModel, FoldCurves)> {
    let mut curves = FoldCurves::default();
    let model = fit_watched(dataset, &fold.train, candidate, seed, &mut |now| {
        let train = now.score(dataset, &fold.train)?;
        let validation = now.score(dataset, &fold.test)?;
        curves.steps.push(now.step as f64);
        curves.train_loss.push(train.loss);
        curves.validation_loss.push(validation.loss);
        curves.train_score.push(train.score);
        curves.validation_score.push(validation.score);
        Ok(())
    })?;
    Ok((fold_result(&model, dataset, fold)?, model, curves))
}

/// The mean and population standard deviation of the fold scores.
pub fn summarize(folds: Vec<FoldResult>) -> CrossValidation {
    let k = folds.len().max(1) as f64;
    let mean = folds.iter().map(|f| f.scores.score).sum::<f64>() / k;
    let var = folds
        .iter()
        .map(|f| (f.scores.score - mean).powi(2))
        .sum::<f64>()
        / k;
    CrossValidation {
        folds,
        mean,
        std: var.sqrt(),
    }
}
