//! Classic small datasets (from scikit-learn's data folder), shipped as files in `www/data/`:
//! the page fetches the one the user picks and hands its text to [`classic_from_text`]; native
//! builds (tests, benches) embed them and offer [`classic`].
//!
//! The labelled tables start with a line `n,d,class names…`, then n rows of d comma-separated
//! features followed by the integer class. Diabetes is headerless and space-separated: ten
//! features, then the target.

use super::{Dataset, Target};
use crate::{Error, Result};

/// Ids accepted by [`classic_from_text`].
pub const CLASSIC_IDS: [&str; 4] = ["iris", "wine", "breast_cancer", "diabetes"];

/// The file in `www/data/` that holds table `id`.
pub fn classic_file(id: &str) -> Option<&'static str> {
    Some(match id {
        "iris" => "iris.csv",
        "wine" => "wine.csv",
        "breast_cancer" => "breast_cancer.csv",
        "diabetes" => "diabetes.txt",
        _ => return None,
    })
}

/// Loads the classic dataset `id` from the text embedded in native builds.
#[cfg(not(target_arch = "wasm32"))]
pub fn classic(id: &str) -> Result<Dataset> {
    let text = match id {
        "iris" => include_str!("../../www/data/iris.csv"),
        "wine" => include_str!("../../www/data/wine.csv"),
        "breast_cancer" => include_str!("../../www/data/breast_cancer.csv"),
        "diabetes" => include_str!("../../www/data/diabetes.txt"),
        _ => "",
    };
    classic_from_text(id, text)
}

const IRIS_FEATURES: [&str; 4] = [
    "sepal length (cm)",
    "sepal width (cm)",
    "petal length (cm)",
    "petal width (cm)",
];
const WINE_FEATURES: [&str; 13] = [
    "alcohol",
    "malic acid",
    "ash",
    "alcalinity of ash",
    "magnesium",
    "total phenols",
    "flavanoids",
    "nonflavanoid phenols",
    "proanthocyanins",
    "color intensity",
    "hue",
    "OD280/OD315 of diluted wines",
    "proline",
];
/// Breast cancer measures these ten cell-nucleus properties three ways (mean, standard
/// error, worst).
const NUCLEUS_PROPERTIES: [&str; 10] = [
    "radius",
    "texture",
    "perimeter",
    "area",
    "smoothness",
    "compactness",
    "concavity",
    "concave points",
    "symmetry",
    "fractal dimension",
];
const DIABETES_FEATURE_NAMES: [&str; 10] = [
    "age",
    "sex",
    "bmi",
    "bp (average blood pressure)",
    "s1",
    "s2",
    "s3",
    "s4",
    "s5",
    "s6",
];

/// Reads the classic dataset `id` (one of [`CLASSIC_IDS`]) from the text of its file.
pub fn classic_from_text(id: &str, text: &str) -> Result<Dataset> {
    match id {
        "iris" => labelled_table("Iris", text, owned(&IRIS_FEATURES)),
        "wine" => labelled_table("Wine", text, owned(&WINE_FEATURES)),
        "breast_cancer" => {
            // Text around each property (not `str::replace`, whose searcher has a panic path).
            let names = [("mean ", ""), ("", " standard error"), ("worst ", "")]
                .iter()
                .flat_map(|(before, after)| {
                    NUCLEUS_PROPERTIES.map(|p| format!("{before}{p}{after}"))
                })
                .collect();
            labelled_table("Breast cancer (Wisconsin)", text, names)
        }
        "diabetes" => diabetes(text),
        _ => Err(Error::setting(
            "dataset",
            format!(
                "unknown dataset \"{id}\"; expected one of {}",
                CLASSIC_IDS.join(", ")
            ),
        )),
    }
}

/// A one-line credit for the classic dataset `id`, or "" for an unknown id.
pub fn classic_credit(id: &str) -> &'static str {
    match id {
        "iris" => {
            "Iris (R. A. Fisher, 1936): UCI Machine Learning Repository, CC BY 4.0, via scikit-learn"
        }
        "wine" => {
            "Wine (Forina et al.): UCI Machine Learning Repository, CC BY 4.0, via scikit-learn"
        }
        "breast_cancer" => {
            "Breast Cancer Wisconsin (Diagnostic) (Wolberg, Street & Mangasarian): UCI Machine \
             Learning Repository, CC BY 4.0, via scikit-learn"
        }
        "diabetes" => {
            "Diabetes: Efron, Hastie, Johnstone & Tibshirani (2004), \"Least Angle Regression\", \
             Annals of Statistics, via scikit-learn"
        }
        _ => "",
    }
}

