//! Going back in a training run: a rewind to a kept snapshot, then stepping on, gives the same
//! model, curves, counters and search state as a fresh run to that step, bit for bit — for
//! every kind of weight search, its batch stream included — and playing on from there gives
//! the original run.
#![cfg(not(target_arch = "wasm32"))]

use automl_playground::data::{self, Dataset};
use automl_playground::rng::seeded;
use automl_playground::search::rewind::{MAX_NUMBERS, MAX_SNAPSHOTS};
use automl_playground::search::settings::UpdateRule;
use automl_playground::search::{Rewind, Rewindable, StrategyKind, StrategySettings};
use automl_playground::training::{
    BatchMode, ModelSettings, StepUnit, TrainingConfig, TrainingRun,
};

fn dataset() -> Dataset {
    data::generate("xor", 120, 0.2, &mut seeded(4)).unwrap()
}

fn fresh(config: &TrainingConfig) -> TrainingRun {
    TrainingRun::new(&dataset(), config).unwrap()
}

/// Everything the page reads of a run, exactly (`{:?}` writes every f64 so it reads back).
fn fingerprint(run: &TrainingRun) -> String {
    let d = run.driver();
    format!(
        "{:?} {} {} {} {:?} {:?} {:?} {:?} | {:?} {:?} {:?} {:?} {:?} {:?} {} {:?}",
        run.status(),
        run.reason(),
        run.steps(),
        run.evaluations(),
        run.theta(),
        run.history(),
        run.misclassified(),
        run.progress(),
        d.best(),
        d.position(),
        d.asked(),
        d.previous_asked(),
        d.values(),
        d.gradients(),
        d.explain(),
        d.marks(),
    )
}

/// The fingerprint of a fresh run at every step from 0 to `n`.
fn fresh_steps(config: &TrainingConfig, n: usize) -> Vec<String> {
    let mut run = fresh(config);
    let mut all = vec![fingerprint(&run)];
    for _ in 0..n {
        run.step().unwrap();
        all.push(fingerprint(&run));
    }
    all
}

/// Each kind of weight search on a small network, with a step count that thins the snapshots.
fn runs() -> Vec<(&'static str, TrainingConfig, usize)> {
    let base = TrainingConfig {
        model: ModelSettings {
            hidden: vec![4],
            ..Default::default()
        },
        seed: 7,
        ..Default::default()
    };
    let gradient = |rule, learning_rate| StrategySettings {
        kind: StrategyKind::Gradient,
        rule,
        learning_rate,
        ..Default::default()
    };
    vec![
        (
            "batch gradient descent",
            TrainingConfig {
                batch: BatchMode::Full,
                strategy: gradient(UpdateRule::Plain, 0.3),
                ..base.clone()
            },
            450,
        ),
        (
            "mini-batch SGD, a batch per step",
            TrainingConfig {
                batch: BatchMode::Mini,
                batch_size: 16,
                step_unit: StepUnit::Batch,
                strategy: gradient(UpdateRule::Plain, 0.1),
                ..base.clone()
            },
            450,
        ),
        (
            "momentum, mini-batches, an epoch per step",
            TrainingConfig {
                batch: BatchMode::Mini,
                batch_size: 10,
                step_unit: StepUnit::Epoch,
                strategy: gradient(UpdateRule::Momentum, 0.05),
                ..base.clone()
            },
            260,
        ),
        (
            "Adam, one row per update",
            TrainingConfig {
                batch: BatchMode::Sgd,
                step_unit: StepUnit::Batch,
                strategy: gradient(UpdateRule::Adam, 0.01),
                ..base.clone()
            },
            450,
        ),
        (
            "random walk",
            TrainingConfig {
                strategy: StrategySettings {
                    kind: StrategyKind::RandomWalk,
                    ..Default::default()
                },
                ..base.clone()
            },
            450,
        ),
        (
            "genetic algorithm",
            TrainingConfig {
                strategy: StrategySettings {
                    kind: StrategyKind::Genetic,
                    population: 24,
                    ..Default::default()
                },
                ..base
            },
            260,
        ),
    ]
}

