//! The search over architectures: every candidate inside the space, the grid visited once,
//! successive halving's promotions, evolution's elites, determinism whatever the evaluation
//! order, known answers on spirals and iris, and bad settings refused by their limit.
#![cfg(not(target_arch = "wasm32"))]

use automl_playground::architecture::evolution::{applicable, crossover, mutate};
use automl_playground::architecture::halving::rungs;
use automl_playground::architecture::{
    ArchitectureSearch, ArchitectureStrategy, Evolution, EvolutionSettings, GridSearch,
    GridSettings, Halving, HalvingSettings, IntRange, LogRange, RandomSettings, SearchSettings,
    SearchSpace, StrategyChoice,
};
use automl_playground::data::{self, Dataset};
use automl_playground::model::{Activation, ModelSpec, Output};
use automl_playground::rng::seeded;
use automl_playground::search::settings::UpdateRule;
use automl_playground::training::FoldPlan;
use std::collections::HashSet;

fn spaces() -> Vec<SearchSpace> {
    let wide = SearchSpace {
        layers: IntRange {
            min: 0,
            max: 6,
            steps: 7,
        },
        neurons: IntRange {
            min: 1,
            max: 32,
            steps: 6,
        },
        activations: vec![
            Activation::Relu,
            Activation::Tanh,
            Activation::Sigmoid,
            Activation::Linear,
        ],
        rules: vec![UpdateRule::Plain, UpdateRule::Momentum, UpdateRule::Adam],
        learning_rate: LogRange {
            min: 1e-4,
            max: 1.0,
            steps: 5,
            zero: false,
        },
        l2: LogRange {
            min: 1e-6,
            max: 0.1,
            steps: 3,
            zero: true,
        },
        epochs: 10,
    };
    let narrow = SearchSpace {
        layers: IntRange {
            min: 2,
            max: 3,
            steps: 2,
        },
        neurons: IntRange {
            min: 5,
            max: 7,
            steps: 3,
        },
        activations: vec![Activation::Tanh],
        rules: vec![UpdateRule::Adam],
        learning_rate: LogRange {
            min: 0.01,
            max: 0.01,
            steps: 1,
            zero: false,
        },
        l2: LogRange {
            min: 1e-3,
            max: 1e-3,
            steps: 0,
            zero: true,
        },
        epochs: 10,
    };
    vec![wide, narrow, SearchSpace::default()]
}

#[test]
fn sampling_mutation_and_crossover_stay_inside_the_space() {
    let mut rng = seeded(11);
    for space in spaces() {
        space.validate().unwrap();
        for _ in 0..500 {
            let a = space.sample(&mut rng);
            let b = space.sample(&mut rng);
            assert!(space.contains(&a), "{a:?}");
            let mut child = crossover(&a, &b, &mut rng);
            assert!(space.contains(&child), "crossover {child:?}");
            for _ in 0..5 {
                let before = child.clone();
                let possible = applicable(&child, &space);
                mutate(&mut child, &space, &mut rng);
                assert!(space.contains(&child), "mutation of {before:?}: {child:?}");
                if possible.is_empty() {
                    assert_eq!(before, child);
                }
            }
        }
    }
}

#[test]
fn every_mutation_can_change_an_architecture() {
    let space = &spaces()[0];
    let mut rng = seeded(2);
    let start = space.sample(&mut rng);
    let (mut deeper, mut shallower, mut other_rate) = (false, false, false);
    for _ in 0..300 {
        let mut a = start.clone();
        mutate(&mut a, space, &mut rng);
        deeper |= a.hidden.len() > start.hidden.len();
        shallower |= a.hidden.len() < start.hidden.len();
        other_rate |= a.learning_rate != start.learning_rate;
    }
    assert!(other_rate);
    assert!(deeper || start.hidden.len() == 6);
    assert!(shallower || start.hidden.is_empty());
}

