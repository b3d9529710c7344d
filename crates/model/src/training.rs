//! Training exercises: data, like the catalog. A trainer adds one by editing
//! `assets/training/exercises.json` beside the app (or importing a file in training mode), with
//! no rebuild. Each exercise opens a sample unit and asks a question; its goal is checked
//! against the live score, so a participant sees when the exercise is solved, and its worked
//! solution is checked by the tests against the shipped catalog, so an answer never goes stale.

use crate::answer::Answer;
use crate::catalog::Catalog;
use crate::score::Assessment;
use crate::strict_json::{self, StrictJsonError};
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The format version this code reads.
pub const EXERCISES_VERSION: u32 = 1;

/// An exercises file larger than this is refused before parsing (a trainer's file is a few KB).
const MAX_BYTES: usize = 1 << 20;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExerciseSet {
    pub exercises_version: u32,
    /// Who wrote the exercises; shown with them (the shipped ones are the tool's own).
    pub provenance: Text,
    pub exercises: Vec<Exercise>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Exercise {
    pub id: String,
    /// The sample unit it opens: a file name under `assets/samples/`, without `.json`.
    pub sample: String,
    pub title: Text,
    pub question: Text,
    pub hint: Text,
    pub answer: Text,
    pub goal: Goal,
    /// Answers that, put over the sample's, reach the goal: the worked solution the tests
    /// check. Optional for a trainer's own exercise.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub solution: BTreeMap<String, Answer>,
}

/// What solves an exercise, checked against the participant's live score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Goal {
    /// Reach this band of the tier, or a higher one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<String>,
    /// Every criterion answered (or marked not applicable), with no field error.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub all_answered: bool,
}

impl Goal {
    /// Whether `assessment` (of the exercise's tier, scored with `catalog`) meets the goal.
    pub fn met(&self, catalog: &Catalog, assessment: &Assessment) -> bool {
        let band_reached = self.band.as_ref().is_none_or(|id| {
            catalog
                .bands(&assessment.tier)
                .iter()
                .find(|b| &b.id == id)
                .is_some_and(|b| assessment.total >= b.min_points)
        });
        let complete = !self.all_answered || (assessment.open == 0 && assessment.errors.is_empty());
        band_reached && complete
    }
}

/// Why an exercises file cannot be used, with the place of the fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExercisesError {
    #[error("not a valid exercises file: {0}")]
    Json(StrictJsonError),
    #[error("not a valid exercises file: {0}")]
    Shape(String),
    #[error("exercises file version {0}; this tool reads version {EXERCISES_VERSION}")]
    Version(u32),
    #[error("exercises[{index}] ({id}): {problem}")]
    Exercise {
        index: usize,
        id: String,
        problem: ExerciseProblem,
    },
}

/// What is wrong with one exercise.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExerciseProblem {
    #[error("the id is empty or used twice")]
    Id,
    #[error("the text `{0}` is missing in Vietnamese or English")]
    Text(&'static str),
    #[error("the sample name may hold only a-z, 0-9 and '-'")]
    SampleName,
    #[error("the goal names the band `{0}`, which the sample's tier does not have")]
    UnknownBand(String),
    #[error("the goal is empty: give a band, or allAnswered")]
    EmptyGoal,
}

impl crate::Localized for ExercisesError {
    fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Vi => match self {
                ExercisesError::Json(e) => {
                    format!("tệp bài tập không hợp lệ: {}", e.message(crate::Lang::Vi))
                }
                ExercisesError::Shape(why) => {
                    format!("tệp bài tập không đúng cấu trúc: {why}")
                }
                ExercisesError::Version(v) => format!(
                    "tệp bài tập phiên bản {v}; công cụ này đọc phiên bản {EXERCISES_VERSION}"
                ),
                ExercisesError::Exercise { index, id, problem } => {
                    format!("bài tập thứ {} ({id}): {}", index + 1, problem_vi(problem))
                }
            },
        }
    }
}

fn problem_vi(problem: &ExerciseProblem) -> String {
    match problem {
        ExerciseProblem::Id => "mã bài tập trống hoặc trùng".into(),
        ExerciseProblem::Text(field) => {
            format!("thiếu nội dung `{field}` bằng tiếng Việt hoặc tiếng Anh")
        }
        ExerciseProblem::SampleName => "tên đơn vị mẫu chỉ được gồm a-z, 0-9 và dấu '-'".into(),
        ExerciseProblem::UnknownBand(b) => {
            format!("mục tiêu nêu mức `{b}`, cấp của đơn vị mẫu không có mức này")
        }
        ExerciseProblem::EmptyGoal => {
            "mục tiêu trống: cần nêu một mức xếp loại hoặc allAnswered".into()
        }
    }
}

impl ExerciseSet {
    /// Reads and checks an exercises file. `tier_of` names a sample's tier when it is known
    /// (the shipped samples), so that a goal's band is checked against that tier's bands.
    pub fn from_json(
        bytes: &[u8],
        catalog: &Catalog,
        tier_of: impl Fn(&str) -> Option<String>,
    ) -> Result<ExerciseSet, ExercisesError> {
        let value = strict_json::parse_at_most(bytes, MAX_BYTES).map_err(ExercisesError::Json)?;
        let version = value
            .get("exercisesVersion")
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(0);
        if version != u64::from(EXERCISES_VERSION) {
            return Err(ExercisesError::Version(
                u32::try_from(version).unwrap_or(u32::MAX),
            ));
        }
        let set =
            ExerciseSet::deserialize(&value).map_err(|e| ExercisesError::Shape(e.to_string()))?;
        set.check(catalog, tier_of)?;
        Ok(set)
    }

