//! The settings tables the page builds its fields and links from cannot drift from the core's
//! checks: for every entry, the check that guards it accepts `min` and `max` and refuses a value
//! just outside, by the entry's name; every choice is a name the core reads.

use automl_playground::Result;
use automl_playground::architecture::{RandomSettings, StrategyChoice};
use automl_playground::catalog::{SettingKind, SettingSpec, check_table};
use automl_playground::choice::Choice;
use automl_playground::data::{generate, train_test_split};
use automl_playground::landscape::catalog::landscape_settings_table;
use automl_playground::landscape::{self, LandscapeSettings};
use automl_playground::model::{Activation, Loss};
use automl_playground::race::catalog::race_settings_table;
use automl_playground::race::{Problem, RaceSettings};
use automl_playground::rng::seeded;
use automl_playground::search::catalog::strategy_settings_table;
use automl_playground::search::settings::{Crossover, StrategyKind, UpdateRule};
use automl_playground::search::{self, StrategySettings};
use automl_playground::training::catalog::training_settings_table;
use automl_playground::training::{
    BatchMode, DisplayMode, InputMode, RegularizationKind, StepUnit, TrainingConfig,
};

/// What a check does with one setting set to `value` (others at their defaults): `None` when
/// the setting has no check of its own (a seed: its type is the check).
type Check = fn(&str, f64) -> Option<Result<()>>;

/// Sets the strategy setting at `path` to `x` (a choice: the `x`-th name of its type).
fn set_strategy(s: &mut StrategySettings, path: &str, x: f64) {
    let n = x as usize;
    fn nth<T: Choice>(n: usize) -> T {
        T::NAMES[n].1
    }
    match path {
        "kind" => s.kind = nth(n),
        "rule" => s.rule = nth(n),
        "crossover" => s.crossover = nth(n),
        "learningRate" => s.learning_rate = x,
        "momentum" => s.momentum = x,
        "rho" => s.rho = x,
        "beta1" => s.beta1 = x,
        "beta2" => s.beta2 = x,
        "epsilon" => s.epsilon = x,
        "samplesPerStep" => s.samples_per_step = n,
        "sigma" => s.sigma = x,
        // The settings bounded by the population at their least.
        "population" => (s.population, s.tournament, s.elitism) = (n, 1, 0),
        "tournament" => s.tournament = n,
        "blendAlpha" => s.blend_alpha = x,
        "mutationRate" => s.mutation_rate = x,
        "mutationSigma" => s.mutation_sigma = x,
        "elitism" => s.elitism = n,
        "initialSpread" => s.initial_spread = x,
        "gridPoints" => s.grid.grid_points = n,
        other => panic!("no strategy setting {other}"),
    }
}

fn strategy_check(path: &str, x: f64) -> Option<Result<()>> {
    let mut s = StrategySettings::default();
    set_strategy(&mut s, path, x);
    Some(s.validate())
}

fn landscape_check(path: &str, x: f64) -> Option<Result<()>> {
    let mut s = LandscapeSettings::default();
    match path {
        "landscape.condition" => s.condition = x,
        "landscape.rotationDeg" => s.rotation_deg = x,
        "seed" => return None,
        other => panic!("no check for landscape setting {other}"),
    }
    Some(landscape::build(&s).map(|_| ()))
}

fn race_check(path: &str, x: f64) -> Option<Result<()>> {
    let mut s = RaceSettings {
        strategies: vec![StrategySettings::default(); 2],
        ..RaceSettings::default()
    };
    let n = x as usize;
    if let Some(part) = path.strip_prefix("architecture.") {
        // A count range is checked with both ends at x.
        let a = &mut s.architecture;
        match part {
            "space.layers" => (a.space.layers.min, a.space.layers.max) = (n, n),
            "space.neurons" => (a.space.neurons.min, a.space.neurons.max) = (n, n),
            "space.epochs" => a.space.epochs = n,
            "folds" => a.folds = n,
            other => panic!("no check for race setting {other}"),
        }
        a.strategies = vec![StrategyChoice::Random(RandomSettings::default()); 2];
        s.problem = Problem::Architecture;
        return Some(s.validate());
    }
    match path {
        "strategies" => s.strategies = vec![StrategySettings::default(); n],
        "seeds" => s.seeds = n,
        "budget" => s.budget = n,
        "seed" | "weights.dataSeed" => return None,
        "weights.points" => s.weights.points = n,
        "weights.noise" => s.weights.noise = x,
        "weights.model.hidden" => s.weights.model.hidden = vec![4; n],
        "weights.model.hidden.*" => s.weights.model.hidden = vec![n],
        other => return landscape_check(other, x),
    }
    s.problem = Problem::Weights;
    Some(s.validate().and_then(|_| s.weights.dataset().map(|_| ())))
}

