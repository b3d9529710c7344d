use super::*;
use tdg_report::keys::UnitKey;

fn catalog() -> Catalog {
    Catalog::from_json(include_bytes!(
        "../../../../assets/catalogs/hp-175-kh-ubnd.json"
    ))
    .expect("the shipped catalog")
}

fn did(n: u8) -> String {
    UnitKey::from_seed([n; 32]).public().did()
}

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).expect("a real date")
}

const HEADER: &str = "Mã đơn vị,Tên đơn vị,Cấp,Loại,Cụm/Khối,Khóa (did:key),Hiệu lực từ";

fn csv(rows: &[String]) -> String {
    let mut text = format!("{HEADER}\n");
    for r in rows {
        text.push_str(r);
        text.push('\n');
    }
    text
}

/// The messages of an import, in Vietnamese.
fn messages(imported: &Imported) -> Vec<String> {
    imported
        .errors
        .iter()
        .map(|e| e.message(Lang::Vi))
        .collect()
}

#[test]
fn good_rows_are_read_with_vietnamese_headers_names_and_dates() {
    let text = csv(&[
        format!(
            "XA-1,Xã Một,xa-phuong,,\"Cụm thi đua số 1, Hải Phòng\",{},05/03/2026",
            did(1)
        ),
        // The tier and variant by their names, the key bare and a date in ISO form.
        format!(
            "DN-1,Công ty A,Doanh nghiệp,cntt,,{},2026-01-01",
            UnitKey::from_seed([2; 32]).public().multibase()
        ),
    ]);
    let got = read_csv(&text, &catalog(), &[]).expect("a register");
    assert_eq!(got.errors, vec![]);
    assert_eq!(got.keys.len(), 2);
    assert_eq!(got.keys[0].group, "Cụm thi đua số 1, Hải Phòng");
    assert_eq!(got.keys[0].valid_from, d(2026, 3, 5));
    assert_eq!(got.keys[1].tier, "doanh-nghiep");
    assert_eq!(got.keys[1].variant.as_deref(), Some("cntt"));
    assert_eq!(got.keys[1].did, did(2));
}

#[test]
fn every_bad_row_is_named_by_line_and_column_and_good_rows_are_kept() {
    let text = csv(&[
        format!("XA-1,Xã Một,xa-phuong,,Cụm 1,{},01/01/2026", did(1)), // line 2: good
        format!("XA-2,Xã Hai,thôn,,Cụm 1,{},01/01/2026", did(2)),      // 3: unknown tier
        format!("DN-1,Công ty,doanh-nghiep,khac,,{},01/01/2026", did(3)), // 4: unknown variant
        format!("DN-2,Công ty,doanh-nghiep,,,{},01/01/2026", did(4)),  // 5: variant required
        "XA-3,Xã Ba,xa-phuong,,Cụm 1,did:key:z6MkNOPE,01/01/2026".to_owned(), // 6: bad key
        format!("XA-1,Xã Một bis,xa-phuong,,Cụm 1,{},01/01/2026", did(5)), // 7: code, other key
        format!("XA-4,Xã Bốn,xa-phuong,,Cụm 1,{},01/01/2026", did(1)), // 8: key of XA-1
        format!(",Xã Năm,xa-phuong,,Cụm 1,{},01/01/2026", did(6)),     // 9: empty code
        format!("XA-6,Xã Sáu,xa-phuong,,Cụm 1,{},31/02/2026", did(7)), // 10: no such day
        "XA-7,Xã Bảy,xa-phuong,,Cụm 1,3F2A-91C0-77DE-0B12-AA45,01/01/2026".to_owned(), // 11
        format!("XA-1,Xã Một,xa-phuong,,Cụm 1,{},01/01/2026", did(1)), // 12: same row again
        format!("XA-8,Xã Tám,xa-phuong,,Cụm 2,{},01/02/2026", did(8)), // 13: good
    ]);
    let got = read_csv(&text, &catalog(), &[]).expect("a register");
    let codes: Vec<&str> = got.keys.iter().map(|k| k.unit_code.as_str()).collect();
    assert_eq!(codes, ["XA-1", "XA-8"], "good rows are kept, in order");
    let located: Vec<(usize, Column)> = got.errors.iter().map(|e| (e.line, e.column)).collect();
    assert_eq!(
        located,
        [
            (3, Column::Tier),
            (4, Column::Variant),
            (5, Column::Variant),
            (6, Column::Key),
            (7, Column::Code),
            (8, Column::Key),
            (9, Column::Code),
            (10, Column::ValidFrom),
            (11, Column::Key),
            (12, Column::Key),
        ]
    );
    let vi = messages(&got);
    // The message lists what the cell accepts, by name and id.
    assert!(
        vi[0].starts_with("Dòng 3, cột “Cấp”: danh mục không có cấp “thôn”; hãy ghi một trong: “Sở, ban, ngành, đơn vị thuộc thành phố” (so-nganh), “Cấp quận, huyện” (quan-huyen), “Cấp xã, phường, đặc khu” (xa-phuong)"),
        "{}",
        vi[0]
    );
    assert!(got.errors[0].message(Lang::En).starts_with(
        "Line 3, column “Tier”: the catalog has no tier “thôn”; write one of: “City departments"
    ));
    assert_eq!(
        vi[2],
        "Dòng 5, cột “Loại”: cấp “doanh-nghiep” cần ghi loại: một trong “Doanh nghiệp nói chung” (chung), “Doanh nghiệp công nghệ thông tin” (cntt)"
    );
    assert!(vi[1].ends_with("hãy ghi một trong: “Doanh nghiệp nói chung” (chung), “Doanh nghiệp công nghệ thông tin” (cntt)"), "{}", vi[1]);
    // Said once: the key is not usable, then why.
    assert_eq!(
        vi[3],
        "Dòng 6, cột “Khóa (did:key)”: “did:key:z6MkNOPE” không dùng được làm khóa: không phải base58btc (phải bắt đầu bằng 'z')"
    );
    assert_eq!(
        vi[4],
        "Dòng 7, cột “Mã đơn vị”: đơn vị XA-1 đã có một khóa khác còn hiệu lực (dòng 2)"
    );
    assert_eq!(
        vi[5],
        "Dòng 8, cột “Khóa (did:key)”: khóa này đã đăng ký cho đơn vị XA-1 (dòng 2)"
    );
    assert_eq!(vi[6], "Dòng 9, cột “Mã đơn vị”: ô bắt buộc nhưng để trống");
    assert!(vi[7].contains("31/02/2026"));
    assert!(vi[8].contains("dấu vân tay 3F2A-91C0-77DE-0B12-AA45"));
    assert_eq!(
        vi[9],
        "Dòng 12, cột “Khóa (did:key)”: đơn vị và khóa này đã có trong sổ (dòng 2)"
    );
}