#[test]
fn a_rewound_training_run_steps_on_exactly_as_a_fresh_run() {
    for (name, config, n) in runs() {
        let expected = fresh_steps(&config, n);
        let mut run = Rewindable::new(fresh(&config));
        assert_eq!(run.step(n).unwrap(), n, "{name}: the run went on");
        assert_eq!(fingerprint(&run), expected[n], "{name}: the run itself");
        let (kept, every) = run.spacing();
        assert!(
            kept <= MAX_SNAPSHOTS && every > 1,
            "{name}: {kept} snapshots every {every} steps"
        );
        // Back and forth, as a scrub goes: back by a rewind, forward by stepping on.
        for target in [n / 2, n - 1, 3, n / 2 + 5, 0, n / 3 + 1] {
            if target < run.steps() {
                let at = run.rewind(target, || Ok(fresh(&config))).unwrap();
                assert!(
                    at <= target && target - at < every,
                    "{name}: rewound to {at} for {target} (snapshots every {every})"
                );
                assert_eq!(
                    fingerprint(&run),
                    expected[at],
                    "{name}: the snapshot at {at}"
                );
            }
            run.step(target - run.steps()).unwrap();
            assert_eq!(fingerprint(&run), expected[target], "{name}: step {target}");
        }
        // Playing on from the last target ends where the original run did.
        run.step(n - run.steps()).unwrap();
        assert_eq!(fingerprint(&run), expected[n], "{name}: played on to {n}");
    }
}

#[test]
fn a_rewind_in_the_middle_of_a_step_drops_the_half_done_step() {
    for (name, config, n) in runs() {
        let n = n / 4;
        let expected = fresh_steps(&config, n);
        let mut run = Rewindable::new(fresh(&config));
        // Steps a few work units at a time: each is spread over many calls.
        while run.steps() < n {
            run.stepping(|r| r.advance(200)).unwrap();
        }
        assert_eq!(fingerprint(&run), expected[n], "{name}: sliced steps");
        // Half way through the next step, back to a middle step and on from there.
        for _ in 0..3 {
            run.stepping(|r| r.advance(200)).unwrap();
        }
        assert!(run.progress().is_some(), "{name}: a step is in progress");
        let target = n / 2 + 1;
        let at = run.rewind(target, || Ok(fresh(&config))).unwrap();
        assert_eq!(
            fingerprint(&run),
            expected[at],
            "{name}: the snapshot at {at}"
        );
        while run.steps() < target {
            run.stepping(|r| r.advance(333)).unwrap();
        }
        assert_eq!(fingerprint(&run), expected[target], "{name}: step {target}");
        run.step(n - target).unwrap();
        assert_eq!(fingerprint(&run), expected[n], "{name}: played on to {n}");
    }
}

#[test]
fn a_retuned_run_drops_its_snapshots_and_a_restart_keeps_only_true_ones() {
    let (_, config, _) = runs().remove(0);
    let mut run = Rewindable::new(fresh(&config));
    run.step(40).unwrap();
    assert!(run.spacing().0 > 0);
    let faster = StrategySettings {
        learning_rate: 0.6,
        ..config.strategy.clone()
    };
    assert!(run.retune(&faster).unwrap());
    assert_eq!(run.spacing().0, 0, "retuning changes the run's future");
    run.step(20).unwrap();
    assert!(run.spacing().0 > 0);
    // The same run from its start with the new rate: the snapshots of the retuned run are not
    // of it.
    let retuned = TrainingConfig {
        strategy: faster,
        ..config
    };
    run.restart(fresh(&retuned));
    assert_eq!(run.spacing().0, 0);
    run.step(60).unwrap();
    let at = run.rewind(50, || Ok(fresh(&retuned))).unwrap();
    run.step(50 - at).unwrap();
    assert_eq!(fingerprint(&run), fresh_steps(&retuned, 50)[50]);
}

