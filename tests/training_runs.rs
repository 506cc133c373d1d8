//! Training runs end to end: known accuracies on classic tables, divergence, settings errors.
#![cfg(not(target_arch = "wasm32"))]

use automl_playground::data::{self, Dataset, Target};
use automl_playground::render::surface::NON_FINITE_RGBA;
use automl_playground::rng::seeded;
use automl_playground::search::genetic::CHILD_COST;
use automl_playground::search::settings::UpdateRule;
use automl_playground::search::{Status, StrategyKind, StrategySettings};
use automl_playground::training::{
    BatchMode, DisplayMode, InputMode, ModelSettings, Role, TrainingConfig, TrainingRun,
};

fn gaussians() -> Dataset {
    data::generate("gaussians", 200, 0.1, &mut seeded(3)).unwrap()
}

#[test]
fn gradient_descent_on_an_mlp_lowers_the_loss_and_raises_accuracy() {
    let mut run = TrainingRun::new(
        &data::generate("circle", 300, 0.05, &mut seeded(2)).unwrap(),
        &TrainingConfig::default(),
    )
    .unwrap();
    let first = run.history().train_loss[0];
    for _ in 0..60 {
        run.step().unwrap();
    }
    let h = run.history();
    assert_eq!(h.train_loss.len(), 61);
    assert!(
        *h.train_loss.last().unwrap() < 0.5 * first,
        "loss {first} → {:?}",
        h.train_loss.last()
    );
    assert!(
        *h.test_score.last().unwrap() > 0.9,
        "test accuracy {:?}",
        h.test_score.last()
    );
    assert_eq!(run.boundary_rgba(false, 20, 10).len(), 800);
}

