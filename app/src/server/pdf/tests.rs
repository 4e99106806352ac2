use std::path::PathBuf;
use std::process::Command;

use chrono::TimeZone;

use super::*;

/// A contribution certificate like the ones the app issues, with `months` table rows.
pub(super) fn certificate(locale: Locale, months: usize, watermark: bool) -> Document {
    let zh = locale == Locale::Zh;
    let t = |zh_text: &str, en_text: &str| if zh { zh_text } else { en_text }.to_owned();
    let column = |title: String, weight: f32, align: Align| Column {
        title,
        weight,
        align,
    };
    let rows = (0..months)
        .map(|i| {
            let (year, month) = (2021 + (i + 8) / 12, (i + 8) % 12 + 1);
            let base = if i == 30 {
                "8,123.45".to_owned()
            } else {
                format!("{},{:03}.00", 6 + i % 4, 100 + 17 * i)
            };
            vec![
                t(
                    "北京金宝信息技术有限公司",
                    "Beijing Jinbao Information Technology Co., Ltd.",
                ),
                format!("{year}-{month:02}"),
                format!("{year}-{month:02}"),
                t("城镇职工基本养老保险", "Basic pension"),
                "1".to_owned(),
                base,
                t("北京市朝阳区", "Chaoyang, Beijing"),
            ]
        })
        .collect();
    Document {
        locale,
        title: t(
            "参保缴费证明",
            "Certificate of Social Insurance Contributions",
        ),
        subtitle: Some(t(
            "个人社会保险参保缴费情况（2021年09月—2024年12月）",
            "Contributions from September 2021 to December 2024",
        )),
        blocks: vec![
            Block::Heading(t("参保人信息", "Insured person")),
            Block::Fields(vec![
                (t("姓名", "Name"), t("李明轩", "Li Mingxuan")),
                (t("性别", "Sex"), t("男", "Male")),
                (
                    t("公民身份号码", "ID number"),
                    "110101199003071234".to_owned(),
                ),
                (
                    t("社会保障号码", "Social security no."),
                    "1101019003071234".to_owned(),
                ),
                (t("参保状态", "Status"), t("正常参保", "Active")),
                (
                    t("参保地", "Insured in"),
                    t("北京市朝阳区", "Chaoyang, Beijing"),
                ),
                (
                    t("现工作单位", "Current employer"),
                    t(
                        "北京金宝信息技术有限公司（统一社会信用代码 91110105MA01ABCD2X）",
                        "Beijing Jinbao Information Technology Co., Ltd. (unified social credit code 91110105MA01ABCD2X)",
                    ),
                ),
            ]),
            Block::Heading(t("缴费明细", "Contribution details")),
            Block::Table(Table {
                columns: vec![
                    column(t("单位名称", "Employer"), 2.5, Align::Left),
                    column(t("起始年月", "From"), 1.0, Align::Center),
                    column(t("截止年月", "To"), 1.0, Align::Center),
                    column(t("险种", "Insurance"), 2.1, Align::Left),
                    column(t("月数", "Months"), 0.9, Align::Right),
                    column(t("缴费基数（元）", "Base (CNY)"), 1.5, Align::Right),
                    column(t("参保地", "Region"), 1.4, Align::Left),
                ],
                rows,
                empty: t("无缴费记录", "No contributions"),
            }),
            Block::Paragraph(t(
                "本证明根据社会保险经办机构记录的数据生成，仅证明参保人在上述期间的参保缴费情况。缴费基数以元为单位，月数为实际缴费月数；如对记录有异议，请携带本人有效身份证件到参保地经办机构核实。",
                "This certificate is generated from the records of the social insurance agency and only attests the contributions in the period above. Bases are in yuan; months are the months actually paid. To dispute a record, bring a valid identity document to the agency of the insured region.",
            )),
        ],
        verification: Verification {
            lines: vec![
                (t("文档编号", "Document no."), "JB7K2M9Q4XWP".to_owned()),
                (
                    t("核验码", "Verification code"),
                    "4K7Q-M2XW-9PLT".to_owned(),
                ),
                (t("出具日期", "Issued on"), "2025-01-15".to_owned()),
            ],
            url: "https://jinbao.example.cn/verify/JB7K2M9Q4XWP?code=4K7Q-M2XW-9PLT".to_owned(),
            note: t(
                "扫描二维码或访问上述网址核验本证明的真伪与状态。",
                "Scan the QR code or visit the address above to check that this certificate is genuine and still valid.",
            ),
        },
        footer: t("文档编号 JB7K2M9Q4XWP", "Document no. JB7K2M9Q4XWP"),
        watermark: watermark.then(|| t("仅供核验 JB7K2M9Q4XWP", "FOR VERIFICATION JB7K2M9Q4XWP")),
        created: chrono::Utc
            .with_ymd_and_hms(2025, 1, 15, 9, 30, 0)
            .single()
            .expect("a valid fixed date"),
        id_seed: "JB7K2M9Q4XWP".to_owned(),
    }
}

