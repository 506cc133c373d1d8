//! Datasets: seeded toy shapes, classic tables shipped in the crate, the user's CSV file and
//! points drawn by hand; plus what models need around them (splits, folds, standardization)
//! and what the page needs to show them (the two most informative features, a PCA view).

mod classic;
mod csv;
mod dataset;
mod folds;
mod informative;
mod pca;
mod source;
mod split;
mod standardize;
mod strata;
mod synthetic;

#[cfg(not(target_arch = "wasm32"))]
pub use classic::classic;
pub use classic::{CLASSIC_IDS, classic_credit, classic_file, classic_from_text};
pub use csv::{
    AUTO_MAX_CLASSES, CsvOptions, HeaderRow, MAX_CLASSES, MAX_COLUMNS, MAX_CSV_BYTES,
    MAX_NAME_CHARS, ParsedCsv, TargetKind, check_csv_size, parse_csv,
};
pub use dataset::{Dataset, MAX_MAGNITUDE, MAX_ROWS, Target, class_index};
pub use folds::{Fold, k_fold, stratified_k_fold};
pub use informative::most_informative_pair;
pub use pca::{Pca, pca_2d};
pub use source::{DataSource, Drawn, combined};
pub use split::{Split, TEST_SHARE_RANGE, VALIDATION_SHARE_RANGE, train_test_split};
pub use standardize::Standardizer;
pub use synthetic::{
    GENERATOR_IDS, MAX_NOISE, MAX_POINTS, MIN_POINTS, circle, generate, generator_defaults, line,
    plane, sine, spiral, three_blobs, two_gaussians, two_moons, xor,
};
