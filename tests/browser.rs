//! The wasm bindings, exercised in headless chromium by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

use automl_playground::wasm::{LandscapeSession, fresh_seed};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn config(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test config is valid JSON")
}

fn field(state: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(state, &JsValue::from_str(name)).unwrap()
}

#[wasm_bindgen_test]
fn a_session_steps_and_reports_its_state_as_a_plain_object() {
    let mut session = LandscapeSession::new(config(r#"{"landscape":{"id":"rosenbrock"},"seed":3}"#)).unwrap();
    assert_eq!(session.step(5).unwrap(), 5);
    let state = session.state().unwrap();
    assert_eq!(field(&state, "step").as_f64(), Some(5.0));
    assert_eq!(field(&state, "status").as_string().as_deref(), Some("running"));
    assert!(js_sys::Array::is_array(&field(&state, "position")));
    assert!(field(&state, "explanation").as_string().unwrap().starts_with("θ₅ = θ₄"));
    assert_eq!(session.path().len(), 12);
}

#[wasm_bindgen_test]
fn the_heatmap_is_rgba_of_the_requested_size() {
    let session = LandscapeSession::new(config(r#"{"landscape":{"id":"rastrigin"}}"#)).unwrap();
    let pixels = session.heatmap(40, 30);
    assert_eq!(pixels.len(), 40 * 30 * 4);
    assert!(pixels.chunks(4).all(|p| p[3] == 255));
}

#[wasm_bindgen_test]
fn a_bad_setting_is_refused_by_name_and_the_run_is_kept() {
    let mut session = LandscapeSession::new(config(r#"{"strategy":{"kind":"genetic"}}"#)).unwrap();
    session.step(3).unwrap();
    let error = session.configure(config(r#"{"strategy":{"kind":"genetic","population":0}}"#)).unwrap_err();
    let message = JsValue::from(error);
    let text = js_sys::Reflect::get(&message, &JsValue::from_str("message")).unwrap().as_string().unwrap();
    assert!(text.starts_with("population: must be a whole number from 2 to 2000"), "{text}");
    assert_eq!(field(&session.state().unwrap(), "step").as_f64(), Some(3.0));
}

#[wasm_bindgen_test]
fn a_huge_learning_rate_diverges_instead_of_drawing_nan() {
    let mut session =
        LandscapeSession::new(config(r#"{"strategy":{"kind":"gradient","learningRate":1000000}}"#)).unwrap();
    session.step(50).unwrap();
    let state = session.state().unwrap();
    assert_eq!(field(&state, "status").as_string().as_deref(), Some("diverged"));
    assert!(session.path().iter().all(|v| v.is_finite()));
}

#[wasm_bindgen_test]
fn fresh_seeds_differ() {
    assert_ne!((fresh_seed(), fresh_seed()), (fresh_seed(), fresh_seed()));
}
