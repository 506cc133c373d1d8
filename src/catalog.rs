//! The settings tables' shared shape: one [`SettingSpec`] per setting the page can change, with
//! its path in the settings object, its key in a share link, its label, the name the core's
//! messages give it, its kind, range, default, when it applies and whether it applies mid-run.
//! Each view's table is built from the same constants its settings' `validate()` checks, and the
//! page builds its fields, its hints and its link keys from it.

use crate::choice::Choice;
use serde::Serialize;

/// How a setting is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SettingKind {
    /// A whole number.
    Count,
    /// Any number in the range.
    Number,
    /// `[min, max]` of whole numbers.
    CountRange,
    /// `[min, max]` of numbers on a log scale.
    LogRange,
    /// One of `choices`.
    Choice,
    /// A non-empty subset of `choices`.
    Choices,
    /// true or false.
    Flag,
}

/// A setting's default value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum DefaultValue {
    /// A number.
    Number(f64),
    /// `[min, max]`.
    Pair([f64; 2]),
    /// A name.
    Name(&'static str),
    /// Names.
    Names(Vec<&'static str>),
    /// A flag.
    Flag(bool),
    /// Whole numbers (a network's hidden layers).
    Counts(Vec<usize>),
}

/// The upper bound that follows another setting: the value at `path` plus `offset`
/// (tournament size ≤ population, elitism ≤ population − 1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MaxFrom {
    /// The setting whose value bounds this one (same table, same base object).
    pub path: &'static str,
    /// Added to that value.
    pub offset: f64,
}

/// A condition on another setting: it applies only while the value at `path` is one of
/// `values` (with `not`: is none of them).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Condition {
    /// The other setting (same table, same base object).
    pub path: &'static str,
    /// The values for which this setting applies (with `not`: does not apply).
    pub values: Vec<&'static str>,
    /// Whether the condition is that the value is none of `values`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub not: bool,
}

/// One setting of a table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SettingSpec {
    /// Where it lives in the settings object, dotted ("space.epochs"). `.*` stands for each
    /// item of a list ("config.model.hidden.*").
    pub path: &'static str,
    /// Its key in a share link (`None`: written as part of another setting's key).
    pub key: Option<&'static str>,
    /// What the page calls it.
    pub label: &'static str,
    /// What the core's messages call it (`{n}`: the item's number, from 1), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'static str>,
    /// How it is written.
    pub kind: SettingKind,
    /// Smallest allowed value (per end, for ranges).
    pub min: f64,
    /// Largest allowed value (the bound when [`Self::max_from`] is set too: the lesser holds).
    pub max: f64,
    /// A bound that follows another setting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_from: Option<MaxFrom>,
    /// The default: a number, `[min, max]`, a name, a list of names or a flag, as a JS value.
    pub default: DefaultValue,
    /// The names allowed (choice settings).
    pub choices: Vec<&'static str>,
    /// The strategies it applies to (empty: every one).
    pub strategies: Vec<&'static str>,
    /// Further conditions, all of which must hold for it to apply.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<Condition>,
    /// Whether a change applies to the run in progress (true) or restarts it (false).
    pub mid_run: bool,
}

/// A condition of a [`Row`], as static data (see [`Condition`]).
#[derive(Debug, Clone, Copy)]
pub struct Requirement {
    path: &'static str,
    values: &'static [&'static str],
    not: bool,
}

/// One setting of a table as static data: the tables are `static` arrays of rows, built with
/// the `const` constructors below, and turned into [`SettingSpec`]s by [`table`]. The default
/// and the choices are functions, so they come from the settings' `Default` impls and the
/// [`Choice`] name tables.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    path: &'static str,
    key: Option<&'static str>,
    label: &'static str,
    name: Option<&'static str>,
    kind: SettingKind,
    min: f64,
    max: f64,
    max_from: Option<MaxFrom>,
    default: fn() -> DefaultValue,
    choices: fn() -> Vec<&'static str>,
    strategies: &'static [&'static str],
    requires: Option<Requirement>,
    mid_run: bool,
}

/// No choices (every kind but the choice ones).
fn no_choices() -> Vec<&'static str> {
    Vec::new()
}

impl Row {
    /// A setting of any kind (ranges, sets, flags…) with its default; range and choices empty.
    pub const fn of_kind(
        path: &'static str,
        key: &'static str,
        label: &'static str,
        kind: SettingKind,
        default: fn() -> DefaultValue,
    ) -> Row {
        Row {
            path,
            key: Some(key),
            label,
            name: None,
            kind,
            min: 0.0,
            max: 0.0,
            max_from: None,
            default,
            choices: no_choices,
            strategies: &[],
            requires: None,
            mid_run: false,
        }
    }

    /// A number from `range[0]` to `range[1]`.
    pub const fn number(
        path: &'static str,
        key: &'static str,
        label: &'static str,
        range: [f64; 2],
        default: fn() -> DefaultValue,
    ) -> Row {
        Row::of_kind(path, key, label, SettingKind::Number, default).within(range)
    }