#[test]
fn grid_search_visits_every_grid_point_exactly_once() {
    for space in spaces() {
        let mut grid = GridSearch::new(&space, GridSettings).unwrap();
        let mut rng = seeded(1);
        let mut seen = HashSet::new();
        loop {
            let asked = grid.ask(&space, &mut rng).unwrap();
            if asked.is_empty() {
                break;
            }
            for p in &asked {
                assert!(space.contains(&p.architecture));
                let key = format!("{:?}", p.architecture);
                assert!(seen.insert(key), "visited twice: {:?}", p.architecture);
            }
            grid.tell(&vec![0.5; asked.len()]).unwrap();
        }
        assert_eq!(seen.len(), space.grid_size());
        assert_eq!(grid.planned(), space.grid_size());
    }
    // The narrow space by hand: depths {2, 3} × widths {5, 6, 7} × one of everything else
    // × L2 fixed at 0.
    assert_eq!(spaces()[1].grid_size(), 6);
}

#[test]
fn a_grid_of_more_than_ten_thousand_points_is_refused_with_the_limit() {
    let mut space = spaces()[0].clone();
    space.learning_rate.steps = 20;
    let err = GridSearch::new(&space, GridSettings)
        .err()
        .expect("too large")
        .to_string();
    assert!(err.contains("more than the 10000"), "{err}");
}

#[test]
fn successive_halving_promotes_exactly_the_top_fraction() {
    let settings = HalvingSettings {
        candidates: 27,
        eta: 3,
    };
    assert_eq!(
        rungs(settings, 90),
        vec![(27, 3), (9, 10), (3, 30), (1, 90)]
    );
    let space = SearchSpace {
        epochs: 90,
        ..SearchSpace::default()
    };
    let mut halving = Halving::new(settings).unwrap();
    let mut rng = seeded(3);
    let mut proposed = 0;
    let mut rung_sizes = Vec::new();
    loop {
        let asked = halving.ask(&space, &mut rng).unwrap();
        if asked.is_empty() {
            break;
        }
        rung_sizes.push((asked.len(), asked[0].epochs));
        // Scores: a fixed pseudo-random order, so the top third is known.
        let scores: Vec<f64> = (0..asked.len())
            .map(|i| ((i * 7 + proposed) % 11) as f64 / 10.0)
            .collect();
        let keep = asked.len() / 3;
        let mut order: Vec<usize> = (0..asked.len()).collect();
        order.sort_by(|&a, &b| scores[b].partial_cmp(&scores[a]).unwrap().then(a.cmp(&b)));
        let expected: Vec<usize> = order[..keep].iter().map(|&i| proposed + i).collect();
        halving.tell(&scores).unwrap();
        if keep > 0 {
            assert_eq!(halving.promoted(), expected.as_slice());
            assert_eq!(halving.survivors(), expected);
            let next = halving.ask(&space, &mut rng).unwrap();
            let parents: Vec<usize> = next.iter().map(|p| p.parents[0]).collect();
            assert_eq!(parents, expected, "the promoted continue, best first");
            for p in &next {
                let parent = &asked[p.parents[0] - proposed];
                assert_eq!(p.architecture, parent.architecture);
            }
            proposed += asked.len();
            rung_sizes.push((next.len(), next[0].epochs));
            let scores: Vec<f64> = (0..next.len()).map(|i| 1.0 - i as f64 / 10.0).collect();
            halving.tell(&scores).unwrap();
            proposed += next.len();
        } else {
            proposed += asked.len();
        }
    }
    assert_eq!(rung_sizes, vec![(27, 3), (9, 10), (3, 30), (1, 90)]);
    assert_eq!(proposed, halving.planned());
}

#[test]
fn evolution_keeps_its_elites_and_spends_exactly_its_budget() {
    let settings = EvolutionSettings {
        candidates: 23,
        population: 6,
        tournament: 2,
        elitism: 2,
        mutation_rate: 0.5,
    };
    let space = spaces()[0].clone();
    let mut evolution = Evolution::new(settings).unwrap();
    let mut rng = seeded(5);
    let mut scores_by_index: Vec<f64> = Vec::new();
    let mut sizes = Vec::new();
    loop {
        let asked = evolution.ask(&space, &mut rng).unwrap();
        if asked.is_empty() {
            break;
        }
        sizes.push(asked.len());
        for p in &asked {
            assert!(space.contains(&p.architecture));
            assert!(p.parents.iter().all(|&i| i < scores_by_index.len()));
        }
        let scores: Vec<f64> = (0..asked.len())
            .map(|i| ((scores_by_index.len() + i) * 37 % 17) as f64)
            .collect();
        let before: Vec<usize> = evolution.population();
        evolution.tell(&scores).unwrap();
        scores_by_index.extend(&scores);
        // The two best of the previous population survive, ahead of every worse child.
        let survivors = evolution.population();
        assert_eq!(ArchitectureStrategy::survivors(&evolution), survivors[..2]);
        let best_two: Vec<usize> = before.iter().take(2).copied().collect();
        for elite in best_two {
            assert!(survivors.contains(&elite), "elite {elite} kept");
        }
        assert!(survivors.len() <= settings.population);
    }
    assert_eq!(sizes, vec![6, 4, 4, 4, 4, 1]);
    assert_eq!(scores_by_index.len(), 23);
    assert!(
        Evolution::new(EvolutionSettings {
            elitism: 6,
            ..settings
        })
        .is_err()
    );
}

