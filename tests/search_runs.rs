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

/// A run on `id` as the page makes it: the surface's default start and tuned settings for
/// `settings`' strategy and rule, and the position watched.
fn page_run(id: &str, settings: &StrategySettings, seed: u64) -> (Driver, f64, f64) {
    let surface: std::rc::Rc<dyn landscape::Landscape> = landscape::build(&LandscapeSettings {
        id: id.into(),
        ..Default::default()
    })
    .unwrap()
    .into();
    let tuned =
        landscape::tuned_strategy(surface.as_ref(), true, &StrategySettings::default(), |s| {
            s.kind = settings.kind;
            s.rule = settings.rule;
            Ok(())
        })
        .unwrap();
    let (x, y) = surface.default_start();
    let start_value = surface.value(x, y);
    let global_minimum = surface
        .minima()
        .iter()
        .map(|m| m.2)
        .fold(f64::INFINITY, f64::min);
    let objective = LandscapeObjective(surface);
    let strategy = search::build(&tuned, &[x, y], &objective.bounds()).unwrap();
    let driver =
        Driver::new(strategy, Box::new(objective), seed, StopRules::default()).watching_position();
    (driver, start_value, global_minimum)
}

/// Every strategy the page offers: gradient descent with each rule, and the three others.
fn every_strategy() -> Vec<StrategySettings> {
    let rules = [
        UpdateRule::Plain,
        UpdateRule::Momentum,
        UpdateRule::Nesterov,
        UpdateRule::Adagrad,
        UpdateRule::Rmsprop,
        UpdateRule::Adam,
    ];
    let mut all: Vec<StrategySettings> = rules
        .into_iter()
        .map(|rule| StrategySettings {
            rule,
            ..Default::default()
        })
        .collect();
    for kind in [
        StrategyKind::RandomGlobal,
        StrategyKind::RandomWalk,
        StrategyKind::Genetic,
        StrategyKind::Grid,
    ] {
        all.push(StrategySettings {
            kind,
            ..Default::default()
        });
    }
    all
}

#[test]
fn every_surface_and_strategy_with_its_defaults_makes_visible_progress_in_200_steps() {
    // "Stalls" means: after 200 steps the best J has not closed a good part of the gap between
    // J(start) and the global minimum J*. On the smooth surfaces that part is three quarters
    // (Rosenbrock's valley floor is about 77% of its gap); on the bumpy ones (Rastrigin,
    // Ackley), where settling in the nearest local minimum is the lesson, one quarter.
    let mut failures = Vec::new();
    for id in landscape::LANDSCAPE_IDS {
        let share = if ["rastrigin", "ackley"].contains(id) {
            0.25
        } else {
            0.75
        };
        for settings in every_strategy() {
            for seed in 1..=3 {
                let (mut d, start, minimum) = page_run(id, &settings, seed);
                let status = d.run(200).unwrap();
                let closed = (start - d.best().1) / (start - minimum);
                let name = format!("{id} {:?}/{:?} seed {seed}", settings.kind, settings.rule);
                if status == Status::Diverged {
                    failures.push(format!("{name}: diverged ({})", d.reason()));
                } else if closed < share {
                    failures.push(format!(
                        "{name}: closed {:.0}% of the gap (J {} → best {})",
                        100.0 * closed,
                        start,
                        d.best().1
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn best_so_far_includes_the_current_point_after_every_step() {
    for id in landscape::LANDSCAPE_IDS {
        for settings in every_strategy() {
            let (mut d, ..) = page_run(id, &settings, 5);
            for _ in 0..60 {
                if d.step().unwrap().is_final() {
                    break;
                }
                let position = d.position().to_vec();
                let current = d.objective_mut().value(&position);
                assert!(
                    d.best().1 <= current,
                    "{id} {:?}/{:?} step {}: best {} > J(θ) {current}",
                    settings.kind,
                    settings.rule,
                    d.steps(),
                    d.best().1
                );
            }
        }
    }
}

#[test]
fn random_search_stands_at_the_start_until_it_has_samples() {
    let settings = StrategySettings {
        kind: StrategyKind::RandomGlobal,
        ..Default::default()
    };
    let (mut d, ..) = page_run("ackley", &settings, 3);
    let surface = landscape::build(&LandscapeSettings {
        id: "ackley".into(),
        ..Default::default()
    })
    .unwrap();
    let (x, y) = surface.default_start();
    assert_eq!(d.position(), [x, y], "not the known minimum (0, 0)");
    d.step().unwrap();
    let asked = d.asked().to_vec();
    assert!(
        asked.chunks(2).any(|p| p == d.position()),
        "after a step it stands at its best sample"
    );
    assert_eq!(surface.value(0.0, 0.0), 0.0, "J is never below its minimum");
}

#[test]
fn grid_search_stops_after_its_grid_with_the_grid_minimum_as_best() {
    let settings = StrategySettings {
        kind: StrategyKind::Grid,
        samples_per_step: 5,
        grid: automl_playground::search::grid::GridSettings { grid_points: 5 },
        ..Default::default()
    };
    let mut d = driver("stripe", &settings, 1);
    let status = d.run(1000).unwrap();
    assert_eq!(status, Status::Converged, "{}", d.reason());
    assert_eq!((d.steps(), d.evaluations()), (5, 25));
    // The definition: cell centres −2 + (i + ½)·4/5 on both axes.
    let surface = landscape::Stripe;
    let centre = |i: usize| -2.0 + (i as f64 + 0.5) * 4.0 / 5.0;
    let grid_min = (0..25)
        .map(|k| landscape::Landscape::value(&surface, centre(k % 5), centre(k / 5)))
        .fold(f64::INFINITY, f64::min);
    assert_eq!(d.best().1, grid_min);
    assert!(
        grid_min > 0.04,
        "the minimum x* = 1/√3 is 0.22 from the nearest column"
    );
}
