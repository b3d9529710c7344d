//! `tdg keygen`: a new unit key, saved only as a password-protected backup file.

use crate::args::Args;
use crate::error::{read, CliError};
use tdg_report::backup;
use tdg_report::UnitKey;

pub fn random<const N: usize>() -> Result<[u8; N], CliError> {
    let mut bytes = [0u8; N];
    getrandom::getrandom(&mut bytes)
        .map_err(|e| CliError::Invalid(format!("no randomness from the system: {e}")))?;
    Ok(bytes)
}

/// The password from `--password-file` (first line), or asked on the terminal.
pub fn password(args: &Args, confirm: bool) -> Result<String, CliError> {
    if let Some(path) = args.value("--password-file") {
        let bytes = read(path)?;
        let text = String::from_utf8(bytes)
            .map_err(|_| CliError::Invalid(format!("{path} is not UTF-8 text")))?;
        return Ok(text.lines().next().unwrap_or("").to_string());
    }
    let first = rpassword::prompt_password("Mật khẩu / password: ")
        .map_err(|e| CliError::Invalid(format!("cannot read the password: {e}")))?;
    if confirm {
        let again = rpassword::prompt_password("Nhập lại / again: ")
            .map_err(|e| CliError::Invalid(format!("cannot read the password: {e}")))?;
        if again != first {
            return Err(CliError::Invalid(
                "the two passwords differ / hai mật khẩu không khớp".into(),
            ));
        }
    }
    Ok(first)
}

pub fn keygen(raw: &[String]) -> Result<bool, CliError> {
    let args = Args::parse(raw, &["--out", "--password-file", "--label"], &[])?;
    let out = args.value("--out").ok_or_else(|| {
        CliError::Usage(
            "usage: tdg keygen --out KEY.json [--password-file F] [--label TEXT]".into(),
        )
    })?;
    if std::path::Path::new(out).exists() {
        return Err(CliError::Invalid(format!(
            "{out} exists already: a key file is never overwritten / tệp đã tồn tại"
        )));
    }
    let key = UnitKey::from_seed(random()?);
    let password = password(&args, args.value("--password-file").is_none())?;
    let backup = backup::seal(
        &key,
        &password,
        args.value("--label").unwrap_or(""),
        random()?,
        random()?,
    )
    .map_err(CliError::Backup)?;
    let json =
        serde_json::to_string_pretty(&backup).map_err(|e| CliError::Invalid(e.to_string()))? + "\n";
    std::fs::write(out, json).map_err(|source| CliError::Write {
        path: out.to_string(),
        source,
    })?;
    println!(
        "{out}: {}\nfingerprint / dấu vân tay: {}",
        backup.did, backup.fingerprint
    );
    Ok(true)
}

/// Opens a key backup file with the password from the arguments.
pub fn open_key(args: &Args, path: &str) -> Result<UnitKey, CliError> {
    let bytes = read(path)?;
    let password = password(args, false)?;
    backup::open(&bytes, &password).map_err(CliError::Backup)
}
