//! A race on weights counts, lane by lane, exactly what a training run of the Train view (a
//! `TrainingRun`: full batches, a step per update) of the same strategy from the same seed
//! gives: the same best-so-far after every evaluation, bit for bit, the same early stops, and
//! the first seed's lanes draw the same picture of the same model. Whatever a lane is built
//! on, these numbers must not move.

use automl_playground::race::{Problem, Race, RaceSettings, WeightsProblem};
use automl_playground::search::settings::UpdateRule;
use automl_playground::search::{StrategyKind, StrategySettings};
use automl_playground::training::{
    BatchMode, ModelSettings, StepUnit, TrainingConfig, TrainingRun,
};

/// Picture size of the lanes compared.
const PICTURE: (usize, usize) = (23, 17);

/// The training run of strategy `s` from seed number `k` of `settings`, stepped as a lane is
/// (until `budget` evaluations are counted or it stops by itself), with its best-so-far after
/// each counted evaluation.
fn reference(
    settings: &RaceSettings,
    s: usize,
    k: usize,
    budget: usize,
) -> (Vec<f64>, TrainingRun) {
    let dataset = settings.weights.dataset().unwrap();
    let config = TrainingConfig {
        model: settings.weights.model.clone(),
        batch: BatchMode::Full,
        step_unit: StepUnit::Batch,
        strategy: settings.strategies[s].clone(),
        seed: settings.seed.wrapping_add(k as u32),
        ..TrainingConfig::default()
    };
    let mut run = TrainingRun::new(&dataset, &config).unwrap();
    let mut curve: Vec<f64> = Vec::new();
    while curve.len() < budget && !run.status().is_final() {
        run.step().unwrap();
        let mut best = curve.last().copied().unwrap_or(f64::INFINITY);
        let room = budget - curve.len();
        for &value in run.driver().values().iter().take(room) {
            best = best.min(value);
            curve.push(best);
        }
    }
    (curve, run)
}

fn gradient(rule: UpdateRule, learning_rate: f64) -> StrategySettings {
    StrategySettings {
        rule,
        learning_rate,
        ..Default::default()
    }
}

fn kind(kind: StrategyKind, count: usize) -> StrategySettings {
    StrategySettings {
        kind,
        population: count,
        samples_per_step: count,
        ..Default::default()
    }
}

fn race_on(data: &str, hidden: Vec<usize>, strategies: Vec<StrategySettings>) -> RaceSettings {
    RaceSettings {
        problem: Problem::Weights,
        weights: WeightsProblem {
            data: data.into(),
            points: 160,
            model: ModelSettings {
                hidden,
                ..Default::default()
            },
            ..Default::default()
        },
        strategies,
        seeds: 3,
        budget: 45,
        seed: 5,
        ..Default::default()
    }
}

/// The races compared: descent rules and random search on two classes; a GA, a walk and
/// RMSProp; a regression on one feature (its picture draws the curve) with a descent that
/// diverges; three classes.
fn races() -> Vec<RaceSettings> {
    vec![
        race_on(
            "circle",
            vec![6, 5],
            vec![
                gradient(UpdateRule::Plain, 0.1),
                gradient(UpdateRule::Momentum, 0.1),
                gradient(UpdateRule::Adam, 0.05),
                kind(StrategyKind::RandomGlobal, 6),
            ],
        ),
        race_on(
            "xor",
            vec![4],
            vec![
                kind(StrategyKind::Genetic, 10),
                kind(StrategyKind::RandomWalk, 4),
                gradient(UpdateRule::Rmsprop, 0.02),
            ],
        ),
        race_on(
            "sine",
            vec![5],
            vec![
                gradient(UpdateRule::Adam, 0.05),
                kind(StrategyKind::Genetic, 8),
                gradient(UpdateRule::Plain, 50.0),
            ],
        ),
        race_on(
            "blobs",
            vec![4],
            vec![
                gradient(UpdateRule::Nesterov, 0.1),
                kind(StrategyKind::RandomGlobal, 5),
            ],
        ),
    ]
}

/// Every lane's best-so-far and every first-seed picture of `race` against the references
/// with `budget` evaluations.
fn expect_like_training_runs(race: &Race, budget: usize, early_stops: &mut usize) {
    let settings = race.settings();
    for s in 0..settings.strategies.len() {
        for k in 0..settings.seeds {
            let (expected, run) = reference(settings, s, k, budget);
            let (_, _, curve) = race.lane(s, k).unwrap();
            let counted = &curve[..curve.len().min(budget)];
            let bits = |c: &[f64]| c.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
            let at = format!("{} strategy {s} seed {k}", settings.weights.data);
            assert_eq!(bits(counted), bits(&expected), "{at}");
            *early_stops += usize::from(expected.len() < budget);
            if k == 0 {
                let (w, h) = PICTURE;
                let picture = race.lane_image(s, w, h).unwrap();
                assert_eq!(picture, run.thumbnail_rgba(run.theta(), w, h), "{at}");
            }
        }
    }
}

#[test]
fn lanes_on_weights_count_what_a_training_run_of_their_strategy_counts() {
    let mut early_stops = 0;
    for settings in races() {
        let budget = settings.budget;
        let mut race = Race::new(settings).unwrap();
        // Half way (the pictures of the models of that step), then to the end.
        while race.steps() < 20 {
            race.step(7.min(20 - race.steps())).unwrap();
        }
        expect_like_training_runs(&race, 20, &mut early_stops);
        while race.step(11).unwrap() > 0 {}
        expect_like_training_runs(&race, budget, &mut early_stops);
    }
    // The diverging descent stops early, both times, from every seed.
    assert!(early_stops >= 6, "{early_stops} early stops");
}

#[test]
fn lanes_on_weights_stepped_in_small_parts_count_the_same() {
    for settings in races().into_iter().step_by(2) {
        let budget = settings.budget;
        let mut race = Race::new(settings).unwrap();
        let mut calls = 0;
        while race.steps() < budget {
            race.advance(900).unwrap();
            calls += 1;
        }
        assert!(calls > 2 * budget, "{calls} calls");
        expect_like_training_runs(&race, budget, &mut 0);
    }
}
