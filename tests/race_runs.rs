//! Races: equal budgets, the summary rule against its definition, determinism, validation.

use automl_playground::landscape::LandscapeSettings;
use automl_playground::race::{Race, RaceSettings};
use automl_playground::search::{Status, StrategyKind, StrategySettings};

#[path = "support/weights_race.rs"]
mod weights_race;
use weights_race::small_weights_race;

fn gd_vs_ga(seed: u32) -> RaceSettings {
    RaceSettings {
        landscape: LandscapeSettings {
            id: "rastrigin".into(),
            ..Default::default()
        },
        strategies: vec![
            StrategySettings {
                learning_rate: 0.002,
                ..Default::default()
            },
            StrategySettings {
                kind: StrategyKind::Genetic,
                population: 40,
                ..Default::default()
            },
            StrategySettings {
                kind: StrategyKind::RandomGlobal,
                samples_per_step: 7,
                ..Default::default()
            },
        ],
        seeds: 4,
        budget: 100,
        seed,
        ..Default::default()
    }
}

fn run(settings: RaceSettings) -> Race {
    let mut race = Race::new(settings).unwrap();
    while race.step(17).unwrap() > 0 {}
    race
}

#[test]
fn every_lane_spends_exactly_the_budget_and_counts_only_its_first_evaluations() {
    let race = run(gd_vs_ga(3));
    assert_eq!(race.steps(), 100);
    assert_eq!(race.status(), Status::BudgetSpent);
    for s in 0..3 {
        for k in 0..4 {
            let (driver, _, curve) = race.lane(s, k).unwrap();
            // GD may stop early (its gradient vanished); the others spend it all.
            assert!(curve.len() == 100 || (s == 0 && driver.status().is_final()));
            if s == 1 {
                // Three generations of 40 were asked; only the first 100 evaluations count.
                assert_eq!(driver.evaluations(), 120);
                assert_eq!(curve.len(), 100);
            }
        }
        // The drawn lane: its curve is the running minimum of the values it was given, in order.
        let (driver, _, curve) = race.lane(s, 0).unwrap();
        let values = &driver.trace().sample_values;
        let mut best = f64::INFINITY;
        for (e, &v) in values.iter().take(100).enumerate() {
            best = best.min(v);
            assert_eq!(curve[e], best, "strategy {s}, evaluation {}", e + 1);
        }
    }
}

#[test]
fn the_bands_are_the_median_min_and_max_over_seeds_of_best_so_far() {
    let race = run(gd_vs_ga(8));
    for s in 0..3 {
        let bands = race.bands(s);
        assert_eq!(bands.len(), 100);
        for (i, band) in bands.iter().enumerate() {
            // The definition, by hand: four seeds, so the median is the mean of the middle two.
            let mut at: Vec<f64> = (0..4)
                .map(|k| {
                    let curve = race.lane(s, k).unwrap().2;
                    *curve.get(i).unwrap_or(curve.last().unwrap())
                })
                .collect();
            at.sort_by(|a, b| a.partial_cmp(b).unwrap());
            assert_eq!(*band, [(at[1] + at[2]) / 2.0, at[0], at[3]], "{s} {i}");
        }
    }
}

#[test]
fn same_seeds_make_the_same_race_in_any_slicing_and_another_seed_another() {
    let whole = run(gd_vs_ga(5));
    let mut sliced = Race::new(gd_vs_ga(5)).unwrap();
    while sliced.step(1).unwrap() > 0 {}
    let other = run(gd_vs_ga(6));
    let mut again = run(gd_vs_ga(5));
    again.restart().unwrap();
    assert_eq!((again.steps(), again.bands(0).len()), (0, 0));
    while again.step(33).unwrap() > 0 {}
    assert_eq!(again.bands(2), whole.bands(2));
    for s in 0..3 {
        assert_eq!(whole.bands(s), sliced.bands(s));
    }
    assert_ne!(whole.bands(1), other.bands(1));
    // Lane k starts at the same point whatever the strategy.
    assert_eq!(whole.lane(0, 2).unwrap().1, whole.lane(1, 2).unwrap().1);
    assert_ne!(whole.lane(0, 2).unwrap().1, whole.lane(0, 3).unwrap().1);
    assert!(whole.lane(3, 0).is_none() && whole.lane(0, 4).is_none() && whole.bands(3).is_empty());
}

#[test]
fn random_search_beats_the_grid_when_one_axis_matters() {
    let sampler = |kind| StrategySettings {
        kind,
        samples_per_step: 5,
        grid: automl_playground::search::grid::GridSettings { grid_points: 5 },
        ..Default::default()
    };
    let race = run(RaceSettings {
        landscape: LandscapeSettings {
            id: "stripe".into(),
            ..Default::default()
        },
        strategies: vec![
            sampler(StrategyKind::RandomGlobal),
            sampler(StrategyKind::Grid),
        ],
        seeds: 9,
        budget: 25,
        seed: 1,
        ..Default::default()
    });
    let [random, grid] = [0, 1].map(|s| race.bands(s)[24]);
    assert_eq!(grid[1], grid[2], "the grid is the same for every seed");
    assert!(
        random[0] < grid[0],
        "median: random {} vs grid {}",
        random[0],
        grid[0]
    );
}

