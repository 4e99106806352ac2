//! A server-rendered SVG chart of monthly contributions and the contribution base over a
//! career, with gaps shaded and arrears marked. It reads without JavaScript, scales to a phone,
//! and carries a title and summary for screen readers (the page adds the table).
//!
//! The geometry is computed apart from the view: months with the same amount, base and state
//! merge into one bar, and the bars of each colour are one `<path>` with integer coordinates,
//! so a 30-year career is a few hundred bytes of path data instead of 360 elements (and the
//! page renders in a fraction of the time).

use crate::i18n::tr;
use crate::models::gaps::{Gap, GapKind};
use crate::models::insurance::{month_index, month_label, yuan};
use crate::models::record::ChartPoint;
use leptos::prelude::*;
use std::fmt::Write;

// A small canvas keeps labels legible when a phone scales the chart down to ~320 px; its
// units are tenths, so every coordinate is an integer.
const W: i32 = 4000;
const H: i32 = 2200;
const LEFT: i32 = 460;
const RIGHT: i32 = 60;
const TOP: i32 = 100;
const BOTTOM: i32 = 240;
/// The narrowest bar or gap that still shows at phone width.
const MIN_BAR: i32 = 6;
const MIN_GAP: i32 = 15;

/// A round step for axis labels (1, 2 or 5 × 10ⁿ) giving at most `n` ticks up to `max`.
fn nice_step(max: f64, n: f64) -> f64 {
    let raw = (max / n).max(1.0);
    let mag = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag)
}

/// Everything the chart draws, in canvas units.
#[derive(Debug, Default, PartialEq)]
struct Geometry {
    /// Path data of the paid bars and of the bars in arrears.
    paid: String,
    arrears: String,
    /// Polyline points of the contribution base, one pair per change of base.
    base_line: String,
    /// Gaps without contributions: x and width.
    gaps: Vec<(i32, i32)>,
    /// Horizontal grid lines: y and the amount in fen.
    y_ticks: Vec<(i32, i64)>,
    /// Year marks on the time axis: x and the year.
    x_ticks: Vec<(i32, i32)>,
}

fn geometry(points: &[ChartPoint], gaps: &[Gap]) -> Option<Geometry> {
    let (first, last) = (points.first()?, points.last()?);
    let start = month_index(first.month);
    let end = month_index(last.month) + last.months_covered;
    let unit = f64::from(W - LEFT - RIGHT) / f64::from((end - start).max(1));
    let x = |index: i32| LEFT + (f64::from(index - start) * unit).round() as i32;
    // Amounts per month: a yearly payment is spread over its twelve months.
    let per_month = |p: &ChartPoint| p.total / i64::from(p.months_covered.max(1));
    let max = points
        .iter()
        .map(|p| p.base.max(per_month(p)))
        .fold(1, i64::max) as f64;
    let step = nice_step(max, 4.0);
    let top = (max / step).ceil() * step;
    let floor = H - BOTTOM;
    let y = |v: f64| TOP + ((1.0 - v / top) * f64::from(floor - TOP)).round() as i32;

    let mut g = Geometry::default();
    let mut i = 0;
    while i < points.len() {
        // The run of months continuing this point with the same amount and state.
        let p = &points[i];
        let mut next = month_index(p.month) + p.months_covered;
        let mut j = i + 1;
        while let Some(q) = points.get(j)
            && month_index(q.month) == next
            && q.paid == p.paid
            && per_month(q) == per_month(p)
        {
            next += q.months_covered;
            j += 1;
        }
        let (x0, top_y) = (x(month_index(p.month)), y(per_month(p) as f64));
        let x1 = x(next).max(x0 + MIN_BAR);
        if top_y < floor {
            let path = if p.paid { &mut g.paid } else { &mut g.arrears };
            let _ = write!(path, "M{x0} {top_y}H{x1}V{floor}H{x0}z");
        }
        i = j;
    }
    // The base line joins the middle of each month; only where the base changes does a point
    // add anything, so a constant run keeps its first and last month.
    let based: Vec<&ChartPoint> = points.iter().filter(|p| p.base > 0).collect();
    for (k, p) in based.iter().enumerate() {
        let same_before = k > 0 && based[k - 1].base == p.base;
        let same_after = based.get(k + 1).is_some_and(|n| n.base == p.base);
        if !(same_before && same_after) {
            let mid =
                LEFT + ((f64::from(month_index(p.month) - start) + 0.5) * unit).round() as i32;
            let sep = if g.base_line.is_empty() { "" } else { " " };
            let _ = write!(g.base_line, "{sep}{mid},{}", y(p.base as f64));
        }
    }
    g.gaps = gaps
        .iter()
        .filter(|gap| gap.kind == GapKind::NoContribution)
        .map(|gap| {
            let x0 = x(month_index(gap.from));
            (
                x0,
                (x(month_index(gap.from) + gap.months as i32) - x0).max(MIN_GAP),
            )
        })
        .collect();
    g.y_ticks = (0..=((top / step) as i64))
        .map(|k| {
            let v = step * k as f64;
            (y(v), v as i64)
        })
        .collect();
    let first_year = first.month / 100;
    let last_year = (end - 1) / 12;
    let year_step = ((last_year - first_year) / 4).max(1);
    g.x_ticks = (first_year..=last_year)
        .filter(|yr| (yr - first_year) % year_step == 0 && yr * 12 >= start)
        .map(|yr| (x(yr * 12), yr))
        .collect();
    Some(g)
}

