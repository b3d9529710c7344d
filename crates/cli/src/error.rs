//! Errors that stop `tdg` before it can judge its input (exit status 2).

use tdg_model::Lang;
use tdg_model::Localized;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Args(#[from] crate::args::ArgError),
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Catalog { path: String, message: String },
    #[error("{path}: {error}")]
    AnswerSheet {
        path: String,
        error: tdg_model::answer::AnswerSheetError,
    },
    #[error("{0}")]
    Score(#[from] tdg_model::ScoreError),
    #[error("{0}")]
    Invalid(String),
    /// A message already written in both languages.
    #[error("{}", text.en)]
    Bilingual { text: tdg_model::Text },
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Backup(tdg_report::backup::BackupError),
    #[error("{0}")]
    Sign(tdg_report::report::SignError),
}

impl CliError {
    /// What the terminal shows: Vietnamese first, then English, as everywhere in the tool (a
    /// usage text as it is).
    pub fn for_terminal(&self) -> String {
        match self {
            CliError::Usage(text) => text.clone(),
            _ => format!(
                "lỗi: {}\nerror: {}",
                self.message(Lang::Vi),
                self.message(Lang::En)
            ),
        }
    }

    fn vietnamese(&self) -> String {
        match self {
            CliError::Usage(text) => text.clone(),
            CliError::Args(e) => e.message(tdg_model::Lang::Vi),
            CliError::Read { path, source } => format!("Không đọc được {path}: {source}"),
            CliError::Catalog { path, message } => {
                format!("{path}: danh mục không hợp lệ: {message}")
            }
            CliError::AnswerSheet { path, error } => {
                format!("{path}: {}", error.message(Lang::Vi))
            }
            CliError::Score(e) => e.message(tdg_model::Lang::Vi),
            CliError::Invalid(text) => text.clone(),
            CliError::Bilingual { text } => text.vi.clone(),
            CliError::Write { path, source } => format!("Không ghi được {path}: {source}"),
            CliError::Backup(e) => e.message(tdg_model::Lang::Vi),
            CliError::Sign(e) => format!("Không ký được báo cáo: {e}"),
        }
    }
}

/// Vietnamese from `vietnamese`, English from `Display`.
impl Localized for CliError {
    fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => self.vietnamese(),
            Lang::En => self.to_string(),
        }
    }
}

/// Reads at most `limit` bytes and one more, so that a huge file (or a never-ending one) is
/// refused by the reader's own size check without filling the memory first.
pub fn read_at_most(path: &str, limit: usize) -> Result<Vec<u8>, CliError> {
    use std::io::Read;
    let err = |source| CliError::Read {
        path: path.to_string(),
        source,
    };
    let file = std::fs::File::open(path).map_err(err)?;
    let mut bytes = Vec::new();
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(err)?;
    Ok(bytes)
}

pub fn read(path: &str) -> Result<Vec<u8>, CliError> {
    std::fs::read(path).map_err(|source| CliError::Read {
        path: path.to_string(),
        source,
    })
}

pub fn load_catalog(path: &str) -> Result<tdg_model::Catalog, CliError> {
    let bytes = read(path)?;
    tdg_model::Catalog::from_json(&bytes).map_err(|e| CliError::Catalog {
        path: path.to_string(),
        message: e.message(Lang::En),
    })
}