#[test]
fn bad_race_settings_are_refused_with_their_names() {
    let refuse = |change: fn(&mut RaceSettings)| {
        let mut settings = RaceSettings {
            strategies: vec![StrategySettings::default(); 2],
            ..RaceSettings::default()
        };
        change(&mut settings);
        Race::new(settings).err().unwrap().to_string()
    };
    let none = Race::new(RaceSettings::default())
        .err()
        .unwrap()
        .to_string();
    assert!(none.contains("(got 0)"), "{none}");
    let one = refuse(|s| s.strategies.truncate(1));
    assert!(
        one.starts_with("strategies: must be a whole number from 2 to 4"),
        "{one}"
    );
    let five = refuse(|s| s.strategies = vec![StrategySettings::default(); 5]);
    assert!(five.contains("(got 5)"), "{five}");
    assert!(refuse(|s| s.seeds = 0).starts_with("seeds"));
    assert!(refuse(|s| s.budget = 5).starts_with("evaluation budget"));
    let population = refuse(|s| {
        s.strategies[1].kind = StrategyKind::Genetic;
        s.strategies[1].population = 1;
    });
    assert!(
        population.starts_with("strategy 2: population"),
        "{population}"
    );
    assert!(refuse(|s| s.landscape.id = "nowhere".into()).starts_with("landscape"));
}

#[test]
fn a_race_on_weights_counts_training_losses_from_the_same_first_weights() {
    let race = run(small_weights_race(2, 30));
    assert_eq!((race.steps(), race.status()), (30, Status::BudgetSpent));
    assert_eq!(race.optimum(), 0.0);
    for k in 0..3 {
        let gd = race.trainer(0, k).unwrap();
        // One full-batch loss per gradient step: 30 steps, 30 evaluations, all counted.
        assert_eq!((gd.steps(), gd.driver().evaluations()), (30, 30));
        assert_eq!(race.lane(0, k).unwrap().2.len(), 30);
        // The same split and first weights: the first loss is the same bits for both rules,
        // and on the first seed it is the first entry of the shown run's training curve.
        let (first_gd, first_adam) = (race.lane(0, k).unwrap().2[0], race.lane(1, k).unwrap().2[0]);
        assert_eq!(first_gd, first_adam, "seed {k}");
        if k == 0 {
            assert_eq!(first_gd, race.shown().unwrap().history().train_loss[0]);
        }
        assert!(first_gd > 0.0);
        // The GA asked three generations of 12; only the first 30 evaluations count.
        let ga = race.lane(2, k).unwrap();
        assert_eq!((ga.0.evaluations(), ga.2.len()), (36, 30));
    }
    // Another seed: another split and other first weights.
    assert_ne!(race.lane(0, 0).unwrap().2[0], race.lane(0, 1).unwrap().2[0]);
    let (_, _, curve) = race.lane(1, 0).unwrap();
    assert!(curve.windows(2).all(|w| w[1] <= w[0]) && curve[29] < curve[0]);
}

#[test]
fn a_race_on_weights_done_a_part_at_a_time_is_the_same_race() {
    let whole = run(small_weights_race(4, 30));
    let mut parts = Race::new(small_weights_race(4, 30)).unwrap();
    // Only the drawn lanes (the first seed's) are built up front; the others on the way.
    assert!(parts.trainer(2, 0).is_some() && parts.trainer(2, 1).is_none());
    let mut calls = 0;
    while parts.status() != Status::BudgetSpent {
        parts.advance(700).unwrap();
        calls += 1;
    }
    // Small slices: many calls per step.
    assert!(calls > 2 * 30, "{calls} calls");
    for s in 0..3 {
        assert_eq!(whole.bands(s), parts.bands(s), "strategy {s}");
        assert_eq!(
            whole.trainer(s, 1).unwrap().theta(),
            parts.trainer(s, 1).unwrap().theta()
        );
    }
}

#[test]
fn a_race_on_weights_refuses_a_bad_network_or_data_by_name() {
    let refuse = |change: fn(&mut RaceSettings)| {
        let mut settings = small_weights_race(1, 30);
        change(&mut settings);
        Race::new(settings).err().unwrap().to_string()
    };
    assert!(refuse(|s| s.weights.model.hidden = vec![0]).starts_with("neurons in layer 1"));
    assert!(refuse(|s| s.weights.data = "nowhere".into()).starts_with("dataset"));
    assert!(refuse(|s| s.weights.points = 3).contains("points"));
}

#[test]
fn a_race_on_weights_too_big_for_the_page_is_refused_before_it_is_built() {
    let mut settings = small_weights_race(1, 30);
    settings.weights.model.hidden = vec![32; 6];
    settings.weights.points = 2000;
    settings.seeds = 20;
    settings.strategies[2].population = 2000;
    let error = Race::new(settings.clone()).err().unwrap().to_string();
    assert!(error.starts_with("race size: 20 seeds"), "{error}");
    assert!(error.contains("use fewer seeds"), "{error}");
    // The same network with a population of 20 fits.
    settings.strategies[2].population = 20;
    assert!(Race::new(settings).is_ok());
}