#[component]
pub fn ContributionChart(
    id: &'static str,
    title: String,
    points: Vec<ChartPoint>,
    gaps: Vec<Gap>,
) -> impl IntoView {
    let t = tr().record;
    let Some(g) = geometry(&points, &gaps) else {
        return view! { <p class="muted">{t.chart_empty}</p> }.into_any();
    };
    let (first, last) = (points[0], points[points.len() - 1]);
    let paid_months: i64 = points
        .iter()
        .filter(|p| p.paid)
        .map(|p| i64::from(p.months_covered))
        .sum();
    let latest_base = points
        .iter()
        .rev()
        .find(|p| p.base > 0)
        .map_or(0, |p| p.base);
    let summary = (t.chart_summary)(
        &month_label(first.month),
        &month_label(last.month),
        paid_months,
        gaps.len(),
        &yuan(latest_base),
    );
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled_by = format!("{title_id} {desc_id}");
    let y_ticks = g
        .y_ticks
        .into_iter()
        .map(|(y, fen)| {
            view! {
                <line x1=LEFT x2=W - RIGHT y1=y y2=y stroke="#d9e2ec" stroke-width="8"/>
                <text x=LEFT - 40 y=y + 40 text-anchor="end" font-size="110" fill="#3e4c59">
                    {yuan(fen).trim_end_matches(".00").to_string()}
                </text>
            }
        })
        .collect_view();
    let gap_rects = g
        .gaps
        .into_iter()
        .map(|(x, width)| {
            view! {
                <rect x=x y=TOP width=width height=H - TOP - BOTTOM fill="#fde2e2" stroke="#9f1239"
                    stroke-width="8" stroke-dasharray="30 20"/>
            }
        })
        .collect_view();
    let x_ticks = g
        .x_ticks
        .into_iter()
        .map(|(x, year)| {
            view! {
                <line x1=x x2=x y1=H - BOTTOM y2=H - BOTTOM + 40 stroke="#52606d" stroke-width="10"/>
                <text x=x y=H - 80 text-anchor="middle" font-size="110" fill="#3e4c59">{year}</text>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-labelledby=labelled_by
                xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">
                <title id=title_id>{title}</title>
                <desc id=desc_id>{summary.clone()}</desc>
                {y_ticks}
                {gap_rects}
                <path d=g.paid fill="#1d4ed8"/>
                <path d=g.arrears fill="#9f1239"/>
                <polyline points=g.base_line fill="none" stroke="#a61b1b" stroke-width="16"/>
                <line x1=LEFT x2=W - RIGHT y1=H - BOTTOM y2=H - BOTTOM stroke="#52606d" stroke-width="10"/>
                {x_ticks}
            </svg>
            <figcaption>
                <ul class="legend" role="list">
                    <li><span class="swatch paid" aria-hidden="true"></span>{t.legend_paid}</li>
                    <li><span class="swatch arrears" aria-hidden="true"></span>{t.legend_arrears}</li>
                    <li><span class="swatch base" aria-hidden="true"></span>{t.legend_base}</li>
                    <li><span class="swatch gap" aria-hidden="true"></span>{t.legend_gap}</li>
                </ul>
                <p class="muted">{summary}</p>
            </figcaption>
        </figure>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(month: i32, base: i64, paid: bool) -> ChartPoint {
        ChartPoint {
            month,
            months_covered: 1,
            base,
            total: base * 24 / 100,
            paid,
        }
    }

    #[test]
    fn axis_steps_are_round() {
        assert_eq!(nice_step(18_777.0, 4.0), 5_000.0);
        assert_eq!(nice_step(3_900.0, 4.0), 1_000.0);
        assert_eq!(nice_step(0.0, 4.0), 1.0);
    }

    #[test]
    fn equal_months_make_one_bar_and_a_change_starts_another() {
        // Two years at one base, a raise, then a month in arrears.
        let mut points: Vec<ChartPoint> = (0..24)
            .map(|i| {
                point(
                    crate::models::insurance::month_from_index(2019 * 12 + i),
                    500_000,
                    true,
                )
            })
            .collect();
        points.extend((0..12).map(|i| point(202101 + i, 600_000, true)));
        points.push(point(202201, 600_000, false));
        let g = geometry(&points, &[]).unwrap();
        assert_eq!(g.paid.matches('M').count(), 2, "{}", g.paid);
        assert_eq!(g.arrears.matches('M').count(), 1, "{}", g.arrears);
        // The base line: first and last month of each base.
        assert_eq!(g.base_line.split(' ').count(), 4, "{}", g.base_line);
        // The bars fill the canvas between the margins, edge to edge.
        assert!(g.paid.starts_with(&format!("M{LEFT} ")));
        assert!(g.arrears.contains(&format!("H{}V", W - RIGHT)));
        // The top of the axis is a round amount above the highest base.
        assert_eq!(g.y_ticks.last().unwrap(), &(TOP, 600_000));
        assert_eq!(g.x_ticks.first().unwrap(), &(LEFT, 2019));
    }

    #[test]
    fn a_gap_is_shaded_and_no_points_draw_nothing() {
        let points = [point(202001, 500_000, true), point(202006, 500_000, true)];
        let gap = Gap {
            kind: GapKind::NoContribution,
            from: 202002,
            to: 202005,
            months: 4,
        };
        let g = geometry(&points, &[gap]).unwrap();
        assert_eq!(g.gaps.len(), 1);
        // Months apart are two bars even at the same amount.
        assert_eq!(g.paid.matches('M').count(), 2);
        assert_eq!(geometry(&[], &[]), None);
    }
}
