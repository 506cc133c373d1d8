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
    let mut session = LandscapeSession::new(config(
        r#"{"landscape":{"id":"rosenbrock"},"strategy":{"learningRate":0.001},"seed":3}"#,
    ))
    .unwrap();
    assert_eq!(session.step(5).unwrap(), 5);
    let state = session.state().unwrap();
    assert_eq!(field(&state, "step").as_f64(), Some(5.0));
    assert_eq!(
        field(&state, "status").as_string().as_deref(),
        Some("running")
    );
    assert!(js_sys::Array::is_array(&field(&state, "position")));
    assert!(
        field(&state, "explanation")
            .as_string()
            .unwrap()
            .starts_with("θ₅ = θ₄")
    );
    assert_eq!(session.path().len(), 12);
}

#[wasm_bindgen_test]
fn the_heatmap_is_rgba_of_the_requested_size() {
    let mut session = LandscapeSession::new(config(r#"{"landscape":{"id":"rastrigin"}}"#)).unwrap();
    assert!(session.heatmap_levels(vec![0.0, 1.0]).is_empty());
    let pixels = session.heatmap(40, 30);
    assert_eq!(pixels.len(), 40 * 30 * 4);
    // The colour bar's ends: Rastrigin's lowest and highest values on the sampled grid.
    let levels = session.heatmap_levels(vec![0.0, 0.5, 1.0]);
    assert!(levels[0] >= 0.0 && levels[0] < levels[1] && levels[1] < levels[2]);
    let first = &pixels[..4];
    assert!(
        pixels.chunks(4).any(|p| p != first),
        "the surface is shaded, not flat"
    );
    assert_eq!(
        session.gradient_at(0.0, 0.0),
        vec![0.0, 0.0],
        "the minimum is flat"
    );
    assert!(session.gradient_at(0.25, 0.0)[0] > 0.0);
}

#[wasm_bindgen_test]
fn a_bad_setting_is_refused_by_name_and_the_run_is_kept() {
    let mut session = LandscapeSession::new(config(r#"{"strategy":{"kind":"genetic"}}"#)).unwrap();
    session.step(3).unwrap();
    let error = session
        .configure(config(r#"{"strategy":{"kind":"genetic","population":0}}"#))
        .unwrap_err();
    let message = JsValue::from(error);
    let text = js_sys::Reflect::get(&message, &JsValue::from_str("message"))
        .unwrap()
        .as_string()
        .unwrap();
    assert!(
        text.starts_with("population: must be a whole number from 2 to 2000"),
        "{text}"
    );
    assert_eq!(field(&session.state().unwrap(), "step").as_f64(), Some(3.0));
}

#[wasm_bindgen_test]
fn a_landscape_configuration_read_back_from_config_is_the_same_configuration() {
    let mut session = LandscapeSession::new(config(
        r#"{"landscape":{"id":"bowl","condition":25,"rotationDeg":-40},
            "strategy":{"kind":"random-walk","sigma":0.2,"samplesPerStep":4},
            "seed":12,"start":[1.5,-2]}"#,
    ))
    .unwrap();
    let written = String::from(js_sys::JSON::stringify(&session.config().unwrap()).unwrap());
    for expected in [
        r#""condition":25"#,
        r#""rotationDeg":-40"#,
        r#""kind":"random-walk""#,
        r#""samplesPerStep":4"#,
        r#""start":[1.5,-2]"#,
    ] {
        assert!(written.contains(expected), "{expected} in {written}");
    }
    assert!(
        !session.configure(session.config().unwrap()).unwrap(),
        "nothing changed"
    );
    let path = session.path();
    assert_eq!(&path[..2], &[1.5, -2.0]);
}

#[wasm_bindgen_test]
fn the_page_copies_only_the_newest_samples_and_curve_steps() {
    let mut session = LandscapeSession::new(config(
        r#"{"strategy":{"kind":"random-global","samplesPerStep":4},"seed":2}"#,
    ))
    .unwrap();
    session.step(5).unwrap();
    let all = session.recent_samples(u32::MAX);
    assert_eq!(all.len(), 5 * 4 * 2);
    assert_eq!(session.recent_samples(3), all[all.len() - 6..].to_vec());
    assert!(session.recent_samples(0).is_empty());
    let curve = session.curve_from(0);
    assert_eq!(curve.len(), 5 * 2);
    assert_eq!(session.curve_from(2), curve[4..].to_vec());
    assert_eq!(
        &curve[..2],
        &[4.0, curve[1]],
        "evaluations after the first step"
    );
    assert!(session.curve_from(9).is_empty());
}

#[wasm_bindgen_test]
fn a_huge_learning_rate_diverges_instead_of_drawing_nan() {
    let mut session = LandscapeSession::new(config(
        r#"{"strategy":{"kind":"gradient","learningRate":1000000}}"#,
    ))
    .unwrap();
    session.step(50).unwrap();
    let state = session.state().unwrap();
    assert_eq!(
        field(&state, "status").as_string().as_deref(),
        Some("diverged")
    );
    assert!(session.path().iter().all(|v| v.is_finite()));
}

/// The settings tables reach the page as plain objects, bounds that follow another setting and
/// list items (written under their list's key) included.
#[wasm_bindgen_test]
fn the_settings_tables_cross_as_plain_objects() {
    let tables = automl_playground::wasm::settings_tables().unwrap();
    let entry = |part: &str, path: &str| {
        let list = js_sys::Array::from(&field(&tables, part));
        list.iter()
            .find(|e| field(e, "path").as_string().as_deref() == Some(path))
            .unwrap_or_else(|| panic!("{part}: no {path}"))
    };
    let tournament = entry("strategy", "tournament");
    assert_eq!(field(&tournament, "key").as_string().as_deref(), Some("k"));
    assert_eq!(
        field(&tournament, "kind").as_string().as_deref(),
        Some("count")
    );
    assert_eq!(field(&tournament, "midRun").as_bool(), Some(true));
    let bound = field(&tournament, "maxFrom");
    assert_eq!(
        field(&bound, "path").as_string().as_deref(),
        Some("population")
    );
    assert_eq!(field(&bound, "offset").as_f64(), Some(0.0));
    let neurons = entry("training", "config.model.hidden.*");
    assert!(field(&neurons, "key").is_null());
    assert_eq!(field(&neurons, "max").as_f64(), Some(32.0));
    let kappa = entry("landscape", "landscape.condition");
    let requires = js_sys::Array::from(&field(&kappa, "requires"));
    assert_eq!(
        field(&requires.get(0), "path").as_string().as_deref(),
        Some("landscape.id")
    );
}

#[wasm_bindgen_test]
fn fresh_seeds_differ() {
    assert_ne!((fresh_seed(), fresh_seed()), (fresh_seed(), fresh_seed()));
}

mod training {
    use super::*;
    use automl_playground::wasm::TrainingSession;

    fn session() -> TrainingSession {
        TrainingSession::new(
            config(r#"{"kind":"synthetic","id":"gaussians","points":120,"noise":0.1,"seed":1}"#),
            config(r#"{"model":{"hidden":[3]}}"#),
        )
        .unwrap()
    }

    fn message(error: wasm_bindgen::JsError) -> String {
        let value = JsValue::from(error);
        js_sys::Reflect::get(&value, &JsValue::from_str("message"))
            .unwrap()
            .as_string()
            .unwrap()
    }

    #[wasm_bindgen_test]
    fn training_steps_change_the_boundary_and_the_history() {
        let mut s = session();
        let before = s.boundary(16, 16, None).unwrap();
        assert_eq!(s.step(3).unwrap(), 3);
        assert_ne!(before, s.boundary(16, 16, None).unwrap());
        let history = s.history().unwrap();
        let train_loss = js_sys::Array::from(&field(&history, "trainLoss"));
        assert_eq!(train_loss.length(), 4);
        assert_eq!(s.points().len(), 240);
        assert_eq!(s.roles().len(), 120);
    }

    #[wasm_bindgen_test]
    fn a_bad_csv_is_refused_with_its_line_and_the_old_data_stays() {
        let mut s = session();
        s.step(2).unwrap();
        let error = s
            .load_csv(b"a,b,label\n1,2,x\n3,oops,y\n", JsValue::UNDEFINED)
            .unwrap_err();
        assert_eq!(message(error), "line 3, column 2: \"oops\" is not a number");
        let good = b"a,b,label\n1,2,x\n3,4,y\n";
        let error = s
            .load_csv(good, config(r#"{"header":"Present"}"#))
            .unwrap_err();
        assert_eq!(message(error), "header: expected auto, present or absent");
        assert_eq!(s.points().len(), 240);
        assert_eq!(field(&s.state().unwrap(), "step").as_f64(), Some(2.0));
    }

    #[wasm_bindgen_test]
    fn points_drawn_by_hand_make_a_dataset_once_both_classes_are_there() {
        let mut s = session();
        s.set_data(config(r#"{"kind":"hand","classes":true}"#))
            .unwrap();
        assert_eq!(field(&s.state().unwrap(), "ready").as_bool(), Some(false));
        for i in 0..6 {
            let t = i as f64 / 10.0;
            s.add_point(-0.5 - t, 0.2 + t, 0.0).unwrap();
            s.add_point(0.5 + t, -0.2 - t, 1.0).unwrap();
        }
        let state = s.state().unwrap();
        assert_eq!(field(&state, "ready").as_bool(), Some(true));
        let bounds: Vec<f64> = serde_wasm_bindgen::from_value(field(&state, "bounds")).unwrap();
        assert!(
            bounds[0] <= -1.0 && bounds[1] >= 1.0 && bounds[2] <= -1.0 && bounds[3] >= 1.0,
            "{bounds:?}"
        );
        s.undo_point().unwrap();
        assert_eq!(s.targets().len(), 11);
        s.clear_points().unwrap();
        assert_eq!(field(&s.state().unwrap(), "ready").as_bool(), Some(false));
    }

    #[wasm_bindgen_test]
    fn a_rewind_mid_step_goes_to_a_kept_snapshot_and_stepping_on_gives_the_runs_numbers() {
        let make = || {
            TrainingSession::new(
                config(r#"{"kind":"synthetic","id":"xor","points":80,"noise":0.1,"seed":2}"#),
                config(r#"{"model":{"hidden":[3]},"batch":"mini","batchSize":8,"stepUnit":"batch","seed":5}"#),
            )
            .unwrap()
        };
        let numbers = |s: &TrainingSession| {
            let json = |v: JsValue| String::from(js_sys::JSON::stringify(&v).unwrap());
            (
                json(s.state().unwrap()),
                json(s.history().unwrap()),
                s.theta(),
            )
        };
        let mut fresh = make();
        fresh.step(61).unwrap();
        let expected = numbers(&fresh);
        let mut session = make();
        assert_eq!(session.step(300).unwrap(), 300);
        // Half way through step 301: the half step is dropped.
        session.advance(20.0).unwrap();
        assert!(session.progress().is_some());
        let at = session.rewind(61).unwrap();
        assert!(at > 0 && at <= 61, "rewound to {at}");
        assert!(session.progress().is_none());
        session.step(61 - at).unwrap();
        assert_eq!(numbers(&session), expected);
        // A target ahead is not a rewind.
        assert_eq!(session.rewind(200).unwrap(), 61);
    }

    #[wasm_bindgen_test]
    fn thirty_three_neurons_are_refused_and_the_run_is_kept() {
        let mut s = session();
        s.step(1).unwrap();
        let error = s
            .configure(config(r#"{"model":{"hidden":[33]}}"#))
            .unwrap_err();
        assert_eq!(
            message(error),
            "neurons in layer 1: must be a whole number from 1 to 32 (got 33)"
        );
        assert_eq!(field(&s.state().unwrap(), "step").as_f64(), Some(1.0));
    }

    #[wasm_bindgen_test]
    fn a_configuration_read_back_from_config_is_the_same_configuration() {
        let mut s = session();
        let edited = config(
            r#"{"testShare":0.25,"validationShare":0.1,"display":"pca","inputs":"all",
                "model":{"hidden":[4,3],"activation":"relu","loss":"mse","regularization":"l2",
                         "regularizationRate":0.01},
                "batch":"sgd","batchSize":7,"stepUnit":"batch","seed":9,
                "strategy":{"kind":"genetic","rule":"adam","learningRate":0.02,"population":30,
                            "crossover":"uniform","elitism":1,"mutationSigma":0.4}}"#,
        );
        s.configure(edited).unwrap();
        let written = js_sys::JSON::stringify(&s.config().unwrap()).unwrap();
        s.configure(s.config().unwrap()).unwrap();
        assert_eq!(
            js_sys::JSON::stringify(&s.config().unwrap()).unwrap(),
            written
        );
        for expected in [
            r#""testShare":0.25"#,
            r#""display":"pca""#,
            r#""hidden":[4,3]"#,
            r#""regularization":"l2""#,
            r#""batch":"sgd""#,
            r#""stepUnit":"batch""#,
            r#""kind":"genetic""#,
            r#""crossover":"uniform""#,
            r#""population":30"#,
        ] {
            assert!(
                String::from(written.clone()).contains(expected),
                "{expected}"
            );
        }
    }

    #[wasm_bindgen_test]
    fn a_mistyped_setting_is_refused_by_its_path_and_the_run_is_kept() {
        let mut s = session();
        s.step(2).unwrap();
        for (bad, expected) in [
            (
                r#"{"strategy":{"learningRate":"fast"}}"#,
                "strategy.learningRate: expected a number",
            ),
            (
                r#"{"strategy":{"kind":"newton"}}"#,
                "strategy.kind: expected gradient, random-global, random-walk, genetic or grid",
            ),
            (
                r#"{"model":{"hidden":[4,2.5]}}"#,
                "model.hidden: expected a list of whole numbers",
            ),
            (
                r#"{"displayFeatures":[1]}"#,
                "displayFeatures: expected a list of 2 numbers",
            ),
            (
                r#"{"seed":-1}"#,
                "seed: expected a whole number from 0 to 4294967295",
            ),
            (r#"{"model":7}"#, "model: expected an object"),
            (r#"[1,2]"#, "settings: expected an object"),
        ] {
            assert_eq!(message(s.configure(config(bad)).unwrap_err()), expected);
            assert_eq!(field(&s.state().unwrap(), "step").as_f64(), Some(2.0));
        }
        // Missing and null fields keep their defaults.
        s.configure(config(r#"{"model":{"hidden":[3]},"displayFeatures":null}"#))
            .unwrap();
    }

    /// Settings whose `displayFeatures` array throws when an element is read.
    fn throwing_pair() -> JsValue {
        js_sys::Function::new_no_args(
            "const a = [0, 1]; \
             Object.defineProperty(a, 0, { get() { throw new Error('boom'); } }); \
             return { displayFeatures: a };",
        )
        .call0(&JsValue::NULL)
        .unwrap()
    }

    #[wasm_bindgen_test]
    fn a_getter_that_throws_is_refused_and_the_session_stays_usable() {
        let mut s = session();
        s.step(2).unwrap();
        assert_eq!(
            message(s.configure(throwing_pair()).unwrap_err()),
            "displayFeatures: expected a list of 2 numbers"
        );
        let huge = js_sys::Function::new_no_args("return { model: { hidden: new Array(1e9) } };")
            .call0(&JsValue::NULL)
            .unwrap();
        assert_eq!(
            message(s.configure(huge).unwrap_err()),
            "model.hidden: expected a list of at most 1000 numbers"
        );
        assert_eq!(s.step(3).unwrap(), 3);
        assert_eq!(field(&s.state().unwrap(), "step").as_f64(), Some(5.0));
    }

    #[wasm_bindgen_test]
    fn a_point_of_no_class_or_off_the_plot_is_refused_and_the_model_stays() {
        let mut s = session();
        s.set_data(config(r#"{"kind":"hand","classes":true}"#))
            .unwrap();
        for i in 0..4 {
            let t = i as f64 / 10.0;
            s.add_point(-0.5 - t, 0.2 + t, 0.0).unwrap();
            s.add_point(0.5 + t, -0.2 - t, 1.0).unwrap();
        }
        s.step(3).unwrap();
        let theta = s.theta();
        for class in [2.0, -1.0, 1.5, f64::NAN, 4294967296.0] {
            let error = message(s.add_point(0.1, 0.1, class).unwrap_err());
            assert!(
                error.starts_with("class: must be a class number from 0 to 1"),
                "{error}"
            );
        }
        let error = message(s.add_point(1e308, 1e308, 0.0).unwrap_err());
        assert!(error.contains("is outside the plot"), "{error}");
        assert!(message(s.add_point(f64::NAN, 0.0, 0.0).unwrap_err()).contains("outside"));
        assert_eq!(s.targets().len(), 8);
        assert_eq!(s.theta(), theta);
        assert_eq!(field(&s.state().unwrap(), "step").as_f64(), Some(3.0));
        let bounds: Vec<f64> =
            serde_wasm_bindgen::from_value(field(&s.state().unwrap(), "bounds")).unwrap();
        assert!(bounds.iter().all(|b| b.abs() < 2.0), "{bounds:?}");
    }

    #[wasm_bindgen_test]
    fn new_data_drops_the_feature_pair_but_refused_data_keeps_pair_and_run() {
        let mut s = session();
        s.load_csv(
            b"a,b,c,k\n1,2,3,x\n2,1,0,y\n3,3,1,x\n0,2,2,y\n1,1,1,x\n2,2,0,y\n",
            JsValue::UNDEFINED,
        )
        .unwrap();
        s.configure(config(r#"{"displayFeatures":[0,2]}"#)).unwrap();
        s.step(3).unwrap();
        assert!(s.load_csv(b"", JsValue::UNDEFINED).is_err());
        assert!(
            s.set_data(config(r#"{"kind":"synthetic","id":"circle","points":5}"#))
                .is_err()
        );
        assert_eq!(field(&s.state().unwrap(), "step").as_f64(), Some(3.0));
        let pair =
            js_sys::JSON::stringify(&field(&s.config().unwrap(), "displayFeatures")).unwrap();
        assert_eq!(String::from(pair), "[0,2]");
        // Good data with two features: the old pair (0, 2) does not apply, and is dropped.
        s.load_csv(
            b"a,b,k\n1,2,x\n2,1,y\n3,3,x\n0,2,y\n1,1,x\n2,2,y\n",
            JsValue::UNDEFINED,
        )
        .unwrap();
        assert!(field(&s.config().unwrap(), "displayFeatures").is_null());
    }
}

#[wasm_bindgen_test]
fn a_rewind_goes_to_a_kept_snapshot_and_stepping_on_gives_the_runs_numbers() {
    let make = || {
        LandscapeSession::new(config(
            r#"{"landscape":{"id":"himmelblau"},"strategy":{"kind":"genetic","population":30},"seed":4}"#,
        ))
        .unwrap()
    };
    let mut fresh = make();
    fresh.step(137).unwrap();
    let expected = js_sys::JSON::stringify(&fresh.state().unwrap()).unwrap();
    let mut session = make();
    assert_eq!(session.step(400).unwrap(), 400);
    let at = session.rewind(137).unwrap();
    assert!(at > 0 && at <= 137, "rewound to {at}");
    session.step(137 - at).unwrap();
    let state = js_sys::JSON::stringify(&session.state().unwrap()).unwrap();
    assert_eq!(state, expected);
    assert_eq!(session.path(), fresh.path());
    assert_eq!(session.asked(), fresh.asked());
    assert_eq!(session.curve_from(0), fresh.curve_from(0));
    // A target ahead is not a rewind.
    assert_eq!(session.rewind(300).unwrap(), 137);
}

mod race {
    use super::config;
    use automl_playground::wasm::RaceSession;
    use wasm_bindgen_test::*;

    fn message(error: wasm_bindgen::JsError) -> String {
        let value: wasm_bindgen::JsValue = error.into();
        js_sys::Reflect::get(&value, &"message".into())
            .unwrap()
            .as_string()
            .unwrap()
    }

    #[wasm_bindgen_test]
    fn a_race_steps_and_copies_each_frame_as_one_flat_array() {
        let mut race = RaceSession::new(config(
            r#"{"landscape":{"id":"stripe"},"strategy1":{"kind":"random-global"},"strategy2":{"kind":"grid","gridPoints":4},"seeds":3,"budget":20,"seed":2}"#,
        ))
        .unwrap();
        assert_eq!(race.step(7).unwrap(), 7);
        // Status, step, budget, seeds, J*, three numbers per strategy, then the curves from
        // evaluation 6 on (two strategies × two evaluations × median, min, max), then the lanes.
        let frame = race.frame(5);
        assert_eq!(
            (frame[0], frame[1], frame[2], frame[3]),
            (1.0, 7.0, 20.0, 3.0)
        );
        let head = 5 + 6;
        let lanes = head + 2 * 2 * 3;
        let first = frame[lanes] as usize;
        assert_eq!(
            frame[lanes + 1 + 7],
            10.0,
            "random search: two steps of 5, ahead of step 7"
        );
        let second = &frame[lanes + 1 + first..];
        assert_eq!(second[0] as usize, second.len() - 1);
        assert_eq!(race.step(100).unwrap(), 13, "the budget is 20");
        let end = race.frame(20);
        let second = &end[head + 1 + end[head] as usize..];
        assert_eq!(
            second[1 + 7],
            16.0,
            "a 4 × 4 grid stops after its 16 points"
        );
    }

    #[wasm_bindgen_test]
    fn bad_race_settings_are_refused_by_their_path() {
        for (bad, expected) in [
            (
                r#"{"strategy1":{"kind":"gradient"},"strategy2":{"kind":"newton"}}"#,
                "strategy2.kind: expected gradient",
            ),
            (r#"{"strategy1":[1, 2]}"#, "strategy1: expected an object"),
            (
                r#"{"strategy1":{"kind":"gradient"}}"#,
                "strategies: must be a whole number from 2 to 4 (got 1)",
            ),
        ] {
            let error = RaceSession::new(config(bad)).err().map(message);
            assert!(
                error.as_deref().unwrap_or("").starts_with(expected),
                "{bad}: {error:?}"
            );
        }
    }

    /// A race on architectures, as the page and its workers drive it: the session hands out
    /// jobs, a worker's session of the same settings trains them, the results are told back.
    #[wasm_bindgen_test]
    fn a_race_on_architectures_hands_out_jobs_and_is_told_their_results() {
        let settings = r#"{"problem":"architecture","weights":{"data":"moons","points":60},"architecture":{"space":{"layers":[0,1],"epochs":4},"folds":2},"strategy1":{"kind":"random"},"strategy2":{"kind":"halving","candidates":4,"eta":2},"seeds":2,"budget":10,"seed":3}"#;
        let mut race = RaceSession::new(config(settings)).unwrap();
        let worker = RaceSession::new(config(settings)).unwrap();
        let mut rounds = 0;
        while race.frame(0)[0] != 2.0 {
            // A part of 7 at a time: the race is told once every job in hand has its result.
            let tasks = js_sys::Array::from(&race.jobs(7).unwrap());
            assert!(tasks.length() <= 7);
            rounds += 1;
            assert!(rounds < 50);
            if tasks.length() == 0 {
                continue;
            }
            let results = js_sys::Array::new();
            for task in tasks.iter() {
                let job = js_sys::Reflect::get(&task, &"job".into()).unwrap();
                let fold = js_sys::Reflect::get(&task, &"fold".into()).unwrap();
                let result = worker
                    .evaluate(job.clone(), fold.as_f64().unwrap() as u32)
                    .unwrap();
                // Fold 0 of a first-seed lane comes with its picture.
                let wanted = js_sys::Reflect::get(&job, &"picture".into()).unwrap();
                let picture = js_sys::Reflect::get(&result, &"picture".into()).unwrap();
                assert_eq!(wanted.as_bool(), Some(!picture.is_undefined()));
                results.push(&result);
            }
            race.tell(results.into()).unwrap();
        }
        assert_eq!(race.frame(0)[1], 10.0);
        let best = race.lane_best(0).unwrap();
        assert!(
            super::field(&best, "description")
                .as_string()
                .unwrap()
                .starts_with("2-")
        );
        assert_eq!(super::field(&best, "lane").as_f64(), Some(0.0));
        // Results of jobs that were not handed out are refused.
        let mut idle = RaceSession::new(config(settings)).unwrap();
        assert!(idle.tell(js_sys::Array::new().into()).is_err());
        let bad = r#"{"problem":"architecture","strategy1":{"kind":"random"},"strategy2":{"kind":"annealing"}}"#;
        let error = RaceSession::new(config(bad)).err().map(message).unwrap();
        assert!(
            error.starts_with("strategy2.kind: expected grid"),
            "{error}"
        );
    }
}
