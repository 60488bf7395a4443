//! Reading metadata from labelled lines: dates, author, dateline and source.
//!
//! Case is compared through [`fold`] and the small letter tests below (ASCII,
//! Latin-1, Cyrillic), not Unicode case tables, to keep the wasm build small.

use super::features::fold;

/// `s` case-folded (same byte length as `s`, see [`fold`]).
fn folded(s: &str) -> Vec<u8> {
    let mut buf = vec![0; s.len() + 1];
    fold(s.as_bytes(), &mut buf);
    buf.truncate(s.len());
    buf
}

/// A small letter in ASCII, Latin-1 or Cyrillic.
fn is_lower(c: char) -> bool {
    matches!(c, 'a'..='z' | 'ß'..='ÿ' | 'а'..='я' | 'ѐ'..='џ') && c != '÷'
}

/// A capital letter in ASCII, Latin-1 or Cyrillic.
fn is_upper(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'À'..='Þ' | 'А'..='Я' | 'Ѐ'..='Џ') && c != '×'
}

/// Splits a timestamp line into (published, updated).
///
/// `Jul 26, 2021, 8:34 PM | Updated: Jul 27, 2021, 9:27 pm` gives both;
/// `Updated 1:39 am EST, Nov. 20, 2019` gives only `updated`.
pub fn timestamps(line: &str) -> (Option<String>, Option<String>) {
    const UPDATED: &[&str] = &[
        "updated",
        "last updated",
        "aktualisiert",
        "обновлено",
        "atualizado",
        "actualizado",
        "mis à jour",
        "diperbarui",
        "更新",
    ];
    const PUBLISHED: &[&str] = &[
        "published",
        "first published",
        "posted",
        "veröffentlicht",
        "опубликовано",
        "publicado",
        "publié",
        "diterbitkan",
        "公開",
    ];
    let lower = folded(line);
    // Where an "updated" label starts (folding keeps byte offsets).
    let at = UPDATED
        .iter()
        .filter_map(|u| {
            let u = u.as_bytes();
            lower.windows(u.len()).position(|w| w == u)
        })
        .min();
    let (published, updated) = match at {
        Some(i) if line.is_char_boundary(i) => (&line[..i], Some(&line[i..])),
        _ => (line, None),
    };
    let clean = |s: &str, labels: &[&str]| -> Option<String> {
        let mut t = s
            .trim()
            .trim_matches(|c: char| c == '|' || c == '·' || c == '•' || c == '-');
        t = t.trim();
        let tl = folded(t);
        for l in labels {
            if tl.starts_with(l.as_bytes()) && t.is_char_boundary(l.len()) {
                t = t[l.len()..]
                    .trim_start_matches([':', ' ', '.'])
                    .trim_start();
                if t.as_bytes()
                    .get(..3)
                    .is_some_and(|p| p.eq_ignore_ascii_case(b"on "))
                {
                    t = &t[3..];
                }
                break;
            }
        }
        let t = t.trim().trim_end_matches(['|', '·', '•', ' ']);
        (!t.is_empty()).then(|| t.to_string())
    };
    let upd = updated.and_then(|u| clean(u, UPDATED));
    let publ = clean(published, PUBLISHED);
    (publ, upd)
}

/// The author names of a "By …" line, without the label.
pub fn byline(line: &str) -> Option<String> {
    let t = line.trim();
    let sp = t.find(|c: char| c.is_whitespace())?;
    let rest = t[sp..].trim_start_matches(|c: char| c.is_whitespace() || c == ':');
    (!rest.is_empty()).then(|| rest.to_string())
}

/// A dateline at the start of a body paragraph: `SEOUL, South Korea (AP) — …`
/// gives `("SEOUL, South Korea", Some("AP"))`.
pub fn dateline(para: &str) -> Option<(String, Option<String>)> {
    // The dash must come early; look only at the first 120 bytes (on a char boundary).
    let mut cut = para.len().min(120);
    while !para.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &para[..cut];
    let dash = [" — ", " – ", " -- ", " - "]
        .iter()
        .filter_map(|d| head.find(d))
        .min()?;
    let lead = head[..dash].trim();
    if lead.is_empty() {
        return None;
    }
    let (place, source) = match (lead.rfind('('), lead.ends_with(')')) {
        (Some(i), true) => {
            let src = lead[i + 1..lead.len() - 1].trim();
            (lead[..i].trim(), (!src.is_empty()).then(|| src.to_string()))
        }
        _ => (lead, None),
    };
    // The place starts with a word in capitals (SEOUL, WASHINGTON, MCLEAN).
    let first = place.split([',', ' ']).next().unwrap_or("");
    let letters = first
        .chars()
        .filter(|&c| c.is_ascii_alphabetic() || !c.is_ascii() && c != '·')
        .count();
    let caps = first.chars().all(|c| !is_lower(c));
    if letters < 2 || !caps || place.split_whitespace().count() > 6 {
        return None;
    }
    Some((place.trim_end_matches(',').to_string(), source))
}

/// The agency named in a photo credit: `(AP Photo/Jon Chol Jin)` gives `AP`.
pub fn credit_source(credit: &str) -> Option<String> {
    let t = credit.trim().trim_start_matches('(');
    let i = t.find([' ', '/'])?;
    let word = &t[..i];
    let rest = folded(t[i..].trim_start());
    let agency = word.len() >= 2
        && word.chars().all(is_upper)
        && (rest.starts_with(b"photo") || rest.starts_with(b"foto") || rest.starts_with(b"/"));
    agency.then(|| word.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_timestamps() {
        assert_eq!(
            timestamps("Jul 26, 2021, 8:34 PM | Updated: Jul 27, 2021, 9:27 pm"),
            (
                Some("Jul 26, 2021, 8:34 PM".into()),
                Some("Jul 27, 2021, 9:27 pm".into())
            )
        );
        assert_eq!(
            timestamps("Updated 1:39 am EST, Wednesday, November 20, 2019"),
            (
                None,
                Some("1:39 am EST, Wednesday, November 20, 2019".into())
            )
        );
        assert_eq!(
            timestamps("Published: 20.11.2019"),
            (Some("20.11.2019".into()), None)
        );
        assert_eq!(
            timestamps("Опубликовано: 26.07.2021 | Обновлено 27.07.2021"),
            (Some("26.07.2021".into()), Some("27.07.2021".into()))
        );
        assert_eq!(
            timestamps("26 июля 2021"),
            (Some("26 июля 2021".into()), None)
        );
    }

    #[test]
    fn datelines() {
        assert_eq!(
            dateline("SEOUL, South Korea (AP) — North and South Korea have exchanged messages."),
            Some(("SEOUL, South Korea".into(), Some("AP".into())))
        );
        assert_eq!(
            dateline("BERLIN (dpa) - Die Gespräche gehen weiter."),
            Some(("BERLIN".into(), Some("dpa".into())))
        );
        assert_eq!(dateline("The talks — if any — will resume."), None);
        assert_eq!(dateline("No dash at all here."), None);
    }

    #[test]
    fn bylines_and_credits() {
        assert_eq!(
            byline("By Sarah E. Needleman"),
            Some("Sarah E. Needleman".into())
        );
        assert_eq!(byline("Von: Anna Schmidt"), Some("Anna Schmidt".into()));
        assert_eq!(credit_source("(AP Photo/Jon Chol Jin)"), Some("AP".into()));
        assert_eq!(credit_source("(Photo by someone)"), None);
        assert_eq!(credit_source("(ТАСС/Фото)"), Some("ТАСС".into()));
        assert_eq!(credit_source("(AFP PHOTO / Jane Doe)"), Some("AFP".into()));
    }
}