fn owned(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

/// Parses a table whose first line is `n,d,class names…` and whose rows end with the class.
fn labelled_table(name: &str, text: &str, feature_names: Vec<String>) -> Result<Dataset> {
    let mut lines = text.lines().enumerate().map(|(i, line)| (i + 1, line));
    let (_, header) = lines.next().ok_or_else(|| Error::data("empty table"))?;
    let header: Vec<&str> = header.split(',').collect();
    let n = parse_count(header[0], 1, 1)?;
    let d = parse_count(header.get(1).copied().unwrap_or(""), 1, 2)?;
    if d != feature_names.len() {
        return Err(Error::data_at(
            1,
            Some(2),
            "the feature count does not match the names",
        ));
    }
    let class_names = owned(&header[2..]);
    let mut features = Vec::with_capacity(n * d);
    let mut labels = Vec::with_capacity(n);
    for (line, text) in lines {
        let cells: Vec<&str> = text.split(',').collect();
        if cells.len() != d + 1 {
            return Err(Error::data_at(
                line,
                None,
                format!("expected {} fields", d + 1),
            ));
        }
        for (col, cell) in cells[..d].iter().enumerate() {
            features.push(parse_number(cell, line, col + 1)?);
        }
        labels.push(parse_count(cells[d], line, d + 1)?);
    }
    if labels.len() != n {
        return Err(Error::data(format!(
            "expected {n} rows, found {}",
            labels.len()
        )));
    }
    Dataset::new(
        name,
        features,
        feature_names,
        Target::Classes {
            labels,
            class_names,
        },
    )
}

/// Parses the diabetes table: per line, 10 space-separated features and the target.
fn diabetes(text: &str) -> Result<Dataset> {
    let d = DIABETES_FEATURE_NAMES.len();
    let mut features = Vec::new();
    let mut values = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let cells: Vec<&str> = line.split_whitespace().collect();
        if cells.len() != d + 1 {
            return Err(Error::data_at(
                i + 1,
                None,
                format!("expected {} fields", d + 1),
            ));
        }
        for (col, cell) in cells[..d].iter().enumerate() {
            features.push(parse_number(cell, i + 1, col + 1)?);
        }
        values.push(parse_number(cells[d], i + 1, d + 1)?);
    }
    Dataset::new(
        "Diabetes",
        features,
        owned(&DIABETES_FEATURE_NAMES),
        Target::Values(values),
    )
}

fn parse_number(cell: &str, line: usize, col: usize) -> Result<f64> {
    cell.parse()
        .map_err(|_| Error::data_at(line, Some(col), format!("\"{cell}\" is not a number")))
}

fn parse_count(cell: &str, line: usize, col: usize) -> Result<usize> {
    cell.parse()
        .map_err(|_| Error::data_at(line, Some(col), format!("\"{cell}\" is not a whole number")))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn class_counts(data: &Dataset) -> Vec<usize> {
        let Target::Classes {
            labels,
            class_names,
        } = data.target()
        else {
            panic!()
        };
        let mut counts = vec![0; class_names.len()];
        labels.iter().for_each(|&l| counts[l] += 1);
        counts
    }

    #[test]
    fn labelled_tables_have_their_documented_sizes() {
        for (id, rows, features, counts) in [
            ("iris", 150, 4, vec![50, 50, 50]),
            ("wine", 178, 13, vec![59, 71, 48]),
            ("breast_cancer", 569, 30, vec![212, 357]),
        ] {
            let data = classic(id).unwrap();
            assert_eq!((data.n_rows(), data.n_features()), (rows, features), "{id}");
            assert_eq!(class_counts(&data), counts, "{id}");
            assert!(!classic_credit(id).is_empty());
        }
        let iris = classic("iris").unwrap();
        assert_eq!(iris.row(0), &[5.1, 3.5, 1.4, 0.2]);
        let Target::Classes { class_names, .. } = iris.target() else {
            unreachable!()
        };
        assert_eq!(class_names, &["setosa", "versicolor", "virginica"]);
        let cancer = classic("breast_cancer").unwrap();
        assert_eq!(cancer.feature_names()[0], "mean radius");
        assert_eq!(cancer.feature_names()[10], "radius standard error");
        assert_eq!(cancer.feature_names()[29], "worst fractal dimension");
    }

    #[test]
    fn diabetes_is_a_regression_table() {
        let data = classic("diabetes").unwrap();
        assert_eq!((data.n_rows(), data.n_features()), (442, 10));
        let Target::Values(values) = data.target() else {
            panic!("not regression")
        };
        let min = values.iter().copied().fold(f64::INFINITY, f64::min);
        let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        assert_eq!((min, max), (25.0, 346.0));
        assert_eq!(data.row(0)[..3], [59.0, 2.0, 32.1]);
    }

    #[test]
    fn unknown_ids_are_refused() {
        assert!(classic("titanic").is_err());
        assert_eq!(classic_credit("titanic"), "");
    }
}