#[test]
fn a_fingerprint_names_a_key_already_known_and_a_new_key_follows_a_revoked_one() {
    let fp = UnitKey::from_seed([9; 32]).public().fingerprint();
    let text = "code,name,tier,cluster,key,validFrom,revokedOn\n".to_owned()
        + &format!(
            "XA-9,Xã Chín,xa-phuong,Cụm 3,{},01/01/2025,01/06/2026\n",
            did(1)
        )
        + &format!("XA-9,Xã Chín,xa-phuong,Cụm 3,{fp},01/06/2026,\n");
    let got = read_csv(&text, &catalog(), &[did(3), did(9)]).expect("a register");
    assert_eq!(got.errors, vec![]);
    assert_eq!(got.keys[1].did, did(9));
    assert_eq!(got.keys[0].revoked_on, Some(d(2026, 6, 1)));
    // Without the key known, the fingerprint cannot stand for it.
    let got = read_csv(&text, &catalog(), &[]).expect("a register");
    assert!(matches!(
        got.errors[0].problem,
        Problem::UnknownFingerprint(_)
    ));
}

#[test]
fn a_file_that_is_not_a_register_says_why() {
    let c = catalog();
    assert_eq!(read(b"", &c, &[]), Err(ImportError::Empty));
    assert_eq!(
        read(&[0xff, 0xfe, 0x41], &c, &[]),
        Err(ImportError::NotUtf8)
    );
    assert_eq!(
        read_csv("Mã đơn vị,Tên đơn vị,Cấp,Khóa\nX,Xã,xa-phuong,k\n", &c, &[]),
        Err(ImportError::MissingColumn(Column::ValidFrom))
    );
    assert_eq!(
        read_csv(
            "Mã đơn vị,Cấp,Khóa,Hiệu lực từ\nX,xa-phuong,k,01/01/2026\n",
            &c,
            &[]
        ),
        Err(ImportError::MissingColumn(Column::Name))
    );
    let unknown = read_csv(&format!("{HEADER},Ghi chú\n"), &c, &[]);
    assert!(matches!(unknown, Err(ImportError::UnknownColumn(ref h, _)) if h == "Ghi chú"));
    assert_eq!(
        read_csv("code,Mã đơn vị,tier,key,validFrom\n", &c, &[]),
        Err(ImportError::DoubledColumn(Column::Code))
    );
    let unclosed = read_csv(&format!("{HEADER}\n\"X,y\n"), &c, &[]);
    assert!(matches!(unclosed, Err(ImportError::Csv { line: 2, .. })));
    assert_eq!(
        ImportError::MissingColumn(Column::ValidFrom).message(Lang::Vi),
        "Dòng tiêu đề thiếu cột “Hiệu lực từ”."
    );
}

