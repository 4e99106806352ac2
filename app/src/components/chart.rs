//! A server-rendered SVG chart of monthly contributions and the contribution base over a
//! career, with gaps shaded and arrears marked. It reads without JavaScript, scales to a phone,
//! and carries a title and summary for screen readers (the page adds the table).

use crate::i18n::tr;
use crate::models::gaps::{Gap, GapKind};
use crate::models::insurance::{month_index, month_label, yuan};
use crate::models::record::ChartPoint;
use leptos::prelude::*;

// A small canvas keeps labels legible when a phone scales the chart down to ~320 px.
const W: f64 = 400.0;
const H: f64 = 220.0;
const LEFT: f64 = 46.0;
const RIGHT: f64 = 6.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 24.0;

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

#[component]
pub fn ContributionChart(
    id: &'static str,
    title: String,
    points: Vec<ChartPoint>,
    gaps: Vec<Gap>,
) -> impl IntoView {
    let t = tr().record;
    let (Some(first), Some(last)) = (points.first().copied(), points.last().copied()) else {
        return view! { <p class="muted">{t.chart_empty}</p> }.into_any();
    };
    let start = month_index(first.month) as f64;
    let end = (month_index(last.month) + last.months_covered) as f64;
    let span = (end - start).max(1.0);
    let x = move |m: i32| LEFT + (month_index(m) as f64 - start) / span * (W - LEFT - RIGHT);
    let unit = (W - LEFT - RIGHT) / span;
    // Amounts per month: a yearly payment is spread over its twelve months.
    let per_month = |p: &ChartPoint| p.total as f64 / f64::from(p.months_covered.max(1));
    let max = points
        .iter()
        .map(|p| (p.base as f64).max(per_month(p)))
        .fold(1.0, f64::max);
    let step = nice_step(max, 4.0);
    let top = (max / step).ceil() * step;
    let y = move |v: f64| TOP + (1.0 - v / top) * (H - TOP - BOTTOM);

    let bars = points
        .iter()
        .map(|p| {
            let h = (H - BOTTOM) - y(per_month(p));
            let fill = if p.paid { "#1d4ed8" } else { "#9f1239" };
            view! {
                <rect x=format!("{:.2}", x(p.month)) y=format!("{:.2}", y(per_month(p)))
                    width=format!("{:.2}", (unit * f64::from(p.months_covered)).max(0.6)) height=format!("{:.2}", h.max(0.0))
                    fill=fill/>
            }
        })
        .collect_view();
    let base_line: String = points
        .iter()
        .filter(|p| p.base > 0)
        .map(|p| format!("{:.2},{:.2}", x(p.month) + unit / 2.0, y(p.base as f64)))
        .collect::<Vec<_>>()
        .join(" ");
    let gap_rects = gaps
        .iter()
        .filter(|g| g.kind == GapKind::NoContribution)
        .map(|g| {
            view! {
                <rect x=format!("{:.2}", x(g.from)) y=TOP width=format!("{:.2}", (unit * g.months as f64).max(1.5))
                    height=H - TOP - BOTTOM fill="#fde2e2" stroke="#9f1239" stroke-width="0.8" stroke-dasharray="3 2"/>
            }
        })
        .collect_view();
    let y_ticks = (0..=((top / step) as i64))
        .map(|i| {
            let v = step * i as f64;
            view! {
                <line x1=LEFT x2=W - RIGHT y1=y(v) y2=y(v) stroke="#d9e2ec" stroke-width="0.8"/>
                <text x=LEFT - 4.0 y=y(v) + 4.0 text-anchor="end" font-size="11" fill="#3e4c59">
                    {yuan(v as i64).trim_end_matches(".00").to_string()}
                </text>
            }
        })
        .collect_view();
    let first_year = first.month / 100;
    let last_year = (month_index(last.month) + last.months_covered - 1) / 12;
    let year_step = ((last_year - first_year) / 4).max(1);
    let x_ticks = (first_year..=last_year)
        .filter(|yr| (yr - first_year) % year_step == 0)
        .filter(|yr| (*yr * 12) as f64 >= start)
        .map(|yr| {
            let xx = x(yr * 100 + 1);
            view! {
                <line x1=xx x2=xx y1=H - BOTTOM y2=H - BOTTOM + 4.0 stroke="#52606d"/>
                <text x=xx y=H - 8.0 text-anchor="middle" font-size="11" fill="#3e4c59">{yr}</text>
            }
        })
        .collect_view();

    let paid_months: i64 = points
        .iter()
        .filter(|p| p.paid)
        .map(|p| i64::from(p.months_covered))
        .sum();
    let summary = (t.chart_summary)(
        &month_label(first.month),
        &month_label(last.month),
        paid_months,
        gaps.len(),
        &yuan(
            points
                .iter()
                .rev()
                .find(|p| p.base > 0)
                .map_or(0, |p| p.base),
        ),
    );
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled_by = format!("{title_id} {desc_id}");
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-labelledby=labelled_by
                xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">
                <title id=title_id>{title}</title>
                <desc id=desc_id>{summary.clone()}</desc>
                {y_ticks}
                {gap_rects}
                {bars}
                <polyline points=base_line fill="none" stroke="#a61b1b" stroke-width="1.6"/>
                <line x1=LEFT x2=W - RIGHT y1=H - BOTTOM y2=H - BOTTOM stroke="#52606d"/>
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
    use super::nice_step;

    #[test]
    fn axis_steps_are_round() {
        assert_eq!(nice_step(18_777.0, 4.0), 5_000.0);
        assert_eq!(nice_step(3_900.0, 4.0), 1_000.0);
        assert_eq!(nice_step(0.0, 4.0), 1.0);
    }
}
