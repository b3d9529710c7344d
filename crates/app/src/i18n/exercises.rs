//! The words of `exercises.rs`.

use super::{w, W};
use tdg_model::Text;

pub const LOADING_EXERCISES: W = w("Đang tải bài tập…", "Loading the exercises…");

pub const EXERCISES_FILE_CANNOT_USED: W = w(
    "Không dùng được tệp bài tập: ",
    "The exercises file cannot be used: ",
);

pub const TRAINING_EXERCISES: W = w("Bài tập tập huấn", "Training exercises");

pub const IMPORT_TRAINER_EXERCISES_FILE: W = w(
    "Nhập tệp bài tập của giảng viên (.json)",
    "Import a trainer's exercises file (.json)",
);

pub const HINT: W = w("Gợi ý", "Hint");

pub const ANSWER: W = w("Đáp án", "Answer");

pub const DO_EXERCISE: W = w("Làm bài này", "Do this exercise");

pub fn imported(count: usize, file: &str) -> Text {
    Text::new(
        format!("Đã nhập {count} bài tập từ {file}."),
        format!("Imported {count} exercises from {file}."),
    )
}

/// `why` is the reader's reason, in both languages.
pub fn not_imported(file: &str, why: (String, String)) -> Text {
    let (vi, en) = why;
    Text::new(
        format!("Không nhập được {file}: {vi}"),
        format!("{file} could not be imported: {en}"),
    )
}
