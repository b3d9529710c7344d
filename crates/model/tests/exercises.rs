//! The shipped training exercises against the shipped catalog and samples: every exercise is
//! open when its sample is opened, and its worked solution solves it. An exercise whose answer
//! went stale after a catalog change fails here, not in front of thirty trainees.

use std::path::PathBuf;
use tdg_model::training::ExerciseSet;
use tdg_model::{score, AnswerSheet, Catalog};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn sample(name: &str) -> Option<AnswerSheet> {
    let bytes = std::fs::read(root().join(format!("assets/samples/{name}.json"))).ok()?;
    AnswerSheet::from_json(&bytes).ok()
}

#[test]
fn every_shipped_exercise_starts_unsolved_and_its_solution_solves_it() {
    let catalog_bytes =
        std::fs::read(root().join("assets/catalogs/hp-175-kh-ubnd.json")).expect("catalog");
    let catalog = Catalog::from_json(&catalog_bytes).expect("the shipped catalog");
    let bytes = std::fs::read(root().join("assets/training/exercises.json")).expect("exercises");
    let set = ExerciseSet::from_json(&bytes, &catalog, |name| sample(name).map(|s| s.tier))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(set.exercises.len() >= 5, "a workshop's worth of exercises");
    for exercise in &set.exercises {
        let sheet = sample(&exercise.sample)
            .unwrap_or_else(|| panic!("{}: no sample {}", exercise.id, exercise.sample));
        let before = score(&catalog, &sheet).expect("scores");
        assert!(
            !exercise.goal.met(&catalog, &before),
            "{}: already solved when opened",
            exercise.id
        );
        assert!(
            !exercise.solution.is_empty(),
            "{}: no worked solution",
            exercise.id
        );
        let after = score(&catalog, &exercise.solved(&sheet)).expect("scores");
        assert!(
            exercise.goal.met(&catalog, &after),
            "{}: the worked solution does not reach the goal (total {})",
            exercise.id,
            after.total
        );
        // The day the app assumes (today, with no early bonus) must not change the verdict.
        let mut undated = exercise.solved(&sheet);
        undated.submitted_on = None;
        let undated = score(&catalog, &undated).expect("scores");
        assert!(
            exercise.goal.met(&catalog, &undated),
            "{}: only with the bonus",
            exercise.id
        );
    }
}