#[test]
fn the_genetic_algorithm_searches_the_weights_and_records_generation_fitness() {
    let config = TrainingConfig {
        strategy: StrategySettings {
            kind: StrategyKind::Genetic,
            population: 30,
            ..Default::default()
        },
        model: ModelSettings {
            hidden: vec![3],
            ..Default::default()
        },
        ..Default::default()
    };
    let mut run = TrainingRun::new(&gaussians(), &config).unwrap();
    for _ in 0..30 {
        run.step().unwrap();
    }
    let h = run.history();
    assert_eq!(h.generation_best.len(), 30);
    assert!(
        h.generation_best.windows(2).all(|w| w[1] <= w[0] + 1e-12),
        "elitism keeps the best"
    );
    assert!(*h.train_score.last().unwrap() > 0.9);
    let (thetas, values) = run.ranked_population(8);
    assert_eq!(values.len(), 8);
    assert_eq!(thetas.len(), 8 * run.spec().n_params());
    assert!(values.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn an_exploding_learning_rate_diverges_and_keeps_the_last_good_model() {
    let dataset = data::generate("line", 100, 0.1, &mut seeded(1)).unwrap();
    let config = TrainingConfig {
        strategy: StrategySettings {
            learning_rate: 50.0,
            ..Default::default()
        },
        model: ModelSettings {
            hidden: vec![],
            ..Default::default()
        },
        ..Default::default()
    };
    let mut run = TrainingRun::new(&dataset, &config).unwrap();
    let mut status = Status::Running;
    for _ in 0..50 {
        status = run.step().unwrap();
        if status.is_final() {
            break;
        }
    }
    assert_eq!(status, Status::Diverged);
    assert!(run.reason().contains("epoch"), "{}", run.reason());
    assert!(run.theta().iter().all(|v| v.is_finite()));
    assert!(run.history().train_loss.iter().all(|v| v.is_finite()));
    assert_eq!(run.curve(5).len(), 10);
}

#[test]
fn the_fitted_curve_is_the_model_at_the_drawn_x_whatever_the_number_of_points() {
    let dataset = data::generate("line", 100, 0.1, &mut seeded(2)).unwrap();
    let config = TrainingConfig {
        model: ModelSettings {
            hidden: vec![],
            ..Default::default()
        },
        ..Default::default()
    };
    let mut run = TrainingRun::new(&dataset, &config).unwrap();
    for _ in 0..20 {
        run.step().unwrap();
    }
    let (coarse, fine) = (run.curve(2), run.curve(5));
    let [u0, u1, ..] = run.bounds();
    assert_eq!((coarse[0], coarse[2]), (u0, u1));
    assert_eq!((fine[0], fine[8]), (u0, u1));
    // The same x gets the same y, and a linear model's curve is the line through its ends.
    assert!((coarse[1] - fine[1]).abs() < 1e-12 && (coarse[3] - fine[9]).abs() < 1e-12);
    assert!((fine[5] - 0.5 * (coarse[1] + coarse[3])).abs() < 1e-9);
    assert!(
        (coarse[3] - coarse[1]).abs() > 0.1,
        "the fitted line has a slope"
    );
}

#[test]
fn absurd_architectures_are_refused_with_the_allowed_range() {
    let refuse = |hidden: Vec<usize>| {
        let config = TrainingConfig {
            model: ModelSettings {
                hidden,
                ..Default::default()
            },
            ..Default::default()
        };
        TrainingRun::new(&gaussians(), &config)
            .err()
            .expect("refused")
            .to_string()
    };
    assert_eq!(
        refuse(vec![4, 0]),
        "neurons in layer 2: must be a whole number from 1 to 32 (got 0)"
    );
    assert_eq!(
        refuse(vec![33]),
        "neurons in layer 1: must be a whole number from 1 to 32 (got 33)"
    );
    assert!(refuse(vec![2; 7]).starts_with("hidden layers"));
}

#[test]
fn all_features_of_iris_train_behind_a_pca_display() {
    let config = TrainingConfig {
        display: DisplayMode::Pca,
        inputs: InputMode::All,
        model: ModelSettings {
            hidden: vec![],
            ..Default::default()
        },
        strategy: StrategySettings {
            rule: UpdateRule::Adam,
            learning_rate: 0.05,
            ..Default::default()
        },
        ..Default::default()
    };
    let mut run = TrainingRun::new(&data::classic("iris").unwrap(), &config).unwrap();
    assert_eq!(run.spec().inputs(), 4);
    for _ in 0..40 {
        run.step().unwrap();
    }
    assert!(*run.history().test_score.last().unwrap() > 0.85);
    assert_eq!(run.display_points().len(), 300);
    // The marks agree with the accuracy: as many misclassified training rows as its error rate.
    let accuracy = *run.history().train_score.last().unwrap();
    let marks = run.misclassified();
    let training = |&(_, role): &(&u8, &Role)| *role == Role::Train;
    let train_rows = marks.iter().zip(run.roles()).filter(training).count();
    let wrong = marks
        .iter()
        .zip(run.roles())
        .filter(training)
        .filter(|&(&m, _)| m == 1)
        .count();
    assert_eq!(
        wrong,
        ((1.0 - accuracy) * train_rows as f64).round() as usize
    );
    // Every pixel of the boundary is a finite model output (no grey).
    let pixels = run.boundary_rgba(false, 8, 8);
    assert!(pixels.chunks(4).all(|p| p != NON_FINITE_RGBA));
}

#[test]
fn a_classifier_whose_loss_grows_by_orders_of_magnitude_has_diverged_not_converged() {
    let dataset = data::generate("circle", 200, 0.1, &mut seeded(1)).unwrap();
    let config = TrainingConfig {
        strategy: StrategySettings {
            learning_rate: 1e6,
            ..Default::default()
        },
        ..Default::default()
    };
    let mut run = TrainingRun::new(&dataset, &config).unwrap();
    let start = run.theta().to_vec();
    let status = (0..50)
        .map(|_| run.step().unwrap())
        .find(|s| s.is_final())
        .unwrap();
    assert_eq!(status, Status::Diverged, "{}", run.reason());
    assert!(run.reason().contains("epoch 1"), "{}", run.reason());
    // The last good model (here the first one) stays, with its loss.
    assert_eq!(run.theta(), &start[..]);
    let losses = &run.history().train_loss;
    assert!(losses.iter().all(|&l| l < 1.0), "{losses:?}");
}

#[test]
fn no_improvement_is_counted_in_the_steps_the_run_counts() {
    let dataset = data::generate("circle", 200, 0.1, &mut seeded(1)).unwrap();
    // α = 0: the loss never improves, so the patience rule is what stops the run.
    let config = TrainingConfig {
        strategy: StrategySettings {
            learning_rate: 0.0,
            ..Default::default()
        },
        ..Default::default()
    };
    let mut run = TrainingRun::new(&dataset, &config).unwrap();
    let status = (0..1000)
        .map(|_| run.step().unwrap())
        .find(|s| s.is_final())
        .unwrap();
    assert_eq!(status, Status::Converged, "{}", run.reason());
    // 140 training rows in mini-batches of 10: 14 updates an epoch, 2000 updates ≈ 143 epochs.
    assert_eq!(
        run.reason(),
        "no improvement of the training loss in the last 143 epochs"
    );
    assert_eq!(run.steps(), 144);
}

#[test]
fn a_run_continued_on_changed_data_keeps_its_weights_steps_and_curves_and_marks_the_change() {
    let config = TrainingConfig::default();
    let mut data = gaussians();
    let mut run = TrainingRun::new(&data, &config).unwrap();
    for _ in 0..12 {
        run.step().unwrap();
    }
    let before = run.history().clone();
    let evaluations = run.evaluations();
    data.push_point(0.9, -0.9, 0.0).unwrap();
    let next = TrainingRun::starting_from(&data, &config, Some(&run)).unwrap();
    assert_eq!(
        next.theta(),
        run.theta(),
        "the search starts from the current weights"
    );
    assert_eq!(next.steps(), 12, "the step counter carries on");
    assert_eq!(next.evaluations(), evaluations, "so do the evaluations");
    let h = next.history();
    assert_eq!(
        h.data_changes,
        vec![12.0],
        "the change is marked at its step"
    );
    assert_eq!(
        h.steps.len(),
        13,
        "one entry per step, the last one recomputed on the new data"
    );
    assert_eq!(h.steps[..12], before.steps[..12]);
    assert_eq!(h.train_loss[..12], before.train_loss[..12]);
    assert_eq!(*h.steps.last().unwrap(), 12.0);
    let mut next = next;
    next.step().unwrap();
    assert_eq!(next.steps(), 13);
    assert_eq!(next.history().steps.len(), 14);
    assert_eq!(next.history().test_loss.len(), 14);
    // A fresh start forgets all of it, and so does a change before the first step.
    let fresh = TrainingRun::new(&data, &config).unwrap();
    assert_eq!(fresh.steps(), 0);
    assert!(fresh.history().data_changes.is_empty());
    data.push_point(-0.9, 0.9, 1.0).unwrap();
    let again = TrainingRun::starting_from(&data, &config, Some(&fresh)).unwrap();
    assert_eq!(
        again.theta(),
        TrainingRun::new(&data, &config).unwrap().theta()
    );
    assert!(again.history().data_changes.is_empty());
}

/// Share of the points whose nearest other point is of the same class.
fn same_class_neighbours(dataset: &Dataset) -> f64 {
    let x = dataset.features();
    let Target::Classes { labels, .. } = dataset.target() else {
        panic!("classes expected")
    };
    let n = labels.len();
    let same = (0..n)
        .filter(|&i| {
            let nearest = (0..n)
                .filter(|&j| j != i)
                .min_by(|&a, &b| {
                    let d = |j: usize| {
                        (x[2 * i] - x[2 * j]).powi(2) + (x[2 * i + 1] - x[2 * j + 1]).powi(2)
                    };
                    d(a).total_cmp(&d(b))
                })
                .unwrap();
            labels[nearest] == labels[i]
        })
        .count();
    same as f64 / n as f64
}

#[test]
fn every_generated_set_shows_its_shape_at_its_default_points_and_noise() {
    // Arms, moons and rings that touch leave a point's nearest neighbour in the other class.
    for id in ["circle", "xor", "spiral", "moons"] {
        let (points, noise) = data::generator_defaults(id);
        for seed in 1..4 {
            let dataset = data::generate(id, points, noise, &mut seeded(seed)).unwrap();
            let share = same_class_neighbours(&dataset);
            println!(
                "{id} seed {seed}: {points} points, noise {noise}: {share:.3} same-class neighbours"
            );
            assert!(
                share >= 0.95,
                "{id} (seed {seed}) does not show its shape: {share:.3}"
            );
        }
    }
}

#[test]
fn a_one_feature_regression_draws_each_candidates_curve_in_its_thumbnail() {
    let config = TrainingConfig {
        strategy: StrategySettings {
            kind: StrategyKind::Genetic,
            population: 12,
            ..Default::default()
        },
        ..Default::default()
    };
    let mut run = TrainingRun::new(
        &data::generate("sine", 200, 0.1, &mut seeded(1)).unwrap(),
        &config,
    )
    .unwrap();
    run.step().unwrap();
    let (thetas, _) = run.ranked_population(3);
    let size = 64;
    for theta in thetas.chunks_exact(run.spec().n_params()) {
        let rgba = run.thumbnail_rgba(theta, size, size);
        assert_eq!(rgba.len(), size * size * 4);
        let first = &rgba[..4];
        let differing = rgba.chunks_exact(4).filter(|p| p != &first).count();
        // Every column holds the curve, and the points show too: far from a blank square.
        assert!(
            differing >= 2 * size,
            "only {differing} pixels differ from the background"
        );
        let columns_with_curve = (0..size)
            .filter(|&x| {
                (0..size).any(|y| rgba[4 * (y * size + x)..4 * (y * size + x) + 3] == [29, 78, 216])
            })
            .count();
        assert!(
            columns_with_curve >= size - 2,
            "the curve shows in {columns_with_curve} columns"
        );
    }
}

/// Steps done a small budget at a time (`advance`) give the model and the curves of steps
/// done at once, bit for bit: for a GA generation sliced between candidates, an epoch of
/// mini-batches sliced between batches, and a full batch sliced between chunks of rows.
#[test]
fn a_step_done_in_slices_is_the_step_done_at_once() {
    let genetic = StrategySettings {
        kind: StrategyKind::Genetic,
        population: 50,
        ..Default::default()
    };
    let cases = [
        (
            "genetic",
            "gaussians",
            TrainingConfig {
                strategy: genetic,
                ..Default::default()
            },
            6,
        ),
        ("mini-batch epochs", "circle", TrainingConfig::default(), 6),
        (
            "full batch",
            "spiral",
            TrainingConfig {
                batch: BatchMode::Full,
                validation_share: 0.2,
                ..Default::default()
            },
            6,
        ),
        ("regression", "sine", TrainingConfig::default(), 4),
    ];
    for (name, set, config, steps) in cases {
        let dataset = data::generate(set, 2000, 0.1, &mut seeded(8)).unwrap();
        let mut at_once = TrainingRun::new(&dataset, &config).unwrap();
        let mut sliced = TrainingRun::new(&dataset, &config).unwrap();
        let mut calls = 0;
        for _ in 0..steps {
            at_once.step().unwrap();
            let before = (
                sliced.steps(),
                sliced.theta().to_vec(),
                sliced.history().clone(),
            );
            loop {
                calls += 1;
                if sliced.advance(2_000).unwrap() {
                    break;
                }
                // Until the step completes, the run shows the last complete one.
                assert_eq!(sliced.steps(), before.0, "{name}");
                assert_eq!(sliced.theta(), &before.1[..], "{name}");
                assert_eq!(sliced.history(), &before.2, "{name}");
                assert!(sliced.progress().is_some(), "{name}");
            }
            assert_eq!(sliced.progress(), None, "{name}");
        }
        assert!(
            calls > 4 * steps,
            "{name}: {calls} calls did not slice the steps"
        );
        let bits = |run: &TrainingRun| run.theta().iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&sliced), bits(&at_once), "{name}: θ");
        assert_eq!(
            format!("{:?}", sliced.history()),
            format!("{:?}", at_once.history()),
            "{name}: curves"
        );
        assert_eq!(sliced.evaluations(), at_once.evaluations(), "{name}");
        assert_eq!(sliced.steps(), steps, "{name}");
    }
}

