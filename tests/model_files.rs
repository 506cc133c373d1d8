//! Saved models: a model file predicts, from raw rows alone, exactly what the run's model
//! predicts, and loads back into a run on the same data with the same weights and scores.
#![cfg(not(target_arch = "wasm32"))]

use automl_playground::data::{self, Dataset};
use automl_playground::rng::seeded;
use automl_playground::training::{
    DisplayMode, InputMode, ModelInputs, ModelSettings, TrainingConfig, TrainingRun,
};

fn trained(dataset: &Dataset, config: &TrainingConfig, steps: usize) -> TrainingRun {
    let mut run = TrainingRun::new(dataset, config).unwrap();
    for _ in 0..steps {
        run.step().unwrap();
    }
    run
}

fn config(display: DisplayMode, inputs: InputMode, hidden: Vec<usize>) -> TrainingConfig {
    TrainingConfig {
        display,
        inputs,
        model: ModelSettings {
            hidden,
            ..Default::default()
        },
        ..Default::default()
    }
}

/// Every way the Train view feeds a model: a generated pair, a classic table's pair, all its
/// features, its principal components, a one-feature regression and a many-feature one.
fn cases() -> Vec<(&'static str, Dataset, TrainingConfig)> {
    let iris = data::classic("iris").unwrap();
    let diabetes = data::classic("diabetes").unwrap();
    vec![
        (
            "circle, the displayed pair",
            data::generate("circle", 200, 0.1, &mut seeded(1)).unwrap(),
            config(DisplayMode::Pair, InputMode::Display, vec![6, 6]),
        ),
        (
            "iris, its pair",
            iris.clone(),
            config(DisplayMode::Pair, InputMode::Display, vec![5]),
        ),
        (
            "iris, every feature",
            iris.clone(),
            config(DisplayMode::Pair, InputMode::All, vec![5]),
        ),
        (
            "iris, its principal components",
            iris.clone(),
            config(DisplayMode::Pca, InputMode::Display, vec![4, 3]),
        ),
        (
            "sine, one feature",
            data::generate("sine", 120, 0.1, &mut seeded(2)).unwrap(),
            config(DisplayMode::Pair, InputMode::Display, vec![8]),
        ),
        (
            "diabetes, every feature",
            diabetes,
            config(DisplayMode::Pca, InputMode::All, vec![]),
        ),
    ]
}

#[test]
fn a_model_file_predicts_from_raw_rows_what_the_run_predicts() {
    for (name, dataset, config) in cases() {
        let run = trained(&dataset, &config, 12);
        let file = run.model_file();
        let expected = run.predictions();
        assert_eq!(expected.len(), dataset.n_rows(), "{name}");
        let predicted = file.predict(dataset.features()).unwrap();
        assert_eq!(predicted, expected, "{name}");
        let principal = matches!(file.inputs, ModelInputs::PrincipalComponents { .. });
        assert_eq!(
            principal,
            config.display == DisplayMode::Pca
                && config.inputs == InputMode::Display
                && dataset.n_features() > 1,
            "{name}"
        );
    }
}

#[test]
fn a_loaded_model_starts_from_its_weights_with_the_scores_it_was_saved_with() {
    for (name, dataset, config) in cases() {
        let run = trained(&dataset, &config, 12);
        let file = run.model_file();
        let loaded = TrainingRun::from_model_file(&dataset, &config, &file).unwrap();
        assert_eq!(loaded.theta(), run.theta(), "{name}");
        assert_eq!(loaded.steps(), 0, "{name}");
        assert_eq!(loaded.predictions(), run.predictions(), "{name}");
        let (saved, fresh) = (run.history(), loaded.history());
        assert_eq!(
            fresh.train_loss[0],
            *saved.train_loss.last().unwrap(),
            "{name}"
        );
        assert_eq!(
            fresh.test_score[0],
            *saved.test_score.last().unwrap(),
            "{name}"
        );
        // Another seed's run is not this model: loading it changes the weights it starts from.
        assert_ne!(
            TrainingRun::new(&dataset, &config).unwrap().theta(),
            run.theta(),
            "{name}"
        );
    }
}

#[test]
fn a_model_is_refused_on_other_rows_other_features_or_other_layers() {
    let circle = |n| data::generate("circle", n, 0.1, &mut seeded(1)).unwrap();
    let settings = config(DisplayMode::Pair, InputMode::Display, vec![4]);
    let file = trained(&circle(200), &settings, 5).model_file();

    let other_rows = TrainingRun::from_model_file(&circle(150), &settings, &file);
    assert!(
        other_rows
            .err()
            .unwrap()
            .to_string()
            .contains("trained on other rows")
    );

    let iris = data::classic("iris").unwrap();
    let other_features = TrainingRun::from_model_file(&iris, &settings, &file);
    let message = other_features.err().unwrap().to_string();
    assert!(
        message.contains("this model reads the features (x1, x2)"),
        "{message}"
    );

    let wider = config(DisplayMode::Pair, InputMode::Display, vec![5]);
    let other_layers = TrainingRun::from_model_file(&circle(200), &wider, &file);
    assert!(other_layers.err().unwrap().to_string().contains("layers"));

    let mut spoiled = file.clone();
    spoiled.weights.pop();
    let short = TrainingRun::from_model_file(&circle(200), &settings, &spoiled);
    assert!(short.err().unwrap().to_string().contains("finite weights"));
}
