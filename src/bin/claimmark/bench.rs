//! `claimmark bench FILE`: MB/s for sentence splitting alone and for full segmentation.

use crate::{read_input, usage, write_out, Fail, Opts};
use claimmark::segment::{segment, sentences};
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

pub(crate) fn run(o: Opts) -> Result<(), Fail> {
    let Some(file) = o.file.as_deref() else {
        return Err(usage("bench needs a FILE"));
    };
    let text = read_input(Some(file), true)?;
    let runs = o.runs.unwrap_or(7);
    let mb = text.len() as f64 / 1e6;
    let lines = claimmark::segment::blocks::lines(&text);
    let mut sent_t = vec![];
    let mut full_t = vec![];
    let mut n_sent = 0;
    let mut n_blocks = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let mut n = 0;
        for &l in &lines {
            n += sentences::split(&text, l).len();
        }
        sent_t.push(t.elapsed().as_secs_f64());
        n_sent = n;
        let t = Instant::now();
        let doc = segment(&text);
        full_t.push(t.elapsed().as_secs_f64());
        n_blocks = doc.blocks.len();
        std::hint::black_box(&doc);
    }
    let (s, f) = (median(sent_t), median(full_t));
    write_out(&format!(
        "input: {file} ({mb:.2} MB, {n_blocks} blocks, {n_sent} sentences), median of {runs} runs\n\
         sentences only:    {:8.1} MB/s ({:.2} ms)\n\
         full segmentation: {:8.1} MB/s ({:.2} ms)\n",
        mb / s,
        s * 1e3,
        mb / f,
        f * 1e3
    ))
}
