//! The interface's own words, Vietnamese first. Catalog texts come from the catalog itself.

use tdg_model::Lang;

/// Every sentence of the interface. Kept as an enum so a missing translation fails to compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    AppTitle,
    AppSubtitle,
    SwitchLanguage,
    LoadingCatalog,
    CatalogFailed,
    ChooseTier,
    Period,
    Variant,
    ChosenTier,
    NoTierForPeriod,
    CriteriaCount,
    FromPlan,
    DefaultModel,
    PrivacyNote,
}

pub fn t(lang: Lang, msg: Msg) -> &'static str {
    use Msg::*;
    match (lang, msg) {
        (Lang::Vi, AppTitle) => "Tự đánh giá chuyển đổi số",
        (Lang::En, AppTitle) => "Digital-transformation self-assessment",
        (Lang::Vi, AppSubtitle) => "Phong trào thi đua thực hiện chương trình chuyển đổi số thành phố Hải Phòng",
        (Lang::En, AppSubtitle) => "Hải Phòng's digital-transformation emulation movement",
        (Lang::Vi, SwitchLanguage) => "English",
        (Lang::En, SwitchLanguage) => "Tiếng Việt",
        (Lang::Vi, LoadingCatalog) => "Đang tải danh mục tiêu chí…",
        (Lang::En, LoadingCatalog) => "Loading the criteria catalog…",
        (Lang::Vi, CatalogFailed) => "Không tải được danh mục tiêu chí",
        (Lang::En, CatalogFailed) => "The criteria catalog could not be loaded",
        (Lang::Vi, ChooseTier) => "Chọn đối tượng đánh giá",
        (Lang::En, ChooseTier) => "Choose who is assessed",
        (Lang::Vi, Period) => "Năm đánh giá",
        (Lang::En, Period) => "Assessment year",
        (Lang::Vi, Variant) => "Phân loại",
        (Lang::En, Variant) => "Type",
        (Lang::Vi, ChosenTier) => "Đã chọn",
        (Lang::En, ChosenTier) => "Chosen",
        (Lang::Vi, NoTierForPeriod) => "Không áp dụng cho năm này",
        (Lang::En, NoTierForPeriod) => "Not used for this year",
        (Lang::Vi, CriteriaCount) => "tiêu chí",
        (Lang::En, CriteriaCount) => "criteria",
        (Lang::Vi, FromPlan) => "theo Kế hoạch",
        (Lang::En, FromPlan) => "from the plan",
        (Lang::Vi, DefaultModel) => "mô hình mặc định",
        (Lang::En, DefaultModel) => "default model",
        (Lang::Vi, PrivacyNote) => "Mọi dữ liệu chỉ nằm trên máy của bạn; không có gì được gửi đi trừ khi bạn tự lưu hoặc gửi.",
        (Lang::En, PrivacyNote) => "Everything stays on your device; nothing is sent unless you save or send it yourself.",
    }
}

/// A sentence given in both languages at the place it is used; both are required by the
/// signature, so none can be forgotten.
pub fn tr(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// Owned variant of [`tr`], for sentences with figures in them.
pub fn trs(lang: Lang, vi: String, en: String) -> String {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}