/// A large population's candidates are copied from the strategy a part per call, not all in
/// one (2000 × 5 574 numbers took 60 ms in the browser), and the step is the same, bit for bit.
#[test]
fn a_large_population_is_copied_a_part_at_a_time() {
    let config = TrainingConfig {
        strategy: StrategySettings {
            kind: StrategyKind::Genetic,
            population: 400,
            ..Default::default()
        },
        ..Default::default()
    };
    let dataset = gaussians();
    let mut at_once = TrainingRun::new(&dataset, &config).unwrap();
    at_once.step().unwrap();
    let mut sliced = TrainingRun::new(&dataset, &config).unwrap();
    let full = 400 * sliced.spec().n_params();
    assert!(
        full > 4 * 4096,
        "{full} numbers are too few to copy in parts"
    );
    let mut partial = 0;
    while !sliced.advance(1).unwrap() {
        let copied = sliced.driver().asked().len();
        if copied > 0 && copied < full {
            partial += 1;
            assert_eq!(
                sliced.progress().unwrap(),
                "generation 1: 0 of 400 evaluated"
            );
        }
    }
    assert!(partial >= 3, "copied in {} parts", partial + 1);
    let bits = |run: &TrainingRun| run.theta().iter().map(|v| v.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&sliced), bits(&at_once));
    assert_eq!(sliced.driver().asked(), at_once.driver().asked());
}

