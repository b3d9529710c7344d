//! `tdg keygen`: a new unit key, saved only as a password-protected backup file (at least 12
//! characters, or `--passphrase`: eight generated words, 64 bits, printed once).

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

pub fn keygen(raw: &[std::ffi::OsString]) -> Result<bool, CliError> {
    let args = Args::parse(
        raw,
        &["--out", "--password-file", "--label"],
        &["--passphrase"],
    )?;
    let out = args.value("--out").ok_or_else(|| {
        CliError::Usage(
            "usage: tdg keygen --out KEY.json [--password-file F | --passphrase] [--label TEXT]"
                .into(),
        )
    })?;
    if std::path::Path::new(out).exists() {
        return Err(CliError::Invalid(format!(
            "{out} exists already: a key file is never overwritten / tệp đã tồn tại"
        )));
    }
    let key = UnitKey::from_seed(random()?);
    let password = new_password(&args, random()?)?;
    let backup = backup::seal(
        &key,
        &password,
        args.value("--label").unwrap_or(""),
        backup::KeyUse::Unit,
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

/// The new key's password: eight generated words with `--passphrase` (shown once, on the
/// terminal: the backup cannot be opened without it), else typed or read from a file.
fn new_password(args: &Args, random: [u8; backup::PASSPHRASE_WORDS]) -> Result<String, CliError> {
    if args.has("--passphrase") {
        let words = backup::passphrase(&random);
        eprintln!("cụm mật khẩu / passphrase (chép lại, cất riêng / write it down, keep it apart):\n{words}");
        return Ok(words);
    }
    password(args, args.value("--password-file").is_none())
}

/// Opens a key backup file with the password from the arguments.
pub fn open_key(args: &Args, path: &str) -> Result<UnitKey, CliError> {
    let bytes = read(path)?;
    let password = password(args, false)?;
    backup::open(&bytes, &password, backup::KeyUse::Unit).map_err(CliError::Backup)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<std::ffi::OsString> {
        args.iter().map(|s| s.into()).collect()
    }

    #[test]
    fn passwords_under_12_characters_are_refused() {
        let dir = std::env::temp_dir().join(format!("tdg-keys-cmd-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("tmp");
        let (pw, out) = (dir.join("pw"), dir.join("key.json"));
        std::fs::write(&pw, "mat-khau-cu\n").expect("pw");
        let raw = strings(&[
            "--out",
            out.to_str().expect("utf-8"),
            "--password-file",
            pw.to_str().expect("utf-8"),
        ]);
        assert!(matches!(
            keygen(&raw),
            Err(CliError::Backup(backup::BackupError::PasswordTooShort))
        ));
        assert!(!out.exists(), "nothing is written");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn passphrase_is_eight_generated_words() {
        let args = Args::parse(&strings(&["--passphrase"]), &[], &["--passphrase"]).expect("args");
        let words = new_password(&args, [0, 1, 2, 3, 4, 5, 6, 7]).expect("words");
        assert_eq!(words, backup::passphrase(&[0, 1, 2, 3, 4, 5, 6, 7]));
        assert_eq!(words.split('-').count(), 8);
    }
}
