//! Whole runs of every strategy on the landscapes: determinism, invariants, stop rules.

use automl_playground::landscape::{self, LandscapeObjective, LandscapeSettings};
use automl_playground::objective::Objective;
use automl_playground::search::settings::UpdateRule;
use automl_playground::search::{self, Driver, Status, StopRules, StrategyKind, StrategySettings};

fn driver(landscape_id: &str, settings: &StrategySettings, seed: u64) -> Driver {
    let objective = LandscapeObjective(
        landscape::build(&LandscapeSettings {
            id: landscape_id.into(),
            ..Default::default()
        })
        .unwrap()
        .into(),
    );
    let strategy = search::build(settings, &[-1.5, 2.0], &objective.bounds()).unwrap();
    Driver::new(strategy, Box::new(objective), seed, StopRules::default())
}

fn kinds() -> Vec<StrategySettings> {
    let base = StrategySettings::default();
    vec![
        StrategySettings {
            kind: StrategyKind::Gradient,
            rule: UpdateRule::Adam,
            ..base.clone()
        },
        StrategySettings {
            kind: StrategyKind::RandomGlobal,
            ..base.clone()
        },
        StrategySettings {
            kind: StrategyKind::RandomWalk,
            ..base.clone()
        },
        StrategySettings {
            kind: StrategyKind::Genetic,
            ..base
        },
    ]
}

#[test]
fn same_seed_gives_the_same_trace_bit_for_bit_and_another_seed_does_not() {
    for settings in kinds() {
        let run = |seed| {
            let mut d = driver("himmelblau", &settings, seed);
            d.run(40).unwrap();
            d.trace().clone()
        };
        let (a, b) = (run(7), run(7));
        let same_bits = a
            .samples
            .iter()
            .zip(&b.samples)
            .all(|(x, y)| x.to_bits() == y.to_bits());
        assert!(
            same_bits && a == b,
            "{:?}: same seed gave different traces",
            settings.kind
        );
        if settings.kind != StrategyKind::Gradient {
            assert_ne!(
                a,
                run(8),
                "{:?}: another seed gave the same trace",
                settings.kind
            );
        }
    }
}

#[test]
fn best_so_far_never_gets_worse_and_counters_add_up() {
    for settings in kinds() {
        let mut d = driver("rastrigin", &settings, 1);
        d.run(60).unwrap();
        let trace = d.trace();
        assert!(
            trace.best.windows(2).all(|w| w[1] <= w[0]),
            "{:?}",
            settings.kind
        );
        assert_eq!(
            trace.evaluations.last().copied(),
            Some(d.evaluations() as f64)
        );
        assert_eq!(trace.positions.len(), 2 * (d.steps() + 1));
    }
}

#[test]
fn random_samples_stay_in_the_domain() {
    for kind in [
        StrategyKind::RandomGlobal,
        StrategyKind::RandomWalk,
        StrategyKind::Genetic,
    ] {
        let settings = StrategySettings {
            kind,
            sigma: 3.0,
            mutation_sigma: 5.0,
            ..Default::default()
        };
        let mut d = driver("ackley", &settings, 4);
        d.run(50).unwrap();
        for p in d.trace().samples.chunks(2) {
            assert!(
                (-5.0..=5.0).contains(&p[0]) && (-5.0..=5.0).contains(&p[1]),
                "{kind:?} left the box: {p:?}"
            );
        }
    }
}

#[test]
fn a_diverging_learning_rate_stops_the_run_as_diverged_with_finite_positions() {
    let settings = StrategySettings {
        learning_rate: 1e6,
        ..Default::default()
    };
    let mut d = driver("bowl", &settings, 1);
    assert_eq!(d.run(100).unwrap(), Status::Diverged);
    assert!(d.steps() < 5, "diverged late: step {}", d.steps());
    assert!(d.reason().contains("step"), "{}", d.reason());
    assert!(d.trace().positions.iter().all(|v| v.is_finite()));
    let steps = d.steps();
    d.step().unwrap();
    assert_eq!(d.steps(), steps, "a stopped run does not step");
}

#[test]
fn gradient_descent_converges_on_the_bowl_and_stops_by_itself() {
    let settings = StrategySettings {
        learning_rate: 0.08,
        ..Default::default()
    };
    let mut d = driver("bowl", &settings, 1);
    assert_eq!(d.run(100_000).unwrap(), Status::Converged);
    assert!(d.best().1 < 1e-12, "best {}", d.best().1);
}

#[test]
fn a_target_value_and_an_evaluation_budget_stop_the_run() {
    let settings = StrategySettings {
        kind: StrategyKind::RandomGlobal,
        ..Default::default()
    };
    let mut d = driver("himmelblau", &settings, 2);
    d.set_rules(StopRules {
        target: Some(5.0),
        ..Default::default()
    });
    assert_eq!(d.run(10_000).unwrap(), Status::Converged);
    assert!(d.best().1 <= 5.0);
    let mut d = driver("himmelblau", &settings, 2);
    d.set_rules(StopRules {
        max_evaluations: 50,
        patience: 1000,
        ..Default::default()
    });
    assert_eq!(d.run(10_000).unwrap(), Status::BudgetSpent);
    assert_eq!(d.evaluations(), 50);
}

#[test]
fn gradient_descent_lingers_at_the_saddle_before_it_escapes_to_a_minimum() {
    let surface = landscape::build(&LandscapeSettings {
        id: "saddle".into(),
        ..Default::default()
    })
    .unwrap();
    let (x, y) = surface.default_start();
    let objective = LandscapeObjective(surface.into());
    let settings = StrategySettings {
        learning_rate: 0.05,
        ..Default::default()
    };
    let strategy = search::build(&settings, &[x, y], &objective.bounds()).unwrap();
    let mut d = Driver::new(strategy, Box::new(objective), 1, StopRules::default());
    d.run(40).unwrap();
    let near_saddle = d.position().iter().map(|v| v * v).sum::<f64>().sqrt();
    assert!(
        near_saddle < 0.2,
        "after 40 steps θ = {:?} should sit near the saddle",
        d.position()
    );
    d.run(2000).unwrap();
    assert!(
        (d.best().1 + 0.25).abs() < 1e-6,
        "it reaches a minimum J = −1/4, got {}",
        d.best().1
    );
}