fn sample() -> Vec<RegisteredKey> {
    let text = "\u{feff}code;name;tier;variant;group;key;validFrom;validUntil;revokedOn\n"
        .to_owned()
        + &format!(
            "XA-1;\"Xã \"\"Một\"\"; đảo\";xa-phuong;;Cụm 1, bắc;{};01/01/2026;;\n",
            did(1)
        )
        + &format!(
            "DN-1;Công ty;doanh-nghiep;chung;;{};01/01/2025;31/12/2026;01/06/2026\n",
            did(2)
        );
    let got = read_csv(&text, &catalog(), &[]).expect("a register");
    assert_eq!(got.errors, vec![], "semicolons, quotes and a BOM are read");
    got.keys
}

#[test]
fn the_csv_export_imports_back_the_same() {
    let keys = sample();
    assert_eq!(keys[0].unit_name, "Xã \"Một\"; đảo");
    let text = to_csv(&keys);
    assert!(
        text.starts_with("\u{feff}\"Mã đơn vị\","),
        "a BOM for Excel"
    );
    let back = read(text.as_bytes(), &catalog(), &[]).expect("its own export");
    assert_eq!(back.errors, vec![]);
    assert_eq!(back.keys, keys);
}

#[test]
fn the_trust_list_export_is_what_the_verifier_reads() {
    let register = Register {
        office: "Sở Khoa học và Công nghệ (minh hoạ)".into(),
        keys: sample(),
    };
    let read_back =
        TrustList::from_json(register.trust_json().as_bytes()).expect("a valid trust list");
    assert_eq!(Register::from_trust(read_back), register);
}

#[test]
fn an_xlsx_register_is_read_with_date_cells_and_numeric_codes() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let headings = [
        "Mã đơn vị",
        "Tên đơn vị",
        "Cấp",
        "Cụm/Khối",
        "Khóa (did:key)",
        "Hiệu lực từ",
    ];
    for (c, h) in (0u16..).zip(headings) {
        sheet.write_string(0, c, h).expect("a cell");
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let when = ExcelDateTime::from_ymd(2026, 3, 5).expect("a date");
    sheet.write_number(1, 0, 1234.0).expect("a cell");
    sheet.write_string(1, 1, "Xã Một").expect("a cell");
    sheet.write_string(1, 2, "xa-phuong").expect("a cell");
    sheet.write_string(1, 3, "Cụm 1").expect("a cell");
    sheet.write_string(1, 4, did(1)).expect("a cell");
    sheet
        .write_datetime_with_format(1, 5, &when, &date)
        .expect("a cell");
    sheet.write_string(2, 0, "XA-2").expect("a cell");
    sheet.write_string(2, 1, "Xã Hai").expect("a cell");
    sheet.write_string(2, 2, "Cấp thôn").expect("a cell");
    sheet.write_string(2, 4, did(2)).expect("a cell");
    sheet.write_string(2, 5, "05/03/2026").expect("a cell");
    let bytes = book.save_to_buffer().expect("a workbook");
    let got = read(&bytes, &catalog(), &[]).expect("a register");
    assert_eq!(got.keys.len(), 1);
    assert_eq!(got.keys[0].unit_code, "1234");
    assert_eq!(got.keys[0].valid_from, d(2026, 3, 5));
    assert_eq!(
        messages(&got),
        ["Dòng 3, cột “Cấp”: danh mục không có cấp “Cấp thôn”; hãy ghi một trong: “Sở, ban, ngành, đơn vị thuộc thành phố” (so-nganh), “Cấp quận, huyện” (quan-huyen), “Cấp xã, phường, đặc khu” (xa-phuong), “Doanh nghiệp” (doanh-nghiep), “Cá nhân” (ca-nhan)"]
    );
    assert!(matches!(
        read(b"PK\x03\x04broken", &catalog(), &[]),
        Err(ImportError::Xlsx(_))
    ));
}

