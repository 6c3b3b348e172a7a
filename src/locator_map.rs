//! The card's locator map: a window onto the country outlines (Natural Earth 1:110m, stored in
//! `kb-cards.bin`) around a place, its country shaded and the place marked. Composed here,
//! drawn by the front end as SVG, so what it shows is testable without a browser.

use crate::kb::Cards;

/// Units of the outline frame: 720 x 360, half a degree each.
const FRAME_W: f64 = 720.0;
const FRAME_H: f64 = 360.0;
/// The map's aspect ratio (width / height).
const ASPECT: f64 = 2.0;
/// Width of the window around a point place (a city, a site): 40 degrees.
const POINT_WINDOW_W: f64 = 80.0;
/// Narrowest window around a country.
const MIN_COUNTRY_WINDOW_W: f64 = 40.0;

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct LocatorMap {
    /// SVG viewBox: x, y, width, height in frame units.
    pub view_box: [f64; 4],
    /// Outlines of the other countries inside the window.
    pub land: Vec<String>,
    /// Outline of the place's own country (or the country itself), shaded.
    pub home: Option<String>,
    /// The place, in frame units, when it is a point (not a country).
    pub point: Option<(f64, f64)>,
}

/// Frame coordinates of a latitude and longitude.
pub fn project(lat: f64, lon: f64) -> (f64, f64) {
    ((lon + 180.0) * 2.0, (90.0 - lat) * 2.0)
}

/// Bounding box (min x, min y, max x, max y) of a path made of `M x y`, `l dx dy` and `z`.
pub fn path_bounds(path: &str) -> Option<[f64; 4]> {
    let mut bounds: Option<[f64; 4]> = None;
    let mut at = (0.0, 0.0);
    let mut numbers = Vec::with_capacity(2);
    let mut command = ' ';
    let mut flush = |command: char, numbers: &mut Vec<f64>, at: &mut (f64, f64)| {
        if numbers.len() != 2 {
            numbers.clear();
            return;
        }
        match command {
            'M' => *at = (numbers[0], numbers[1]),
            'l' => *at = (at.0 + numbers[0], at.1 + numbers[1]),
            _ => {
                numbers.clear();
                return;
            }
        }
        numbers.clear();
        let b = bounds.get_or_insert([at.0, at.1, at.0, at.1]);
        b[0] = b[0].min(at.0);
        b[1] = b[1].min(at.1);
        b[2] = b[2].max(at.0);
        b[3] = b[3].max(at.1);
    };
    for part in path.split_inclusive(|c: char| c.is_ascii_alphabetic() || c == ' ') {
        let (number, next) = match part.chars().last() {
            Some(c) if c.is_ascii_alphabetic() || c == ' ' => (&part[..part.len() - 1], Some(c)),
            _ => (part, None),
        };
        if let Ok(value) = number.parse::<f64>() {
            numbers.push(value);
        }
        if let Some(c) = next.filter(char::is_ascii_alphabetic) {
            flush(command, &mut numbers, &mut at);
            command = c;
        }
    }
    flush(command, &mut numbers, &mut at);
    bounds
}

fn overlaps(a: &[f64; 4], b: &[f64; 4]) -> bool {
    a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
}

/// A window of the given width and the map's aspect around a centre, kept inside the frame.
fn window(centre: (f64, f64), width: f64) -> [f64; 4] {
    let width = width.min(FRAME_W);
    let height = (width / ASPECT).min(FRAME_H);
    let x = (centre.0 - width / 2.0).clamp(0.0, FRAME_W - width);
    let y = (centre.1 - height / 2.0).clamp(0.0, FRAME_H - height);
    [x, y, width, height]
}

/// The map for a place at `coords` (latitude, longitude) in `country` (ISO alpha-2); for a
/// country itself (`is_country`) the window frames its outline and no point is marked.
pub fn locate(
    cards: &Cards<'_>,
    coords: Option<(f64, f64)>,
    country: &str,
    is_country: bool,
) -> Option<LocatorMap> {
    let home = (!country.is_empty())
        .then(|| cards.outline(country))
        .flatten();
    let point = coords
        .filter(|(lat, lon)| lat.abs() <= 90.0 && lon.abs() <= 180.0)
        .map(|(lat, lon)| project(lat, lon));
    let view_box = match (is_country, home.and_then(path_bounds), point) {
        (true, Some(b), _) => {
            let width = ((b[2] - b[0]) * 1.3)
                .max((b[3] - b[1]) * 1.3 * ASPECT)
                .max(MIN_COUNTRY_WINDOW_W);
            window(((b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0), width)
        }
        (_, _, Some(p)) => window(p, POINT_WINDOW_W),
        _ => return None,
    };
    let visible = [
        view_box[0],
        view_box[1],
        view_box[0] + view_box[2],
        view_box[1] + view_box[3],
    ];
    let land = cards
        .outlines()
        .filter(|(code, _)| *code != country)
        .filter(|(_, path)| path_bounds(path).is_some_and(|b| overlaps(&b, &visible)))
        .map(|(_, path)| path.to_string())
        .collect();
    Some(LocatorMap {
        view_box,
        land,
        home: home.map(str::to_string),
        point: if is_country { None } else { point },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_follow_relative_lines() {
        assert_eq!(
            path_bounds("M10 20l5 -3l-8 0zM100 5l1 1z"),
            Some([7.0, 5.0, 101.0, 20.0])
        );
        assert_eq!(path_bounds(""), None);
    }

    #[test]
    fn projection_puts_tehran_in_the_right_half_degree() {
        let (x, y) = project(35.69, 51.39);
        assert_eq!((x.round(), y.round()), (463.0, 109.0));
    }

    #[test]
    fn a_city_map_marks_the_city_inside_its_shaded_country() {
        let cards = Cards::embedded().unwrap();
        let map = locate(&cards, Some((35.69, 51.39)), "IR", false).unwrap();
        let home = path_bounds(map.home.as_deref().unwrap()).unwrap();
        let (x, y) = map.point.unwrap();
        assert!(home[0] <= x && x <= home[2] && home[1] <= y && y <= home[3]);
        let [vx, vy, vw, vh] = map.view_box;
        assert!(vx <= x && x <= vx + vw && vy <= y && y <= vy + vh);
        // Neighbours (Iraq, Turkey, Afghanistan ...) are drawn, the far side of the world not.
        assert!(
            map.land.len() >= 5 && map.land.len() < 60,
            "{}",
            map.land.len()
        );
    }

    #[test]
    fn a_country_map_frames_the_country_without_a_point() {
        let cards = Cards::embedded().unwrap();
        let map = locate(&cards, Some((32.0, 53.0)), "IR", true).unwrap();
        assert!(map.point.is_none());
        let home = path_bounds(map.home.as_deref().unwrap()).unwrap();
        let [vx, vy, vw, vh] = map.view_box;
        assert!(vx <= home[0] && home[2] <= vx + vw && vy <= home[1] && home[3] <= vy + vh);
    }

    #[test]
    fn no_coordinates_and_no_outline_means_no_map() {
        let cards = Cards::embedded().unwrap();
        assert!(locate(&cards, None, "", false).is_none());
        assert!(locate(&cards, Some((95.0, 0.0)), "", false).is_none());
    }
}