fn training_check(path: &str, x: f64) -> Option<Result<()>> {
    let mut c = TrainingConfig::default();
    let n = x as usize;
    let data = |points, noise| generate("circle", points, noise, &mut seeded(1)).map(|_| ());
    match path {
        "data.points" => return Some(data(n, 0.1)),
        "data.noise" => return Some(data(100, x)),
        "data.seed" | "config.seed" => return None,
        "config.testShare" => c.test_share = x,
        "config.validationShare" => c.validation_share = x,
        "config.model.hidden" => c.model.hidden = vec![4; n],
        "config.model.hidden.*" => c.model.hidden = vec![n],
        "config.model.regularizationRate" => c.model.regularization_rate = x,
        "config.batchSize" => c.batch_size = n,
        other => panic!("no check for training setting {other}"),
    }
    let rows = generate("circle", 100, 0.1, &mut seeded(1)).unwrap();
    let split = train_test_split(
        rows.target(),
        c.validation_share,
        c.test_share,
        &mut seeded(1),
    );
    Some(
        split
            .map(|_| ())
            .and_then(|_| c.model.validate())
            .and_then(|_| c.weight_search().validate()),
    )
}

/// Whether the core reads `name` for the choice setting at `path`.
fn reads_choice(path: &str, name: &str) -> bool {
    fn is<T: Choice>(name: &str) -> bool {
        T::named(name).is_some()
    }
    match path {
        "kind" => is::<StrategyKind>(name),
        "rule" => is::<UpdateRule>(name),
        "crossover" => is::<Crossover>(name),
        "landscape.id" => landscape::build(&LandscapeSettings {
            id: name.into(),
            ..LandscapeSettings::default()
        })
        .is_ok(),
        "config.display" => is::<DisplayMode>(name),
        "config.inputs" => is::<InputMode>(name),
        "config.model.activation" => is::<Activation>(name),
        "config.model.loss" => is::<Loss>(name),
        "config.model.regularization" => is::<RegularizationKind>(name),
        "config.batch" => is::<BatchMode>(name),
        "config.stepUnit" => is::<StepUnit>(name),
        "problem" => is::<Problem>(name),
        "weights.data" => generate(name, 50, 0.1, &mut seeded(1)).is_ok(),
        "weights.model.activation" => is::<Activation>(name),
        other => panic!("no choice check for {other}"),
    }
}

/// The upper bound in force with the other settings at their defaults.
fn max_in_force(spec: &SettingSpec, table: &[SettingSpec]) -> f64 {
    let Some(from) = spec.max_from else {
        return spec.max;
    };
    let other = table.iter().find(|s| s.path == from.path).unwrap();
    let value = match other.default {
        automl_playground::catalog::DefaultValue::Number(v) => v,
        ref d => panic!("{}: bound by a setting with default {d:?}", spec.path),
    };
    spec.max.min(value + from.offset)
}

fn check_every_entry(table: &[SettingSpec], check: Check) {
    assert_eq!(check_table(table), Ok(()));
    for spec in table {
        let path = spec.path;
        match spec.kind {
            SettingKind::Choice => {
                for name in &spec.choices {
                    assert!(reads_choice(path, name), "{path}: {name} is not read");
                }
                assert!(!reads_choice(path, "nowhere"), "{path}");
                continue;
            }
            // A whole-number range: its check sets both ends.
            SettingKind::Count | SettingKind::Number | SettingKind::CountRange => {}
            // A display flag (the Train view's `show.…`): no range, nothing for the core to check.
            SettingKind::Flag if path.starts_with("show.") => continue,
            other => panic!("{path}: no check for kind {other:?}"),
        }
        let whole = matches!(spec.kind, SettingKind::Count | SettingKind::CountRange);
        let (min, max) = (spec.min, max_in_force(spec, table));
        let Some(at_min) = check(path, min) else {
            // Its type is the check: a 32-bit seed.
            assert!(whole && min == 0.0 && max == u32::MAX as f64, "{path}");
            continue;
        };
        let name = spec.name.expect(path).replace("{n}", "1");
        assert_eq!(at_min, Ok(()), "{path} at min {min}");
        assert_eq!(check(path, max).unwrap(), Ok(()), "{path} at max {max}");
        let step = |bound: f64| {
            if whole {
                1.0
            } else {
                1e-9 * bound.abs().max(1.0)
            }
        };
        let mut outside = vec![max + step(max)];
        if !whole || min >= 1.0 {
            outside.push(min - step(min));
        }
        for x in outside {
            let error = check(path, x)
                .unwrap()
                .expect_err(&format!("{path} at {x}"));
            assert!(
                error.to_string().starts_with(&name),
                "{path} at {x}: {error} does not name {name}"
            );
        }
    }
}

