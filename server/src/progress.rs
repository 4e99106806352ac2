//! Progress of the long commands (seed, import).

/// A bar on a terminal; a line per tenth otherwise, so logs of long runs show progress too.
pub struct Progress {
    label: &'static str,
    unit: &'static str,
    bar: indicatif::ProgressBar,
    total: usize,
    done: usize,
    started: std::time::Instant,
}

impl Progress {
    pub fn new(label: &'static str, total: usize, unit: &'static str) -> Self {
        use std::io::IsTerminal;
        let bar = if std::io::stderr().is_terminal() {
            indicatif::ProgressBar::new(total as u64)
        } else {
            indicatif::ProgressBar::hidden()
        };
        bar.set_style(
            indicatif::ProgressStyle::with_template(&format!(
                "{label} [{{bar:40}}] {{pos}}/{{len}} {unit}, {{per_sec}}, eta {{eta}}"
            ))
            .expect("a valid template"),
        );
        Self {
            label,
            unit,
            bar,
            total,
            done: 0,
            started: std::time::Instant::now(),
        }
    }

    pub fn advance(&mut self, n: usize) {
        let tenth = (self.total / 10).max(1);
        let before = self.done / tenth;
        self.done += n;
        self.bar.inc(n as u64);
        if self.bar.is_hidden() && self.done / tenth > before {
            eprintln!(
                "{}: {}/{} {} ({:.0}s)",
                self.label,
                self.done,
                self.total,
                self.unit,
                self.started.elapsed().as_secs_f64()
            );
        }
    }

    pub fn finish(self) {
        self.bar.finish_and_clear();
    }
}
