//! Fitting, scoring and k-fold cross-validation, checked against their definitions.
#![cfg(not(target_arch = "wasm32"))]

use automl_playground::data::{self, Dataset, Target};
use automl_playground::model::{Activation, Samples};
use automl_playground::rng::{derive_seed, seeded};
use automl_playground::search::settings::UpdateRule;
use automl_playground::search::{StrategyKind, StrategySettings};
use automl_playground::training::{
    BatchMode, FitSettings, FoldPlan, ModelSettings, RegularizationKind, StepUnit, WeightSearch,
    cross_validate, fit, fit_fold, fold_of_rows, make_folds, record_fold, score, validate_fold,
};

fn adam(learning_rate: f64) -> WeightSearch {
    WeightSearch {
        strategy: StrategySettings {
            kind: StrategyKind::Gradient,
            rule: UpdateRule::Adam,
            learning_rate,
            ..Default::default()
        },
        batch: BatchMode::Full,
        batch_size: 10,
        step_unit: StepUnit::Epoch,
    }
}

/// Logistic (or softmax) regression with a small L2 penalty, trained by full-batch Adam.
fn logistic(steps: usize) -> FitSettings {
    FitSettings {
        model: ModelSettings {
            hidden: vec![],
            activation: Activation::Linear,
            regularization: RegularizationKind::L2,
            regularization_rate: 1e-3,
            ..Default::default()
        },
        search: adam(0.05),
        steps,
    }
}

fn all_rows(dataset: &Dataset) -> Vec<usize> {
    (0..dataset.n_rows()).collect()
}

fn labels(dataset: &Dataset) -> &[usize] {
    match dataset.target() {
        Target::Classes { labels, .. } => labels,
        Target::Values(_) => panic!("a classification set"),
    }
}

#[test]
fn logistic_regression_cross_validates_to_at_least_95_percent_on_iris_and_breast_cancer() {
    for id in ["iris", "breast_cancer"] {
        let dataset = data::classic(id).unwrap();
        let plan = FoldPlan {
            k: 5,
            stratified: true,
        };
        let folds = make_folds(&dataset, &all_rows(&dataset), plan, 1).unwrap();
        let cv = cross_validate(&dataset, &folds, &logistic(1500), 1).unwrap();
        assert!(cv.mean >= 0.95, "{id}: mean 5-fold accuracy {}", cv.mean);
    }
}

#[test]
fn the_cv_score_is_the_mean_of_the_fold_scores_and_std_their_spread() {
    let dataset = data::generate("moons", 120, 0.2, &mut seeded(4)).unwrap();
    let plan = FoldPlan {
        k: 4,
        stratified: false,
    };
    let folds = make_folds(&dataset, &all_rows(&dataset), plan, 9).unwrap();
    let cv = cross_validate(&dataset, &folds, &logistic(60), 5).unwrap();
    let scores: Vec<f64> = cv.folds.iter().map(|f| f.scores.score).collect();
    assert_eq!(scores.len(), 4);
    let mean = scores.iter().sum::<f64>() / 4.0;
    let var = scores.iter().map(|s| (s - mean).powi(2)).sum::<f64>() / 4.0;
    assert!((cv.mean - mean).abs() < 1e-15);
    assert!((cv.std - var.sqrt()).abs() < 1e-15);
    // Each fold's result is the fold fitted alone with its own derived seed.
    for (f, fold) in folds.iter().enumerate() {
        let alone = validate_fold(&dataset, fold, &logistic(60), derive_seed(5, &[f as u64]));
        let alone = alone.unwrap();
        assert_eq!(
            alone.scores.score.to_bits(),
            cv.folds[f].scores.score.to_bits()
        );
        assert_eq!(
            alone.scores.loss.to_bits(),
            cv.folds[f].scores.loss.to_bits()
        );
    }
    assert!(!cv.failed());
}

