//! Rendering time of a realistic certificate (three years of contributions, 36 table rows), and
//! of the watermarked copies a helpdesk session hands out: that certificate as a PDF from
//! outside, and a scanned page as a PNG. Run with `cargo bench -p app --features ssr --bench pdf`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use app::i18n::Locale;
use app::models::filing::DocumentType;
use app::server::pdf::stamp::watermarked;
use app::server::pdf::{Align, Block, Column, Document, Table, Verification, render};
use chrono::TimeZone;

const WARM_UP: usize = 20;
const RUNS: usize = 300;

fn certificate() -> Document {
    let employers = [
        "北京金宝信息技术有限公司",
        "上海浦东新区城市建设发展集团有限公司",
        "深圳市南山区科技创新服务中心",
    ];
    let rows = (0..36)
        .map(|i| {
            let (year, month) = (2022 + i / 12, i % 12 + 1);
            vec![
                employers[i / 12].to_owned(),
                format!("{year}-{month:02}"),
                format!("{year}-{month:02}"),
                ["城镇职工基本养老保险", "失业保险", "基本医疗保险"][i % 3].to_owned(),
                "1".to_owned(),
                format!("{},{:03}.{:02}", 7 + i % 5, (i * 137) % 1000, (i * 7) % 100),
                ["北京市朝阳区", "上海市浦东新区", "深圳市南山区"][i / 12].to_owned(),
            ]
        })
        .collect();
    let column = |title: &str, weight: f32, align: Align| Column {
        title: title.to_owned(),
        weight,
        align,
    };
    let pair = |label: &str, value: &str| (label.to_owned(), value.to_owned());
    Document {
        locale: Locale::Zh,
        title: "参保缴费证明".to_owned(),
        subtitle: Some("个人社会保险参保缴费情况（2022年01月—2024年12月）".to_owned()),
        blocks: vec![
            Block::Heading("参保人信息".to_owned()),
            Block::Fields(vec![
                pair("姓名", "李明轩"),
                pair("性别", "男"),
                pair("公民身份号码", "110101199003071234"),
                pair("社会保障号码", "1101019003071234"),
                pair("参保状态", "正常参保"),
                pair("参保地", "北京市朝阳区"),
            ]),
            Block::Heading("缴费明细".to_owned()),
            Block::Table(Table {
                columns: vec![
                    column("单位名称", 3.0, Align::Left),
                    column("起始年月", 1.1, Align::Center),
                    column("截止年月", 1.1, Align::Center),
                    column("险种", 1.7, Align::Left),
                    column("月数", 0.8, Align::Right),
                    column("缴费基数（元）", 1.4, Align::Right),
                    column("参保地", 1.4, Align::Left),
                ],
                rows,
                empty: "无缴费记录".to_owned(),
            }),
            Block::Paragraph(
                "本证明根据社会保险经办机构记录的数据生成，仅证明参保人在上述期间的参保缴费情况。\
                 如对记录有异议，请携带本人有效身份证件到参保地经办机构核实。"
                    .to_owned(),
            ),
        ],
        verification: Verification {
            lines: vec![
                pair("文档编号", "JB7K2M9Q4XWP"),
                pair("核验码", "4K7Q-M2XW-9PLT"),
            ],
            url: "https://jinbao.example.cn/verify/JB7K2M9Q4XWP?code=4K7Q-M2XW-9PLT".to_owned(),
            note: "扫描二维码或访问上述网址核验本证明的真伪与状态。".to_owned(),
        },
        footer: "文档编号 JB7K2M9Q4XWP".to_owned(),
        watermark: Some("仅供核验 JB7K2M9Q4XWP".to_owned()),
        created: chrono::Utc
            .with_ymd_and_hms(2025, 1, 15, 9, 30, 0)
            .single()
            .expect("a valid fixed date"),
        id_seed: "JB7K2M9Q4XWP".to_owned(),
    }
}

const MARK: &str = "客服协助会话：由 周敏 代为导出（工单 T-20261206-0001）";

/// A scanned A4 page at 150 dpi in grey: paper with lines of "text" (short dark runs).
fn scan_png() -> Vec<u8> {
    let (w, h) = (1240_u32, 1754_u32);
    let pixels: Vec<u8> = (0..h)
        .flat_map(|y| {
            (0..w).map(move |x| {
                let in_line = (y / 12) % 3 == 0 && (150..w - 150).contains(&x);
                if in_line && (x * 7 + y * 13) % 23 < 9 {
                    30
                } else {
                    245
                }
            })
        })
        .collect();
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, w, h);
    encoder.set_color(png::ColorType::Grayscale);
    let mut writer = encoder.write_header().expect("header");
    writer.write_image_data(&pixels).expect("pixels");
    writer.finish().expect("end");
    bytes
}

/// Times `run` (which returns the size of what it made) and prints its percentiles.
fn measure(label: &str, mut run: impl FnMut() -> usize) {
    let mut size = 0;
    for _ in 0..WARM_UP {
        size = run();
    }
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            black_box(run());
            start.elapsed()
        })
        .collect();
    times.sort();
    let percentile = |p: usize| times[(RUNS * p / 100).min(RUNS - 1)].as_secs_f64() * 1000.0;
    println!(
        "{label}: p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, {size} bytes",
        percentile(50),
        percentile(90),
        percentile(99),
    );
}

fn main() {
    let doc = certificate();
    measure("pdf render, 36-row certificate", || {
        render(black_box(&doc)).len()
    });
    let pdf = render(&doc);
    measure("watermark over that certificate as an uploaded PDF", || {
        let stamped = watermarked(DocumentType::Pdf, black_box(&pdf), MARK);
        stamped.expect("stamps").len()
    });
    let scan = scan_png();
    println!("(the scan: {} bytes of PNG)", scan.len());
    measure(
        "a scanned page (PNG, 1240 × 1754) under the watermark",
        || {
            let stamped = watermarked(DocumentType::Png, black_box(&scan), MARK);
            stamped.expect("stamps").len()
        },
    );
}
