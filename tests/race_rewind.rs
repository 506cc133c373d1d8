//! Going back in a race: rewound to an earlier step (to a kept snapshot, then stepped on) and
//! stepped on to where it was, a race on a surface or on weights has the same bands, every
//! lane the same best-so-far and the drawn lanes the same paths, bit for bit, as the race run
//! straight through; a race on architectures keeps no snapshots and replays from its start.

use automl_playground::architecture::{
    GridSettings, IntRange, RandomSettings, SearchSpace, StrategyChoice,
};
use automl_playground::landscape::LandscapeSettings;
use automl_playground::race::{ArchitectureProblem, Problem, Race, RaceSettings, WeightsProblem};
use automl_playground::search::{Rewindable, StrategyKind, StrategySettings};

#[path = "support/weights_race.rs"]
mod weights_race;
use weights_race::small_weights_race;

/// Gradient descent, a GA of 30, random search and a grid on Rastrigin, 4 seeds.
fn on_surface() -> RaceSettings {
    let kind = |kind, count| StrategySettings {
        kind,
        population: count,
        samples_per_step: count,
        ..Default::default()
    };
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
            kind(StrategyKind::Genetic, 30),
            kind(StrategyKind::RandomGlobal, 3),
            StrategySettings {
                kind: StrategyKind::Grid,
                ..Default::default()
            },
        ],
        seeds: 4,
        budget: 450,
        seed: 3,
        ..Default::default()
    }
}

/// Grid and random search over 0–1 hidden layers, 2 seeds (raced for 3 candidates here).
fn on_architectures() -> RaceSettings {
    let range = |min, max, steps| IntRange { min, max, steps };
    RaceSettings {
        problem: Problem::Architecture,
        weights: WeightsProblem {
            data: "moons".into(),
            points: 60,
            ..Default::default()
        },
        architecture: ArchitectureProblem {
            space: SearchSpace {
                layers: range(0, 1, 2),
                neurons: range(2, 4, 2),
                epochs: 6,
                ..SearchSpace::default()
            },
            folds: 2,
            strategies: vec![
                StrategyChoice::Grid(GridSettings),
                StrategyChoice::Random(RandomSettings::default()),
            ],
        },
        seeds: 2,
        budget: 10,
        seed: 2,
        ..Default::default()
    }
}

/// `settings`' race taken straight to step `n`.
fn straight(settings: &RaceSettings, n: usize) -> Race {
    let mut race = Race::new(settings.clone()).unwrap();
    assert_eq!(race.step(n).unwrap(), n);
    race
}

/// Checks that `race` is `reference`, bit for bit: its step, every strategy's bands, every
/// lane's best-so-far, and the drawn (first-seed) lanes' positions and paths.
fn assert_same(race: &Race, reference: &Race, when: &str) {
    assert_eq!(race.steps(), reference.steps(), "{when}");
    let settings = reference.settings();
    for s in 0..settings.strategy_count() {
        let bits = |bands: &[[f64; 3]]| bands.iter().flatten().map(|v| v.to_bits()).collect();
        let bands: Vec<u64> = bits(race.bands(s));
        assert_eq!(bands, bits(reference.bands(s)), "{when}: bands of {s}");
        for k in 0..settings.seeds {
            let curve = |race: &Race| -> Vec<u64> {
                // Empty for a lane on weights not built yet.
                let curve = (race.lane(s, k).map(|lane| lane.2))
                    .or_else(|| race.search_lane(s, k).map(|lane| lane.1))
                    .unwrap_or_default();
                curve.iter().map(|v| v.to_bits()).collect()
            };
            assert_eq!(curve(race), curve(reference), "{when}: lane {s}, {k}");
        }
        if let (Some((a, ..)), Some((b, ..))) = (race.lane(s, 0), reference.lane(s, 0)) {
            assert_eq!(a.position(), b.position(), "{when}: position of {s}");
            assert_eq!(a.trace(), b.trace(), "{when}: path of {s}");
        }
    }
}

/// Runs `settings`' race to step `n` keeping snapshots, then for each target: rewinds to it,
/// checks the race there against one taken straight there, and steps on to `n` again. Returns
/// the steps each rewind went back to.
fn rewind_and_replay(settings: &RaceSettings, n: usize, targets: &[usize]) -> Vec<usize> {
    let end = straight(settings, n);
    let mut run = Rewindable::new(Race::new(settings.clone()).unwrap());
    assert_eq!(run.step(n).unwrap(), n);
    assert_same(&run, &end, "straight on");
    let mut landed = Vec::new();
    for &target in targets {
        let at = run.rewind(target, || Race::new(settings.clone())).unwrap();
        assert!(at <= target, "rewound to {at} for {target}");
        landed.push(at);
        run.step(target - at).unwrap();
        assert_same(&run, &straight(settings, target), &format!("at {target}"));
        run.step(n - target).unwrap();
        assert_same(&run, &end, &format!("back from {target}"));
    }
    landed
}

#[test]
fn a_race_on_a_surface_rewound_and_stepped_on_is_the_same_race() {
    let settings = on_surface();
    let landed = rewind_and_replay(&settings, 450, &[449, 301, 120, 77, 5, 0]);
    // Snapshots served: every rewind landed at or a few steps before its target (they are
    // kept every 4 steps by the end), never back at the start.
    for (at, target) in landed.iter().zip([449, 301, 120, 77, 5]) {
        assert!(*at > 0 && target - at < 4, "{target}: from {at}");
    }
}

#[test]
fn a_race_on_weights_rewound_and_stepped_on_is_the_same_race() {
    let settings = small_weights_race(5, 40);
    let landed = rewind_and_replay(&settings, 40, &[39, 17, 1, 0]);
    assert_eq!(landed, [39, 17, 1, 0]);
}

#[test]
fn a_race_on_weights_rewound_before_its_lanes_were_built_builds_them_again() {
    let settings = small_weights_race(5, 40);
    let end = straight(&settings, 40);
    let mut run = Rewindable::new(Race::new(settings.clone()).unwrap());
    // A part at a time: no snapshot is kept while a step is in progress.
    while run.steps() < 25 {
        run.stepping(|race| race.advance(500)).unwrap();
    }
    assert!(run.trainer(2, 2).is_some());
    // The start: the lanes beyond the first seed's were not built yet, and are not now.
    assert_eq!(run.rewind(0, || unreachable!()).unwrap(), 0);
    assert!(run.trainer(2, 0).is_some() && run.trainer(2, 1).is_none());
    while run.steps() < 40 {
        run.stepping(|race| race.advance(500)).unwrap();
    }
    assert_same(&run, &end, "stepped on from the start");
    // Back into the middle of a step taken a part at a time: to the last step before it.
    assert_eq!(run.rewind(12, || unreachable!()).unwrap(), 12);
    run.step(28).unwrap();
    assert_same(&run, &end, "stepped on from 12");
}

#[test]
fn a_race_on_architectures_keeps_no_snapshots_and_replays_from_its_start() {
    let settings = on_architectures();
    let landed = rewind_and_replay(&settings, 3, &[2, 1]);
    assert_eq!(landed, [0, 0]);
    let mut run = Rewindable::new(Race::new(settings.clone()).unwrap());
    run.step(3).unwrap();
    assert_eq!(run.spacing().0, 0);
}