/// The page shows what a step in progress is doing, in the unit the run counts.
#[test]
fn a_step_in_progress_says_how_far_it_has_come() {
    let config = TrainingConfig {
        strategy: StrategySettings {
            kind: StrategyKind::Genetic,
            population: 200,
            ..Default::default()
        },
        ..Default::default()
    };
    let mut run = TrainingRun::new(&gaussians(), &config).unwrap();
    assert!(!run.advance(1).unwrap());
    assert_eq!(
        run.progress().unwrap(),
        "generation 1: drawing candidate 2 of 200"
    );
    // Enough for the whole generation to be drawn, and the first evaluation begun.
    let genes = 200 * run.spec().n_params();
    assert!(!run.advance(CHILD_COST * genes + 1).unwrap());
    assert_eq!(run.progress().unwrap(), "generation 1: 0 of 200 evaluated");
    let mut run = TrainingRun::new(&gaussians(), &TrainingConfig::default()).unwrap();
    assert!(!run.advance(1).unwrap());
    assert_eq!(run.progress().unwrap(), "epoch 1: batch 2 of 14");
}

/// A picture of the model over the plane done a band of rows at a time (as the page does at
/// rest, a frame at a time) is the picture done at once, byte for byte — the output of a
/// classifier and of a regression, and a hidden neuron's — and it shows the model as it was
/// when it started, whatever steps come meanwhile.
#[test]
fn a_picture_done_in_bands_is_the_picture_done_at_once() {
    use automl_playground::training::Shows;
    for set in ["spiral", "plane"] {
        let dataset = data::generate(set, 300, 0.1, &mut seeded(4)).unwrap();
        let mut run = TrainingRun::new(&dataset, &TrainingConfig::default()).unwrap();
        for _ in 0..3 {
            run.step().unwrap();
        }
        let (w, h) = (37, 23);
        for shows in [
            Shows::Output,
            Shows::Neuron {
                layer: 1,
                neuron: 2,
            },
        ] {
            let whole = match shows {
                Shows::Neuron { layer, neuron } => run.neuron_rgba(layer, neuron, w, h).unwrap(),
                _ => run.boundary_rgba(false, w, h),
            };
            let mut picture = run.picture(shows, w, h).unwrap();
            // About two rows per call: at least one row, never the whole picture at once.
            let budget = 2 * w * run.spec().n_params();
            let mut calls = 0;
            loop {
                calls += 1;
                assert_eq!(picture.rgba(), None, "{set} {shows:?}: not complete yet");
                if run.advance_picture(&mut picture, budget) {
                    break;
                }
                // Steps taken meanwhile do not change the picture being made.
                run.step().unwrap();
            }
            assert!(calls >= h.div_ceil(2), "{set} {shows:?}: {calls} calls");
            assert_eq!(picture.rgba().unwrap(), &whole[..], "{set} {shows:?}");
        }
    }
    let dataset = data::generate("spiral", 100, 0.1, &mut seeded(4)).unwrap();
    let run = TrainingRun::new(&dataset, &TrainingConfig::default()).unwrap();
    let missing = Shows::Neuron {
        layer: 9,
        neuron: 0,
    };
    assert!(run.picture(missing, 4, 4).is_err());
}

