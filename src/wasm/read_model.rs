//! Reading a saved model object (the parsed JSON of a model file) field by field, like the
//! settings objects: a missing field or one of the wrong type is refused by name.

use super::read::Fields;
use crate::training::{ModelFile, ModelInputs};
use crate::{Error, ErrorKind, Result};
use wasm_bindgen::JsValue;

fn unusable(error: Error) -> Error {
    Error::data(format!("not a usable model file: {error}"))
}

fn required<T>(value: Option<T>, key: &str) -> Result<T> {
    value.ok_or_else(|| Error::data(format!("not a usable model file: it has no {key}")))
}

/// The model file in `value`, with every part checked against the others (see
/// [`ModelFile::spec`]). Weights may come as a typed array or a plain array.
pub(crate) fn read_model_file(value: &JsValue) -> Result<ModelFile> {
    let fields = Fields::of(value.clone()).map_err(unusable)?;
    let read = || -> Result<ModelFile> {
        let inputs = fields.object("inputs")?;
        let model_inputs = match inputs.optional_text("kind")?.as_deref() {
            Some("columns") => ModelInputs::Columns {
                columns: required(inputs.counts("columns", None)?, "inputs.columns")?,
            },
            Some("principal-components") => ModelInputs::PrincipalComponents {
                means: required(inputs.floats("means")?, "inputs.means")?,
                scales: required(inputs.floats("scales")?, "inputs.scales")?,
                axes: required(inputs.floats("axes")?, "inputs.axes")?,
            },
            _ => {
                return Err(Error::data(
                    "not a usable model file: inputs.kind must be \"columns\" or \"principal-components\"",
                ));
            }
        };
        let mut file = ModelFile {
            format: String::new(),
            version: 0,
            features: required(fields.texts("features")?, "features")?,
            means: required(fields.floats("means")?, "means")?,
            scales: required(fields.floats("scales")?, "scales")?,
            inputs: model_inputs,
            hidden: fields.counts("hidden", None)?.unwrap_or_default(),
            activation: String::new(),
            classes: fields.texts("classes")?,
            target_mean: 0.0,
            target_scale: 1.0,
            weights: required(fields.floats("weights")?, "weights")?,
        };
        fields.text("format", &mut file.format)?;
        let mut version = 0;
        fields.count("version", &mut version)?;
        file.version = u32::try_from(version).unwrap_or(u32::MAX);
        fields.text("activation", &mut file.activation)?;
        fields.number("targetMean", &mut file.target_mean)?;
        fields.number("targetScale", &mut file.target_scale)?;
        Ok(file)
    };
    let file = read().map_err(|error| match error.kind() {
        ErrorKind::Setting { .. } => unusable(error),
        _ => error,
    })?;
    file.spec()?;
    Ok(file)
}