#[test]
fn edits_are_checked_as_imported_rows_are() {
    let c = catalog();
    let mut register = Register {
        office: "Sở".into(),
        keys: sample(),
    };
    let cells = Cells {
        code: "XA-2".into(),
        name: "Xã Hai".into(),
        tier: "xa-phuong".into(),
        group: "Cụm 2".into(),
        key: did(1),
        valid_from: "01/01/2026".into(),
        ..Cells::default()
    };
    let refused = register.add(&cells, &c, &[]).expect_err("XA-1's key");
    assert!(matches!(
        refused[0],
        (Column::Key, Problem::KeyOfAnotherUnit { .. })
    ));
    let typo = Cells {
        tier: "thôn".into(),
        valid_from: "1/13/2026".into(),
        ..cells.clone()
    };
    let refused = register.add(&typo, &c, &[]).expect_err("two mistakes");
    let columns: Vec<Column> = refused.iter().map(|(c, _)| *c).collect();
    assert_eq!(columns, [Column::Tier, Column::ValidFrom]);
    register
        .add(
            &Cells {
                key: did(7),
                ..cells
            },
            &c,
            &[],
        )
        .expect("a new unit");
    assert_eq!(register.keys.len(), 3);
    assert_eq!(register.edit_unit("XA-2", " Phường Hai ", "Cụm 5"), Ok(1));
    assert_eq!(
        register.edit_unit("XA-2", "  ", "Cụm 5"),
        Err(Problem::Empty),
        "a unit keeps a name"
    );
    assert_eq!(
        (
            register.keys[2].unit_name.as_str(),
            register.keys[2].group.as_str()
        ),
        ("Phường Hai", "Cụm 5")
    );
    assert_eq!(register.revoke(2, d(2026, 7, 1)), Ok(true));
    assert_eq!(
        register.revoke(2, d(2026, 9, 1)),
        Ok(true),
        "a later day keeps the earlier revocation"
    );
    assert_eq!(register.keys[2].revoked_on, Some(d(2026, 7, 1)));
    assert_eq!(register.remove(0).map(|k| k.unit_code), Some("XA-1".into()));
    assert_eq!(register.remove(9), None);
    assert_eq!(register.revoke(9, d(2026, 1, 1)), Ok(false));
}

#[test]
fn a_tier_and_a_variant_are_read_as_people_write_them_and_an_ambiguous_one_is_refused() {
    let c = catalog();
    let tier_of = |text: &str| find_tier(&c, text).map(|t| t.id.as_str());
    for (text, id) in [
        ("Cấp xã", "xa-phuong"),
        ("cap xa", "xa-phuong"),
        ("XÃ", "xa-phuong"),
        ("Phường", "xa-phuong"),
        ("Cấp xã, phường, thị trấn", "xa-phuong"),
        ("commune level", "xa-phuong"),
        ("Xa-Phuong", "xa-phuong"),
        ("cấp huyện", "quan-huyen"),
        ("Quận", "quan-huyen"),
        ("Sở", "so-nganh"),
        ("doanh nghiep", "doanh-nghiep"),
        ("Cá nhân", "ca-nhan"),
    ] {
        assert_eq!(tier_of(text), Some(id), "{text}");
    }
    assert_eq!(tier_of("thôn"), None);
    assert_eq!(tier_of("Cấp"), None);
    assert_eq!(tier_of(""), None);
    let row = |tier: &str, variant: &str| Cells {
        code: "DN-1".into(),
        name: "Công ty".into(),
        tier: tier.into(),
        variant: variant.into(),
        key: did(1),
        valid_from: "01/01/2026".into(),
        ..Cells::default()
    };
    for (variant, id) in [
        ("CNTT", "cntt"),
        ("doanh nghiep cong nghe thong tin", "cntt"),
        ("Chung", "chung"),
    ] {
        let got = parse_row(&row("Doanh nghiệp", variant), &c, &[]).expect(variant);
        assert_eq!(got.variant.as_deref(), Some(id), "{variant}");
    }
    let got = parse_row(&row("ca nhan", "Cán bộ"), &c, &[]).expect("cán bộ");
    assert_eq!(got.variant.as_deref(), Some("can-bo"));
    // "Doanh nghiệp" is a part of both variants' names: refused, with the list.
    let refused = parse_row(&row("doanh-nghiep", "doanh nghiệp"), &c, &[]).expect_err("ambiguous");
    assert!(matches!(refused[0].1, Problem::UnknownVariant { .. }));
}

