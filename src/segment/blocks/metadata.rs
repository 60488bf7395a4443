//! Reading metadata from labelled lines: dates, author, dateline and source.
//!
//! Case is compared through [`fold`] and the small letter tests below (ASCII,
//! Latin-1, Cyrillic), not Unicode case tables, to keep the wasm build small.

use super::features::{fold, pack, packed_size, plain, record, trim_end_any, trim_start_any};

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

/// "Updated" labels, folded, packed (see [`pack`]).
static UPDATED: [u8; packed_size(&plain::<9>(UPDATED_LIST))] = pack(&plain::<9>(UPDATED_LIST));
const UPDATED_LIST: &[&str] = &[
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
/// "Published" labels, folded, packed (see [`pack`]).
static PUBLISHED: [u8; packed_size(&plain::<9>(PUBLISHED_LIST))] =
    pack(&plain::<9>(PUBLISHED_LIST));
const PUBLISHED_LIST: &[&str] = &[
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

/// Splits a timestamp line into (published, updated).
///
/// `Jul 26, 2021, 8:34 PM | Updated: Jul 27, 2021, 9:27 pm` gives both;
/// `Updated 1:39 am EST, Nov. 20, 2019` gives only `updated`.
pub fn timestamps(line: &str) -> (Option<String>, Option<String>) {
    let lower = folded(line);
    // Where an "updated" label starts (folding keeps byte offsets): the
    // first position where one does.
    let mut at = None;
    for i in 0..lower.len() {
        let mut q = 0;
        while q < UPDATED.len() {
            let (u, _) = record(&UPDATED, &mut q);
            if lower[i..].starts_with(u) {
                at = Some(i);
                break;
            }
        }
        if at.is_some() {
            break;
        }
    }
    let (published, updated) = match at {
        Some(i) if line.is_char_boundary(i) => (&line[..i], Some(&line[i..])),
        _ => (line, None),
    };
    let upd = match updated {
        Some(u) => clean_stamp(u, &UPDATED),
        None => None,
    };
    (clean_stamp(published, &PUBLISHED), upd)
}

/// A timestamp without surrounding bars, dots and dashes and without its
/// label (one of packed table `labels`) and a following "on".
fn clean_stamp(s: &str, labels: &[u8]) -> Option<String> {
    let set = ['|', '·', '•', '-'];
    let mut t = trim_start_any(trim_end_any(s.trim(), &set), &set).trim();
    let tl = folded(t);
    let mut q = 0;
    while q < labels.len() {
        let (l, _) = record(labels, &mut q);
        if tl.starts_with(l) && t.is_char_boundary(l.len()) {
            t = trim_start_any(&t[l.len()..], &[':', ' ', '.']).trim_start();
            if t.as_bytes()
                .get(..3)
                .is_some_and(|p| p.eq_ignore_ascii_case(b"on "))
            {
                t = &t[3..];
            }
            break;
        }
    }
    let t = trim_end_any(t.trim(), &['|', '·', '•', ' ']);
    owned(t)
}

/// `t` as an owned string, or nothing when it is empty.
fn owned(t: &str) -> Option<String> {
    if t.is_empty() {
        None
    } else {
        Some(t.to_string())
    }
}

/// The author names of a "By …" line, without the label.
pub fn byline(line: &str) -> Option<String> {
    let t = line.trim();
    let mut rest = None;
    for (i, c) in t.char_indices() {
        if c.is_whitespace() {
            rest = Some(&t[i..]);
            break;
        }
    }
    let mut rest = rest?;
    while let Some(c) = rest.chars().next() {
        if !c.is_whitespace() && c != ':' {
            break;
        }
        rest = &rest[c.len_utf8()..];
    }
    owned(rest)
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
    let h = head.as_bytes();
    // The first of " — ", " – ", " -- ", " - ".
    let mut dash = 0;
    loop {
        let r = h.get(dash..)?;
        if r.starts_with(" — ".as_bytes())
            || r.starts_with(" – ".as_bytes())
            || r.starts_with(b" -- ")
            || r.starts_with(b" - ")
        {
            break;
        }
        dash += 1;
    }
    let lead = head[..dash].trim();
    if lead.is_empty() {
        return None;
    }
    let lb = lead.as_bytes();
    let mut open = lb.len();
    while open > 0 && lb[open - 1] != b'(' {
        open -= 1;
    }
    let (place, source) = if open > 0 && lb[lb.len() - 1] == b')' {
        (
            lead[..open - 1].trim(),
            owned(lead[open..lb.len() - 1].trim()),
        )
    } else {
        (lead, None)
    };
    // The place starts with a word in capitals (SEOUL, WASHINGTON, MCLEAN).
    let mut letters = 0;
    let mut caps = true;
    for c in place.chars() {
        if c == ',' || c == ' ' {
            break;
        }
        letters += usize::from(c.is_ascii_alphabetic() || !c.is_ascii() && c != '·');
        caps &= !is_lower(c);
    }
    // Words separated by whitespace.
    let mut words = 0;
    let mut space = true;
    for c in place.chars() {
        let w = c.is_whitespace();
        words += usize::from(space && !w);
        space = w;
    }
    if letters < 2 || !caps || words > 6 {
        return None;
    }
    Some((trim_end_any(place, &[',']).to_string(), source))
}

/// The agency named in a photo credit: `(AP Photo/Jon Chol Jin)` gives `AP`.
pub fn credit_source(credit: &str) -> Option<String> {
    let t = trim_start_any(credit.trim(), &['(']);
    let b = t.as_bytes();
    let mut i = 0;
    while b.get(i).is_some_and(|&c| c != b' ' && c != b'/') {
        i += 1;
    }
    if i == b.len() {
        return None;
    }
    let word = &t[..i];
    let rest = folded(t[i..].trim_start());
    let agency = word.len() >= 2
        && word.chars().all(is_upper)
        && (rest.starts_with(b"photo") || rest.starts_with(b"foto") || rest.starts_with(b"/"));
    if agency {
        owned(word)
    } else {
        None
    }
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