/// The bytes of the trailer's `/ID` entry.
fn trailer_id(pdf: &[u8]) -> &[u8] {
    let at = pdf
        .windows(4)
        .rposition(|w| w == b"/ID ")
        .expect("the trailer has an /ID");
    &pdf[at..at + 80]
}

/// The text of `pdf` as `pdftotext -raw` extracts it. Raw (content-stream order) because the
/// other modes drop the spaces of "第 1 页 / 共 2 页": poppler takes evenly spaced one-character
/// words for letter-spaced text.
pub(super) fn pdftotext(pdf: &[u8], name: &str) -> String {
    let path = std::env::temp_dir().join(format!("jinbao-pdf-{}-{name}.pdf", std::process::id()));
    std::fs::write(&path, pdf).expect("temp dir is writable");
    let output = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output();
    let _ = std::fs::remove_file(&path);
    let output = match output {
        Ok(output) => output,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
            "pdftotext is not installed: install poppler-utils (apt-get install -y poppler-utils) \
             to run the PDF text-extraction tests"
        ),
        Err(e) => panic!("pdftotext failed to start: {e}"),
    };
    assert!(output.status.success(), "pdftotext failed: {output:?}");
    // Poppler reports any malformed object or content stream on stderr.
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(errors.is_empty(), "pdftotext complained: {errors}");
    String::from_utf8(output.stdout).expect("pdftotext -enc UTF-8 writes UTF-8")
}

#[test]
fn same_document_gives_identical_bytes() {
    let doc = certificate(Locale::Zh, 36, true);
    let first = render(&doc);
    assert_eq!(first, render(&doc.clone()));
    assert!(first.starts_with(b"%PDF-"));
}

#[test]
fn id_derives_from_the_seed() {
    let doc = certificate(Locale::Zh, 3, false);
    let other = Document {
        id_seed: "JB0000000000".to_owned(),
        ..doc.clone()
    };
    let (a, b) = (render(&doc), render(&other));
    assert_ne!(trailer_id(&a), trailer_id(&b));
    // The seed changes nothing else: only the /ID line differs.
    assert_eq!(a.len(), b.len());
}