/// A step's curves' entry (losses and scores on every part of the split) and its mistakes are
/// worked out a slice of rows at a time too, after the trainer's step: whatever the budget,
/// the curves and the ringed rows are those of steps done at once, bit for bit, and the
/// ringed rows are those the shown model's predictions get wrong.
#[test]
fn the_curves_entry_of_a_step_is_worked_out_in_slices() {
    let with_validation = TrainingConfig {
        batch: BatchMode::Full,
        validation_share: 0.2,
        ..Default::default()
    };
    let cases = [
        ("classifier", "spiral", with_validation.clone()),
        ("regression", "sine", with_validation),
    ];
    for (name, set, config) in cases {
        let dataset = data::generate(set, 900, 0.1, &mut seeded(5)).unwrap();
        let mut at_once = TrainingRun::new(&dataset, &config).unwrap();
        let chunks = |role: Role| {
            let rows = at_once.roles().iter().filter(|&&r| r == role).count();
            rows.div_ceil(16)
        };
        let (train, validation, test) = (
            chunks(Role::Train),
            chunks(Role::Validation),
            chunks(Role::Test),
        );
        assert!(validation > 0 && test > 0, "{name}");
        // The trainer's gradient and training-loss passes, then the entry's five passes.
        let one_chunk_calls = 3 * train + 2 * validation + 2 * test;
        let mut runs: Vec<(usize, TrainingRun)> = [1, 37, 1000]
            .into_iter()
            .map(|budget| (budget, TrainingRun::new(&dataset, &config).unwrap()))
            .collect();
        for _ in 0..3 {
            at_once.step().unwrap();
            let wrong: Vec<u8> = at_once
                .predictions()
                .iter()
                .zip(at_once.targets())
                .map(|(p, t)| u8::from(at_once.class_names().is_some() && *p != t))
                .collect();
            assert_eq!(at_once.misclassified(), &wrong[..], "{name}");
            for (budget, run) in &mut runs {
                let shown = run.misclassified().to_vec();
                let mut calls = 1;
                while !run.advance(*budget).unwrap() {
                    calls += 1;
                    assert_eq!(run.misclassified(), &shown[..], "{name}: shown mistakes");
                }
                if *budget == 1 {
                    assert!(
                        calls >= one_chunk_calls,
                        "{name}: {calls} calls of one chunk for {one_chunk_calls} chunks"
                    );
                }
                assert_eq!(run.misclassified(), at_once.misclassified(), "{name}");
                assert_eq!(
                    format!("{:?}", run.history()),
                    format!("{:?}", at_once.history()),
                    "{name}: curves with budget {budget}"
                );
            }
        }
    }
}