fn quick_settings(strategy: StrategyChoice, k: usize) -> SearchSettings {
    SearchSettings {
        space: SearchSpace {
            epochs: 8,
            ..SearchSpace::default()
        },
        strategy,
        folds: FoldPlan {
            k,
            stratified: true,
        },
        test_share: 0.2,
        seed: 9,
    }
}

fn moons() -> Dataset {
    data::generate("moons", 120, 0.2, &mut seeded(1)).unwrap()
}

#[test]
fn a_search_depends_only_on_its_settings_and_seed_not_on_the_evaluation_order() {
    let settings = quick_settings(StrategyChoice::Random(RandomSettings { candidates: 4 }), 3);
    let mut in_order = ArchitectureSearch::new(moons(), settings.clone()).unwrap();
    while in_order.step().unwrap() {}
    // The same search with every fold evaluated last-first, as a pool of workers might.
    let mut shuffled = ArchitectureSearch::new(moons(), settings).unwrap();
    loop {
        let proposals = shuffled.pending().unwrap().to_vec();
        if proposals.is_empty() {
            break;
        }
        let first = shuffled.candidates().len();
        let mut results = vec![Vec::new(); proposals.len()];
        for (i, p) in proposals.iter().enumerate().rev() {
            let mut folds: Vec<_> = (0..3)
                .rev()
                .map(|f| shuffled.evaluate(p, first + i, f).unwrap())
                .collect();
            folds.reverse();
            results[i] = folds;
        }
        shuffled.tell(results).unwrap();
    }
    let bits = |s: &ArchitectureSearch| {
        s.candidates()
            .iter()
            .flat_map(|c| c.cv.folds.iter().map(|f| f.scores.loss.to_bits()))
            .collect::<Vec<_>>()
    };
    assert_eq!(in_order.candidates().len(), 4);
    assert_eq!(bits(&in_order), bits(&shuffled));
    for (a, b) in in_order.candidates().iter().zip(shuffled.candidates()) {
        assert_eq!(a.architecture, b.architecture);
        assert_eq!(a.cv.mean.to_bits(), b.cv.mean.to_bits());
    }
    for c in in_order.candidates() {
        let mean = c.cv.folds.iter().map(|f| f.scores.score).sum::<f64>() / 3.0;
        assert!((c.cv.mean - mean).abs() < 1e-15);
    }
    // Folds partition the non-test rows; the test rows are in none.
    let mut covered: Vec<usize> = in_order
        .folds()
        .iter()
        .flat_map(|f| f.test.clone())
        .chain(in_order.test_rows().iter().copied())
        .collect();
    covered.sort_unstable();
    assert_eq!(covered, (0..120).collect::<Vec<_>>());
}

#[test]
fn parameter_counts_match_the_networks_built() {
    let iris = data::classic("iris").unwrap();
    let search =
        ArchitectureSearch::new(iris, quick_settings(StrategyChoice::Grid(GridSettings), 3))
            .unwrap();
    let mut rng = seeded(4);
    for _ in 0..20 {
        let a = search.settings().space.sample(&mut rng);
        let spec = ModelSpec::new(
            4,
            &a.hidden,
            a.activation,
            Output::Softmax { classes: 3 },
            automl_playground::model::Loss::CrossEntropy,
            automl_playground::model::Regularization::None,
        )
        .unwrap();
        assert_eq!(a.parameter_count(4, search.outputs()), spec.n_params());
    }
}