#[test]
fn recorded_fold_models_are_cross_validates_models_with_curves_ending_at_their_scores() {
    let dataset = data::generate("xor", 120, 0.1, &mut seeded(3)).unwrap();
    let settings = FitSettings {
        model: ModelSettings {
            hidden: vec![5],
            ..Default::default()
        },
        search: WeightSearch {
            batch: BatchMode::Mini,
            ..adam(0.05)
        },
        steps: 25,
    };
    let plan = FoldPlan {
        k: 3,
        stratified: true,
    };
    let folds = make_folds(&dataset, &all_rows(&dataset), plan, 2).unwrap();
    let cv = cross_validate(&dataset, &folds, &settings, 11).unwrap();
    let bits = |t: &[f64]| t.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
    for (f, fold) in folds.iter().enumerate() {
        let seed = derive_seed(11, &[f as u64]);
        let (recorded, model, curves) = record_fold(&dataset, fold, &settings, seed).unwrap();
        let (_, plain) = fit_fold(&dataset, fold, &settings, seed).unwrap();
        let scored = &cv.folds[f];
        assert_eq!(
            recorded.scores.score.to_bits(),
            scored.scores.score.to_bits()
        );
        assert_eq!(recorded.scores.loss.to_bits(), scored.scores.loss.to_bits());
        assert_eq!(
            (recorded.steps, &recorded.reason),
            (scored.steps, &scored.reason)
        );
        assert_eq!(bits(&model.theta), bits(&plain.theta));
        assert_eq!(curves.steps.len(), 26);
        assert_eq!(curves.steps[25], 25.0);
        let last = |v: &[f64]| v[v.len() - 1].to_bits();
        assert_eq!(
            last(&curves.validation_score),
            cv.folds[f].scores.score.to_bits()
        );
        assert_eq!(
            last(&curves.validation_loss),
            cv.folds[f].scores.loss.to_bits()
        );
        // The training rows' curve ends at the fold model's score on them.
        let on_train = score(&plain, &dataset, &fold.train).unwrap();
        assert_eq!(last(&curves.train_loss), on_train.loss.to_bits());
        assert_eq!(last(&curves.train_score), on_train.score.to_bits());
        assert!(curves.train_loss[25] < curves.train_loss[0]);
    }
}

#[test]
fn the_same_seed_gives_the_same_model_and_score_bit_for_bit() {
    let dataset = data::generate("xor", 150, 0.1, &mut seeded(2)).unwrap();
    let settings = FitSettings {
        model: ModelSettings {
            hidden: vec![6, 4],
            ..Default::default()
        },
        search: WeightSearch {
            batch: BatchMode::Mini,
            ..adam(0.03)
        },
        steps: 20,
    };
    let rows: Vec<usize> = (0..100).collect();
    let a = fit(&dataset, &rows, &settings, 77).unwrap();
    let b = fit(&dataset, &rows, &settings, 77).unwrap();
    let bits = |t: &[f64]| t.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&a.theta), bits(&b.theta));
    assert_ne!(
        bits(&a.theta),
        bits(&fit(&dataset, &rows, &settings, 78).unwrap().theta)
    );
    assert_eq!(a.steps, 20);
}

#[test]
fn score_is_the_models_accuracy_on_the_rows_standardized_with_the_fitting_rows() {
    let dataset = data::generate("gaussians", 200, 0.1, &mut seeded(3)).unwrap();
    let (train, test): (Vec<usize>, Vec<usize>) = (0..200).partition(|r| r % 4 != 0);
    let model = fit(&dataset, &train, &logistic(200), 1).unwrap();
    let scores = score(&model, &dataset, &test).unwrap();
    // The same accuracy by hand: standardize with the training rows' mean and deviation.
    let d = dataset.n_features();
    let mut correct = 0;
    for &r in &test {
        let z: Vec<f64> = (0..d)
            .map(|c| {
                let column: Vec<f64> = train.iter().map(|&t| dataset.row(t)[c]).collect();
                let mean = column.iter().sum::<f64>() / column.len() as f64;
                let var =
                    column.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / column.len() as f64;
                (dataset.row(r)[c] - mean) / var.sqrt()
            })
            .collect();
        let p = model.spec.predict(&model.theta, &z)[0];
        correct += usize::from((p >= 0.5) == (labels(&dataset)[r] == 1));
    }
    assert_eq!(scores.score, correct as f64 / test.len() as f64);
    assert!(
        scores.score > 0.9,
        "two separated Gaussians: {}",
        scores.score
    );
    assert!(scores.rmse.is_nan());
}

#[test]
fn regression_scores_r_squared_and_rmse_in_the_targets_units() {
    let dataset = data::generate("line", 100, 0.1, &mut seeded(6)).unwrap();
    let rows = all_rows(&dataset);
    let settings = FitSettings {
        model: ModelSettings {
            hidden: vec![],
            ..Default::default()
        },
        search: adam(0.1),
        steps: 2000,
    };
    let model = fit(&dataset, &rows, &settings, 2).unwrap();
    let scores = score(&model, &dataset, &rows).unwrap();
    let Target::Values(values) = dataset.target() else {
        panic!("a regression set")
    };
    let z = model.standardizer.transform(dataset.features());
    let predicted: Vec<f64> = model
        .spec
        .predict(&model.theta, &z)
        .iter()
        .map(|&v| model.coding.decode(v))
        .collect();
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    let ss_res: f64 = predicted
        .iter()
        .zip(values)
        .map(|(p, v)| (p - v).powi(2))
        .sum();
    let ss_tot: f64 = values.iter().map(|v| (v - mean).powi(2)).sum();
    assert!((scores.score - (1.0 - ss_res / ss_tot)).abs() < 1e-9);
    assert!((scores.rmse - (ss_res / values.len() as f64).sqrt()).abs() < 1e-9);
    // Linear regression trained to convergence scores the closed-form least squares' R².
    let xs: Vec<f64> = (0..values.len()).map(|r| dataset.row(r)[0]).collect();
    let x_mean = xs.iter().sum::<f64>() / xs.len() as f64;
    let slope = xs
        .iter()
        .zip(values)
        .map(|(x, v)| (x - x_mean) * (v - mean))
        .sum::<f64>()
        / xs.iter().map(|x| (x - x_mean).powi(2)).sum::<f64>();
    let ols_res: f64 = xs
        .iter()
        .zip(values)
        .map(|(x, v)| (mean + slope * (x - x_mean) - v).powi(2))
        .sum();
    let ols_r2 = 1.0 - ols_res / ss_tot;
    assert!(
        (scores.score - ols_r2).abs() < 1e-6,
        "{} vs {ols_r2}",
        scores.score
    );
    let encoded = model.coding.encode(dataset.target());
    let samples = Samples::new(&z, &encoded, 1).unwrap();
    let loss = model
        .spec
        .loss_value(&model.theta, &samples, rows, &mut model.spec.workspace());
    assert!((scores.loss - loss).abs() < 1e-12);
}

