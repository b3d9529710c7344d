//! Reading untrusted JSON lives in the model (answers and drafts are read the same way as
//! reports); re-exported here, where reports and trust lists use it.

pub use tdg_model::strict_json::*;
