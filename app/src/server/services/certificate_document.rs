//! Lays a certificate's stored content out as a PDF document in the language it was issued
//! in. Pure: the same content, number and code always give the same document.

use crate::models::certificate::{CertificateBody, CertificateContent, Sex, grouped_code};
use crate::models::insurance::{month_label, yuan};
use crate::server::pdf::{Align, Block, Column, Document, Table, Verification};

/// `watermark` marks a download made in a helpdesk session; a certificate issued in one always
/// carries its own.
pub fn document(
    content: &CertificateContent,
    number: &str,
    code: &str,
    url: &str,
    watermark: Option<String>,
) -> Document {
    let locale = content.locale;
    let t = locale.texts();
    let c = t.certificate;
    let person = &content.person;
    let issuers = content
        .issuers
        .iter()
        .map(|n| n.get(locale).to_string())
        .collect::<Vec<_>>()
        .join(c.list_separator);
    let mut fields = vec![
        (c.name.to_string(), person.name.clone()),
        (c.id_number.to_string(), person.id_number.clone()),
        (
            c.sex.to_string(),
            match person.sex {
                Sex::Male => c.male,
                Sex::Female => c.female,
            }
            .to_string(),
        ),
        (
            c.purpose_label.to_string(),
            (c.purpose)(content.purpose).to_string(),
        ),
    ];
    let mut blocks = Vec::new();
    let amounts = content.purpose.fields().amounts;
    match &content.body {
        CertificateBody::Contributions {
            region,
            insurances,
            from,
            to,
            spans,
        } => {
            fields.push((c.region_label.to_string(), region.get(locale).to_string()));
            fields.push((
                c.period_label.to_string(),
                format!("{} – {}", month_label(*from), month_label(*to)),
            ));
            fields.push((
                c.insurances_label.to_string(),
                insurances
                    .iter()
                    .map(|i| (t.insurance_name)(*i))
                    .collect::<Vec<_>>()
                    .join(c.list_separator),
            ));
            blocks.push(Block::Fields(std::mem::take(&mut fields)));
            blocks.push(Block::Paragraph((c.contributions_statement)(
                &person.name,
                region.get(locale),
                &month_label(*from),
                &month_label(*to),
            )));
            let mut columns = vec![
                column(c.col_employer, 2.6, Align::Left),
                column(c.col_from, 1.0, Align::Center),
                column(c.col_to, 1.0, Align::Center),
                column(c.col_insurance, 1.3, Align::Left),
                column(c.col_months, 0.9, Align::Right),
            ];
            if amounts {
                columns.push(column(c.col_base, 1.3, Align::Right));
            }
            columns.push(column(c.col_region, 1.2, Align::Left));
            let rows = spans
                .iter()
                .map(|s| {
                    let mut row = vec![
                        s.employer
                            .clone()
                            .unwrap_or_else(|| c.no_employer.to_string()),
                        month_label(s.from),
                        month_label(s.to),
                        (t.insurance_name)(s.insurance).to_string(),
                        s.months_paid.to_string(),
                    ];
                    if let Some(base) = s.base.filter(|_| amounts) {
                        row.push(yuan(base));
                    }
                    row.push(s.region.get(locale).to_string());
                    row
                })
                .collect();
            blocks.push(Block::Table(Table {
                columns,
                rows,
                empty: c.no_rows.to_string(),
            }));
        }
        CertificateBody::AnnualStatement {
            year,
            lines,
            cumulative_pension_months,
            accounts,
        } => {
            fields.push((c.year_label.to_string(), year.to_string()));
            blocks.push(Block::Fields(std::mem::take(&mut fields)));
            blocks.push(Block::Heading(c.annual_enrolment.to_string()));
            let mut columns = vec![
                column(c.col_insurance, 1.3, Align::Left),
                column(c.col_region, 1.2, Align::Left),
                column(c.col_status, 1.3, Align::Left),
                column(c.col_months_paid, 1.0, Align::Right),
                column(c.col_arrears, 1.0, Align::Right),
            ];
            if amounts {
                columns.extend([
                    column(c.col_base, 1.2, Align::Right),
                    column(c.col_personal, 1.2, Align::Right),
                    column(c.col_employer_part, 1.2, Align::Right),
                ]);
            }
            let rows = lines
                .iter()
                .map(|l| {
                    let mut row = vec![
                        (t.insurance_name)(l.insurance).to_string(),
                        l.standing
                            .as_ref()
                            .map(|(r, _)| r.get(locale).to_string())
                            .unwrap_or_default(),
                        l.standing
                            .as_ref()
                            .map(|(_, s)| (t.status_name)(*s).to_string())
                            .unwrap_or_else(|| c.not_enrolled_short.to_string()),
                        l.months_paid.to_string(),
                        l.months_in_arrears.to_string(),
                    ];
                    if let Some(a) = l.amounts.filter(|_| amounts) {
                        row.extend([yuan(a.base), yuan(a.personal), yuan(a.employer)]);
                    }
                    row
                })
                .collect();
            blocks.push(Block::Table(Table {
                columns,
                rows,
                empty: c.no_rows.to_string(),
            }));
            blocks.push(Block::Paragraph((c.cumulative)(
                *year,
                cumulative_pension_months / 12,
                cumulative_pension_months % 12,
            )));
            blocks.push(Block::Heading(c.annual_accounts.to_string()));
            match accounts {
                Some(accounts) => blocks.push(Block::Table(Table {
                    columns: vec![
                        column(c.col_account, 1.3, Align::Left),
                        column(c.col_opening, 1.0, Align::Right),
                        column(c.col_credited, 1.0, Align::Right),
                        column(c.col_interest, 1.0, Align::Right),
                        column(c.col_withdrawn, 1.0, Align::Right),
                        column(c.col_closing, 1.0, Align::Right),
                    ],
                    rows: accounts
                        .iter()
                        .map(|a| {
                            vec![
                                (t.insurance_name)(a.insurance).to_string(),
                                yuan(a.opening),
                                yuan(a.credited),
                                yuan(a.interest),
                                yuan(a.withdrawn),
                                yuan(a.closing),
                            ]
                        })
                        .collect(),
                    empty: c.no_accounts.to_string(),
                })),
                None => blocks.push(Block::Paragraph((c.amounts_hidden)((c.purpose)(
                    content.purpose,
                )))),
            }
        }
        CertificateBody::NoBenefit => {
            blocks.push(Block::Fields(std::mem::take(&mut fields)));
            blocks.push(Block::Paragraph((c.no_benefit_statement)(
                &person.name,
                &content.data_as_of.to_string(),
            )));
        }
        CertificateBody::PensionBenefit {
            scheme,
            since,
            monthly,
            last_paid,
        } => {
            blocks.push(Block::Fields(std::mem::take(&mut fields)));
            blocks.push(Block::Paragraph((c.pension_statement)(
                &person.name,
                (t.scheme_name)(*scheme),
                &month_label(*since),
                &issuers,
                &content.data_as_of.to_string(),
            )));
            match monthly.filter(|_| amounts) {
                Some(parts) => {
                    let b = t.benefit;
                    let rows = [
                        (b.part_basic, parts.basic),
                        (b.part_account, parts.account),
                        (b.part_transitional, parts.transitional),
                        (b.part_adjustments, parts.adjustments),
                        (b.total, parts.total()),
                    ]
                    .into_iter()
                    .filter(|(_, fen)| *fen > 0)
                    .map(|(label, fen)| vec![label.to_string(), yuan(fen)])
                    .collect();
                    blocks.push(Block::Table(Table {
                        columns: vec![
                            column(c.col_pension_part, 2.0, Align::Left),
                            column(c.col_monthly, 1.0, Align::Right),
                        ],
                        rows,
                        empty: c.no_rows.to_string(),
                    }));
                }
                None => blocks.push(Block::Paragraph((c.amounts_hidden)((c.purpose)(
                    content.purpose,
                )))),
            }
            if let Some(month) = last_paid {
                blocks.push(Block::Paragraph((c.pension_last_paid)(&month_label(
                    *month,
                ))));
            }
        }
        CertificateBody::NotEnrolled { insurance, ended } => {
            fields.push((
                c.insurance_label.to_string(),
                (t.insurance_name)(*insurance).to_string(),
            ));
            blocks.push(Block::Fields(std::mem::take(&mut fields)));
            blocks.push(Block::Paragraph((c.not_enrolled_statement)(
                &person.name,
                (t.insurance_name)(*insurance),
                &content.data_as_of.to_string(),
                ended.map(|d| d.to_string()).as_deref(),
            )));
        }
    }
    if !amounts && matches!(content.body, CertificateBody::Contributions { .. }) {
        blocks.push(Block::Paragraph((c.amounts_hidden)((c.purpose)(
            content.purpose,
        ))));
    }
    blocks.push(Block::Fields(vec![
        (c.issuers_label.to_string(), issuers),
        (
            c.issued_on.to_string(),
            crate::models::time::local_minute(content.issued_at),
        ),
        (c.data_as_of.to_string(), content.data_as_of.to_string()),
    ]));
    if let Some(by) = &content.assisted_by {
        blocks.push(Block::Paragraph(format!("{}{by}", c.assisted_note)));
    }
    Document {
        locale,
        title: (c.kind)(content.kind).to_string(),
        subtitle: Some(c.subtitle.to_string()),
        blocks,
        verification: Verification {
            lines: vec![
                (c.document_no.to_string(), number.to_string()),
                (c.code.to_string(), grouped_code(code)),
            ],
            url: url.to_string(),
            note: c.verify_note.to_string(),
        },
        footer: format!("{} {number}", c.document_no),
        watermark: content.assisted_by.clone().or(watermark),
        created: content.issued_at,
        id_seed: number.to_string(),
    }
}

fn column(title: &str, weight: f32, align: Align) -> Column {
    Column {
        title: title.to_string(),
        weight,
        align,
    }
}
