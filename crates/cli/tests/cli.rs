//! `tdg` as a script would use it: exit codes, table, JSON equal to the golden results.

mod common;
use common::{root, tdg};
use std::path::PathBuf;
use std::process::{Command, Output};

const CATALOG: &str = "assets/catalogs/hp-175-kh-ubnd.json";

#[test]
fn catalog_check_accepts_the_shipped_catalog() {
    let out = tdg(&["catalog", "check", CATALOG]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("hợp lệ / valid"));
}

#[test]
fn catalog_check_lists_problems_and_fails() {
    let dir = std::env::temp_dir().join(format!("tdg-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let text = std::fs::read_to_string(root().join(CATALOG)).expect("catalog");
    let broken = text.replacen("\"maxPoints\": 40000", "\"maxPoints\": 45000", 1);
    let path = dir.join("broken.json");
    std::fs::write(&path, broken).expect("write");
    let out = tdg(&["catalog", "check", path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("maximum points add up to 105 instead of 100"),
        "{stdout}"
    );
    assert!(stdout.contains("tổng điểm tối đa là 105"), "{stdout}");
}

#[test]
fn score_prints_a_table_with_total_band_and_plan() {
    let out = tdg(&[
        "score",
        "--catalog",
        CATALOG,
        "assets/samples/vi-du-xa.json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(
            "Tổng điểm 66 (gồm 1 điểm thưởng) (tỷ lệ điểm đạt 65%) — Hoàn thành nhiệm vụ"
        ),
        "{stdout}"
    );
    // The screen's plan: the missing evidence is this year's work, before signing; next year's
    // measures assume it is added.
    assert!(
        stdout.contains("Trước khi ký:\n  - Bổ sung minh chứng cho “Cán bộ, công chức được bồi dưỡng kỹ năng số trong năm” (+10 điểm ngay năm nay)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Năm sau, để đạt mức tự chấm “Hoàn thành xuất sắc nhiệm vụ”"),
        "{stdout}"
    );
    // With criteria still open: no band and no plan, never "answer the criterion" as a measure.
    let open = tdg(&[
        "score",
        "--catalog",
        CATALOG,
        "assets/samples/xa-phuong.json",
    ]);
    let open = String::from_utf8_lossy(&open.stdout);
    assert!(
        open.contains("— Chưa xếp mức: còn 2 tiêu chí chưa trả lời"),
        "{open}"
    );
    assert!(
        !open.contains("Năm sau, để đạt") && !open.contains("Trả lời tiêu chí"),
        "{open}"
    );
    let en = tdg(&[
        "score",
        "--catalog",
        CATALOG,
        "--lang",
        "en",
        "assets/samples/vi-du-xa.json",
    ]);
    let en = String::from_utf8_lossy(&en.stdout);
    assert!(
        en.contains(
            "Total 66 (including a bonus of 1) (share of points achieved 65%) — Tasks completed"
        ),
        "{en}"
    );
    assert!(en.contains("Basis: Plan No. 175/KH-UBND of 15/7/2022, Hải Phòng People's Committee"));
    assert!(en.contains("does not replace the official quality assessment"));
    // Not applicable: the rescaling is said, with its figures.
    let na = tdg(&[
        "score",
        "--catalog",
        CATALOG,
        "assets/samples/so-nganh-khong-ap-dung.json",
    ]);
    assert!(String::from_utf8_lossy(&na.stdout).contains(
        "Quy đổi về thang 100 điểm vì 2 tiêu chí không áp dụng (điểm tối đa còn 80): 68,5 × 100 : 80 = 85,625 điểm"
    ));
}

#[test]
fn score_json_is_the_golden_result() {
    for name in ["xa-phuong", "so-nganh", "doanh-nghiep-cntt"] {
        let answers = format!("assets/samples/{name}.json");
        let out = tdg(&["score", "--catalog", CATALOG, "--json", &answers]);
        assert_eq!(out.status.code(), Some(0));
        let golden =
            std::fs::read_to_string(root().join(format!("tests/fixtures/golden/{name}.json")))
                .expect("golden");
        assert_eq!(String::from_utf8_lossy(&out.stdout), golden, "{name}");
    }
}

#[test]
fn flags_override_the_file_and_bad_input_gets_clear_errors() {
    let out = tdg(&[
        "score",
        "--catalog",
        CATALOG,
        "--tier",
        "quan-huyen",
        "assets/samples/xa-phuong.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Cấp 'quan-huyen' không còn"), "{stderr}");
    let out = tdg(&["score", "--catalog", "nope.json", "x.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Không đọc được nope.json"));
    let out = tdg(&["score", "--catalog", CATALOG, "Cargo.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tệp câu trả lời không hợp lệ ở dòng 1"));
    let out = tdg(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn answers_with_field_errors_exit_1_and_name_the_field() {
    let dir = std::env::temp_dir().join(format!("tdg-cli-e-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let path = dir.join("bad.json");
    std::fs::write(&path, r#"{"tier":"xa-phuong","period":2026,"answers":{"xp.ho-so-truc-tuyen":{"numerator":12,"denominator":10}}}"#).expect("write");
    let out = tdg(&["score", "--catalog", CATALOG, path.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("xp.ho-so-truc-tuyen.numerator: tử số lớn hơn mẫu số"),
        "{stdout}"
    );
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tdg-cli-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("tmp");
    dir
}

#[test]
fn keygen_sign_verify_round_trip() {
    let dir = temp_dir("sign");
    let (key, pw, report) = (
        dir.join("key.json"),
        dir.join("pw"),
        dir.join("report.json"),
    );
    std::fs::write(&pw, "mat-khau-du-dai\n").expect("pw");
    let p = |p: &PathBuf| p.to_str().expect("utf-8").to_string();
    let out = tdg(&[
        "keygen",
        "--out",
        &p(&key),
        "--password-file",
        &p(&pw),
        "--label",
        "UBND xã Ví Dụ",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("did:key:z6Mk"));
    let again = tdg(&["keygen", "--out", &p(&key), "--password-file", &p(&pw)]);
    assert_eq!(again.status.code(), Some(2), "never overwrites a key");
    // Both signings below use the worked example; the first dated 10/11/2026.
    let sign = |extra: &[&str]| {
        let (key, pw) = (p(&key), p(&pw));
        let mut args = vec![
            "sign",
            "--key",
            &key,
            "--password-file",
            &pw,
            "--catalog",
            CATALOG,
        ];
        args.extend_from_slice(extra);
        args.push("assets/samples/vi-du-xa.json");
        tdg(&args)
    };
    let out = sign(&[
        "--unit-name",
        "UBND xã Ví Dụ",
        "--unit-code",
        "XA-01",
        "--date",
        "2026-11-10",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(&report, &out.stdout).expect("report");
    // Without a trust list a full verification is refused, not passed.
    let no_trust = tdg(&["verify", "--catalog", CATALOG, &p(&report)]);
    assert_eq!(no_trust.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_trust.stderr).contains("--proof-only"));
    let proof_only = tdg(&["verify", "--proof-only", &p(&report)]);
    let stdout = String::from_utf8_lossy(&proof_only.stdout);
    assert_eq!(proof_only.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("CHỮ KÝ HỢP LỆ / PROOF VALID"), "{stdout}");
    assert!(
        !stdout.contains("ĐẠT / PASS"),
        "proof-only never says PASS: {stdout}"
    );
    // The office's trust list does not know this new key: that check fails, and says so.
    let with_trust = tdg(&[
        "verify",
        "--trust",
        "tests/fixtures/reports/trust-list.json",
        "--catalog",
        CATALOG,
        &p(&report),
    ]);
    let stdout = String::from_utf8_lossy(&with_trust.stdout);
    assert_eq!(with_trust.status.code(), Some(1));
    assert!(
        stdout.contains("✗ khóa chưa đăng ký / key not registered"),
        "{stdout}"
    );
    assert!(stdout.contains("✓ kết quả khớp khi chấm lại"), "{stdout}");
    std::fs::write(&pw, "sai-mat-khau\n").expect("pw");
    let wrong = sign(&["--unit-name", "X", "--unit-code", "Y"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("mật khẩu không đúng"));
}

#[test]
fn verify_json_reports_each_check_and_fails_on_tampering() {
    let out = tdg(&[
        "verify",
        "--json",
        "--trust",
        "tests/fixtures/reports/trust-list.json",
        "--catalog",
        CATALOG,
        "tests/fixtures/reports/valid.json",
        "tests/fixtures/reports/changed-result.json",
        "tests/fixtures/reports/truncated.json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(value[0]["passes"], true);
    assert_eq!(value[1]["verdict"]["proof"]["status"], "invalid");
    assert_eq!(value[1]["verdict"]["results"]["status"], "differ");
    assert!(value[2]["error"]
        .as_str()
        .expect("error")
        .contains("not valid JSON"));
    let only_valid = tdg(&[
        "verify",
        "--trust",
        "tests/fixtures/reports/trust-list.json",
        "--catalog",
        CATALOG,
        "tests/fixtures/reports/valid.json",
    ]);
    assert_eq!(only_valid.status.code(), Some(0));
}

fn full_verify(extra: &[&str], report: &str) -> Output {
    let mut args = vec![
        "verify",
        "--trust",
        "tests/fixtures/reports/trust-list.json",
        "--catalog",
        CATALOG,
    ];
    args.extend_from_slice(extra);
    args.push(report);
    tdg(&args)
}

#[test]
fn verify_shows_the_official_total_only_with_a_received_date() {
    let report = "tests/fixtures/reports/backdated-clock.json";
    let plain = full_verify(&[], report);
    let stdout = String::from_utf8_lossy(&plain.stdout);
    assert_eq!(plain.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("timing not checked"), "{stdout}");
    assert!(!stdout.contains("; official total"), "{stdout}");
    let received = full_verify(&["--received", "2026-11-25", "--period", "2026"], report);
    let stdout = String::from_utf8_lossy(&received.stdout);
    assert_eq!(received.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("on time (6 days early)"), "{stdout}");
    assert!(
        stdout.contains("đúng hạn (nhận trước hạn 6 ngày); điểm thưởng, điểm trừ tính theo ngày nhận: tổng điểm chính thức"),
        "{stdout}"
    );
    assert!(
        stdout.contains("bonus and penalty by the received date"),
        "{stdout}"
    );
    let late = full_verify(
        &["--received", "2026-12-01", "--period", "2026"],
        "tests/fixtures/reports/valid.json",
    );
    let stdout = String::from_utf8_lossy(&late.stdout);
    // The deadline is "before 01/12": received on 01/12 is one day late, said once, not "+1".
    assert!(stdout.contains("nhận muộn 1 ngày;"), "{stdout}");
    assert!(stdout.contains("received 1 day late;"), "{stdout}");
    let impossible = full_verify(
        &["--received", "2026-11-01", "--period", "2026"],
        "tests/fixtures/reports/valid.json",
    );
    assert_eq!(impossible.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&impossible.stdout).contains("after it was received"));
}

#[test]
fn a_training_report_is_refused_as_a_submission_with_its_reason() {
    let out = full_verify(&[], "tests/fixtures/reports/training.json");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("chế độ tập huấn: không có giá trị nộp"),
        "{stdout}"
    );
    assert!(stdout.contains("not valid as a submission"), "{stdout}");
    // The proof itself is sound: only its purpose fails.
    assert!(stdout.contains("proof valid"), "{stdout}");
}

#[test]
fn verify_compares_the_period_and_the_paper_copy_hash() {
    let report = "tests/fixtures/reports/valid.json";
    let out = tdg(&["verify", "--proof-only", "--json", report]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let sha = v[0]["verdict"]["sha256"].as_str().expect("sha").to_string();
    assert_eq!(
        full_verify(&["--period", "2026", "--expect-sha256", &sha], report)
            .status
            .code(),
        Some(0)
    );
    let wrong_year = full_verify(&["--period", "2025"], report);
    assert_eq!(wrong_year.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&wrong_year.stdout).contains("a report for 2026, not 2025"));
    let wrong_hash = full_verify(&["--expect-sha256", &"0".repeat(64)], report);
    assert_eq!(wrong_hash.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&wrong_hash.stdout).contains("differs from the paper copy"));
}

#[test]
fn a_version_1_trust_list_is_refused_and_can_be_converted() {
    let old = "tests/fixtures/reports/trust-list-v1.json";
    let refused = tdg(&[
        "verify",
        "--trust",
        old,
        "--catalog",
        CATALOG,
        "tests/fixtures/reports/valid.json",
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("tdg trust convert"));
    let dir = temp_dir("trust");
    let csv = dir.join("units.csv");
    std::fs::write(
        &csv,
        "unitCode,tier,variant,group,validFrom,validUntil\n\
         XA-TEST-01,xa-phuong,,\"Cụm thi đua số 1\",2026-01-01,\n",
    )
    .expect("csv");
    let csv = csv.to_str().expect("utf-8");
    let missing = tdg(&["trust", "convert", "--csv", csv, old]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("XA-TEST-02"));
    std::fs::write(
        dir.join("units.csv"),
        "unitCode,tier,variant,group,validFrom,validUntil\n\
         XA-TEST-01,xa-phuong,,\"Cụm thi đua số 1\",2026-01-01,\n\
         XA-TEST-02,xa-phuong,,Cụm thi đua số 1,2026-01-01,2027-12-31\n\
         XA-TEST-03,xa-phuong,,Cụm thi đua số 1,2026-01-01,\n",
    )
    .expect("csv");
    let converted = tdg(&["trust", "convert", "--csv", csv, old]);
    assert_eq!(
        converted.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&converted.stderr)
    );
    // A row with no key in the old list is said, not dropped in silence.
    let said = String::from_utf8_lossy(&converted.stderr);
    assert!(
        said.contains(
            "1 unit(s) of the CSV file have no key in the old list and are not in the new one: XA-TEST-03."
        ),
        "{said}"
    );
    assert!(!String::from_utf8_lossy(&converted.stdout).contains("XA-TEST-03"));
    let new_list = dir.join("trust-v2.json");
    std::fs::write(&new_list, &converted.stdout).expect("write");
    let verified = tdg(&[
        "verify",
        "--trust",
        new_list.to_str().expect("utf-8"),
        "--catalog",
        CATALOG,
        "tests/fixtures/reports/valid.json",
    ]);
    assert_eq!(
        verified.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&verified.stdout)
    );
}

#[test]
fn every_command_answers_help() {
    for command in [
        &["catalog", "check"][..],
        &["score"],
        &["keygen"],
        &["sign"],
        &["verify"],
        &["trust", "convert"],
    ] {
        let mut args = command.to_vec();
        args.push("--help");
        let out = tdg(&args);
        assert_eq!(out.status.code(), Some(0), "{command:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout).starts_with("usage: tdg"),
            "{command:?}"
        );
    }
}

#[test]
fn score_names_the_answers_of_another_tier_and_leaves_them_out() {
    let dir = temp_dir("scope");
    let answers = dir.join("mixed.json");
    let text =
        std::fs::read_to_string(root().join("assets/samples/vi-du-xa.json")).expect("sample");
    let mut sheet: serde_json::Value = serde_json::from_str(&text).expect("json");
    sheet["answers"]["sn.nhiem-vu"] = serde_json::json!({"yes": true});
    std::fs::write(&answers, sheet.to_string()).expect("write");
    let out = tdg(&[
        "score",
        "--catalog",
        CATALOG,
        "--json",
        answers.to_str().expect("utf-8"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("not scored (not criteria of the chosen tier and variant): sn.nhiem-vu"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(v["assessment"]["errors"]
        .as_array()
        .expect("errors")
        .is_empty());
}

#[test]
fn score_and_sign_refuse_numbers_beyond_exact_integers_with_their_place() {
    let dir = temp_dir("numbers");
    let answers = dir.join("big.json");
    let text =
        std::fs::read_to_string(root().join("assets/samples/vi-du-xa.json")).expect("sample");
    let mut sheet: serde_json::Value = serde_json::from_str(&text).expect("json");
    sheet["answers"]["xp.tuyen-truyen"] = serde_json::json!({"count": 9_007_199_254_740_992_u64});
    std::fs::write(
        &answers,
        serde_json::to_string_pretty(&sheet).expect("json"),
    )
    .expect("write");
    let path = answers.to_str().expect("utf-8");
    let out = tdg(&["score", "--catalog", CATALOG, path]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("9007199254740992"), "{stderr}");
    assert!(
        stderr.contains("lỗi:") && stderr.contains("error:"),
        "{stderr}"
    );
    assert!(
        stderr.contains("line") && stderr.contains("dòng"),
        "{stderr}"
    );
}

#[test]
fn a_received_date_needs_the_period_being_collected() {
    let out = full_verify(
        &["--received", "2026-11-25"],
        "tests/fixtures/reports/valid.json",
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--period"), "{stderr}");
    assert_eq!(stderr.matches("lỗi:").count(), 1, "said once: {stderr}");
}

#[test]
fn text_from_a_report_cannot_drive_the_terminal() {
    let dir = temp_dir("ansi");
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/reports/valid.json")).expect("fixture");
    // The name changes, so the proof fails; what matters is how the name is printed.
    let hostile = text.replacen(
        "\"UBND xã Ví Dụ\"",
        "\"X\\n  ✓ chữ ký hợp lệ / proof valid\\nĐẠT / PASS\\u001b[8m\\u202e\"",
        1,
    );
    assert_ne!(hostile, text);
    let path = dir.join("hostile.json");
    std::fs::write(&path, hostile).expect("write");
    let out = full_verify(&[], path.to_str().expect("utf-8"));
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{202e}'),
        "{stdout}"
    );
    assert!(stdout.contains("X\\u{a}  ✓ chữ ký"), "{stdout}");
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("ĐẠT")).count(),
        0,
        "{stdout}"
    );
}

#[test]
fn wrong_options_exit_2_with_a_message_in_both_languages() {
    for (args, named) in [
        (&["score", "--bogus", "a.json"][..], "--bogus"),
        (&["score", "-x", "a.json"], "-x"),
        (
            &["score", "assets/samples/vi-du-xa.json", "--catalog"],
            "--catalog",
        ),
        (&["verify", "--json=yes", "r.json"], "--json"),
        (&["catalog", "check", "--strict", CATALOG], "--strict"),
    ] {
        let out = tdg(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(named), "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("lỗi: ") && stderr.contains("\nerror: "),
            "{args:?}: {stderr}"
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let missing = tdg(&["score", "assets/samples/vi-du-xa.json", "--catalog"]);
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert!(stderr.contains("--catalog cần một giá trị"), "{stderr}");
    assert!(stderr.contains("--catalog needs a value"), "{stderr}");
}

#[test]
fn options_take_the_equals_form_and_double_dash_ends_them() {
    let out = tdg(&[
        "score",
        &format!("--catalog={CATALOG}"),
        "--lang=en",
        "--",
        "assets/samples/vi-du-xa.json",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("Total 66 (including a bonus of 1)"),
        "{stdout}"
    );
}

#[test]
fn the_catalog_flag_repeats() {
    let out = full_verify(
        &["--catalog", "assets/catalogs/hp-175-kh-ubnd.json"],
        "tests/fixtures/reports/valid.json",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8_is_refused_without_a_panic() {
    use std::os::unix::ffi::OsStrExt;
    let bad = std::ffi::OsStr::from_bytes(b"b\xffo-cao.json");
    let out = Command::new(env!("CARGO_BIN_EXE_tdg"))
        .current_dir(root())
        .args(["verify", "--proof-only"])
        .arg(bad)
        .output()
        .expect("tdg runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("UTF-8") && stderr.contains("lỗi:"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// `tdg verify … | head`: a reader that stops early gets no panic and no stack trace.
#[test]
fn a_closed_pipe_ends_quietly() {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_tdg"))
        .current_dir(root())
        .args([
            "verify",
            "--proof-only",
            "tests/fixtures/reports/valid.json",
            "tests/fixtures/reports/late.json",
            "tests/fixtures/reports/changed-answer.json",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tdg runs");
    // Closed before tdg writes: its first line meets a closed pipe.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("tdg ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(141), "{stderr}");
}