#[test]
fn folds_partition_the_given_rows_and_stratified_folds_keep_class_shares() {
    let dataset = data::classic("iris").unwrap();
    let rows: Vec<usize> = (0..150).filter(|r| r % 5 != 0).collect();
    for (k, stratified) in [(2, false), (5, true), (7, false), (10, true)] {
        let folds = make_folds(&dataset, &rows, FoldPlan { k, stratified }, 3).unwrap();
        assert_eq!(folds.len(), k);
        let fold_of = fold_of_rows(&folds, 150);
        for (r, fold) in fold_of.iter().enumerate() {
            assert_eq!(fold.is_some(), r % 5 != 0, "row {r}");
        }
        let sizes: Vec<usize> = folds.iter().map(|f| f.test.len()).collect();
        assert!(sizes.iter().max().unwrap() - sizes.iter().min().unwrap() <= 1);
        for fold in &folds {
            let mut both = [fold.train.clone(), fold.test.clone()].concat();
            both.sort_unstable();
            assert_eq!(both, rows, "train ∪ test = the given rows, disjoint");
        }
        if stratified {
            for class in 0..3 {
                let total = rows
                    .iter()
                    .filter(|&&r| labels(&dataset)[r] == class)
                    .count();
                for fold in &folds {
                    let got = fold
                        .test
                        .iter()
                        .filter(|&&r| labels(&dataset)[r] == class)
                        .count();
                    assert!(got == total / k || got == total.div_ceil(k), "{got}");
                }
            }
        }
    }
}

#[test]
fn fold_counts_outside_their_limits_are_refused_with_the_limit() {
    let iris = data::classic("iris").unwrap();
    let rows = all_rows(&iris);
    let message = |k, stratified, rows: &[usize]| {
        make_folds(&iris, rows, FoldPlan { k, stratified }, 1)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        message(11, false, &rows),
        "folds: must be a whole number from 2 to 10 (got 11)"
    );
    assert_eq!(
        message(1, true, &rows),
        "folds: must be a whole number from 2 to 10 (got 1)"
    );
    assert_eq!(
        message(4, false, &[0, 1, 2]),
        "folds: must be a whole number from 2 to 3 (got 4)"
    );
    let few: Vec<usize> = (0..150).filter(|&r| r < 50 || r % 25 == 0).collect();
    assert!(
        message(4, true, &few).contains("the size of the smallest class"),
        "{}",
        message(4, true, &few)
    );
    let line = data::generate("line", 50, 0.1, &mut seeded(1)).unwrap();
    assert!(
        make_folds(
            &line,
            &all_rows(&line),
            FoldPlan {
                k: 3,
                stratified: true
            },
            1
        )
        .is_err()
    );
}

#[test]
fn a_diverging_candidate_fails_instead_of_scoring() {
    let dataset = data::generate("sine", 100, 0.1, &mut seeded(8)).unwrap();
    let plan = FoldPlan {
        k: 3,
        stratified: false,
    };
    let folds = make_folds(&dataset, &all_rows(&dataset), plan, 1).unwrap();
    let wild = FitSettings {
        model: ModelSettings {
            hidden: vec![8],
            activation: Activation::Relu,
            ..Default::default()
        },
        search: WeightSearch {
            strategy: StrategySettings {
                rule: UpdateRule::Plain,
                learning_rate: 1e6,
                ..adam(0.1).strategy
            },
            ..adam(0.1)
        },
        steps: 50,
    };
    let cv = cross_validate(&dataset, &folds, &wild, 1).unwrap();
    assert!(cv.failed(), "{cv:?}");
    assert!(cv.folds.iter().all(|f| f.scores.score.is_nan()));
    assert!(cv.folds.iter().all(|f| f.reason.contains("step")), "{cv:?}");
}
