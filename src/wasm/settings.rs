//! The page's settings objects read into the core's settings types (field names as in
//! README's JS API; see [`Fields`] for what a missing or mistyped field does).

use super::landscape_session::LandscapeConfig;
use super::read::Fields;
use super::search_session;
use crate::Result;
use crate::data::CsvOptions;
use crate::landscape::{self, LandscapeSettings};
use crate::race::{Problem, RaceSettings, WeightsProblem};
use crate::search::StrategySettings;
use crate::training::{ModelSettings, TrainingConfig};

/// Reads the strategy fields present in `f` over `s`.
fn strategy(f: &Fields, s: &mut StrategySettings) -> Result<()> {
    f.choice("kind", &mut s.kind)?;
    f.choice("rule", &mut s.rule)?;
    f.number("learningRate", &mut s.learning_rate)?;
    f.number("momentum", &mut s.momentum)?;
    f.number("rho", &mut s.rho)?;
    f.number("beta1", &mut s.beta1)?;
    f.number("beta2", &mut s.beta2)?;
    f.number("epsilon", &mut s.epsilon)?;
    f.count("samplesPerStep", &mut s.samples_per_step)?;
    f.number("sigma", &mut s.sigma)?;
    f.count("population", &mut s.population)?;
    f.count("tournament", &mut s.tournament)?;
    f.choice("crossover", &mut s.crossover)?;
    f.number("blendAlpha", &mut s.blend_alpha)?;
    f.number("mutationRate", &mut s.mutation_rate)?;
    f.number("mutationSigma", &mut s.mutation_sigma)?;
    f.count("elitism", &mut s.elitism)?;
    f.number("initialSpread", &mut s.initial_spread)?;
    f.count("gridPoints", &mut s.grid.grid_points)
}

/// The strategy fields in `f` over `current`, after `surface`'s tuned rates on a new run or
/// rule ([`landscape::tuned_strategy`]).
#[inline(never)]
fn tuned(
    surface: &dyn landscape::Landscape,
    new_surface: bool,
    current: &StrategySettings,
    f: &Fields,
) -> Result<StrategySettings> {
    landscape::tuned_strategy(surface, new_surface, current, |s| strategy(f, s))
}

/// Reads a landscape choice over `s`.
fn landscape(f: &Fields, s: &mut LandscapeSettings) -> Result<()> {
    f.text("id", &mut s.id)?;
    f.number("condition", &mut s.condition)?;
    f.number("rotationDeg", &mut s.rotation_deg)
}

/// Reads the model fields present in `f` over `m`.
fn model(f: &Fields, m: &mut ModelSettings) -> Result<()> {
    if let Some(hidden) = f.counts("hidden", None)? {
        m.hidden = hidden;
    }
    f.choice("activation", &mut m.activation)?;
    f.choice("loss", &mut m.loss)?;
    f.choice("regularization", &mut m.regularization)?;
    f.number("regularizationRate", &mut m.regularization_rate)
}

/// A training configuration: the defaults with the fields present in `f`.
pub(crate) fn training(f: &Fields) -> Result<TrainingConfig> {
    let mut c = TrainingConfig::default();
    f.number("testShare", &mut c.test_share)?;
    f.number("validationShare", &mut c.validation_share)?;
    f.choice("display", &mut c.display)?;
    c.display_features = f.counts("displayFeatures", Some(2))?.map(|v| [v[0], v[1]]);
    f.choice("inputs", &mut c.inputs)?;
    model(&f.object("model")?, &mut c.model)?;
    f.choice("batch", &mut c.batch)?;
    f.count("batchSize", &mut c.batch_size)?;
    f.choice("stepUnit", &mut c.step_unit)?;
    strategy(&f.object("strategy")?, &mut c.strategy)?;
    f.seed("seed", &mut c.seed)?;
    Ok(c)
}

