//! The office view's words, in both languages: Vietnamese first, the language of the office.
//! Every fixed sentence of the page is a named [`W`] here, grouped by the screen or panel that
//! shows it (the unit's app keeps its words the same way: crates/app/src/i18n.rs); a sentence
//! with figures is a function here. The components only name them (a test keeps Vietnamese
//! out of their sources). Messages of the pure crates (`Localized`) stay with their errors.

use crate::state::Notice;
use tdg_model::units::format_int;
use tdg_model::{Catalog, Lang};

/// A fixed sentence of the interface in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct W {
    pub vi: &'static str,
    pub en: &'static str,
}

impl W {
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vi,
            Lang::En => self.en,
        }
    }

    /// Both languages, for a notice.
    pub fn notice(self, error: bool) -> Notice {
        Notice::new(self.vi, self.en, error)
    }
}

const fn w(vi: &'static str, en: &'static str) -> W {
    W { vi, en }
}

/// A number written the language's way ("1.000", "1,000").
fn n(x: usize, lang: Lang) -> String {
    format_int(x as u64, lang)
}

/// `vi` or `en`, whichever the page shows: fixed words (`&'static str`) and sentences with
/// figures (`String`) alike.
pub fn tr<T>(lang: Lang, vi: T, en: T) -> T {
    if lang == Lang::En {
        en
    } else {
        vi
    }
}

/// [`tr`] for sentences with figures (reads better at the call sites that build them).
pub use tr as trs;

/// "Đã kiểm tra 340/1.000 tệp": the progress line, numbers written the language's way.
pub fn progress_line(lang: Lang, done: u32, total: u32) -> String {
    let n = |x: u32| tdg_model::units::format_int(u64::from(x), lang);
    trs(
        lang,
        format!("Đã kiểm tra {}/{} tệp", n(done), n(total)),
        format!("Checked {}/{} files", n(done), n(total)),
    )
}

/// A tier as the catalog names it in `lang` for `period` (tiers are renamed over the years: the
/// catalog's names by period, never a name written here), or its id. No period: the current name.
pub fn tier_name(catalog: &Catalog, id: &str, period: Option<i32>, lang: Lang) -> String {
    catalog.tier(id).map_or_else(
        || id.to_owned(),
        |t| match period {
            Some(p) => t.name_for(p).get(lang).to_owned(),
            None => t.name.get(lang).to_owned(),
        },
    )
}

/// A band as the catalog names it in `lang`, or its id.
pub fn band_name(catalog: &Catalog, id: &str, lang: Lang) -> String {
    tdg_model::explain::band_name(catalog, id, lang)
}

/// A cluster or block: its name where the catalog lists it, otherwise the text the unit typed;
/// "—" for none.
pub fn group_name(catalog: &Catalog, group: &str, lang: Lang) -> String {
    if group.trim().is_empty() {
        return "—".to_owned();
    }
    catalog
        .emulation_groups
        .iter()
        .find(|g| g.id == group)
        .map_or_else(|| group.to_owned(), |g| g.name.get(lang).to_owned())
}

/// Points as people write them in `lang` ("85,5" or "85.5").
pub fn points(milli: u32, lang: Lang) -> String {
    tdg_model::units::format_points(milli, lang)
}

/// The page's words, by the screen or panel that shows them.
pub mod words {
    /// Words several panels share.
    pub mod common {
        use super::super::{w, W};
        pub const CLOSE: W = w("Đóng", "Close");
        pub const CANCEL: W = w("Hủy", "Cancel");
        pub const SAVE: W = w("Lưu", "Save");
        pub const EDIT: W = w("Sửa", "Edit");
        pub const UNDO: W = w("Hoàn tác", "Undo");
    }

    /// The unit register: its list, its rows, its import.
    pub mod register {
        use super::super::{n, w, W};
        use crate::state::Notice;
        use tdg_model::{Date, Lang};