fn best_linear_cv(dataset: &Dataset, settings: &SearchSettings) -> f64 {
    let linear = SearchSettings {
        space: SearchSpace {
            layers: IntRange {
                min: 0,
                max: 0,
                steps: 1,
            },
            ..settings.space.clone()
        },
        strategy: StrategyChoice::Grid(GridSettings),
        ..settings.clone()
    };
    let mut search = ArchitectureSearch::new(dataset.clone(), linear).unwrap();
    while search.step().unwrap() {}
    search.best().unwrap().cv.mean
}

#[test]
fn evolution_on_two_spirals_beats_the_best_linear_model_by_at_least_0_2() {
    let spirals = data::generate("spiral", 300, 0.1, &mut seeded(1)).unwrap();
    let defaults = SearchSpace::default();
    let settings = SearchSettings {
        space: SearchSpace {
            learning_rate: LogRange {
                max: 0.1,
                ..defaults.learning_rate
            },
            l2: LogRange {
                steps: 0,
                ..defaults.l2
            },
            ..defaults
        },
        strategy: StrategyChoice::Evolution(EvolutionSettings::default()),
        folds: FoldPlan {
            k: 5,
            stratified: true,
        },
        test_share: 0.2,
        seed: 1,
    };
    let linear = best_linear_cv(&spirals, &settings);
    let mut search = ArchitectureSearch::new(spirals, settings).unwrap();
    while search.step().unwrap() {}
    assert_eq!(search.candidates().len(), 40);
    let best = search.best().unwrap().clone();
    assert!(
        best.cv.mean >= linear + 0.2,
        "best {} ({:?}) vs linear {linear}",
        best.cv.mean,
        best.architecture
    );
    let winner = search.finish().unwrap().unwrap();
    assert_eq!(winner.index, best.index);
    assert!(winner.test.score.is_finite());
}

#[test]
fn random_search_on_iris_finds_an_architecture_of_at_least_95_percent() {
    let iris = data::classic("iris").unwrap();
    let settings = SearchSettings {
        space: SearchSpace {
            epochs: 40,
            ..SearchSpace::default()
        },
        strategy: StrategyChoice::Random(RandomSettings { candidates: 8 }),
        ..quick_settings(StrategyChoice::Grid(GridSettings), 5)
    };
    let mut search = ArchitectureSearch::new(iris, settings).unwrap();
    while search.step().unwrap() {}
    let best = search.best().unwrap();
    assert!(
        best.cv.mean >= 0.95,
        "{} {:?}",
        best.cv.mean,
        best.architecture
    );
}

#[test]
fn bad_search_settings_are_refused_with_their_limit() {
    let refuse = |dataset: Dataset, settings: SearchSettings| {
        ArchitectureSearch::new(dataset, settings)
            .err()
            .expect("refused")
            .to_string()
    };
    let base = quick_settings(StrategyChoice::Random(RandomSettings { candidates: 3 }), 5);
    let mut empty = base.clone();
    empty.space.activations.clear();
    assert_eq!(
        refuse(moons(), empty),
        "activations: choose at least one activation to search"
    );
    let mut no_epochs = base.clone();
    no_epochs.space.epochs = 0;
    assert_eq!(
        refuse(moons(), no_epochs),
        "epochs per candidate: must be a whole number from 1 to 2000 (got 0)"
    );
    // 10 rows: 8 are cross-validated, 4 of each class.
    let few = data::generate("moons", 10, 0.2, &mut seeded(1)).unwrap();
    let mut many_folds = base.clone();
    many_folds.folds = FoldPlan {
        k: 10,
        stratified: true,
    };
    assert!(
        refuse(few.clone(), many_folds.clone()).contains("the size of the smallest class"),
        "{}",
        refuse(few.clone(), many_folds.clone())
    );
    many_folds.folds.stratified = false;
    assert!(
        refuse(few, many_folds.clone()).starts_with("folds: must be a whole number from 2 to "),
    );
    let mut zero_budget = base.clone();
    zero_budget.strategy = StrategyChoice::Random(RandomSettings { candidates: 0 });
    assert_eq!(
        refuse(moons(), zero_budget),
        "candidates: must be a whole number from 1 to 1000 (got 0)"
    );
}

