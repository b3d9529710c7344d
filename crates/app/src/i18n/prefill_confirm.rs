//! The words of `prefill_confirm.rs`.

use super::{w, W};

pub const ASSESSMENT_YEAR: W = w("Năm đánh giá", "Assessment year");

pub const TIER: W = w("Đối tượng", "Tier");

pub const TYPE: W = w("Phân loại", "Type");

pub const PAGE_EMBEDDING_TOOL_OFFERS: W = w(
    "Trang nhúng công cụ đề nghị điền sẵn thông tin khác với thông tin bạn đã nhập:",
    "The page embedding the tool offers details that differ from what you entered:",
);

pub const ENTERED: W = w("bạn đã nhập", "you entered");

pub const PAGE_OFFERS: W = w("trang nhúng đề nghị", "the page offers");

pub const USE_PAGE_DETAILS: W = w("Dùng thông tin của trang nhúng", "Use the page's details");

pub const KEEP_WHAT_I_ENTERED: W = w("Giữ thông tin đã nhập", "Keep what I entered");