        pub const REMOVE_KEY: W = w("Xóa khóa", "Remove key");
        pub const REMOVE_FOR_GOOD: W = w("Xóa hẳn khóa này", "Remove this key for good");
        pub const REVOKE_INSTEAD: W = w("Thu hồi khóa thay vì xóa", "Revoke the key instead");
        pub const KEEP_KEY: W = w("Giữ lại khóa", "Keep the key");
        pub const REVOKE_KEY: W = w("Thu hồi khóa", "Revoke key");
        pub const CONFIRM_REVOKE: W = w("Thu hồi từ ngày này", "Revoke from this day");
        pub const REVOKE_DAY_NEEDED: W = w(
            "Hãy nhập ngày thu hồi (ngày/tháng/năm).",
            "Enter the day the key is revoked from (day/month/year).",
        );
        pub const IN_FORCE: W = w("Còn hiệu lực", "In force");
        pub const REPLACE: W = w(
            "Thay cả sổ bằng tệp này",
            "Replace the register with this file",
        );
        pub const MERGE: W = w(
            "Gộp: thêm đơn vị và khóa mới, giữ những gì sổ đã có",
            "Merge: add new units and keys, keep what the register has",
        );
        pub const KEEP_REGISTER: W = w("Giữ sổ hiện có", "Keep the register as it is");
        pub const PENDING_TITLE: W = w(
            "Tệp này sẽ thay sổ đăng ký đang có",
            "This file would replace the register in use",
        );

        /// A registration's standing: revoked, valid until, or in force.
        pub fn standing(lang: Lang, revoked: Option<Date>, until: Option<Date>) -> String {
            match (revoked, until) {
                (Some(r), _) => match lang {
                    Lang::Vi => format!("Thu hồi từ {}", r.display_vn()),
                    Lang::En => format!("Revoked from {}", r.display_vn()),
                },
                (None, Some(u)) => match lang {
                    Lang::Vi => format!("Hiệu lực đến {}", u.display_vn()),
                    Lang::En => format!("Valid until {}", u.display_vn()),
                },
                (None, None) => IN_FORCE.get(lang).to_owned(),
            }
        }

        /// Asked before a key is removed: what happens, and that revoking is the usual way.
        pub fn remove_question(lang: Lang, code: &str, fingerprint: &str) -> String {
            match lang {
                Lang::Vi => format!(
                    "Xóa hẳn khóa {fingerprint} của {code} khỏi sổ? Báo cáo ký bằng khóa này sẽ không \
                     còn qua kiểm tra “khóa đã đăng ký”. Khi đơn vị đổi khóa hoặc lộ khóa, hãy dùng \
                     “Thu hồi khóa”: báo cáo ký trước ngày thu hồi vẫn được nhận. Chỉ xóa khóa nhập nhầm."
                ),
                Lang::En => format!(
                    "Remove the key {fingerprint} of {code} from the register for good? Reports signed \
                     with it will no longer pass the “registered key” check. When a unit changes or \
                     loses its key, use “Revoke key”: reports signed before the revocation day still \
                     count. Remove only a key entered by mistake."
                ),
            }
        }

        /// What revoking does, above its date field.
        pub fn revoke_explained(lang: Lang, code: &str, from: Date) -> String {
            match lang {
                Lang::Vi => format!(
                    "Thu hồi khóa của {code}: báo cáo ký từ ngày thu hồi trở đi không được nhận, báo cáo ký \
                     trước vẫn được nhận. Ngày thu hồi không trước ngày khóa có hiệu lực ({}).",
                    from.display_vn()
                ),
                Lang::En => format!(
                    "Revoke {code}'s key: reports signed from the revocation day on are refused, those \
                     signed before still count. The day is not before the key's validity starts ({}).",
                    from.display_vn()
                ),
            }
        }

        pub fn revoke_label(lang: Lang, code: &str) -> String {
            match lang {
                Lang::Vi => format!("Thu hồi khóa của {code} từ ngày"),
                Lang::En => format!("Revoke {code}'s key from"),
            }
        }