/// A landscape configuration read over `current` (`None` for a new session: the defaults).
/// The strategy fields present in `f` are written over the settings in force, which take the
/// surface's tuned rates first when the session is new or the surface or update rule changes
/// ([`landscape::tuned_strategy`]); the start is as given (missing: the surface's default).
pub(crate) fn landscape_config(
    f: &Fields,
    current: Option<&LandscapeConfig>,
) -> Result<LandscapeConfig> {
    let mut c = current.cloned().unwrap_or_default();
    landscape(&f.object("landscape")?, &mut c.landscape)?;
    let surface = landscape::build(&c.landscape)?;
    let new_surface = current.is_none_or(|old| old.landscape.id != c.landscape.id);
    let fields = f.object("strategy")?;
    c.strategy = tuned(surface.as_ref(), new_surface, &c.strategy, &fields)?;
    f.seed("seed", &mut c.seed)?;
    c.start = f.numbers("start", Some(2))?.map(|v| [v[0], v[1]]);
    Ok(c)
}

/// The keys of a race's strategies, in order: one more than a race may have, so that too many
/// are refused by count rather than dropped.
const RACE_STRATEGIES: [&str; 5] = [
    "strategy1",
    "strategy2",
    "strategy3",
    "strategy4",
    "strategy5",
];

/// A race's settings: the defaults with the fields present in `f`; its strategies are the objects
/// `strategy1`, `strategy2`… up to the first missing one. On a surface each takes the surface's
/// tuned rates first, then its own fields, as a new run of the Landscapes view does; on weights,
/// the Train view's defaults; on architectures each is a Search view strategy (`{ kind: 'grid' |
/// 'random' | 'evolution' | 'halving', … }`) over the space and folds of `architecture`
/// (`{ space, folds }`).
pub(crate) fn race(f: &Fields) -> Result<RaceSettings> {
    let mut r = RaceSettings::default();
    f.choice("problem", &mut r.problem)?;
    landscape(&f.object("landscape")?, &mut r.landscape)?;
    let w = f.object("weights")?;
    w.text("data", &mut r.weights.data)?;
    w.count("points", &mut r.weights.points)?;
    w.number("noise", &mut r.weights.noise)?;
    w.seed("dataSeed", &mut r.weights.data_seed)?;
    model(&w.object("model")?, &mut r.weights.model)?;
    let a = f.object("architecture")?;
    r.architecture.space = search_session::space(&a.object("space")?)?;
    a.count("folds", &mut r.architecture.folds)?;
    let surface = landscape::build(&r.landscape)?;
    for key in RACE_STRATEGIES {
        let fields = f.object(key)?;
        if !fields.is_given() {
            break;
        }
        if r.problem == Problem::Architecture {
            let strategy = search_session::strategy(&fields);
            r.architecture.strategies.push(strategy?);
            continue;
        }
        r.strategies.push(match r.problem {
            Problem::Surface => tuned(
                surface.as_ref(),
                true,
                &StrategySettings::default(),
                &fields,
            )?,
            _ => {
                let mut s = WeightsProblem::strategy_defaults();
                strategy(&fields, &mut s)?;
                s
            }
        });
    }
    f.count("seeds", &mut r.seeds)?;
    f.count("budget", &mut r.budget)?;
    f.seed("seed", &mut r.seed)?;
    Ok(r)
}

/// How to read the user's CSV: `{name, header, targetColumn, targetKind}`, all optional.
pub(crate) fn csv_options(value: wasm_bindgen::JsValue) -> Result<CsvOptions> {
    let f = Fields::of(value)?;
    let name = f.optional_text("name")?.filter(|name| !name.is_empty());
    let mut options = CsvOptions {
        name: name.unwrap_or_else(|| "your CSV".into()),
        ..CsvOptions::default()
    };
    f.choice("header", &mut options.header)?;
    options.target_column = f.optional_count("targetColumn")?;
    f.choice("targetKind", &mut options.target_kind)?;
    Ok(options)
}