#[test]
fn a_row_without_a_name_or_revoked_before_its_key_counts_is_refused_where_it_is() {
    let c = catalog();
    let text = csv(&[format!("XA-1,,xa-phuong,,Cụm 1,{},01/01/2026", did(1))]);
    let got = read_csv(&text, &c, &[]).expect("a register");
    assert_eq!(
        messages(&got),
        ["Dòng 2, cột “Tên đơn vị”: ô bắt buộc nhưng để trống"]
    );
    let text = "code,name,tier,key,validFrom,revokedOn\n".to_owned()
        + &format!("XA-1,Xã Một,xa-phuong,{},01/06/2026,01/01/2026\n", did(1));
    let got = read_csv(&text, &c, &[]).expect("a register");
    assert_eq!(
        messages(&got),
        ["Dòng 2, cột “Ngày thu hồi”: ngày thu hồi trước ngày khóa bắt đầu có hiệu lực (01/06/2026)"]
    );
    let mut register = Register {
        office: String::new(),
        keys: read_csv(
            &csv(&[format!(
                "XA-1,Xã Một,xa-phuong,,Cụm 1,{},01/06/2026",
                did(1)
            )]),
            &c,
            &[],
        )
        .expect("a register")
        .keys,
    };
    assert_eq!(
        register.revoke(0, d(2026, 5, 31)),
        Err(Problem::RevokedBeforeFrom(d(2026, 6, 1)))
    );
    assert_eq!(register.keys[0].revoked_on, None);
    assert_eq!(register.revoke(0, d(2026, 6, 1)), Ok(true));
}

#[test]
fn a_merge_adds_new_units_and_keys_and_keeps_what_the_register_has() {
    let c = catalog();
    let read = |rows: &[String]| Register {
        office: String::new(),
        keys: read_csv(&csv(rows), &c, &[]).expect("a register").keys,
    };
    let mut register = read(&[
        format!("XA-1,Xã Một,xa-phuong,,Cụm 1,{},01/01/2026", did(1)),
        format!("XA-2,Xã Hai,xa-phuong,,Cụm 1,{},01/01/2026", did(2)),
    ]);
    register.office = "Sở KH&CN".into();
    let incoming = Register {
        office: "Khác".into(),
        ..read(&[
            // The same registration, renamed: the register's stays.
            format!(
                "XA-1,Xã Một (tên khác),xa-phuong,,Cụm 1,{},01/01/2026",
                did(1)
            ),
            // A second key in force for XA-2: left out.
            format!("XA-2,Xã Hai,xa-phuong,,Cụm 1,{},01/01/2026", did(3)),
            // A new unit.
            format!("XA-3,Xã Ba,xa-phuong,,Cụm 2,{},01/01/2026", did(4)),
        ])
    };
    assert_eq!(register.merge(incoming), 1);
    let got: Vec<(&str, &str)> = register
        .keys
        .iter()
        .map(|k| (k.unit_code.as_str(), k.unit_name.as_str()))
        .collect();
    assert_eq!(
        got,
        [("XA-1", "Xã Một"), ("XA-2", "Xã Hai"), ("XA-3", "Xã Ba")]
    );
    assert_eq!(register.office, "Sở KH&CN");
    assert_eq!(register.unit_count(), 3);
}

#[test]
fn a_fingerprint_gives_the_canonical_key_and_is_refused_when_two_keys_share_it() {
    let key = UnitKey::from_seed([9; 32]).public();
    // A report's issuer may carry the key's fragment: the register gets the canonical form,
    // once, whichever form the season gave (registered keys are compared as text).
    let with_fragment = format!("{0}#{1}", key.did(), &key.did()["did:key:".len()..]);
    let known = KnownKeys::new(&[with_fragment, key.did()]);
    assert_eq!(parse_key(&key.fingerprint(), &known), Ok(key.did()));
    // Two different keys under one fingerprint (about 2⁴⁰ tries for a unit that wants it):
    // which one was meant cannot be told.
    let mut two = KnownKeys::new(&[]);
    two.0
        .entry(key.fingerprint())
        .or_default()
        .extend([did(3), did(9)]);
    assert_eq!(
        parse_key(&key.fingerprint().to_lowercase(), &two),
        Err(Problem::AmbiguousFingerprint(key.fingerprint()))
    );
    assert!(Problem::AmbiguousFingerprint(key.fingerprint())
        .message(Lang::Vi)
        .contains("nhiều hơn một khóa"));
}