#[test]
fn race_table_matches_the_race_checks() {
    check_every_entry(&race_settings_table(), race_check);
}

#[test]
fn strategy_table_matches_the_strategy_checks() {
    check_every_entry(&strategy_settings_table(), strategy_check);
}

/// Every strategy setting's "applies mid-run" is what the running strategy does with a change:
/// keeps going (true) or asks to be rebuilt (false), for each strategy and rule it applies to.
#[test]
fn strategy_table_says_which_changes_apply_mid_run() {
    let table = strategy_settings_table();
    let spec_of = |path: &str| table.iter().find(|s| s.path == path).unwrap();
    for spec in &table {
        let kinds: Vec<&str> = if spec.strategies.is_empty() {
            spec_of("kind").choices.clone()
        } else {
            spec.strategies.clone()
        };
        for kind in kinds {
            let mut s = StrategySettings {
                kind: StrategyKind::named(kind).unwrap(),
                ..StrategySettings::default()
            };
            for condition in &spec.requires {
                let index = spec_of(condition.path)
                    .choices
                    .iter()
                    .position(|c| *c == condition.values[0]);
                set_strategy(&mut s, condition.path, index.unwrap() as f64);
            }
            let mut changed = s.clone();
            let new_value = match spec.kind {
                SettingKind::Choice => {
                    let now = spec
                        .choices
                        .iter()
                        .position(|c| *c == spec_default_name(&s, spec.path));
                    ((now.unwrap() + 1) % spec.choices.len()) as f64
                }
                _ => spec.min.max(1.0).min(spec.max),
            };
            set_strategy(&mut changed, spec.path, new_value);
            assert_ne!(changed, s, "{}: the change changes nothing", spec.path);
            let mut strategy = search::build(&s, &[0.5, 0.5], &[(-1.0, 1.0), (-1.0, 1.0)]).unwrap();
            assert_eq!(
                strategy.retune(&changed),
                spec.mid_run,
                "{} under {kind}",
                spec.path
            );
        }
    }
}

/// The name in force of the choice setting at `path`.
fn spec_default_name(s: &StrategySettings, path: &str) -> &'static str {
    match path {
        "kind" => s.kind.name(),
        "rule" => s.rule.name(),
        "crossover" => s.crossover.name(),
        other => panic!("no choice {other}"),
    }
}

#[test]
fn landscape_table_matches_the_landscape_checks() {
    check_every_entry(&landscape_settings_table(), landscape_check);
}

#[test]
fn training_table_matches_the_training_checks() {
    check_every_entry(&training_settings_table(), training_check);
}

/// A change to the Train view's own settings restarts the run, but for the display flags: they
/// change only the picture, so they apply mid-run and the core's configuration never sees them.
#[test]
fn training_table_restarts_the_run_but_for_the_display_flags() {
    for spec in training_settings_table() {
        let display = spec.path.starts_with("show.");
        assert_eq!(spec.mid_run, display, "{}", spec.path);
        assert_eq!(spec.kind == SettingKind::Flag, display, "{}", spec.path);
    }
}

#[test]
fn the_race_tables_numbers_default_to_the_cores_defaults() {
    use automl_playground::catalog::DefaultValue;
    let d = RaceSettings::default();
    let expected = [
        ("seeds", d.seeds as f64),
        ("budget", d.budget as f64),
        ("seed", d.seed as f64),
        ("weights.points", d.weights.points as f64),
        ("weights.noise", d.weights.noise),
        ("weights.dataSeed", d.weights.data_seed as f64),
    ];
    let table = race_settings_table();
    for (path, value) in expected {
        let spec = table.iter().find(|s| s.path == path).expect(path);
        assert_eq!(spec.default, DefaultValue::Number(value), "{path}");
    }
}