    fn check(
        &self,
        catalog: &Catalog,
        tier_of: impl Fn(&str) -> Option<String>,
    ) -> Result<(), ExercisesError> {
        let mut seen = std::collections::BTreeSet::new();
        for (index, e) in self.exercises.iter().enumerate() {
            let fail = |problem| ExercisesError::Exercise {
                index,
                id: e.id.clone(),
                problem,
            };
            if e.id.trim().is_empty() || !seen.insert(e.id.as_str()) {
                return Err(fail(ExerciseProblem::Id));
            }
            for (name, text) in [
                ("title", &e.title),
                ("question", &e.question),
                ("hint", &e.hint),
                ("answer", &e.answer),
            ] {
                if text.is_incomplete() {
                    return Err(fail(ExerciseProblem::Text(name)));
                }
            }
            let safe = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
            if e.sample.is_empty() || !e.sample.chars().all(safe) {
                return Err(fail(ExerciseProblem::SampleName));
            }
            if e.goal.band.is_none() && !e.goal.all_answered {
                return Err(fail(ExerciseProblem::EmptyGoal));
            }
            if let (Some(band), Some(tier)) = (&e.goal.band, tier_of(&e.sample)) {
                if !catalog.bands(&tier).iter().any(|b| &b.id == band) {
                    return Err(fail(ExerciseProblem::UnknownBand(band.clone())));
                }
            }
        }
        Ok(())
    }

    pub fn find(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }
}

impl Exercise {
    /// The sample's answers with the worked solution put over them.
    pub fn solved(&self, sample: &crate::AnswerSheet) -> crate::AnswerSheet {
        let mut sheet = sample.clone();
        for (id, answer) in &self.solution {
            sheet.answers.insert(id.clone(), answer.clone());
        }
        sheet
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Localized;

    const CATALOG: &[u8] = include_bytes!("../../../assets/catalogs/hp-175-kh-ubnd.json");

    fn catalog() -> Catalog {
        Catalog::from_json(CATALOG).expect("the shipped catalog")
    }

    fn file(exercise: &str) -> String {
        format!(
            r#"{{"exercisesVersion":1,"provenance":{{"vi":"v","en":"e"}},"exercises":[{exercise}]}}"#
        )
    }

    const GOOD: &str = r#"{"id":"a","sample":"xa-phuong","title":{"vi":"t","en":"t"},
        "question":{"vi":"q","en":"q"},"hint":{"vi":"h","en":"h"},"answer":{"vi":"a","en":"a"},
        "goal":{"allAnswered":true}}"#;

    fn read(text: &str) -> Result<ExerciseSet, ExercisesError> {
        ExerciseSet::from_json(text.as_bytes(), &catalog(), |_| {
            Some("xa-phuong".to_string())
        })
    }

    #[test]
    fn a_good_file_reads_and_each_fault_is_located() {
        assert!(read(&file(GOOD)).is_ok());
        let twice = file(&format!("{GOOD},{GOOD}"));
        assert!(matches!(
            read(&twice),
            Err(ExercisesError::Exercise {
                index: 1,
                problem: ExerciseProblem::Id,
                ..
            })
        ));
        let no_english =
            file(&GOOD.replace(r#""hint":{"vi":"h","en":"h"}"#, r#""hint":{"vi":"h"}"#));
        let err = read(&no_english).expect_err("an English hint is required");
        assert_eq!(
            err,
            ExercisesError::Exercise {
                index: 0,
                id: "a".into(),
                problem: ExerciseProblem::Text("hint")
            }
        );
        assert!(err.message(Lang::Vi).contains("bài tập thứ 1 (a)"));
        let path = file(&GOOD.replace("xa-phuong", "../secret"));
        assert!(matches!(
            read(&path),
            Err(ExercisesError::Exercise {
                problem: ExerciseProblem::SampleName,
                ..
            })
        ));
        let band = file(&GOOD.replace(r#"{"allAnswered":true}"#, r#"{"band":"tieu-bieu-xyz"}"#));
        assert!(matches!(
            read(&band),
            Err(ExercisesError::Exercise {
                problem: ExerciseProblem::UnknownBand(_),
                ..
            })
        ));
        let empty = file(&GOOD.replace(r#"{"allAnswered":true}"#, "{}"));
        assert!(matches!(
            read(&empty),
            Err(ExercisesError::Exercise {
                problem: ExerciseProblem::EmptyGoal,
                ..
            })
        ));
        assert_eq!(
            read(&file(GOOD).replace("\"exercisesVersion\":1", "\"exercisesVersion\":2")),
            Err(ExercisesError::Version(2))
        );
        assert!(matches!(
            read("{\"exercisesVersion\":1,"),
            Err(ExercisesError::Json(_))
        ));
        let unknown = file(&GOOD.replace(r#""id":"a""#, r#""id":"a","extra":1"#));
        assert!(matches!(read(&unknown), Err(ExercisesError::Shape(_))));
    }
}