    /// A whole number from `range[0]` to `range[1]`.
    pub const fn count(
        path: &'static str,
        key: &'static str,
        label: &'static str,
        range: [usize; 2],
        default: fn() -> DefaultValue,
    ) -> Row {
        Row::of_kind(path, key, label, SettingKind::Count, default)
            .within([range[0] as f64, range[1] as f64])
    }

    /// One of the names of `T`.
    pub const fn choice<T: Choice>(
        path: &'static str,
        key: &'static str,
        label: &'static str,
        default: fn() -> DefaultValue,
    ) -> Row {
        Row::of_kind(path, key, label, SettingKind::Choice, default).with_choices(names::<T>)
    }

    /// With the range `[min, max]`.
    pub const fn within(mut self, range: [f64; 2]) -> Row {
        [self.min, self.max] = range;
        self
    }

    /// With the names allowed.
    pub const fn with_choices(mut self, choices: fn() -> Vec<&'static str>) -> Row {
        self.choices = choices;
        self
    }

    /// With the default.
    pub const fn defaulting(mut self, default: fn() -> DefaultValue) -> Row {
        self.default = default;
        self
    }

    /// Named so in the core's messages.
    pub const fn named(mut self, name: &'static str) -> Row {
        self.name = Some(name);
        self
    }

    /// Applying to these strategies only.
    pub const fn only(mut self, strategies: &'static [&'static str]) -> Row {
        self.strategies = strategies;
        self
    }

    /// Applying only while the setting at `path` is one of `values`.
    pub const fn requires(mut self, path: &'static str, values: &'static [&'static str]) -> Row {
        self.requires = Some(Requirement {
            path,
            values,
            not: false,
        });
        self
    }

    /// Applying only while the setting at `path` is none of `values`.
    pub const fn unless(mut self, path: &'static str, values: &'static [&'static str]) -> Row {
        self.requires = Some(Requirement {
            path,
            values,
            not: true,
        });
        self
    }

    /// Bounded above by the setting at `path` plus `offset` too.
    pub const fn max_from(mut self, path: &'static str, offset: f64) -> Row {
        self.max_from = Some(MaxFrom { path, offset });
        self
    }

    /// Applying to the run in progress (a change does not restart it).
    pub const fn mid_run(mut self) -> Row {
        self.mid_run = true;
        self
    }

    /// The same setting at another `path` with another link `key` (a table that reuses
    /// another's row).
    pub const fn at(mut self, path: &'static str, key: &'static str) -> Row {
        self.path = path;
        self.key = Some(key);
        self
    }

    /// Written in a link as part of another setting's key.
    pub const fn unlinked(mut self) -> Row {
        self.key = None;
        self
    }

    /// The setting this row describes, its default and choices filled in.
    fn spec(&self) -> SettingSpec {
        SettingSpec {
            path: self.path,
            key: self.key,
            label: self.label,
            name: self.name,
            kind: self.kind,
            min: self.min,
            max: self.max,
            max_from: self.max_from,
            default: (self.default)(),
            choices: (self.choices)(),
            strategies: self.strategies.to_vec(),
            requires: self
                .requires
                .iter()
                .map(|r| Condition {
                    path: r.path,
                    values: r.values.to_vec(),
                    not: r.not,
                })
                .collect(),
            mid_run: self.mid_run,
        }
    }
}

/// The table the rows describe, in their order.
pub fn table(rows: &[Row]) -> Vec<SettingSpec> {
    tables(&[rows])
}

/// The table of several lists of rows, one after the other.
pub fn tables(parts: &[&[Row]]) -> Vec<SettingSpec> {
    parts
        .iter()
        .flat_map(|rows| rows.iter())
        .map(Row::spec)
        .collect()
}

/// A whole number's default.
pub fn whole(value: usize) -> DefaultValue {
    DefaultValue::Number(value as f64)
}

/// A choice's default: its name.
pub fn name<T: Choice>(value: T) -> DefaultValue {
    DefaultValue::Name(value.name())
}

/// The names of `T`, in its order.
pub fn names<T: Choice>() -> Vec<&'static str> {
    T::NAMES.iter().map(|(name, _)| *name).collect()
}

/// Checks what every table promises: each path and each link key once, `min ≤ max`, a choice's
/// default among its choices, a bound that names a setting of the same table. Returns the first
/// broken promise.
pub fn check_table(table: &[SettingSpec]) -> Result<(), String> {
    for (i, a) in table.iter().enumerate() {
        let later = &table[i + 1..];
        if later.iter().any(|b| b.path == a.path) {
            return Err(format!("{}: path twice", a.path));
        }
        if a.key.is_some() && later.iter().any(|b| b.key == a.key) {
            return Err(format!("{}: link key twice", a.path));
        }
        if a.min > a.max {
            return Err(format!("{}: min above max", a.path));
        }
        if let DefaultValue::Name(name) = a.default
            && !a.choices.contains(&name)
        {
            return Err(format!("{}: default {name} not a choice", a.path));
        }
        if let Some(m) = a.max_from
            && !table.iter().any(|b| b.path == m.path)
        {
            return Err(format!(
                "{}: bounded by an unknown setting {}",
                a.path, m.path
            ));
        }
    }
    Ok(())
}