#[test]
fn a_diverging_candidate_is_scored_as_failed_and_the_search_goes_on() {
    let sine = data::generate("sine", 80, 0.1, &mut seeded(2)).unwrap();
    let mut settings = quick_settings(StrategyChoice::Random(RandomSettings { candidates: 3 }), 3);
    settings.space.rules = vec![UpdateRule::Plain];
    settings.space.learning_rate = LogRange {
        min: 10.0,
        max: 10.0,
        steps: 1,
        zero: false,
    };
    settings.space.layers = IntRange {
        min: 1,
        max: 1,
        steps: 1,
    };
    settings.space.activations = vec![Activation::Relu];
    let mut search = ArchitectureSearch::new(sine, settings).unwrap();
    while search.step().unwrap() {}
    assert_eq!(search.candidates().len(), 3, "every candidate was tried");
    assert!(search.candidates().iter().all(|c| c.cv.failed()));
    assert!(search.best().is_none());
    assert!(search.finish().unwrap().is_none());
}

#[test]
fn a_chosen_candidates_recorded_fold_models_score_exactly_as_its_cross_validation() {
    let settings = quick_settings(StrategyChoice::Random(RandomSettings { candidates: 3 }), 3);
    let mut search = ArchitectureSearch::new(moons(), settings).unwrap();
    while search.step().unwrap() {}
    for c in search.candidates() {
        for (f, scored) in c.cv.folds.iter().enumerate() {
            let (result, model, curves) = search.record(&c.proposal(), c.index, f).unwrap();
            // The same fold model, bit for bit, as the search's evaluation trained.
            assert_eq!(result.steps, scored.steps);
            assert_eq!(result.reason, scored.reason);
            for (a, b) in [
                (result.scores.score, scored.scores.score),
                (result.scores.loss, scored.scores.loss),
            ] {
                assert_eq!(a.to_bits(), b.to_bits(), "candidate {} fold {f}", c.index);
            }
            // One entry per step from the initial weights; the curve ends at the fold score.
            let n = scored.steps + 1;
            assert_eq!(curves.steps, (0..n).map(|s| s as f64).collect::<Vec<_>>());
            for series in [
                &curves.train_loss,
                &curves.validation_loss,
                &curves.train_score,
                &curves.validation_score,
            ] {
                assert_eq!(series.len(), n);
            }
            assert_eq!(
                curves.validation_score[n - 1].to_bits(),
                scored.scores.score.to_bits()
            );
            assert_eq!(
                curves.validation_loss[n - 1].to_bits(),
                scored.scores.loss.to_bits()
            );
            // Training lowered the loss on the rows it saw.
            assert!(curves.train_loss[n - 1] < curves.train_loss[0]);
            let sizes = c.architecture.layer_sizes(2, 1);
            let params: usize = sizes.windows(2).map(|w| (w[0] + 1) * w[1]).sum();
            assert_eq!(model.theta.len(), params);
        }
    }
}

#[test]
fn a_candidates_training_view_settings_train_it_as_the_search_does() {
    use automl_playground::architecture::Architecture;
    use automl_playground::training::{InputMode, RegularizationKind};
    let a = Architecture {
        hidden: vec![8, 4],
        activation: Activation::Relu,
        rule: UpdateRule::Momentum,
        learning_rate: 0.02,
        l2: 0.003,
    };
    let config = a.training_config(2);
    assert_eq!(config.inputs, InputMode::Display);
    assert_eq!(a.training_config(4).inputs, InputMode::All);
    let fit = a.fit_settings(30);
    assert_eq!(config.model, fit.model);
    assert_eq!(config.weight_search(), fit.search);
    assert_eq!(config.model.hidden, vec![8, 4]);
    assert_eq!(config.model.regularization, RegularizationKind::L2);
    assert_eq!(config.model.regularization_rate, 0.003);
    assert_eq!(config.strategy.rule, UpdateRule::Momentum);
    assert_eq!(config.strategy.learning_rate, 0.02);
    let plain = Architecture { l2: 0.0, ..a }.training_config(2);
    assert_eq!(plain.model.regularization, RegularizationKind::None);
    // The unused rate stays a valid default for the view's field.
    assert!(plain.model.regularization_rate > 0.0);
}
