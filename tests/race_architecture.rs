//! Races of architecture strategies on data: candidates counted by their share of a full
//! training, the budget cut, the summary rule, the same race from jobs told in any order, and
//! bad settings refused by name.

use automl_playground::architecture::{
    EvolutionSettings, GridSettings, HalvingSettings, IntRange, RandomSettings, SearchSpace,
    StrategyChoice,
};
use automl_playground::race::{ArchitectureProblem, Problem, Race, RaceSettings, WeightsProblem};
use automl_playground::search::Status;
use automl_playground::training::FoldResult;

/// A small space: 0–2 hidden layers of 2–8, 12 epochs.
fn space() -> SearchSpace {
    SearchSpace {
        layers: IntRange {
            min: 0,
            max: 2,
            steps: 3,
        },
        neurons: IntRange {
            min: 2,
            max: 8,
            steps: 2,
        },
        epochs: 12,
        ..SearchSpace::default()
    }
}

/// Grid, random, evolution (population 4) and halving (9 candidates, η 3) on 80 moons points.
fn four(seed: u32) -> RaceSettings {
    RaceSettings {
        problem: Problem::Architecture,
        weights: WeightsProblem {
            data: "moons".into(),
            points: 80,
            ..Default::default()
        },
        architecture: ArchitectureProblem {
            space: space(),
            folds: 3,
            strategies: vec![
                StrategyChoice::Grid(GridSettings),
                StrategyChoice::Random(RandomSettings::default()),
                StrategyChoice::Evolution(EvolutionSettings {
                    population: 4,
                    elitism: 1,
                    ..Default::default()
                }),
                StrategyChoice::Halving(HalvingSettings {
                    candidates: 9,
                    eta: 3,
                }),
            ],
        },
        seeds: 3,
        budget: 10,
        seed,
        ..Default::default()
    }
}

fn run(settings: RaceSettings) -> Race {
    let mut race = Race::new(settings).unwrap();
    while race.step(3).unwrap() > 0 {}
    race
}

/// 1 − the mean CV score of each candidate of strategy `s`'s lane `k`, with its epochs.
fn errors(race: &Race, s: usize, k: usize) -> Vec<(f64, usize)> {
    let (lane, _) = race.search_lane(s, k).unwrap();
    let candidates = lane.search().candidates();
    candidates
        .iter()
        .map(|c| (1.0 - c.cv.mean, c.epochs))
        .collect()
}

#[test]
fn each_candidate_counts_its_share_of_a_full_training() {
    let race = run(four(1));
    assert_eq!((race.steps(), race.status()), (10, Status::BudgetSpent));
    assert_eq!(race.optimum(), 0.0);
    for k in 0..3 {
        // Random search: ten candidates of 12 epochs, one evaluation each; the curve is the
        // running minimum of their CV errors.
        let random = errors(&race, 1, k);
        let mut best = f64::INFINITY;
        let curve = race.search_lane(1, k).unwrap().1;
        assert_eq!((random.len(), curve.len()), (10, 10));
        for (e, &(error, epochs)) in random.iter().enumerate() {
            assert!(epochs == 12 && error >= 0.0);
            best = best.min(error);
            assert_eq!(curve[e], best, "seed {k}, evaluation {}", e + 1);
        }
        // Evolution: its budget of candidates is the race's: a generation of 4, then 3 new
        // children and the elite (not trained again) twice.
        let evolution = race.search_lane(2, k).unwrap();
        let steps: Vec<usize> = evolution
            .0
            .search()
            .candidates()
            .iter()
            .map(|c| c.step)
            .collect();
        assert_eq!(
            (steps, evolution.1.len()),
            (vec![1, 1, 1, 1, 2, 2, 2, 3, 3, 3], 10)
        );
        // Halving: 9 candidates for 1 epoch, 3 for 4, 1 for 12 — 9 + 12 + 12 = 33 epochs, 2.75
        // evaluations; the screening rungs are no answer, so the first evaluation has none.
        let (halving, curve) = race.search_lane(3, k).unwrap();
        let epochs: Vec<usize> = errors(&race, 3, k).iter().map(|c| c.1).collect();
        assert_eq!(epochs, [vec![1; 9], vec![4; 3], vec![12]].concat());
        assert_eq!(halving.spent(), 2.75);
        assert_eq!(curve.len(), 2);
        assert!(curve[0].is_infinite() && curve[1] == errors(&race, 3, k)[12].0);
        assert_eq!(halving.best().unwrap().0.index, 12);
        // The grid: the same ten points for every seed, in its fixed order.
        assert_eq!(race.search_lane(0, k).unwrap().1.len(), 10);
    }
    let grid = |k| {
        race.search_lane(0, k).unwrap().0.search().candidates()[9]
            .architecture
            .clone()
    };
    assert_eq!(grid(0), grid(2));
}

