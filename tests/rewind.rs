//! Going back in a run: a rewind to a kept snapshot, then stepping on, gives the same state
//! and trace as a fresh run to that step, bit for bit, and playing on from there gives the
//! original run.

use automl_playground::landscape::{self, LandscapeObjective, LandscapeSettings};
use automl_playground::objective::Objective;
use automl_playground::search::grid::GridSettings;
use automl_playground::search::rewind::MAX_SNAPSHOTS;
use automl_playground::search::settings::UpdateRule;
use automl_playground::search::{
    self, Driver, Rewindable, StopRules, StrategyKind, StrategySettings,
};

/// Runs that never stop by themselves before their step budget.
fn rules() -> StopRules {
    StopRules {
        patience: usize::MAX,
        gradient_tolerance: 0.0,
        ..StopRules::default()
    }
}

fn driver(settings: &StrategySettings) -> Driver {
    let objective = LandscapeObjective(
        landscape::build(&LandscapeSettings {
            id: "rastrigin".into(),
            ..Default::default()
        })
        .unwrap()
        .into(),
    );
    let strategy = search::build(settings, &[-1.5, 2.0], &objective.bounds()).unwrap();
    Driver::new(strategy, Box::new(objective), 11, rules()).watching_position()
}

/// Everything the page reads of a run, exactly (`{:?}` writes every f64 so it reads back).
fn fingerprint(d: &Driver) -> String {
    format!(
        "{:?} {} {} {} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {} {:?}",
        d.status(),
        d.reason(),
        d.steps(),
        d.evaluations(),
        d.best(),
        d.position(),
        d.asked(),
        d.previous_asked(),
        d.values(),
        d.gradients(),
        d.marks(),
        d.explain(),
        d.trace(),
    )
}

fn fresh_to(settings: &StrategySettings, steps: usize) -> String {
    let mut d = driver(settings);
    d.run(steps).unwrap();
    assert_eq!(d.steps(), steps);
    fingerprint(&d)
}

/// Each strategy, run long enough that its trace drops its oldest samples.
fn runs() -> Vec<(StrategySettings, usize)> {
    let base = StrategySettings::default();
    vec![
        (
            StrategySettings {
                kind: StrategyKind::Gradient,
                rule: UpdateRule::Adam,
                learning_rate: 0.001,
                ..base.clone()
            },
            30_000,
        ),
        (
            StrategySettings {
                kind: StrategyKind::Gradient,
                rule: UpdateRule::Nesterov,
                learning_rate: 0.0005,
                ..base.clone()
            },
            3_000,
        ),
        (
            StrategySettings {
                kind: StrategyKind::RandomGlobal,
                ..base.clone()
            },
            7_000,
        ),
        (
            StrategySettings {
                kind: StrategyKind::RandomWalk,
                ..base.clone()
            },
            7_000,
        ),
        (
            StrategySettings {
                kind: StrategyKind::Grid,
                grid: GridSettings { grid_points: 100 },
                ..base.clone()
            },
            1_900,
        ),
        (
            StrategySettings {
                kind: StrategyKind::Genetic,
                ..base
            },
            1_500,
        ),
    ]
}

#[test]
fn a_rewind_then_steps_give_a_fresh_runs_state_and_playing_on_gives_the_original_run() {
    for (settings, n) in runs() {
        let name = format!("{:?}/{:?}", settings.kind, settings.rule);
        let mut run = Rewindable::new(driver(&settings));
        assert_eq!(run.step(n).unwrap(), n, "{name}: the run went on");
        let original = fingerprint(&run);
        let (kept, every) = run.spacing();
        assert!(
            kept <= MAX_SNAPSHOTS && kept * every <= n && n < (kept + 1) * every * 2,
            "{name}: {kept} snapshots every {every} steps"
        );
        for target in [n / 2, n - 1, 12_345 % n, n / 2 + 7, 1, n / 3] {
            let started = std::time::Instant::now();
            let at = run.rewind(target, || Ok(driver(&settings))).unwrap();
            assert!(at <= target, "{name}: rewound past the target");
            run.step(target - at).unwrap();
            println!(
                "{name}: {n} → {target} from the snapshot at {at}: {:?}",
                started.elapsed()
            );
            assert_eq!(
                fingerprint(&run),
                fresh_to(&settings, target),
                "{name}: state at {target} (from a snapshot at {at})"
            );
        }
        // Playing on from the last scrub ends where the original run did.
        run.step(n - run.steps()).unwrap();
        assert_eq!(fingerprint(&run), original, "{name}: played on to {n}");
    }
}

#[test]
fn a_rewind_replays_only_the_steps_after_a_snapshot_near_the_target() {
    // The walk asks 1 sample at its first step and 5 at the others (5n − 4 after n steps); its
    // trace keeps the last 20 000 to 25 000 samples, dropped 5 000 at a time: after 20 300
    // steps (101 496 samples) it holds samples 80 000 on.
    let settings = StrategySettings {
        kind: StrategyKind::RandomWalk,
        ..StrategySettings::default()
    };
    let mut run = Rewindable::new(driver(&settings));
    run.step(20_300).unwrap();
    let (_, every) = run.spacing();
    for target in [20_299, 20_100, 20_001] {
        let at = run.rewind(target, || Ok(driver(&settings))).unwrap();
        assert!(
            target - at < every,
            "rewound to {at} for {target} (snapshots every {every})"
        );
        run.step(target - at).unwrap();
    }
    // Far back, where the trace no longer holds the target's samples: from a snapshot taken
    // before them (the trace at step 6 001, 30 001 samples, holds samples 10 000 on: those of
    // the steps after step 2 000).
    let at = run.rewind(6_001, || Ok(driver(&settings))).unwrap();
    assert!(
        at > 2_000 - every && at <= 2_000,
        "rewound to {at} for 6001 (snapshots every {every})"
    );
}