#[test]
fn extracted_text_matches_in_chinese() {
    let text = pdftotext(&render(&certificate(Locale::Zh, 40, false)), "zh");
    for expected in [
        "参保缴费证明",
        "李明轩",
        "110101199003071234",
        "2024-03",
        "8,123.45",
        "北京金宝信息技术有限公司",
        "城镇职工基本养老保险",
        "第 1 页 / 共 2 页",
        "第 2 页 / 共 2 页",
        "文档编号 JB7K2M9Q4XWP",
        "4K7Q-M2XW-9PLT",
        "https://jinbao.example.cn/verify/JB7K2M9Q4XWP?code=4K7Q-M2XW-9PLT",
        "扫描二维码或访问上述网址核验本证明的真伪与状态。",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    // The table runs over two pages and repeats its header row on the second.
    assert_eq!(text.matches("缴费基数（元）").count(), 2, "{text}");
    assert_eq!(text.matches('\u{c}').count(), 2, "two pages:\n{text}");
}

#[test]
fn extracted_text_matches_in_english() {
    let text = pdftotext(&render(&certificate(Locale::En, 40, false)), "en");
    // English employer names wrap: the table takes more pages than in Chinese.
    let pages: usize = text
        .split_once("Page 1 of ")
        .and_then(|(_, rest)| rest.split_whitespace().next()?.parse().ok())
        .expect("a page number in the footer");
    assert!(pages >= 2, "{text}");
    for expected in [
        "Certificate of Social Insurance Contributions",
        "Li Mingxuan",
        "Beijing Jinbao Information",
        "8,123.45",
        &format!("Page {pages} of {pages}"),
        "Verification code",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    // The table continues on a second page, under its repeated header row.
    assert!(text.matches("Base (CNY)").count() >= 2, "{text}");
}

#[test]
fn watermark_stays_out_of_the_text() {
    let text = pdftotext(&render(&certificate(Locale::Zh, 5, true)), "watermark");
    assert!(text.contains("李明轩"));
    assert!(!text.contains("仅供核验"), "{text}");
}

#[test]
fn characters_missing_from_the_font_still_extract() {
    let mut doc = certificate(Locale::Zh, 1, false);
    doc.blocks = vec![Block::Paragraph("笑脸\u{1F600}与\u{1F680}火箭".to_owned())];
    let text = pdftotext(&render(&doc), "missing");
    assert!(text.contains("笑脸\u{1F600}与\u{1F680}火箭"), "{text}");
}

#[test]
fn empty_table_shows_its_message() {
    let mut doc = certificate(Locale::Zh, 0, false);
    doc.subtitle = None;
    let text = pdftotext(&render(&doc), "empty");
    assert!(text.contains("无缴费记录"), "{text}");
    assert!(text.contains("第 1 页 / 共 1 页"), "{text}");
}

#[test]
fn degenerate_documents_still_render() {
    let mut doc = certificate(Locale::En, 2, true);
    doc.title = String::new();
    doc.footer = String::new();
    doc.blocks = vec![
        Block::Fields(Vec::new()),
        Block::Fields(vec![(String::new(), String::new())]),
        Block::Table(Table {
            columns: Vec::new(),
            rows: vec![vec!["ignored".to_owned()]],
            empty: "no columns".to_owned(),
        }),
        Block::Table(Table {
            columns: vec![Column {
                title: "A".to_owned(),
                weight: f32::NAN,
                align: Align::Right,
            }],
            // Taller than a page: it overflows the body rather than looping over new pages.
            rows: vec![
                vec!["x\n".repeat(90)],
                vec![],
                vec!["1".to_owned(), "extra".to_owned()],
            ],
            empty: String::new(),
        }),
        Block::Paragraph("\t\r\n".to_owned()),
    ];
    doc.verification.url = "x".repeat(5000);
    let text = pdftotext(&render(&doc), "degenerate");
    assert!(text.contains("no columns"), "{text}");
    assert!(text.contains("Page 1 of "), "{text}");
}

#[test]
fn three_years_of_contributions_stay_small() {
    for (locale, watermark) in [(Locale::Zh, false), (Locale::Zh, true), (Locale::En, false)] {
        let size = render(&certificate(locale, 36, watermark)).len();
        println!("{locale:?} watermark={watermark}: {size} bytes");
        assert!(size < 200_000, "{size} bytes");
    }
}

#[test]
fn text_stays_inside_the_page() {
    let doc = certificate(Locale::Zh, 80, true);
    for page in layout::lay_out(&doc) {
        for mark in &page.marks {
            if let layout::Mark::Text {
                x,
                baseline,
                style,
                text,
            } = mark
            {
                let right = x + font::width(text, style.size);
                assert!(
                    *x >= 49.0 && right <= PAGE_WIDTH - 40.0,
                    "{text:?} at x {x}"
                );
                assert!(
                    *baseline > 56.0 && *baseline < PAGE_HEIGHT - 20.0,
                    "{text:?}"
                );
            }
        }
    }
}

/// Writes sample PDFs for looking at (`cargo test ... write_samples -- --ignored`), into
/// `$JINBAO_PDF_SAMPLES` or the temp dir.
#[test]
#[ignore = "writes files for manual inspection"]
fn write_samples() {
    let dir = std::env::var_os("JINBAO_PDF_SAMPLES").map_or_else(std::env::temp_dir, PathBuf::from);
    for (name, doc) in [
        ("zh", certificate(Locale::Zh, 36, false)),
        ("en", certificate(Locale::En, 36, false)),
        ("zh-watermark", certificate(Locale::Zh, 36, true)),
        ("empty", certificate(Locale::En, 0, true)),
    ] {
        let path = dir.join(format!("certificate-{name}.pdf"));
        std::fs::write(&path, render(&doc)).expect("sample dir is writable");
        println!("{}", path.display());
    }
}
