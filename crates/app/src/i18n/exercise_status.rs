//! The words of `exercise_status.rs`.

use super::{w, W};

pub const EXERCISE_GOAL_REACHED: W = w("Đã đạt mục tiêu của bài tập ✓", "Exercise goal reached ✓");

pub const EXERCISE_GOAL_NOT_REACHED: W = w(
    "Chưa đạt mục tiêu của bài tập",
    "Exercise goal not reached yet",
);

pub const EXERCISE: W = w("Bài tập: ", "Exercise: ");