        pub fn revoke_key_of(lang: Lang, code: &str) -> String {
            match lang {
                Lang::Vi => format!("Thu hồi khóa của {code}"),
                Lang::En => format!("Revoke the key of {code}"),
            }
        }

        pub fn revoked(code: &str, day: Date) -> Notice {
            let d = day.display_vn();
            Notice::info(
                format!("Đã thu hồi khóa của {code} từ ngày {d}."),
                format!("The key of {code} is revoked from {d}."),
            )
        }

        pub fn remove_this_key(lang: Lang, code: &str) -> String {
            match lang {
                Lang::Vi => format!("Xóa khóa này của {code}"),
                Lang::En => format!("Remove this key of {code}"),
            }
        }

        pub fn edit(lang: Lang, code: &str) -> String {
            match lang {
                Lang::Vi => format!("Sửa {code}"),
                Lang::En => format!("Edit {code}"),
            }
        }

        pub fn name_of(lang: Lang, code: &str) -> String {
            match lang {
                Lang::Vi => format!("Tên đơn vị {code}"),
                Lang::En => format!("Name of the unit {code}"),
            }
        }

        pub fn group_of(lang: Lang, code: &str) -> String {
            match lang {
                Lang::Vi => format!("Cụm/Khối của đơn vị {code}"),
                Lang::En => format!("Cluster or block of the unit {code}"),
            }
        }

        /// Said after a removal; the notice offers to undo it.
        pub fn key_removed(code: &str) -> Notice {
            Notice::info(
                format!("Đã xóa một khóa của đơn vị {code} khỏi sổ đăng ký."),
                format!("A key of the unit {code} was removed from the register."),
            )
        }

        pub fn key_restored() -> Notice {
            Notice::info(
                "Đã đặt lại khóa vào sổ đăng ký.",
                "The key is back in the register.",
            )
        }

        /// The question before a file replaces the register: how many units and keys now, in
        /// the file, and how many of its rows failed.
        pub fn replace_question(
            lang: Lang,
            now: (usize, usize),
            source: &str,
            file: (usize, usize),
            failed: usize,
        ) -> String {
            let (a, b, c, d, f) = (
                n(now.0, lang),
                n(now.1, lang),
                n(file.0, lang),
                n(file.1, lang),
                n(failed, lang),
            );
            match lang {
                Lang::Vi => format!(
                    "Sổ đăng ký đang có {a} đơn vị ({b} khóa). Tệp {source} có {c} đơn vị ({d} khóa){}. \
                     Thay cả sổ bằng tệp này, gộp tệp vào sổ, hay giữ sổ hiện có?",
                    if failed > 0 { format!("; {f} dòng lỗi không nhập được") } else { String::new() }
                ),
                Lang::En => format!(
                    "The register has {a} units ({b} keys). The file {source} has {c} units ({d} keys){}. \
                     Replace the register with the file, merge the file into it, or keep it as it is?",
                    if failed > 0 { format!("; {f} rows failed and cannot be imported") } else { String::new() }
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tier_is_named_for_the_reports_period() {
        let catalog = Catalog::from_json(include_bytes!(
            "../../../assets/catalogs/hp-175-kh-ubnd.json"
        ))
        .expect("the shipped catalog");
        assert_eq!(
            tier_name(&catalog, "xa-phuong", Some(2024), Lang::Vi),
            "Cấp xã, phường, thị trấn"
        );
        assert_eq!(
            tier_name(&catalog, "xa-phuong", Some(2026), Lang::Vi),
            "Cấp xã, phường, đặc khu"
        );
        assert_eq!(
            tier_name(&catalog, "xa-phuong", Some(2024), Lang::En),
            "Commune level: communes, wards, townships"
        );
    }

    #[test]
    fn progress_counts_are_written_the_languages_way() {
        assert_eq!(
            progress_line(Lang::Vi, 340, 1000),
            "Đã kiểm tra 340/1.000 tệp"
        );
        assert_eq!(
            progress_line(Lang::En, 340, 1000),
            "Checked 340/1,000 files"
        );
    }
}