#[test]
fn a_batch_that_crosses_the_budget_counts_and_trains_only_its_first_candidates() {
    let mut settings = four(1);
    // Halving of 81 by η = 2: 81 candidates for 1 epoch, then 40 for 1, …: the second rung
    // starts at 81 of the 120 epochs of 10 evaluations, so only its first 39 count; the last
    // is told untrained, and no candidate had the full 12 epochs.
    settings.architecture.strategies[3] = StrategyChoice::Halving(HalvingSettings {
        candidates: 81,
        eta: 2,
    });
    let race = run(settings);
    for k in 0..3 {
        let (lane, curve) = race.search_lane(3, k).unwrap();
        let told = lane.search().candidates();
        assert_eq!((told.len(), lane.spent(), curve.len()), (81 + 40, 10.0, 10));
        assert!(
            told[..120]
                .iter()
                .all(|c| c.epochs == 1 && c.cv.folds[0].steps > 0)
        );
        assert!(told[120].cv.failed() && told[120].cv.folds.iter().all(|f| f.steps == 0));
        assert!(curve.iter().all(|v| v.is_infinite()) && lane.best().is_none());
    }
}

#[test]
fn the_bands_are_the_median_min_and_max_over_seeds_of_the_best_cv_error() {
    let race = run(four(2));
    for s in 0..4 {
        let bands = race.bands(s);
        assert_eq!(bands.len(), 10);
        for (i, band) in bands.iter().enumerate() {
            // The definition by hand: three seeds, a lane that ran out keeps its last best.
            let mut at: Vec<f64> = (0..3)
                .map(|k| {
                    let curve = race.search_lane(s, k).unwrap().1;
                    *curve.get(i).unwrap_or(curve.last().unwrap())
                })
                .collect();
            at.sort_by(f64::total_cmp);
            assert_eq!(
                *band,
                [at[1], at[0], at[2]],
                "strategy {s}, evaluation {}",
                i + 1
            );
        }
    }
}

#[test]
fn jobs_told_in_job_order_make_the_same_race_whatever_order_they_ran_in() {
    let whole = run(four(5));
    let mut one_by_one = Race::new(four(5)).unwrap();
    while one_by_one.step(1).unwrap() > 0 {}
    // The page's way: the jobs go to workers (here another race from the same settings),
    // which finish in any order (here the last first); the results are told in job order.
    let worker = Race::new(four(5)).unwrap();
    let mut paged = Race::new(four(5)).unwrap();
    let mut rounds = 0;
    while paged.status() != Status::BudgetSpent {
        let jobs = paged.jobs().unwrap().to_vec();
        rounds += 1;
        if jobs.is_empty() {
            continue;
        }
        let mut results: Vec<Option<FoldResult>> = vec![None; jobs.len()];
        for (i, job) in jobs.iter().enumerate().rev() {
            let (result, picture) = worker.evaluate(job).unwrap();
            // Only fold 0 of a first-seed lane asks for its picture (48 × 48 RGBA).
            assert_eq!(picture.map(|p| p.len()), job.picture.then_some(48 * 48 * 4));
            assert_eq!(job.picture, job.fold == 0 && job.lane % 3 == 0);
            results[i] = Some(result);
        }
        paged
            .tell(results.into_iter().map(Option::unwrap).collect())
            .unwrap();
        assert!(rounds < 100);
    }
    for s in 0..4 {
        assert_eq!(whole.bands(s), one_by_one.bands(s), "strategy {s}");
        assert_eq!(whole.bands(s), paged.bands(s), "strategy {s}");
        for k in 0..3 {
            assert_eq!(errors(&whole, s, k), errors(&paged, s, k));
        }
    }
    // Lane k of every strategy has the same held-out rows and folds; another seed, others.
    let folds = |s, k| race_folds(&whole, s, k);
    assert_eq!(folds(0, 1), folds(3, 1));
    assert_ne!(folds(0, 1), folds(0, 2));
    assert_ne!(whole.bands(1), run(four(6)).bands(1));
    // A tell that does not match the jobs in hand is refused, and nothing changes.
    let mut wrong = Race::new(four(5)).unwrap();
    assert!(wrong.tell(Vec::new()).is_err());
    let jobs = wrong.jobs().unwrap().to_vec();
    let result = worker.evaluate(&jobs[0]).unwrap().0;
    assert!(wrong.tell(vec![result; jobs.len() - 1]).is_err());
    assert_eq!(wrong.jobs().unwrap(), jobs);
}

fn race_folds(race: &Race, s: usize, k: usize) -> Vec<Vec<usize>> {
    let search = race.search_lane(s, k).unwrap().0.search();
    search.folds().iter().map(|f| f.test.clone()).collect()
}

#[test]
fn bad_races_on_architectures_are_refused_with_their_names() {
    let refuse = |change: fn(&mut RaceSettings)| {
        let mut settings = four(1);
        change(&mut settings);
        Race::new(settings).err().unwrap().to_string()
    };
    assert!(refuse(|s| s.architecture.strategies.truncate(1)).starts_with("strategies"));
    assert!(refuse(|s| s.architecture.folds = 1).starts_with("folds"));
    assert!(refuse(|s| s.architecture.space.layers.min = 3).starts_with("hidden layers"));
    assert!(refuse(|s| s.architecture.space.epochs = 0).starts_with("epochs per candidate"));
    let population = refuse(|s| {
        s.architecture.strategies[2] = StrategyChoice::Evolution(EvolutionSettings {
            population: 2,
            ..Default::default()
        })
    });
    assert!(
        population.starts_with("strategy 3: population"),
        "{population}"
    );
    let eta = refuse(|s| {
        s.architecture.strategies[3] = StrategyChoice::Halving(HalvingSettings {
            candidates: 9,
            eta: 9,
        })
    });
    assert!(eta.starts_with("strategy 4: η"), "{eta}");
    assert!(refuse(|s| s.weights.data = "nowhere".into()).starts_with("dataset"));
}
