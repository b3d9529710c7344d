//! The office's trust list: which key is registered for which unit.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TrustList {
    pub trust_list_version: u32,
    /// Who keeps the list (the receiving office).
    pub office: String,
    pub keys: Vec<RegisteredKey>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RegisteredKey {
    pub unit_code: String,
    #[serde(default)]
    pub unit_name: String,
    /// `did:key:z6Mk…`
    pub did: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TrustListError {
    #[error("the trust list is not valid: {0}")]
    Invalid(String),
    #[error("trust list version {0} is not supported (expected 1)")]
    UnknownVersion(u32),
}

impl TrustList {
    pub fn from_json(bytes: &[u8]) -> Result<TrustList, TrustListError> {
        let value =
            crate::strict_json::parse(bytes).map_err(|e| TrustListError::Invalid(e.to_string()))?;
        let list: TrustList =
            serde_json::from_value(value).map_err(|e| TrustListError::Invalid(e.to_string()))?;
        if list.trust_list_version != 1 {
            return Err(TrustListError::UnknownVersion(list.trust_list_version));
        }
        Ok(list)
    }

    /// The unit codes this key is registered for.
    pub fn units_of(&self, did: &str) -> Vec<&str> {
        self.keys
            .iter()
            .filter(|k| k.did == did)
            .map(|k| k.unit_code.as_str())
            .collect()
    }
}
