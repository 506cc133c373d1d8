//! Enums the page names with strings ("adam", "two-moons"…). One name table per enum is the
//! single source for reading settings and for writing them back.

/// An enum whose variants the page names with strings.
pub trait Choice: Sized + Copy + PartialEq + 'static {
    /// Every variant with its name, in the order the page offers them.
    const NAMES: &'static [(&'static str, Self)];

    /// This variant's name.
    fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, variant)| *variant == self)
            .map_or("", |(name, _)| name)
    }

    /// The variant called `name`, if there is one.
    fn named(name: &str) -> Option<Self> {
        Self::NAMES
            .iter()
            .find(|(known, _)| *known == name)
            .map(|&(_, variant)| variant)
    }

    /// The names, for a message: "a, b or c".
    fn listed() -> String {
        or_list(
            &Self::NAMES
                .iter()
                .map(|(name, _)| *name)
                .collect::<Vec<_>>(),
        )
    }
}

/// `names` for a message: "a, b or c". (Not generic: one copy in the wasm module.)
pub fn or_list(names: &[&str]) -> String {
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

/// Implements [`Choice`] from a name table, and `serde::Serialize` as the variant's name.
#[macro_export]
macro_rules! named_choices {
    ($ty:ident { $($name:literal => $variant:ident),+ $(,)? }) => {
        impl $crate::choice::Choice for $ty {
            const NAMES: &'static [(&'static str, Self)] = &[$(($name, $ty::$variant)),+];
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str($crate::choice::Choice::name(*self))
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::Choice;
    use crate::data::{HeaderRow, TargetKind};
    use crate::model::{Activation, Loss};
    use crate::search::StrategyKind;
    use crate::search::settings::{Crossover, UpdateRule};
    use crate::training::{BatchMode, DisplayMode, InputMode, RegularizationKind, StepUnit};

    /// Every variant is named once, and its name leads back to it.
    fn check<T: Choice + std::fmt::Debug>(count: usize) {
        assert_eq!(T::NAMES.len(), count);
        for &(name, variant) in T::NAMES {
            assert_eq!(variant.name(), name);
            assert_eq!(T::named(name), Some(variant));
            assert_eq!(T::NAMES.iter().filter(|(_, v)| *v == variant).count(), 1);
        }
        assert_eq!(T::named("no-such-name"), None);
    }

    #[test]
    fn every_name_table_is_complete_and_one_to_one() {
        check::<StrategyKind>(5);
        check::<UpdateRule>(6);
        check::<Crossover>(2);
        check::<DisplayMode>(2);
        check::<InputMode>(2);
        check::<BatchMode>(3);
        check::<StepUnit>(2);
        check::<RegularizationKind>(3);
        check::<Activation>(4);
        check::<Loss>(2);
        check::<HeaderRow>(3);
        check::<TargetKind>(3);
    }

    #[test]
    fn names_are_listed_for_messages() {
        assert_eq!(Crossover::listed(), "uniform or blend");
        assert_eq!(BatchMode::listed(), "full, mini or sgd");
    }
}