#[test]
fn a_large_population_keeps_fewer_snapshots_within_the_memory_bound_and_a_huge_one_none() {
    let rows = data::generate("xor", 40, 0.2, &mut seeded(4)).unwrap();
    // (hidden layers, steps, snapshots kept at most): about 270 000 numbers a snapshot, then
    // 2.6 million (5.1 million after the first step), more than the bound allows for one.
    for (hidden, steps, most) in [(vec![8], 12, MAX_NUMBERS / 250_000), (vec![32, 16], 3, 0)] {
        let config = TrainingConfig {
            model: ModelSettings {
                hidden,
                ..Default::default()
            },
            strategy: StrategySettings {
                kind: StrategyKind::Genetic,
                population: 2_000,
                ..Default::default()
            },
            ..Default::default()
        };
        let fresh = || TrainingRun::new(&rows, &config);
        let mut run = Rewindable::new(fresh().unwrap());
        run.step(steps).unwrap();
        let size = run.snapshot_size();
        let (kept, every) = run.spacing();
        println!("population 2000: {kept} snapshots of {size} numbers, every {every} steps");
        assert!(size > 4 * 2_000 * run.spec().n_params(), "{size} numbers");
        assert!(
            kept <= most && kept * size <= MAX_NUMBERS && (kept > 0 || most == 0),
            "{kept} snapshots of {size} numbers, every {every} steps"
        );
        let target = steps - 2;
        let at = run.rewind(target, fresh).unwrap();
        run.step(target - at).unwrap();
        let mut expected = fresh().unwrap();
        for _ in 0..target {
            expected.step().unwrap();
        }
        assert_eq!(fingerprint(&run), fingerprint(&expected));
    }
}

/// Steps `run` to `target` and returns its fingerprint.
fn stepped_to(mut run: TrainingRun, target: usize) -> String {
    while run.steps() < target {
        run.step().unwrap();
    }
    fingerprint(&run)
}

#[test]
fn a_run_carried_on_after_a_point_was_added_goes_back_as_far_as_the_change() {
    let (_, config, _) = runs().remove(1);
    let mut before = fresh(&config);
    for _ in 0..30 {
        before.step().unwrap();
    }
    let mut changed = dataset();
    changed.push_point(0.3, -0.2, 1.0).unwrap();
    let carried = || TrainingRun::starting_from(&changed, &config, Some(&before)).unwrap();
    let mut run = Rewindable::new(carried());
    assert_eq!(run.steps(), 30);
    run.step(300).unwrap();
    for target in [250, 31, 100, 30] {
        let at = run.rewind(target, || Ok(fresh(&config))).unwrap();
        assert!((30..=target).contains(&at), "rewound to {at} for {target}");
        run.step(target - at).unwrap();
        assert_eq!(
            fingerprint(&run),
            stepped_to(carried(), target),
            "step {target}"
        );
    }
    // Before the change, it stops at the change.
    run.step(10).unwrap();
    assert_eq!(run.rewind(12, || Ok(fresh(&config))).unwrap(), 30);
    assert_eq!(fingerprint(&run), fingerprint(&carried()));
}

#[test]
fn a_run_from_a_saved_model_goes_back_to_the_saved_weights() {
    let (_, config, _) = runs().remove(3);
    let mut trained = fresh(&config);
    for _ in 0..20 {
        trained.step().unwrap();
    }
    let file = trained.model_file();
    let loaded = || TrainingRun::from_model_file(&dataset(), &config, &file).unwrap();
    let mut run = Rewindable::new(loaded());
    run.step(400).unwrap();
    let at = run.rewind(1, || Ok(fresh(&config))).unwrap();
    assert_eq!(at, 0);
    run.step(1).unwrap();
    assert_eq!(fingerprint(&run), stepped_to(loaded(), 1));
}
